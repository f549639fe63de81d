// Folds write-back events into the order row: the request shows at once as "sending", the
// platform's answer marks it done or failed. A confirmed tracking upload puts the number on the
// lines it covered and moves fulfilment to shipped; a confirmed memo shows until the next pull
// brings the platform's own copy. Pure and idempotent (a replayed event changes nothing).
import type { OrderRow } from '../domain/types';
import type { WriteBack } from '../domain/writeBack';
import type { TypedEvent } from './envelope';

const SHIPPED_OR_LATER = new Set(['shipped', 'handed_over', 'cancelled', 'intercepted']);

export function reduceWriteBackRequested(row: OrderRow, ev: TypedEvent<'writeback.requested'>): OrderRow {
  if (row.writeBacks?.some((w) => w.id === ev.payload.outboxId)) return row;
  const wb: WriteBack = { id: ev.payload.outboxId, call: ev.payload.call, state: 'pending', requestedAt: ev.at, requestedBy: ev.actor, attempts: 0 };
  return { ...row, writeBacks: [...(row.writeBacks ?? []), wb] };
}

export function reduceWriteBackDone(row: OrderRow, ev: TypedEvent<'writeback.done'>): OrderRow {
  const wb = row.writeBacks?.find((w) => w.id === ev.payload.outboxId);
  if (!wb || wb.state === 'done') return row;
  const next: OrderRow = { ...row, writeBacks: row.writeBacks!.map((w) => (w.id === wb.id ? { ...w, state: 'done' as const, doneAt: ev.at, attempts: w.attempts + 1, error: undefined } : w)) };
  const call = wb.call;
  if (call.op === 'ship') {
    const covered = (l: { lineId: string; trackingNo?: string }) => (call.lineIds ? call.lineIds.includes(l.lineId) : !l.trackingNo);
    next.lines = row.lines.map((l) => (covered(l) ? { ...l, trackingNo: call.trackingNo, carrier: call.carrierCode } : l));
    if (!SHIPPED_OR_LATER.has(row.fulfilment) && next.lines.every((l) => l.trackingNo || l.qty === 0)) next.fulfilment = 'shipped';
    next.terms = [...new Set([...row.terms, `t:${call.trackingNo.toUpperCase()}`])];
  } else {
    next.sellerMemo = call.memo;
    if (call.flag !== undefined) next.sellerFlag = call.flag;
  }
  return next;
}

export function reduceWriteBackFailed(row: OrderRow, ev: TypedEvent<'writeback.failed'>): OrderRow {
  const wb = row.writeBacks?.find((w) => w.id === ev.payload.outboxId);
  if (!wb || wb.state === 'done') return row;
  const state = ev.payload.final ? 'failed' as const : 'pending' as const;
  return { ...row, writeBacks: row.writeBacks!.map((w) => (w.id === wb.id ? { ...w, state, attempts: w.attempts + 1, error: ev.payload.error } : w)) };
}
