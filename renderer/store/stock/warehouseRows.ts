// The batch rows of one warehouse (a count sheet's shelves, the transfer sheet's batches): the
// roll-up's warehouse index names the SKUs there, then one equality query per SKU, all in
// flight (batch rows are indexed by SKU, not by warehouse).
import type { StockRow as BatchRow } from '../../../shared/stock';
import type { WharfDB } from '../db';

export async function warehouseRows(db: WharfDB, warehouse: string): Promise<BatchRow[]> {
  const skus = [...new Set((await db.stock.where('warehouse').equals(warehouse).toArray()).map((s) => s.sku))];
  const rows = await Promise.all(skus.map((sku) => db.stockRows.where('sku').equals(sku).toArray()));
  return rows.flat().filter((r) => r.warehouse === warehouse);
}
