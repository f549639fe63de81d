// Sends one stock-push outbox row to the host's platform.call (the row id is the idempotency
// key) and records the platform's answer on the listings: the figure it confirmed, or the
// listing it refused and why. A push that may pass later (network, rate limit, host down) waits
// with backoff like any write-back; one refused for good leaves its listings marked, and the
// next change — or "push all" — sends them again.
import type { Client } from '../../../shared/contract';
import type { StockPushFailure } from '../../../shared/domain/writeBack';
import type { OutboxRow, WharfDB } from '../db';
import type { StockPushPayload } from './pushSchedule';
import type { ListingRow } from './listings';

export interface SendOutcome { settled: boolean }

async function settleListings(db: WharfDB, p: StockPushPayload, at: number, failed: readonly StockPushFailure[] | undefined, wholeError?: string): Promise<void> {
  const refused = new Map((failed ?? []).map((f) => [`${f.itemId}|${f.skuId ?? ''}`, f]));
  const rows = await db.listings.bulkGet(p.listings);
  const next = rows.flatMap((l, i): ListingRow[] => {
    if (!l) return [];
    const item = p.call.items[i]!;
    const f = refused.get(`${item.itemId}|${item.skuId ?? ''}`);
    // a newer figure may already be queued behind this one: keep it
    const queued = l.queued === item.quantity ? undefined : l.queued;
    if (wholeError) return [{ ...l, queued, pushError: wholeError }];
    if (f) return [{ ...l, queued, pushError: `${f.code} ${f.message}` }];
    return [{ ...l, queued, pushed: item.quantity, pushedAt: at, pushError: undefined }];
  });
  await db.listings.bulkPut(next);
}

export async function sendStockPush(db: WharfDB, row: OutboxRow, host: Pick<Client, 'platform.call'>, now: () => number, backoffAfter: (attempts: number) => number): Promise<SendOutcome> {
  const p = row.payload as StockPushPayload;
  const attempts = p.attempts + 1;
  try {
    const r = await host['platform.call']({ actor: { userId: p.actor, device: p.device }, idempotencyKey: row.id, shopId: p.shopId, call: p.call });
    await db.transaction('rw', [db.outbox, db.listings], async () => {
      await db.outbox.put({ ...row, state: 'done', result: r, payload: { ...p, attempts } });
      await settleListings(db, p, r.at, r.failed);
    });
    return { settled: true };
  } catch (e) {
    const err = e as { code?: string; message?: string; extra?: { retryable?: boolean }; retryable?: boolean };
    const retryable = err.code === 'platform_error' ? !!(err.extra?.retryable ?? err.retryable) : !['invalid_input', 'forbidden', 'not_found', 'bad_message'].includes(err.code ?? '');
    const message = err.message ?? String(e);
    await db.transaction('rw', [db.outbox, db.listings], async () => {
      await db.outbox.put({ ...row, state: retryable ? 'pending' : 'failed', result: { error: message }, payload: { ...p, attempts, nextAt: now() + backoffAfter(attempts) } });
      if (!retryable) await settleListings(db, p, now(), undefined, message);
    });
    return { settled: !retryable };
  }
}
