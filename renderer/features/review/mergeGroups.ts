// Merge suggestions: orders of one shop to one receiver, all paid and not yet on the floor, that
// the pipeline says could ship as one parcel. A decision only names the orders it saw before it,
// so the groups are the connected parts of every order's mergeWith links.
import type { OrderRow } from '../../../shared/domain/types';
import { PRE_FLOOR } from '../../../shared/domain/fulfilment';
import { paidTime } from './orderText';

export interface MergeGroup {
  id: string;
  rows: OrderRow[];
  /** set once merged: the parcel they ship in */
  parcelId?: string;
}

const eligible = (r: OrderRow | undefined): r is OrderRow => !!r && !r.cancelled && r.channelStatus === 'paid' && PRE_FLOOR.has(r.fulfilment);

/** `rows`: open orders with merge links or a merge; `lookup`: those plus every order they link to. */
export function mergeGroups(rows: readonly OrderRow[], lookup: ReadonlyMap<string, OrderRow>): MergeGroup[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  const union = (a: string, b: string) => { const ra = find(a); const rb = find(b); if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb); };

  const open = new Map<string, OrderRow>();
  const merged = new Map<string, OrderRow[]>();
  for (const r of rows) {
    if (!eligible(r)) continue;
    if (r.mergedInto) { merged.set(r.mergedInto, [...(merged.get(r.mergedInto) ?? []), r]); continue; }
    for (const k of r.decision?.mergeWith ?? []) {
      const p = lookup.get(k);
      if (!eligible(p) || p.mergedInto || p.shopId !== r.shopId || p.platform !== r.platform) continue;
      open.set(r.key, r);
      open.set(p.key, p);
      union(r.key, p.key);
    }
  }
  const parts = new Map<string, OrderRow[]>();
  for (const r of open.values()) parts.set(find(r.key), [...(parts.get(find(r.key)) ?? []), r]);
  const byPaid = (a: OrderRow, b: OrderRow) => paidTime(a) - paidTime(b) || a.key.localeCompare(b.key);
  const suggestions = [...parts.values()].filter((g) => g.length > 1).map((g) => g.sort(byPaid)).map((g) => ({ id: g.map((r) => r.key).join(','), rows: g }));
  const done = [...merged].map(([parcelId, g]) => ({ id: parcelId, parcelId, rows: g.sort(byPaid) }));
  return [...suggestions.sort((a, b) => byPaid(a.rows[0]!, b.rows[0]!)), ...done.sort((a, b) => byPaid(a.rows[0]!, b.rows[0]!))];
}

/** The warehouse each order was allocated to (first part), where it has one. */
export const allocatedWarehouse = (r: OrderRow) => r.decision?.allocation?.parts[0]?.warehouse;
