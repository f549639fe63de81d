// What a dry run decides with, read from the store once: the orders of the last N days, the
// earlier orders that share a receiver with them (so duplicates and scalping see the same history
// the stored decisions saw), the SKU master, mappings, warehouses, blacklist, sellable stock and
// each SKU's usual line quantity. Everything after this is in memory.
import type { OrderRow } from '../../../shared/domain/types';
import type { MemoryContextInput } from '../../../shared/decide';
import type { WharfDB } from '../../store/db';

const DAY = 86_400_000;

export interface DryRunData {
  /** orders created within the window, any state (the walk picks the decidable ones) */
  orders: OrderRow[];
  /** older orders sharing a receiver key with one of them: history only, never decided */
  history: OrderRow[];
  context: Omit<MemoryContextInput, 'settings'>;
  phoneHashes: Map<string, string[]>;
}

export async function loadDryRunData(db: WharfDB, days: number, now: number): Promise<DryRunData> {
  const since = now - days * DAY;
  const orders = await db.orders.where('createdAt').aboveOrEqual(since).toArray();
  const inWindow = new Set(orders.map((o) => o.key));
  const keys = [...new Set(orders.flatMap((o) => o.rk ?? []))];
  const history = keys.length
    ? (await db.orders.where('rk').anyOf(keys).distinct().toArray()).filter((o) => !inWindow.has(o.key))
    : [];
  const [skus, maps, warehouses, blacklist, stock, stats, hashes] = await Promise.all([
    db.skus.toArray(), db.skuMaps.toArray(), db.warehouses.toArray(), db.blacklist.toArray(), db.stock.toArray(), db.skuStats.toArray(),
    db.phoneHashes.bulkGet(orders.map((o) => o.key)),
  ]);
  return {
    orders,
    history,
    phoneHashes: new Map(hashes.filter((h) => !!h).map((h) => [h!.orderKey, h!.hashes])),
    context: {
      // rows written by an older version may lack the defaulted arrays; the pipeline expects them
      skus: skus.map((s) => ({ ...s, components: s.components ?? [], aliases: s.aliases ?? [] })),
      mappings: maps,
      warehouses: warehouses.map((w) => ({ ...w, carriers: w.carriers ?? [], active: w.active ?? true })),
      blacklist,
      stock: stock.map((r) => ({ sku: r.sku, warehouse: r.warehouse, qty: r.sellable })),
      usual: new Map(stats.filter((s) => s.lines > 0).map((s) => [s.sku, { mean: s.units / s.lines, n: s.lines }])),
      now,
    },
  };
}
