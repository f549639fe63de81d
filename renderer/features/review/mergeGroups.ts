// Merge suggestions: orders of one shop to one receiver, all paid and not yet on the floor, that
// the pipeline says could ship as one parcel. A decision only names the orders it saw before it,
// so the groups are the connected parts of every order's mergeWith links.
import type { OrderRow } from '../../../shared/domain/types';
import { PRE_FLOOR } from '../../../shared/domain/fulfilment';
import { paidTime } from './orderText';

export interface MergeGroup {
  id: string;
  rows: OrderRow[];
  /** the parcel they ship in (set once merged, or the parcel the `adding` orders would join) */
  parcelId?: string;
  /** orders that arrived after the parcel was made and can join it */
  adding?: string[];
}

const eligible = (r: OrderRow | undefined): r is OrderRow => !!r && !r.cancelled && r.channelStatus === 'paid' && PRE_FLOOR.has(r.fulfilment);

/**
 * `rows`: open orders with merge links or a merge; `lookup`: those plus every order they link to.
 * A parcel counts as one node, so an order that arrives after its receiver's parcel was made is
 * suggested to join that parcel (a third order for the same box) instead of being left alone.
 */
export function mergeGroups(rows: readonly OrderRow[], lookup: ReadonlyMap<string, OrderRow>): MergeGroup[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  const union = (a: string, b: string) => { const ra = find(a); const rb = find(b); if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb); };
  const node = (r: OrderRow) => (r.mergedInto ? `parcel:${r.mergedInto}` : r.key);

  const linked = new Map<string, OrderRow>();
  const merged = new Map<string, OrderRow[]>();
  for (const r of rows) {
    if (!eligible(r) || !r.mergedInto) continue;
    merged.set(r.mergedInto, [...(merged.get(r.mergedInto) ?? []), r]);
  }
  for (const r of rows) {
    if (!eligible(r)) continue;
    for (const k of r.decision?.mergeWith ?? []) {
      const p = lookup.get(k);
      if (!eligible(p) || p.shopId !== r.shopId || p.platform !== r.platform) continue;
      // two orders already boxed are what they are; a link only matters when one side is loose
      if (r.mergedInto && p.mergedInto) continue;
      linked.set(r.key, r);
      linked.set(p.key, p);
      union(node(r), node(p));
    }
  }
  const byPaid = (a: OrderRow, b: OrderRow) => paidTime(a) - paidTime(b) || a.key.localeCompare(b.key);
  // one component: its loose orders, and the parcels it reaches (the oldest one is joined)
  const parts = new Map<string, { loose: OrderRow[]; parcels: Set<string> }>();
  for (const r of linked.values()) {
    const root = find(node(r));
    const part = parts.get(root) ?? { loose: [], parcels: new Set<string>() };
    if (r.mergedInto) part.parcels.add(r.mergedInto); else part.loose.push(r);
    parts.set(root, part);
  }
  const suggestions: MergeGroup[] = [];
  const joining = new Map<string, OrderRow[]>();
  for (const { loose, parcels } of parts.values()) {
    if (!loose.length) continue;
    if (!parcels.size) {
      if (loose.length > 1) suggestions.push({ id: loose.sort(byPaid).map((r) => r.key).join(','), rows: loose });
      continue;
    }
    const into = [...parcels].sort((a, b) => byPaid(merged.get(a)![0]!, merged.get(b)![0]!) || a.localeCompare(b))[0]!;
    joining.set(into, [...(joining.get(into) ?? []), ...loose]);
  }
  const parcelsOut = [...merged].map(([parcelId, boxed]) => {
    const add = (joining.get(parcelId) ?? []).sort(byPaid);
    return { id: parcelId, parcelId, rows: [...boxed, ...add].sort(byPaid), ...(add.length ? { adding: add.map((r) => r.key) } : {}) };
  });
  // a parcel with orders to add is a suggestion to act on, listed before the ones that are done
  const first = (g: MergeGroup) => g.rows[0]!;
  return [
    ...suggestions.sort((a, b) => byPaid(first(a), first(b))),
    ...parcelsOut.filter((g) => g.adding).sort((a, b) => byPaid(first(a), first(b))),
    ...parcelsOut.filter((g) => !g.adding).sort((a, b) => byPaid(first(a), first(b))),
  ];
}

/** The warehouse each order was allocated to (first part), where it has one. */
export const allocatedWarehouse = (r: OrderRow) => r.decision?.allocation?.parts[0]?.warehouse;
