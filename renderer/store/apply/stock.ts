// A sheet of stock work lands in the ledger; goods that arrived revisit the orders held for them.
import type { TypedEvent } from '../../../shared/events/envelope';
import type { Movement } from '../../../shared/stock';
import type { WharfDB } from '../db';
import { StockTx } from '../stock/ledgerTx';
import { heldForStock, redecide } from './redecide';

export async function applyStockMoved(db: WharfDB, ev: TypedEvent<'stock.moved'>): Promise<void> {
  const p = ev.payload;
  const tx = new StockTx(db);
  await tx.load(p.movements.map((m) => m.sku), [], p.movements.flatMap((m) => (m.transfer ? [m.transfer] : [])));
  tx.record(p.movements.map((m, i): Movement => ({ ...m, id: `${ev.id}:${i}`, at: ev.at, actor: ev.actor, source: p.source || ev.id })));
  await tx.save();
  const more = new Set(p.movements.filter((m) => m.kind === 'receive' || m.kind === 'return' || m.kind === 'transfer_in' || m.kind === 'unfreeze' || m.kind === 'count' || (m.kind === 'adjust' && m.qty > 0)).map((m) => m.sku));
  if (more.size) await redecide(db, await heldForStock(db, more), 'stock', ev.at);
}
