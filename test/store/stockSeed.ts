// Stock for a test, made the only way stock exists: movements through the ledger (an opening
// count per SKU × warehouse, and a lock standing for units already reserved by other orders).
import type { WharfDB } from '../../renderer/store/db';
import { StockTx, stockTables } from '../../renderer/store/stock/ledgerTx';
import { planReservation, type Movement } from '../../shared/stock';

export interface SeedRow { sku: string; warehouse: string; onHand: number; reserved?: number }

export async function seedStock(db: WharfDB, rows: readonly SeedRow[], at = 1_700_000_000_000): Promise<void> {
  await db.transaction('rw', stockTables(db), async () => {
    const tx = new StockTx(db);
    await tx.load(rows.map((r) => r.sku));
    tx.record(rows.map((r, i): Movement => ({ id: `seed:${r.sku}|${r.warehouse}:${at}:${i}`, kind: 'count', sku: r.sku, warehouse: r.warehouse, batch: '', location: '', qty: r.onHand, at, actor: 'test', source: 'seed', reason: '测试期初' })));
    for (const r of rows) {
      if (!r.reserved) continue;
      const plan = planReservation(tx.state, { lock: `seed-lock:${r.sku}|${r.warehouse}`, lines: [{ sku: r.sku, warehouse: r.warehouse, qty: r.reserved }], at, actor: 'test', source: 'seed', idPrefix: `seed-lock:${r.sku}|${r.warehouse}:${at}` });
      if (!plan.ok) throw new Error(`seedStock: cannot reserve ${r.reserved} of ${r.sku} @ ${r.warehouse}`);
      tx.record(plan.movements);
    }
    await tx.save();
  });
}
