// Seeded demo trades for a home-goods Taobao shop. Each trade is created unpaid and then lived
// forward through its planned events up to `now`, so statuses, times and tracking numbers agree
// with each other and with what the simulator will do next.
import { allocate, formatFen } from '../../../../shared/money';
import { formatShanghai } from '../../../../shared/time';
import { DEFAULT_CATALOG, resolveCatalogItem, type CatalogItem } from '../simkit/catalog';
import { applyLifeEvent, planLife } from './lifecycle';
import { BUYER_MESSAGES, NICKS, SELLER_MEMOS } from '../simkit/people';
import { newReceiver } from '../simkit/generate';
import { maskName } from '../privacy';
import { createRng, type Rng } from '../simkit/prng';
import type { TbOrder, TbTrade } from './trade';

export interface GenerateOptions {
  seed: number;
  count: number;
  /** epoch ms: trades are lived forward up to this moment */
  now: number;
  /** created times spread over [now - spanMs, now], more of them recent */
  spanMs: number;
  catalog?: readonly CatalogItem[];
  sellerNick?: string;
  /** tids already taken (the simulator's store), so a second batch never collides */
  taken?: ReadonlySet<string>;
}

export const DEFAULT_SELLER_NICK = '栖木家居旗舰店';

/** 19 digits (18 for a few), first two fixed like real Taobao tids, the rest random. */
export function newTid(rng: Rng): string {
  return `38${rng.digits(rng.chance(0.85) ? 17 : 16)}`;
}

/** A freshly created, unpaid trade (status WAIT_BUYER_PAY) at `createdAt`. */
export function newTrade(rng: Rng, tid: string, createdAt: number, catalog: readonly CatalogItem[], sellerNick = DEFAULT_SELLER_NICK): TbTrade {
  const created = formatShanghai(Math.floor(createdAt / 1000) * 1000);
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
  const orders: TbOrder[] = items.map((it, i) => {
    const divide = lineTotals[i]! - shares[i]!;
    const oid = single ? tid : `38${rng.digits(17)}`;
    return {
      oid,
      oid_str: oid,
      num_iid: it.numIid,
      sku_id: it.skuId,
      outer_iid: it.outerId,
      outer_sku_id: it.outerSkuId,
      title: it.title,
      sku_properties_name: it.skuText,
      num: qtys[i]!,
      price: formatFen(it.priceFen),
      total_fee: formatFen(lineTotals[i]!),
      // Order.payment includes the post fee only when the trade has a single line (§1.4)
      payment: formatFen(single ? divide + post : divide),
      discount_fee: formatFen(shares[i]!),
      adjust_fee: '0.00',
      divide_order_fee: formatFen(divide),
      status: 'WAIT_BUYER_PAY',
      refund_status: 'NO_REFUND',
      shipping_type: 'express',
    };
  });
  const message = rng.chance(0.1) ? rng.pick(BUYER_MESSAGES) : undefined;
  const memo = rng.chance(0.1) ? rng.pick(SELLER_MEMOS) : undefined;
  const flag = memo ? (rng.chance(0.6) ? rng.int(1, 5) : 0) : rng.chance(0.03) ? rng.int(1, 5) : 0;
  const trade: TbTrade = {
    tid,
    tid_str: tid,
    status: 'WAIT_BUYER_PAY',
    type: 'fixed',
    created,
    modified: created,
    payment: formatFen(goods - discount + post),
    total_fee: formatFen(goods),
    post_fee: formatFen(post),
    discount_fee: formatFen(discount),
    adjust_fee: '0.00',
    received_payment: '0.00',
    num: qtys.reduce((a, b) => a + b, 0),
    buyer_nick: maskName(rng.pick(NICKS)),
    buyer_open_uid: `AA${Array.from({ length: 22 }, () => rng.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'])).join('')}`,
    seller_nick: sellerNick,
    seller_flag: flag,
    shipping_type: 'express',
    orders,
    receiver_plain: newReceiver(rng),
  };
  if (message) { trade.buyer_message = message; trade.has_buyer_message = true; }
  if (memo) trade.seller_memo = memo;
  return trade;
}

/** Applies every planned event at or before `now`; returns the events still to come. */
export function liveUntil(seed: number, trade: TbTrade, now: number): ReturnType<typeof planLife> {
  const plan = planLife(seed, trade);
  for (const ev of plan) if (ev.at <= now) applyLifeEvent(seed, trade, ev);
  return plan.filter((ev) => ev.at > now);
}

export function generateTrades(opts: GenerateOptions): TbTrade[] {
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  if (catalog.length === 0) throw new Error('generateTrades: the catalog is empty; pass at least one item or leave it out for the default');
  const rng = createRng(`generate:${opts.seed}`);
  const taken = new Set(opts.taken ?? []);
  const trades: TbTrade[] = [];
  for (let i = 0; i < opts.count; i++) {
    let tid = newTid(rng);
    while (taken.has(tid)) tid = newTid(rng);
    taken.add(tid);
    // u^2 puts more trades in the recent past, like a shop's working backlog
    const createdAt = opts.now - Math.floor(opts.spanMs * rng.next() ** 2);
    const trade = newTrade(rng, tid, createdAt, catalog, opts.sellerNick);
    liveUntil(opts.seed, trade, opts.now);
    trades.push(trade);
  }
  return trades.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}
