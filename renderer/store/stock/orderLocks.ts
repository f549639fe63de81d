// What a decision, a payment, a cancellation or a shipment does to an order's lock, as ledger
// movements recorded through a StockTx. An order's lock is keyed by its order key; every
// movement id comes from the lock's own movement count, so the live store and a journal replay
// write the same ledger.
import type { Decision } from '../../../shared/decide/types';
import type { Hold, OrderRow } from '../../../shared/domain/types';
import type { DecisionSettings } from '../../../shared/decide/settings';
import {
  holdsExactly, lockIdPrefix, planFirm, planLapses, planRelease, planReservation, planShipment, type ReserveLine, type Shortfall,
} from '../../../shared/stock';
import type { StockTx } from './ledgerTx';

export const SYSTEM_ACTOR = 'system';

/** Units per SKU × warehouse the decision's committed allocation ships (kits as components). */
export function committedLines(d: Decision | undefined): ReserveLine[] {
  if (!d?.allocation?.committed) return [];
  const byLine = new Map(d.lines.map((l) => [l.lineId, l]));
  return d.allocation.parts.flatMap((p) => p.lineIds.flatMap((id) => (byLine.get(id)?.components ?? []).map((c) => ({ sku: c.sku, warehouse: p.warehouse, qty: c.qty }))));
}

/** Releases an unpaid lock whose time ran out by `at`, dated at its lapse (live and replay alike). */
export function lapseIfDue(tx: StockTx, lock: string, at: number): boolean {
  const l = tx.lock(lock);
  if (!l || l.state !== 'unpaid' || l.unpaidUntil === undefined || l.unpaidUntil > at) return false;
  const only = { ...tx.state, unpaid: new Set([lock]) };
  tx.record(planLapses(only, at, SYSTEM_ACTOR));
  return true;
}

export function releaseLock(tx: StockTx, lock: string, at: number, actor: string, reason: string): boolean {
  const ms = planRelease(tx.state, { lock, at, actor, source: lock, idPrefix: lockIdPrefix(tx.state, lock), reason });
  tx.record(ms);
  return ms.length > 0;
}

export function shipLock(tx: StockTx, lock: string, at: number, actor: string, source: string): boolean {
  const ms = planShipment(tx.state, { lock, at, actor, source, idPrefix: lockIdPrefix(tx.state, lock) });
  tx.record(ms);
  return ms.length > 0;
}

export interface LockOutcome {
  /** reasons to add to the decision (what was locked, FEFO batches, the lapse time) */
  reasons: string[];
  /** set when the lines could not all be reserved: the order is stock short */
  short?: Shortfall[];
}

export interface LockRequest {
  row: Pick<OrderRow, 'key' | 'shopId' | 'createdAt' | 'channelStatus'>;
  lines: readonly ReserveLine[];
  at: number;
  actor: string;
  source: string;
  settings: DecisionSettings['stock'];
}

/**
 * Makes the order's lock hold exactly `lines`: kept as it is when it already does (batches
 * stay promised), made firm when payment arrived, otherwise given back and taken anew. Empty
 * lines release the lock (the order was held, cancelled or re-decided to wait).
 */
export function settleOrderLock(tx: StockTx, req: LockRequest): LockOutcome {
  const { row, lines, at } = req;
  const unpaid = row.channelStatus === 'awaiting_payment';
  const lock = tx.lock(row.key);
  const open = lock && (lock.state === 'unpaid' || lock.state === 'firm');
  if (!lines.length) {
    if (open) releaseLock(tx, row.key, at, req.actor, '订单不再占用库存（挂起、等待或取消）');
    return { reasons: open ? ['已释放锁定库存'] : [] };
  }
  if (open && holdsExactly(tx.state, row.key, lines)) {
    if (lock.state === 'unpaid' && !unpaid) {
      tx.record(planFirm(tx.state, { lock: row.key, at, actor: req.actor, source: req.source, idPrefix: lockIdPrefix(tx.state, row.key) }));
      return { reasons: ['已付款：锁定转为正式锁定'] };
    }
    return { reasons: [] };
  }
  if (open) releaseLock(tx, row.key, at, req.actor, '重新分仓：按新的分配重新锁定');
  const unpaidUntil = unpaid ? row.createdAt + req.settings.unpaidLockMinutes * 60_000 : undefined;
  const plan = planReservation(tx.state, {
    lock: row.key, lines, at, actor: req.actor, source: req.source, idPrefix: lockIdPrefix(tx.state, row.key),
    minRemainingDays: req.settings.minRemainingDays[row.shopId] ?? 0,
    ...(unpaidUntil !== undefined ? { unpaidUntil } : {}),
  });
  if (!plan.ok) return { reasons: plan.reasons, short: plan.short };
  tx.record(plan.movements);
  return { reasons: plan.reasons };
}

/**
 * A reservation the ledger refused after allocation said yes (it reads the same eligible
 * batches, so this means two writers raced): the order becomes stock short (r10) with the
 * shortfall, never a lock that drives sellable below zero.
 */
export function markStockShort(d: Decision, holds: readonly Hold[], short: readonly Shortfall[], reasons: readonly string[], at: number): { decision: Decision; holds: Hold[] } {
  const message = `库存不足（锁定时）：${reasons.join('；')}`;
  const values = { short: short.map((s) => ({ sku: s.sku, warehouse: s.warehouse, need: s.need, sellable: s.sellable, eligible: s.eligible })) };
  return {
    decision: {
      ...d, outcome: 'hold', allocation: { ...d.allocation!, committed: false },
      hits: [...d.hits, { rule: 'r10', action: 'hold', priority: 25, values, message }],
      reasons: [...d.reasons, `挂起审核：r10（${message}）`],
    },
    holds: [...holds.filter((h) => !(h.source === 'rule' && h.code === 'r10' && !h.clearedBy)), { code: 'r10', source: 'rule', values: { ...values, message }, at }],
  };
}
