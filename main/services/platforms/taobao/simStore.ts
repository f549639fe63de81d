// The simulated shop's data: trades in the platform's own format, moved forward lazily to the
// sim clock on each request (arrivals per clock minute, planned lifecycle events), plus stock.
// Lazy and keyed by (seed, minute, tid), so state at a given sim time never depends on how often
// or when anybody asked.
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import type { CatalogItem } from '../simkit/catalog';
import { StockBook } from '../simkit/stock';
import { generateTrades, liveUntil, newTid, newTrade } from './generate';
import { applyLifeEvent, planLife, type LifeEvent } from './lifecycle';
import { encryptLegacy, maskAddress, maskName, maskPhone, oaidFor } from '../privacy';
import { createRng, type Rng } from '../simkit/prng';
import type { TbOrder, TbTrade } from './trade';

/** 'cipher': ciphertext in receiver_* plus *_mask twins; 'masked': masked text in receiver_* only. */
export type PrivacyMode = 'cipher' | 'masked';

export interface StoreOptions {
  seed: number;
  shopId: string;
  appKey: string;
  catalog: readonly CatalogItem[];
  arrivalsPerMin: number;
  privacy: PrivacyMode;
  sellerNick?: string;
}

interface Rec {
  trade: TbTrade;
  /** seed of the trade's planned life; null = a fixture posted by a test, never moves by itself */
  fateSeed: number | null;
  pending: LifeEvent[];
}

/** A clock jump longer than this only backfills arrivals for its last part (keeps memory bounded). */
const MAX_ARRIVAL_BACKFILL_MS = 2 * 24 * 3600_000;
const SECOND = 1000;

function poisson(rng: Rng, mean: number): number {
  // Knuth's method: fine for the small per-minute means a shop has
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) { k++; p *= rng.next(); }
  return k;
}

export class SimStore {
  private recs = new Map<string, Rec>();
  private lastAdvanced: number;
  /** tids handed out by trade.fullinfo.get: the pool late_modify picks from */
  readonly served = new Set<string>();
  /** per-listing stock, moved by taobao.item.quantity.update / taobao.skus.quantity.update */
  readonly stock: StockBook;
  private lateEdits = 0;
  /** what taobao.top.oaid.decrypt gives back: the plain receiver behind each trade's ciphertext */
  private receivers = new Map<string, import('./trade').ReceiverPlain>();

  constructor(private opts: StoreOptions, now: number) {
    this.lastAdvanced = now;
    this.stock = new StockBook(opts.catalog, now);
  }

  get size(): number { return this.recs.size; }

  has(tid: string): boolean { return this.recs.has(tid); }

  get(tid: string): TbTrade | undefined { return this.recs.get(tid)?.trade; }

  /** All trades, oldest created first (the admin view). */
  all(): TbTrade[] {
    return [...this.recs.values()].map((r) => r.trade).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.tid < b.tid ? -1 : 1));
  }

  /** Generated trades (already lived to `now`) join with their future still planned. */
  addGenerated(seed: number, count: number, now: number, spanMs: number): string[] {
    const trades = generateTrades({ seed, count, now, spanMs, catalog: this.opts.catalog, sellerNick: this.opts.sellerNick, taken: new Set(this.recs.keys()) });
    for (const t of trades) {
      const pending = planLife(seed, t).filter((e) => e.at > now); // the past part is already lived
      this.recs.set(t.tid, { trade: this.toPlatform(t), fateSeed: seed, pending });
    }
    return trades.map((t) => t.tid);
  }

  /**
   * Admin upsert: a full or partial trade in the platform's format. Existing trades are patched;
   * new ones start from sensible defaults. `modified` becomes `now` unless the order gives one.
   */
  upsert(input: Partial<TbTrade> & Record<string, unknown>, now: number): string {
    for (const id of [input.tid, input.tid_str, ...(Array.isArray(input.orders) ? input.orders.map((o) => (o as Partial<TbOrder>).oid) : [])]) {
      if (typeof id === 'number' && !Number.isSafeInteger(id)) throw new Error(`orders: id ${id} arrived as a JSON number and has lost digits; send tid/oid as strings`);
    }
    const tid = String(input.tid_str ?? input.tid ?? '');
    const prev = tid ? this.recs.get(tid) : undefined;
    if (tid && !/^\d{1,20}$/.test(tid)) throw new Error(`orders: tid ${JSON.stringify(tid)} must be digits (send it as a string)`);
    const id = tid || this.freshTid(now);
    const base: TbTrade = prev ? prev.trade : this.defaultTrade(id, now);
    const merged = { ...base, ...input, tid: id, tid_str: id } as TbTrade;
    if (!input.modified) merged.modified = formatShanghai(Math.floor(now / SECOND) * SECOND);
    if (Array.isArray(input.orders)) merged.orders = (input.orders as Array<Partial<TbOrder>>).map((o, i) => this.completeOrder(o, id, i));
    this.recs.set(id, { trade: this.toPlatform(merged), fateSeed: null, pending: [] });
    return id;
  }

  /** Moves the shop to sim time `now`: new arrivals, then every due lifecycle event. */
  advanceTo(now: number): void {
    if (now <= this.lastAdvanced) return;
    this.arrive(Math.max(this.lastAdvanced, now - MAX_ARRIVAL_BACKFILL_MS), now);
    for (const rec of this.recs.values()) {
      while (rec.fateSeed !== null && rec.pending.length > 0 && rec.pending[0]!.at <= now) {
        applyLifeEvent(rec.fateSeed, rec.trade, rec.pending.shift()!);
      }
    }
    this.lastAdvanced = now;
  }

  private arrive(from: number, to: number): void {
    const { seed, arrivalsPerMin } = this.opts;
    if (arrivalsPerMin <= 0) return;
    for (let slot = Math.floor(from / 60_000); slot <= Math.floor(to / 60_000); slot++) {
      const n = poisson(createRng(`arrivals:${seed}:${slot}`), arrivalsPerMin);
      for (let i = 0; i < n; i++) {
        // one PRNG per arrival, so the trade is the same whichever request first sees it
        const rng = createRng(`arrival:${seed}:${slot}:${i}`);
        const at = Math.floor((slot * 60_000 + rng.int(0, 59_999)) / SECOND) * SECOND;
        const tid = newTid(rng);
        if (at <= from || at > to || this.recs.has(tid)) continue;
        const trade = newTrade(rng, tid, at, this.opts.catalog, this.opts.sellerNick);
        const pending = liveUntil(seed, trade, to);
        this.recs.set(tid, { trade: this.toPlatform(trade), fateSeed: seed, pending });
      }
    }
  }

  /**
   * late_modify: a trade the client already fetched changes, but its `modified` lands a few
   * minutes in the past (Taobao's delayed sync, platforms.md §1.4). Returns the tid, or null.
   */
  lateModify(now: number, pickIndex: number, lagSeconds: number): string | null {
    const candidates = [...this.served].filter((tid) => this.recs.has(tid)).sort();
    if (candidates.length === 0) return null;
    const tid = candidates[pickIndex % candidates.length]!;
    const t = this.recs.get(tid)!.trade;
    const prev = parseShanghai(t.modified);
    const at = Math.max(prev + SECOND, Math.floor((now - lagSeconds * SECOND) / SECOND) * SECOND);
    if (at > now) return null;
    this.lateEdits++;
    t.seller_memo = `${t.seller_memo ? `${t.seller_memo}；` : ''}客服补记${this.lateEdits}`;
    t.modified = formatShanghai(at);
    return tid;
  }

  /** taobao.logistics.offline.send: ships every open line with one tracking number. */
  ship(tid: string, outSid: string, carrierName: string, now: number): void {
    const rec = this.recs.get(tid)!;
    const when = formatShanghai(Math.floor(now / SECOND) * SECOND);
    for (const o of rec.trade.orders) {
      if (o.invoice_no || o.refund_status === 'SUCCESS') continue;
      Object.assign(o, { invoice_no: outSid, logistics_company: carrierName, consign_time: when, status: 'WAIT_BUYER_CONFIRM_GOODS' });
    }
    rec.trade.status = 'WAIT_BUYER_CONFIRM_GOODS';
    rec.trade.consign_time ??= when;
    rec.trade.modified = when;
    // the planned shipping is void now; the buyer still confirms later
    rec.pending = rec.pending.filter((e) => e.kind !== 'ship' && e.kind !== 'ship_part');
  }

  private freshTid(now: number): string {
    const rng = createRng(`admin:${this.opts.seed}:${now}:${this.recs.size}`);
    let tid = newTid(rng);
    while (this.recs.has(tid)) tid = newTid(rng);
    return tid;
  }

  private defaultTrade(tid: string, now: number): TbTrade {
    const when = formatShanghai(Math.floor(now / SECOND) * SECOND);
    return {
      tid, tid_str: tid, status: 'WAIT_SELLER_SEND_GOODS', type: 'fixed', created: when, modified: when, pay_time: when,
      payment: '0.00', total_fee: '0.00', post_fee: '0.00', discount_fee: '0.00', adjust_fee: '0.00', received_payment: '0.00',
      num: 0, buyer_nick: '', buyer_open_uid: '', seller_nick: this.opts.sellerNick ?? '', seller_flag: 0, shipping_type: 'express', orders: [],
    };
  }

  private completeOrder(o: Partial<TbOrder>, tid: string, i: number): TbOrder {
    const oid = String(o.oid_str ?? o.oid ?? (i === 0 ? tid : `${tid.slice(0, -2)}${String(i).padStart(2, '0')}`));
    return {
      num_iid: '', title: '', num: 1, price: '0.00', total_fee: '0.00', payment: '0.00', discount_fee: '0.00', adjust_fee: '0.00',
      divide_order_fee: o.payment ?? '0.00', status: 'WAIT_SELLER_SEND_GOODS', refund_status: 'NO_REFUND', shipping_type: 'express',
      ...o, oid, oid_str: oid,
    } as TbOrder;
  }

  /** The plain receiver of a trade, if the oaid still matches it (oaid.decrypt). */
  receiverFor(tid: string, oaid: string): import('./trade').ReceiverPlain | undefined {
    const t = this.recs.get(tid)?.trade;
    if (!t || t.oaid !== oaid) return undefined;
    return this.receivers.get(tid);
  }

  /** Plain receiver → the platform's ciphertext, masks and shop-scoped oaid. */
  private toPlatform(input: TbTrade): TbTrade {
    const { receiver_plain: plain, merge_key: mergeKey, ...t } = input;
    const scope = `${this.opts.shopId}:${this.opts.appKey}`;
    if (plain) {
      this.receivers.set(String(t.tid), plain);
      const key = this.opts.shopId;
      if (this.opts.privacy === 'cipher') {
        t.receiver_name = encryptLegacy('text', plain.name, key);
        t.receiver_mobile = encryptLegacy('phone', plain.phone, key);
        t.receiver_address = encryptLegacy('text', plain.detail, key);
        t.receiver_name_mask = maskName(plain.name);
        t.receiver_mobile_mask = maskPhone(plain.phone);
        t.receiver_address_mask = maskAddress(plain.detail);
      } else {
        t.receiver_name = maskName(plain.name);
        t.receiver_mobile = maskPhone(plain.phone);
        t.receiver_address = maskAddress(plain.detail);
      }
      t.receiver_phone = '';
      t.receiver_state = plain.province;
      t.receiver_city = plain.city;
      t.receiver_district = plain.district;
      t.receiver_town = plain.town ?? '';
      t.receiver_zip = plain.zip ?? '';
      t.receiver_country = '';
      const who = [plain.name, plain.phone, plain.province, plain.city, plain.district, plain.town ?? '', plain.detail].join('|');
      t.oaid = oaidFor(scope, mergeKey ? `merge:${mergeKey}` : who);
    } else if (mergeKey) {
      t.oaid = oaidFor(scope, `merge:${mergeKey}`);
    }
    return t;
  }
}
