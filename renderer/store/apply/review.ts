// A reviewer's decisions on held orders: approve anyway, hold, cancel, correct the address.
import type { Hold, OrderRow } from '../../../shared/domain/types';
import type { TypedEvent } from '../../../shared/events/envelope';
import type { WharfDB } from '../db';
import { countResolution } from '../decide/batch';
import { StockTx } from '../stock/ledgerTx';
import { releaseLock } from '../stock/orderLocks';
import { redecide } from './redecide';

export const MANUAL_HOLD = 'manual';
/** Holds no approval can clear: the order needs a SKU mapping (r9) or stock (r10) to ship at all. */
export const NOT_APPROVABLE: ReadonlySet<string> = new Set(['r9', 'r10']);

const openRuleCodes = (r: OrderRow) => r.holds.filter((h) => h.source !== 'channel' && !h.clearedBy).map((h) => h.code);

async function rowsOf(db: WharfDB, keys: readonly string[]): Promise<OrderRow[]> {
  return (await db.orders.bulkGet([...keys])).filter((r): r is OrderRow => !!r);
}

async function giveBack(db: WharfDB, rows: readonly OrderRow[], ev: TypedEvent<'review.held' | 'review.cancelled'>, reason: string): Promise<void> {
  const tx = new StockTx(db);
  await tx.loadLocks(rows.map((r) => r.key));
  for (const r of rows) releaseLock(tx, r.key, ev.at, ev.actor, reason);
  await tx.save();
}

const uncommit = (r: OrderRow): OrderRow => (r.decision?.allocation?.committed ? { ...r, decision: { ...r.decision, allocation: { ...r.decision.allocation, committed: false } } } : r);

export async function applyApproved(db: WharfDB, ev: TypedEvent<'review.approved'>): Promise<void> {
  const rows = await rowsOf(db, ev.payload.orderKeys);
  const rules: string[] = [];
  const cleared = rows.map((r) => {
    rules.push(...openRuleCodes(r).filter((c) => c !== MANUAL_HOLD && !NOT_APPROVABLE.has(c)));
    const holds: Hold[] = r.holds.map((h) => (h.source !== 'channel' && !h.clearedBy && !NOT_APPROVABLE.has(h.code) ? { ...h, clearedBy: ev.actor, clearedAt: ev.at, values: { ...h.values, resolution: 'approved', ...(ev.payload.note ? { note: ev.payload.note } : {}) } } : h));
    return { ...r, holds };
  });
  await countResolution(db, rules, 'approved');
  await db.orders.bulkPut(cleared);
  // allocation runs again now that the holds are cleared (stock may have moved meanwhile)
  await redecide(db, cleared, 'approve', ev.at);
}

export async function applyHeld(db: WharfDB, ev: TypedEvent<'review.held'>): Promise<void> {
  const rows = (await rowsOf(db, ev.payload.orderKeys)).filter((r) => !r.cancelled);
  await giveBack(db, rows, ev, `人工挂起：${ev.payload.reason}`);
  await db.orders.bulkPut(rows.map((r) => ({
    ...uncommit(r),
    fulfilment: r.fulfilment === 'new' || r.fulfilment === 'ready' || r.fulfilment === 'allocated' || r.fulfilment === 'reviewing' || r.fulfilment === 'on_hold' ? 'on_hold' as const : r.fulfilment,
    holds: [...r.holds.filter((h) => !(h.code === MANUAL_HOLD && !h.clearedBy)), { code: MANUAL_HOLD, source: 'manual' as const, values: { reason: ev.payload.reason, by: ev.actor }, at: ev.at }],
  })));
}

export async function applyCancelled(db: WharfDB, ev: TypedEvent<'review.cancelled'>): Promise<void> {
  const rows = (await rowsOf(db, ev.payload.orderKeys)).filter((r) => !r.cancelled);
  await countResolution(db, rows.flatMap((r) => openRuleCodes(r).filter((c) => c !== MANUAL_HOLD)), 'cancelled');
  await giveBack(db, rows, ev, `订单取消：${ev.payload.reason}`);
  await db.orders.bulkPut(rows.map((r) => ({
    ...uncommit(r),
    fulfilment: 'cancelled' as const,
    cancelled: { by: ev.actor, at: ev.at, reason: ev.payload.reason },
    um: [],
    holds: r.holds.map((h) => (h.clearedBy ? h : { ...h, clearedBy: ev.actor, clearedAt: ev.at, values: { ...h.values, resolution: 'cancelled' } })),
  })));
}

export async function applyAddressEdited(db: WharfDB, ev: TypedEvent<'order.addressEdited'>): Promise<void> {
  const row = await db.orders.get(ev.payload.orderKey);
  if (!row) return;
  const { province, city, district, detail } = ev.payload;
  const before = new Set(openRuleCodes(row));
  const edited: OrderRow = { ...row, addressEdit: { province, city, district, detail, by: ev.actor, at: ev.at } };
  const [after] = await redecide(db, [edited], 'address', ev.at);
  if (!after) { await db.orders.put(edited); return; }
  // address rules that no longer fire were fixed by the correction
  const still = new Set(openRuleCodes(after));
  await countResolution(db, ['r2', 'r3', 'r11'].filter((c) => before.has(c) && !still.has(c)), 'fixed');
}
