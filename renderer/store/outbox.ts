// The outbox: changes to a platform (tracking upload, memo/flag, stock figures) that must happen exactly once
// even when the network, the host or this PC fails halfway. A request writes its event, the
// outbox row and the order's "sending" state in one transaction; the pump sends each row to the
// host's `platform.call` with the row id as the idempotency key, retries what may pass later
// (with backoff), and records the platform's answer as an event.
import type { Client } from '../../shared/contract';
import { WharfError } from '../../shared/contract';
import { requirePermission } from '../../shared/domain/permissions';
import { OrderPlatformCall } from '../../shared/domain/writeBack';
import { newEventId, type EventPayload, type EventType, type TypedEvent, type WharfEvent } from '../../shared/events/envelope';
import { reduceWriteBackDone, reduceWriteBackFailed, reduceWriteBackRequested } from '../../shared/events/writeBackReducer';
import type { OutboxRow, StoredEvent, WharfDB } from './db';
import type { OperatorContext } from './mutators';
import { STOCK_PUSH_KIND } from './stock/pushSchedule';
import { sendStockPush } from './stock/pushSend';

export interface OutboxPayload { orderKey: string; shopId: string; call: OrderPlatformCall; actor: string; device: string; attempts: number; nextAt: number }

const MAX_BACKOFF_MS = 10 * 60_000;
export const backoffAfter = (attempts: number) => Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1));

function event<T extends EventType>(type: T, payload: EventPayload<T>, at: number, actor: string, device: string, orderKey: string): TypedEvent<T> {
  return { id: newEventId(), type, at, actor, device, orderKey, payload } as TypedEvent<T>;
}

/** Asks for a platform change; returns the outbox id. Throws for a bad call or a missing permission. */
export async function requestWriteBack(db: WharfDB, ctx: OperatorContext, orderKey: string, call: OrderPlatformCall): Promise<string> {
  requirePermission(ctx.user.role, call.op === 'ship' ? 'floor.ship' : 'orders.review');
  const parsed = OrderPlatformCall.safeParse(call);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new WharfError('invalid_input', `${i.path.join('.')}: ${i.message}`, { issues: parsed.error.issues.map((x) => ({ path: x.path.join('.'), message: x.message })) });
  }
  const id = newEventId();
  const at = ctx.now();
  return db.transaction('rw', [db.orders, db.events, db.outbox], async () => {
    const row = await db.orders.get(orderKey);
    if (!row) throw new WharfError('not_found', `order ${orderKey} is not in this PC's pool; pull it first`);
    if (parsed.data.orderId !== row.orderId) throw new WharfError('invalid_input', `the call names order ${parsed.data.orderId} but ${orderKey} was opened`);
    if (parsed.data.op === 'ship' && row.writeBacks?.some((w) => w.call.op === 'ship' && w.state === 'pending')) {
      throw new WharfError('invalid_input', 'a tracking upload for this order is still being sent; wait for its answer (or its failure) before sending another');
    }
    const ev = event('writeback.requested', { outboxId: id, shopId: row.shopId, call: parsed.data }, at, ctx.user.id, ctx.device, orderKey);
    const payload: OutboxPayload = { orderKey, shopId: row.shopId, call: parsed.data, actor: ctx.user.id, device: ctx.device, attempts: 0, nextAt: at };
    await db.outbox.add({ id, at, kind: `platform.${parsed.data.op}`, state: 'pending', payload });
    await db.events.add(ev as StoredEvent);
    await db.orders.put(reduceWriteBackRequested(row, ev));
    return id;
  });
}

/** Sends again a write-back that failed for good (after the operator fixed the cause). */
export async function retryWriteBack(db: WharfDB, outboxId: string, now: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.orders], async () => {
    const row = await db.outbox.get(outboxId);
    if (!row || row.state !== 'failed') return;
    await db.outbox.put({ ...row, state: 'pending', payload: { ...(row.payload as OutboxPayload), nextAt: now } });
    const p = row.payload as OutboxPayload;
    const order = await db.orders.get(p.orderKey);
    if (order) await db.orders.put({ ...order, writeBacks: order.writeBacks?.map((w) => (w.id === outboxId ? { ...w, state: 'pending' as const } : w)) });
  });
}

async function settle(db: WharfDB, row: OutboxRow, ev: WharfEvent, next: OutboxRow): Promise<void> {
  const p = row.payload as OutboxPayload;
  await db.transaction('rw', [db.orders, db.events, db.outbox], async () => {
    await db.events.add(ev as StoredEvent);
    await db.outbox.put(next);
    const order = await db.orders.get(p.orderKey);
    if (!order) return;
    const reduced = ev.type === 'writeback.done' ? reduceWriteBackDone(order, ev as TypedEvent<'writeback.done'>) : reduceWriteBackFailed(order, ev as TypedEvent<'writeback.failed'>);
    await db.orders.put(reduced);
  });
}

/** One pass over due rows; returns how many were settled (done or failed for good). */
export async function pumpOutbox(db: WharfDB, host: Pick<Client, 'platform.call'>, now: () => number): Promise<number> {
  const due = (await db.outbox.where('state').equals('pending').sortBy('at')).filter((r) => (r.payload as OutboxPayload).nextAt <= now());
  let settled = 0;
  for (const row of due) {
    if (row.kind === STOCK_PUSH_KIND) {
      if ((await sendStockPush(db, row, host, now, backoffAfter)).settled) settled++;
      continue;
    }
    const p = row.payload as OutboxPayload;
    try {
      const r = await host['platform.call']({ actor: { userId: p.actor, device: p.device }, idempotencyKey: row.id, shopId: p.shopId, call: p.call });
      await settle(db, row, event('writeback.done', { outboxId: row.id, replayed: r.replayed }, now(), p.actor, p.device, p.orderKey), { ...row, state: 'done', result: r, payload: { ...p, attempts: p.attempts + 1 } });
      settled++;
    } catch (e) {
      const err = e as { code?: string; message?: string; extra?: { retryable?: boolean }; retryable?: boolean };
      // the host's platform_error says whether it may pass later; no answer at all (host down,
      // socket closed) may pass later too; a refusal (bad input, forbidden, not found) will not
      const retryable = err.code === 'platform_error' ? !!(err.extra?.retryable ?? err.retryable) : !['invalid_input', 'forbidden', 'not_found', 'bad_message'].includes(err.code ?? '');
      const attempts = p.attempts + 1;
      const message = err.message ?? String(e);
      await settle(db, row, event('writeback.failed', { outboxId: row.id, error: message, final: !retryable }, now(), p.actor, p.device, p.orderKey),
        { ...row, state: retryable ? 'pending' : 'failed', payload: { ...p, attempts, nextAt: now() + backoffAfter(attempts) } });
      if (!retryable) settled++;
    }
  }
  return settled;
}
