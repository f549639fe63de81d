// Batch rows that expire before a time (and still hold stock), through the expiry index: rows
// without an expiry are not in it, so the read touches only dated batches near their end.
import type { StockRow as BatchRow } from '../../../shared/stock';
import type { WharfDB } from '../db';

export async function expiringRows(db: WharfDB, before: number, warehouse?: string): Promise<BatchRow[]> {
  const rows = await db.stockRows.where('expiresAt').below(before).toArray();
  return rows.filter((r) => r.onHand > 0 && (!warehouse || r.warehouse === warehouse));
}
