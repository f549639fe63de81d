// "This warehouse has N of this SKU", typed in the SKU master or brought by the company-setup
// file: a count of the unbatched, unlocated shelf when that is all the SKU has there, otherwise
// an adjustment by the difference (batches and locations are counted in the count screen).
import type { Movement } from '../../../shared/stock';
import { rowsOf } from '../../../shared/stock';
import type { StockTx } from './ledgerTx';

export interface OnHandEntry { sku: string; warehouse: string; qty: number }

export function onHandMovements(tx: StockTx, entries: readonly OnHandEntry[], ev: { id: string; at: number; actor: string }, reason: string): Movement[] {
  const out: Movement[] = [];
  entries.forEach((e, i) => {
    const rows = rowsOf(tx.state, e.sku, e.warehouse);
    const total = rows.reduce((n, r) => n + r.onHand, 0);
    if (total === e.qty) return;
    const base = { id: `${ev.id}:${i}`, sku: e.sku, warehouse: e.warehouse, batch: '', location: '', at: ev.at, actor: ev.actor, source: ev.id, reason };
    const plain = rows.every((r) => r.batch === '' && Object.keys(r.locations).every((l) => l === '' || !r.locations[l]));
    out.push(plain ? { ...base, kind: 'count', qty: e.qty } : { ...base, kind: 'adjust', qty: e.qty - total });
  });
  return out;
}
