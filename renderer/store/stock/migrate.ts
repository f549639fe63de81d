// Schema v3: the v2 on-hand table (on hand, and what passed orders had allocated) becomes the
// movement ledger. Each on-hand figure is an opening count; each order whose committed
// allocation held stock gets its lock back as reserve movements, so sellable is unchanged.
import type { Transaction } from 'dexie';
import type { Decision } from '../../../shared/decide/types';
import { applyMovement, emptyStockState, planReservation, lockIdPrefix, rollUp, type Movement } from '../../../shared/stock';
import { committedLines } from './orderLocks';

interface V2Stock { key: string; sku: string; warehouse: string; onHand: number; allocated?: number }
interface V2Order { key: string; fulfilment: string; modifiedAt: number; decision?: Decision }

export async function migrateStockToLedger(tx: Transaction): Promise<void> {
  const old = (await tx.table('stock').toArray()) as V2Stock[];
  const state = emptyStockState();
  const movements: Movement[] = [];
  const at = Date.now();
  const record = (ms: Movement[]) => { for (const m of ms) { applyMovement(state, m); movements.push(m); } };
  record(old.filter((r) => r.onHand > 0).map((r) => ({
    id: `migrate:${r.key}`, kind: 'count', sku: r.sku, warehouse: r.warehouse, batch: '', location: '', qty: r.onHand, at, actor: 'system', source: 'schema-v3', reason: '升级到库存流水：期初盘点',
  })));
  const allocated = (await tx.table('orders').where('[fulfilment+createdAt]').between(['allocated', -Infinity], ['allocated', Infinity]).toArray()) as V2Order[];
  for (const o of allocated) {
    const lines = committedLines(o.decision);
    if (!lines.length) continue;
    const plan = planReservation(state, { lock: o.key, lines, at, actor: 'system', source: 'schema-v3', idPrefix: lockIdPrefix(state, o.key) });
    // an allocation the old table could not cover any more stays unlocked: the next decision sees it
    if (plan.ok) record(plan.movements);
  }
  await tx.table('stock').clear();
  if (!movements.length) return;
  await tx.table('movements').bulkAdd(movements);
  await tx.table('stockRows').bulkPut([...state.rows.values()]);
  await tx.table('locks').bulkPut([...state.locks.values()]);
  await tx.table('stock').bulkPut([...rollUp(state.rows.values()).values()]);
}
