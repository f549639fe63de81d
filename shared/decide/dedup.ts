// Stage 3: the same buyer ordering the same goods twice, on two shops or two platforms, within
// the window (default 72 h of paid time) — a possible duplicate, held for a person, never
// cancelled by itself. The later order of the pair is the one held (duplicate_of = the earlier).
// Same shop + same receiver + all paid and unshipped is not a duplicate but a merge (合单).
import type { ReceiverSeen } from './context';
import type { DuplicateFinding } from './types';
import { describeReceiverKey, type ReceiverKeys } from './receiver';
import { PRE_FLOOR } from '../domain/fulfilment';

const HOUR = 3600_000;

export interface DedupSubject {
  key: string;
  platform: string;
  shopId: string;
  paidAt: number;
  products: string[];
  keys: ReceiverKeys;
}

export interface DedupResult {
  /** this order is the later of a pair: hold it */
  duplicate?: DuplicateFinding;
  /** this order is the EARLIER of a pair whose later order was decided first: hold that one */
  laterDuplicates: string[];
  /** same shop, same receiver, both waiting to ship */
  mergeWith: string[];
  /** orders (this one included) to one receiver within the scalping window */
  sameReceiverInWindow: Array<{ key: string; paidAt: number }>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);

/** Live enough to matter: closed or cancelled orders neither duplicate nor merge. */
const live = (o: ReceiverSeen) => o.channelStatus !== 'closed' && o.fulfilment !== 'cancelled';

/** Earlier of two orders: paid time, then key, so both sides of a pair agree. */
const earlier = (a: { paidAt: number; key: string }, b: { paidAt: number; key: string }) => a.paidAt < b.paidAt || (a.paidAt === b.paidAt && a.key < b.key);

export function findDuplicates(me: DedupSubject, seen: readonly ReceiverSeen[], windowHours: number, scalpWindowHours: number): DedupResult {
  const windowMs = windowHours * HOUR;
  const scalpMs = scalpWindowHours * HOUR;
  const mine = new Set(me.keys.all);
  const mergeMine = new Set(me.keys.merge);
  const others = new Map<string, ReceiverSeen>();
  for (const o of seen) if (o.key !== me.key) others.set(o.key, o);

  let duplicate: DuplicateFinding | undefined;
  const laterDuplicates: string[] = [];
  const mergeWith: string[] = [];
  const sameReceiverInWindow: Array<{ key: string; paidAt: number }> = [{ key: me.key, paidAt: me.paidAt }];
  for (const o of others.values()) {
    const matched = o.receiverKeys.filter((k) => mine.has(k));
    if (!matched.length || !live(o)) continue;
    const apart = Math.abs(o.paidAt - me.paidAt);
    // a suspected double order is one purchase twice, not another order: it does not count as scalping
    if (apart <= scalpMs && !o.duplicateOf) sameReceiverInWindow.push({ key: o.key, paidAt: o.paidAt });
    if (o.shopId === me.shopId && o.platform === me.platform) {
      if (o.receiverKeys.some((k) => mergeMine.has(k)) && PRE_FLOOR.has(o.fulfilment) && (o.channelStatus === 'paid')) mergeWith.push(o.key);
      continue;
    }
    if (apart > windowMs || !sameSet(o.products, me.products)) continue;
    const finding: DuplicateFinding = { of: o.key, matchedBy: matched.map(describeReceiverKey), hoursApart: Math.round((apart / HOUR) * 10) / 10, products: me.products };
    if (earlier(o, me)) {
      // the earliest counterpart wins: a triple points every later order at the first one
      if (!duplicate || earlier(others.get(duplicate.of)!, o)) duplicate = finding;
    } else if (!o.duplicateOf) {
      laterDuplicates.push(o.key);
    }
  }
  return { duplicate, laterDuplicates: laterDuplicates.sort(), mergeWith: mergeWith.sort(), sameReceiverInWindow: sameReceiverInWindow.sort((a, b) => a.paidAt - b.paidAt) };
}
