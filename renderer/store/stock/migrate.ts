// Schema v3: the v2 on-hand table (on hand, and what passed orders had allocated) becomes the
// movement ledger. Each on-hand figure is an opening count; each order whose committed
// allocation held stock gets its lock back as reserve movements, so sellable is unchanged.
import type { Transaction } from 'dexie';
import type { Decision } from '../../../shared/decide/types';
import { applyMovement, emptyStockState, planReservation, lockIdPrefix, type Movement } from '../../../shared/stock';
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
  const sum = new Map<string, { key: string; sku: string; warehouse: string; onHand: number; reserved: number; frozen: number; picked: number; sellable: number; at: number }>();
  for (const r of state.rows.values()) {
    const k = `${r.sku}|${r.warehouse}`;
    const s = sum.get(k) ?? { key: k, sku: r.sku, warehouse: r.warehouse, onHand: 0, reserved: 0, frozen: 0, picked: 0, sellable: 0, at };
    s.onHand += r.onHand; s.reserved += r.reserved; s.frozen += r.frozen; s.picked += r.picked; s.sellable = s.onHand - s.reserved - s.frozen;
    sum.set(k, s);
  }
  await tx.table('stock').bulkPut([...sum.values()]);
}
