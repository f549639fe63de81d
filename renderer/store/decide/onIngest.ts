// What a newly stored platform view means for decisions. A decision is made when an order
// arrives (or first becomes decidable: paid, out of a platform hold) and is not revisited by
// later views; a view that ships, closes or cancels an order gives back what it had taken.
import type { OrderRow } from '../../../shared/domain/types';
import { notDecidable } from '../../../shared/decide/pipeline';
import type { DecisionTrigger } from '../../../shared/decide/types';
import type { WharfDB } from '../db';
import { decideInTx, type DecideRequest } from './batch';
import { StockTx } from '../stock/ledgerTx';
import { releaseLock, shipLock, SYSTEM_ACTOR } from '../stock/orderLocks';

const openChannelHold = (r: OrderRow) => r.holds.some((h) => h.source === 'channel' && !h.clearedBy);

export function triggerFor(prev: OrderRow | undefined, next: OrderRow): DecisionTrigger | undefined {
  // first sight: even an order with nothing to decide gets its lines mapped (export, statistics)
  if (!prev || !next.decision) return 'arrival';
  if (notDecidable(next, next.fulfilment)) return undefined;
  const d = next.decision;
  if (d.outcome === 'skip') return 'paid';
  // held only by the platform (拼团中, risk control…) and now released by it
  if (d.outcome === 'hold' && openChannelHold(prev) && !openChannelHold(next) && !next.holds.some((h) => h.source === 'rule' && !h.clearedBy)) return 'paid';
  return undefined;
}

/**
 * The lock of an order the platform shipped leaves the warehouse with it; the lock of one it
 * closed (refunded, cancelled by the buyer, unpaid and timed out) or Wharf cancelled is given back.
 */
async function settle(db: WharfDB, rows: OrderRow[]): Promise<void> {
  const leaving = rows.filter((r) => r.decision?.allocation?.committed && (r.channelStatus === 'shipped' || r.channelStatus === 'completed' || r.channelStatus === 'closed' || r.fulfilment === 'cancelled' || r.fulfilment === 'intercepted'));
  if (!leaving.length) return;
  const tx = new StockTx(db);
  await tx.loadLocks(leaving.map((r) => r.key));
  for (const r of leaving) {
    const gone = r.channelStatus === 'shipped' || r.channelStatus === 'completed';
    const why = `订单${r.channelStatus === 'closed' ? '已关闭' : r.fulfilment === 'cancelled' ? '已取消' : '已拦截'}`;
    // dated at the platform's change, so a replay of the journal writes the same ledger
    if (gone) shipLock(tx, r.key, r.modifiedAt, SYSTEM_ACTOR, r.key); else releaseLock(tx, r.key, r.modifiedAt, SYSTEM_ACTOR, why);
    const d = r.decision!;
    r.decision = { ...d, allocation: { ...d.allocation!, committed: false }, reasons: [...d.reasons, gone ? '平台已发货：库存已扣减' : `已释放库存：${why}`] };
  }
  await tx.save();
}

/** Call inside the ingest transaction (over decideTables), with the rows the fold changed. */
export async function decideIngested(db: WharfDB, existing: ReadonlyMap<string, OrderRow>, changed: Map<string, OrderRow>, now: number): Promise<void> {
  await settle(db, [...changed.values()]);
  const requests: DecideRequest[] = [];
  for (const row of changed.values()) {
    const trigger = triggerFor(existing.get(row.key), row);
    if (trigger) requests.push({ row, trigger });
  }
  const { rows } = await decideInTx(db, requests, { now });
  for (const [k, r] of rows) changed.set(k, r);
}
