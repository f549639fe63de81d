// Seeded orders for a simulated home-goods shop, platform-neutral. Each order is created unpaid
// and lived forward through its planned events up to `now`, so statuses, times and tracking
// numbers agree with each other and with what the simulator will do next.
import { allocate } from '../../../../shared/money';
import { DEFAULT_CATALOG, resolveCatalogItem, type CatalogItem } from './catalog';
import type { IdScheme } from './ids';
import { applyLife, planLife, type LifeEvent } from './lifecycle';
import type { ReceiverPlain, SimLine, SimOrder } from './model';
import { BUYER_MESSAGES, ESTATES, GIVEN_NAMES, MOBILE_PREFIXES, NICKS, PLACES, SELLER_MEMOS, STREETS, SURNAMES } from './people';
import { maskName } from '../privacy';
import { createRng, type Rng } from './prng';

const SECOND = 1000;

export function newReceiver(rng: Rng): ReceiverPlain {
  const place = rng.pick(PLACES);
  return {
    name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`,
    phone: `${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`,
    province: place.province,
    city: place.city,
    district: place.district,
    town: rng.pick(place.towns),
    detail: `${rng.pick(STREETS)}${rng.int(1, 999)}号${rng.pick(ESTATES)}${rng.int(1, 30)}幢${rng.int(1, 3)}单元${rng.int(1, 32)}0${rng.int(1, 4)}室`,
    zip: place.zip,
  };
}

/** A freshly created, unpaid order at `createdAt` (whole seconds). */
export function newSimOrder(rng: Rng, ids: IdScheme, orderId: string, createdAt: number, catalog: readonly CatalogItem[]): SimOrder {
  const at = Math.floor(createdAt / SECOND) * SECOND;
  const lineCount = Math.min(catalog.length, rng.chance(0.65) ? 1 : rng.chance(0.7) ? 2 : 3);
  const picked = new Set<number>();
  while (picked.size < lineCount) picked.add(rng.int(0, catalog.length - 1));
  const items = [...picked].map((i) => resolveCatalogItem(catalog[i]!, i));
  const qtys = items.map(() => (rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3));
  const lineTotals = items.map((it, i) => it.priceFen * qtys[i]!);
  const goods = lineTotals.reduce((a, b) => a + b, 0);
  const discount = rng.chance(0.35) ? Math.min(rng.pick([500, 1000, 2000, 3000]), Math.floor(goods * 0.2)) : 0;
  const shares = allocate(discount, lineTotals);
  const post = rng.chance(0.8) ? 0 : rng.pick([600, 800, 1000, 1200]);
  const single = items.length === 1;
  const lines: SimLine[] = items.map((it, i) => ({
    lineId: ids.lineId(rng, orderId, i, single),
    itemId: it.numIid, skuId: it.skuId, outerItemId: it.outerId, outerSkuId: it.outerSkuId,
    title: it.title, skuText: it.skuText, qty: qtys[i]!, priceFen: it.priceFen,
    paymentFen: lineTotals[i]! - shares[i]!, discountFen: shares[i]!, refund: 'none',
  }));
  const message = rng.chance(0.1) ? rng.pick(BUYER_MESSAGES) : '';
  const memo = rng.chance(0.1) ? rng.pick(SELLER_MEMOS) : '';
  const flag = memo ? (rng.chance(0.6) ? rng.int(1, 5) : 0) : rng.chance(0.03) ? rng.int(1, 5) : 0;
  return {
    orderId, state: 'unpaid', hold: false, createdAt: at, modifiedAt: at,
    goodsFen: goods, postFeeFen: post, discountFen: discount, paymentFen: goods - discount + post,
    buyerNick: maskName(rng.pick(NICKS)),
    buyerOpenId: Array.from({ length: 24 }, () => rng.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'])).join(''),
    buyerMessage: message, sellerMemo: memo, sellerFlag: flag, receiver: newReceiver(rng), lines,
  };
}

/** Applies every planned event at or before `now`; returns the events still to come. */
export function liveUntil(seed: number, order: SimOrder, now: number): LifeEvent[] {
  const plan = planLife(seed, order);
  for (const ev of plan) if (ev.at <= now) applyLife(seed, order, ev);
  return plan.filter((ev) => ev.at > now);
}

export interface GenerateOptions {
  seed: number;
  count: number;
  now: number;
  /** created times spread over [now - spanMs, now], more of them recent */
  spanMs: number;
  ids: IdScheme;
  catalog?: readonly CatalogItem[];
  taken?: ReadonlySet<string>;
}

/** Orders already lived to `now`, each with its future still planned. */
export function generateOrders(opts: GenerateOptions): Array<{ order: SimOrder; pending: LifeEvent[] }> {
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  if (catalog.length === 0) throw new Error('generate: the catalog is empty; pass at least one item or leave it out for the default');
  const rng = createRng(`generate:${opts.seed}`);
  const taken = new Set(opts.taken ?? []);
  const out: Array<{ order: SimOrder; pending: LifeEvent[] }> = [];
  for (let i = 0; i < opts.count; i++) {
    // u^2 puts more orders in the recent past, like a shop's working backlog
    const createdAt = opts.now - Math.floor(opts.spanMs * rng.next() ** 2);
    let id = opts.ids.orderId(rng, createdAt);
    while (taken.has(id)) id = opts.ids.orderId(rng, createdAt);
    taken.add(id);
    const order = newSimOrder(rng, opts.ids, id, createdAt, catalog);
    out.push({ order, pending: liveUntil(opts.seed, order, opts.now) });
  }
  return out.sort((a, b) => a.order.createdAt - b.order.createdAt);
}
