// Deciding orders again after an explicit event (a review, a mapping, stock, a rule change):
// the same pipeline as at arrival, stored in the caller's transaction.
import type { OrderRow } from '../../../shared/domain/types';
import type { DecisionTrigger } from '../../../shared/decide/types';
import { PRE_FLOOR } from '../../../shared/domain/fulfilment';
import type { WharfDB } from '../db';
import { decideInTx } from '../decide/batch';

export async function redecide(db: WharfDB, rows: readonly OrderRow[], trigger: DecisionTrigger, now: number): Promise<OrderRow[]> {
  // orders on the floor keep their decision; the rest are decided again (an unpaid or shipped
  // one only has its lines mapped again, so it leaves the map-SKU queue too)
  const open = rows.filter((r) => !r.cancelled && PRE_FLOOR.has(r.fulfilment));
  if (!open.length) return [];
  const { rows: changed } = await decideInTx(db, open.map((row) => ({ row, trigger })), { now });
  const out = [...changed.values()];
  if (out.length) await db.orders.bulkPut(out);
  return out;
}

/** Orders whose lines wait in the map-SKU queue (under any of these item keys, or any at all). */
export async function waitingForMapping(db: WharfDB, itemKeys?: readonly string[]): Promise<OrderRow[]> {
  if (itemKeys) return itemKeys.length ? db.orders.where('um').anyOf([...itemKeys]).distinct().toArray() : [];
  return db.orders.where('um').notEqual('').distinct().toArray();
}

/** Open orders held for stock (rule r10), optionally only those short of these SKUs. */
export async function heldForStock(db: WharfDB, skus?: ReadonlySet<string>): Promise<OrderRow[]> {
  const held = await db.orders.where('[fulfilment+createdAt]').between(['on_hold', -Infinity], ['on_hold', Infinity]).toArray();
  return held.filter((r) => r.holds.some((h) => h.code === 'r10' && !h.clearedBy)
    && (!skus || (r.decision?.allocation?.short ?? []).some((s) => skus.has(s.sku)) || (r.decision?.lines ?? []).some((l) => l.components.some((c) => skus.has(c.sku)))));
}

/** Every order a new rule set may decide differently: not yet on the floor, not cancelled. */
export async function openOrders(db: WharfDB): Promise<OrderRow[]> {
  const states = ['new', 'reviewing', 'on_hold', 'ready', 'allocated'] as const;
  const lists = await Promise.all(states.map((s) => db.orders.where('[fulfilment+createdAt]').between([s, -Infinity], [s, Infinity]).toArray()));
  return lists.flat();
}
