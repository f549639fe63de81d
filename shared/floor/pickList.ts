// The pick list of a wave: one stop per shelf location × SKU × batch, in walking order, each
// saying how many units to take and which orders (slots) they go to. The batches are the ones
// the orders' locks hold — chosen first-expiry-first-out when stock was reserved — so the
// picker takes exactly what was promised. Locations come from where the batch lies now.
import { compareLocations } from './locationOrder';

export interface PickDemand {
  orderKey: string;
  /** the order's slot on the sorting wall (1-based) */
  slot: number;
  sku: string;
  batch: string;
  qty: number;
}

export interface BatchShelf {
  sku: string;
  batch: string;
  expiresAt?: number;
  /** units per location ('' = not located) */
  locations: Record<string, number>;
}

export interface PickStop {
  location: string;
  sku: string;
  batch: string;
  expiresAt?: number;
  qty: number;
  orders: { orderKey: string; slot: number; qty: number }[];
  /** the shelf shows fewer units than the stop needs: look nearby, or count it */
  shortOnShelf: boolean;
}

const key = (sku: string, batch: string) => `${sku}|${batch}`;

export function buildPickList(demand: readonly PickDemand[], shelves: readonly BatchShelf[]): PickStop[] {
  const shelfOf = new Map(shelves.map((s) => [key(s.sku, s.batch), s]));
  const need = new Map<string, PickDemand[]>();
  for (const d of [...demand].sort((a, b) => a.slot - b.slot)) {
    if (d.qty <= 0) continue;
    const k = key(d.sku, d.batch);
    let l = need.get(k);
    if (!l) need.set(k, (l = []));
    l.push({ ...d });
  }
  const stops: PickStop[] = [];
  for (const [k, list] of need) {
    const shelf = shelfOf.get(k);
    const locs = Object.entries(shelf?.locations ?? {}).filter(([, q]) => q > 0).sort(([a], [b]) => compareLocations(a, b));
    let total = list.reduce((n, d) => n + d.qty, 0);
    const takes: { location: string; qty: number; short: boolean }[] = [];
    for (const [loc, q] of locs) {
      if (total <= 0) break;
      const t = Math.min(q, total);
      takes.push({ location: loc, qty: t, short: false });
      total -= t;
    }
    // more promised than any shelf shows (a count is due): the rest at the last known place
    if (total > 0) {
      const last = takes.pop();
      if (last) takes.push({ location: last.location, qty: last.qty + total, short: true });
      else takes.push({ location: locs[0]?.[0] ?? '', qty: total, short: true });
    }
    // hand the units of each stop to the orders in slot order
    let di = 0;
    let left = list[0]!.qty;
    for (const t of takes) {
      const orders: PickStop['orders'] = [];
      let q = t.qty;
      while (q > 0 && di < list.length) {
        const give = Math.min(q, left);
        const o = orders.find((x) => x.orderKey === list[di]!.orderKey);
        if (o) o.qty += give; else orders.push({ orderKey: list[di]!.orderKey, slot: list[di]!.slot, qty: give });
        q -= give;
        left -= give;
        if (left === 0) { di++; left = list[di]?.qty ?? 0; }
      }
      const [sku, batch] = [list[0]!.sku, list[0]!.batch];
      stops.push({ location: t.location, sku, batch, ...(shelf?.expiresAt !== undefined ? { expiresAt: shelf.expiresAt } : {}), qty: t.qty, orders, shortOnShelf: t.short });
    }
  }
  return stops.sort((a, b) => compareLocations(a.location, b.location) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) || (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity));
}
