// What the replenishment list reads, in one read transaction: the SKU × warehouse roll-up
// (sellable), goods in transit to each, and each key's own ledger through the [sku+warehouse]
// index — only the movements that fold into that key's sellable, never the whole table — turned
// into day stats at once, so the movements themselves are not kept.
import { keyHistory, type DayStat, type Movement, type ReplenishKey } from '../../../shared/stock';
import type { WharfDB } from '../db';
import { transitTotals } from './inTransit';

export interface ReplenishData {
  keys: ReplenishKey[];
  inTransit: Map<string, number>;
  history: Map<string, DayStat[]>;
  /** movements read (support: how much the list cost) */
  movements: number;
}

export async function loadReplenishData(db: WharfDB, opts: { now: number; warehouse?: string }): Promise<ReplenishData> {
  const wh = opts.warehouse;
  return db.transaction('r', [db.stock, db.transit, db.movements], async () => {
    const [summary, transit] = await Promise.all([
      wh ? db.stock.where('warehouse').equals(wh).toArray() : db.stock.toArray(),
      wh ? db.transit.where('to').equals(wh).toArray() : db.transit.toArray(),
    ]);
    const inTransit = transitTotals(transit);
    const keys = new Map<string, ReplenishKey>(summary.map((s) => [`${s.sku}|${s.warehouse}`, { sku: s.sku, warehouse: s.warehouse, sellable: s.sellable }]));
    // a SKU on its way to a warehouse that holds none of it yet still belongs on the list
    for (const k of inTransit.keys()) {
      if (keys.has(k)) continue;
      const [sku, warehouse] = k.split('|') as [string, string];
      keys.set(k, { sku, warehouse, sellable: 0 });
    }
    let read = 0;
    const history = new Map<string, DayStat[]>();
    await Promise.all([...keys.values()].map(async (k) => {
      const ms: Array<Movement & { seq?: number }> = await db.movements.where('[sku+warehouse]').equals([k.sku, k.warehouse]).toArray();
      read += ms.length;
      // ledger order (the index returns them by key, not by seq)
      ms.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      history.set(`${k.sku}|${k.warehouse}`, keyHistory(ms, k.sku, k.warehouse, opts.now));
    }));
    return { keys: [...keys.values()], inTransit, history, movements: read };
  });
}
