// Sellable stock for one deciding transaction: the stock rows the batch touches, read once,
// changed in memory as orders take or give back units, written back once. Until the stock
// ledger (issue 6) replaces it, sellable = on-hand − what passed orders have allocated.
import type { StockView } from '../../../shared/decide/context';
import type { StockRow, WharfDB } from '../db';

export const stockKey = (sku: string, warehouse: string) => `${sku}|${warehouse}`;

export class StockLedger implements StockView {
  private readonly rows = new Map<string, StockRow>();
  private readonly dirty = new Set<string>();
  constructor(private readonly db: WharfDB) {}

  async load(skus: readonly string[], warehouses: readonly string[]): Promise<void> {
    const keys = skus.flatMap((s) => warehouses.map((w) => stockKey(s, w))).filter((k) => !this.rows.has(k));
    if (!keys.length) return;
    const got = await this.db.stock.bulkGet(keys);
    keys.forEach((k, i) => {
      const [sku, warehouse] = k.split('|') as [string, string];
      this.rows.set(k, got[i] ?? { key: k, sku, warehouse, onHand: 0, allocated: 0 });
    });
  }

  sellable(sku: string, warehouse: string): number {
    const r = this.rows.get(stockKey(sku, warehouse));
    return r ? r.onHand - r.allocated : 0;
  }

  private change(sku: string, warehouse: string, allocated: number, onHand = 0): void {
    const k = stockKey(sku, warehouse);
    const r = this.rows.get(k) ?? { key: k, sku, warehouse, onHand: 0, allocated: 0 };
    // never negative: a release of what was never taken (an older store) stops at zero
    this.rows.set(k, { ...r, allocated: Math.max(0, r.allocated + allocated), onHand: Math.max(0, r.onHand + onHand) });
    this.dirty.add(k);
  }

  take(parts: ReadonlyArray<{ sku: string; warehouse: string; qty: number }>): void {
    for (const p of parts) this.change(p.sku, p.warehouse, p.qty);
  }

  release(parts: ReadonlyArray<{ sku: string; warehouse: string; qty: number }>): void {
    for (const p of parts) this.change(p.sku, p.warehouse, -p.qty);
  }

  /** The goods left the warehouse: no longer allocated, no longer on hand. */
  shipped(parts: ReadonlyArray<{ sku: string; warehouse: string; qty: number }>): void {
    for (const p of parts) this.change(p.sku, p.warehouse, -p.qty, -p.qty);
  }

  async save(): Promise<void> {
    if (!this.dirty.size) return;
    await this.db.stock.bulkPut([...this.dirty].map((k) => this.rows.get(k)!));
    this.dirty.clear();
  }
}
