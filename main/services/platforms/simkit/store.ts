// A simulated shop's orders, platform-neutral, moved forward lazily to the sim clock on each
// request (arrivals per clock minute, planned lifecycle events). Lazy and keyed by (seed,
// minute, orderId), so the state at a given sim time never depends on how often anybody asked.
import { resolveCatalogItem, type CatalogItem } from './catalog';
import { generateOrders, liveUntil, newReceiver, newSimOrder } from './generate';
import type { IdScheme } from './ids';
import { applyLife, shipLines, type LifeEvent } from './lifecycle';
import type { ReceiverPlain, SimLine, SimOrder } from './model';
import { createRng, type Rng } from './prng';

export interface StoreOptions {
  seed: number;
  ids: IdScheme;
  catalog: readonly CatalogItem[];
  /** new orders per sim minute on average; 0 turns arrivals off */
  arrivalsPerMin: number;
}

interface Rec { order: SimOrder; fateSeed: number | null; pending: LifeEvent[] }

/** A clock jump longer than this only backfills arrivals for its last part (bounded memory). */
const MAX_ARRIVAL_BACKFILL_MS = 2 * 24 * 3600_000;
const SECOND = 1000;
const wholeSecond = (ms: number) => Math.floor(ms / SECOND) * SECOND;

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) { k++; p *= rng.next(); }
  return k;
}

/** What an admin may post: any part of a SimOrder; lines and receiver partially. */
export type SimOrderInput = Partial<Omit<SimOrder, 'lines' | 'receiver'>> & {
  lines?: Array<Partial<SimLine>>;
  receiver?: Partial<ReceiverPlain>;
};

export class SimStore {
  private recs = new Map<string, Rec>();
  private lastAdvanced: number;
  /** orders handed out in full by the platform API: the pool late_modify picks from */
  readonly served = new Set<string>();
  private lateEdits = 0;

  constructor(private opts: StoreOptions, now: number) { this.lastAdvanced = now; }

  get size(): number { return this.recs.size; }
  get(id: string): SimOrder | undefined { return this.recs.get(id)?.order; }

  /** All orders, oldest created first. */
  all(): SimOrder[] {
    return [...this.recs.values()].map((r) => r.order).sort((a, b) => a.createdAt - b.createdAt || (a.orderId < b.orderId ? -1 : 1));
  }

  addGenerated(seed: number, count: number, now: number, spanMs: number): string[] {
    const made = generateOrders({ seed, count, now, spanMs, ids: this.opts.ids, catalog: this.opts.catalog, taken: new Set(this.recs.keys()) });
    for (const { order, pending } of made) this.recs.set(order.orderId, { order, fateSeed: seed, pending });
    return made.map((m) => m.order.orderId);
  }

  /** Admin upsert: patches an existing order or creates one from defaults; it never moves by itself. */
  upsert(input: SimOrderInput, now: number): string {
    if (input.orderId !== undefined && (typeof input.orderId !== 'string' || input.orderId.trim() === '')) {
      throw new Error(`orders: orderId ${JSON.stringify(input.orderId)} must be non-empty text (ids are strings: a JSON number loses digits past 2^53)`);
    }
    const prev = input.orderId ? this.recs.get(input.orderId) : undefined;
    const base = prev?.order ?? this.defaultOrder(input.orderId ?? this.freshId(now), now);
    const { lines, receiver, ...rest } = input;
    const merged: SimOrder = { ...base, ...rest, receiver: { ...base.receiver, ...receiver } };
    if (lines) merged.lines = lines.map((l, i) => this.completeLine(l, merged.orderId, i, lines.length === 1));
    if (input.modifiedAt === undefined) merged.modifiedAt = wholeSecond(now);
    if (input.lines && input.goodsFen === undefined) merged.goodsFen = merged.lines.reduce((s, l) => s + l.priceFen * l.qty, 0);
    if (input.lines && input.paymentFen === undefined) merged.paymentFen = merged.lines.reduce((s, l) => s + l.paymentFen, 0) + merged.postFeeFen;
    this.recs.set(merged.orderId, { order: merged, fateSeed: null, pending: [] });
    return merged.orderId;
  }

  /** Moves the shop to sim time `now`: new arrivals, then every due lifecycle event. */
  advanceTo(now: number): void {
    if (now <= this.lastAdvanced) return;
    this.arrive(Math.max(this.lastAdvanced, now - MAX_ARRIVAL_BACKFILL_MS), now);
    for (const rec of this.recs.values()) {
      while (rec.fateSeed !== null && rec.pending.length > 0 && rec.pending[0]!.at <= now) {
        applyLife(rec.fateSeed, rec.order, rec.pending.shift()!);
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
        // one PRNG per arrival, so the order is the same whichever request first sees it
        const rng = createRng(`arrival:${seed}:${slot}:${i}`);
        const at = wholeSecond(slot * 60_000 + rng.int(0, 59_999));
        const id = this.opts.ids.orderId(rng, at);
        if (at <= from || at > to || this.recs.has(id)) continue;
        const order = newSimOrder(rng, this.opts.ids, id, at, this.opts.catalog);
        this.recs.set(id, { order, fateSeed: seed, pending: liveUntil(seed, order, to) });
      }
    }
  }

  /**
   * late_modify: an order the client already fetched changes, but its modified time lands a few
   * minutes in the past (the platforms' delayed index). Returns the order id, or null.
   */
  lateModify(now: number, pickIndex: number, lagSeconds: number): string | null {
    const candidates = [...this.served].filter((id) => this.recs.has(id)).sort();
    if (candidates.length === 0) return null;
    const o = this.recs.get(candidates[pickIndex % candidates.length]!)!.order;
    const at = Math.max(o.modifiedAt + SECOND, wholeSecond(now - lagSeconds * SECOND));
    if (at > now) return null;
    this.lateEdits++;
    o.sellerMemo = `${o.sellerMemo ? `${o.sellerMemo}；` : ''}客服补记${this.lateEdits}`;
    o.modifiedAt = at;
    return o.orderId;
  }

  /** The seller's ship call: every open line (or the named ones) with one tracking number. */
  ship(orderId: string, trackingNo: string, carrier: { code: string; name: string }, now: number, lineIds?: string[]): void {
    const rec = this.recs.get(orderId)!;
    const open = rec.order.lines.filter((l) => !l.trackingNo && l.refund !== 'success' && (!lineIds || lineIds.includes(l.lineId)));
    shipLines(rec.order, open, wholeSecond(now), trackingNo, carrier);
    rec.order.modifiedAt = wholeSecond(now);
    // the planned shipping is void now; the buyer still confirms later
    rec.pending = rec.pending.filter((e) => e.kind !== 'ship' && e.kind !== 'ship_part');
    if (rec.order.state === 'shipped' && rec.fateSeed !== null && !rec.pending.some((e) => e.kind === 'finish')) {
      rec.pending.push({ at: wholeSecond(now) + 3 * 86_400_000, kind: 'finish' });
    }
  }

  /** The seller's memo/flag write-back. */
  setMemo(orderId: string, memo: string | undefined, flag: number | undefined, now: number): void {
    const o = this.recs.get(orderId)!.order;
    if (memo !== undefined) o.sellerMemo = memo;
    if (flag !== undefined) o.sellerFlag = flag;
    o.modifiedAt = Math.max(o.modifiedAt, wholeSecond(now));
  }

  private freshId(now: number): string {
    const rng = createRng(`admin:${this.opts.seed}:${now}:${this.recs.size}`);
    let id = this.opts.ids.orderId(rng, now);
    while (this.recs.has(id)) id = this.opts.ids.orderId(rng, now);
    return id;
  }

  private defaultOrder(orderId: string, now: number): SimOrder {
    const at = wholeSecond(now);
    const rng = createRng(`admin-order:${this.opts.seed}:${orderId}`);
    const o = newSimOrder(rng, this.opts.ids, orderId, at, this.opts.catalog);
    return { ...o, state: 'paid', paidAt: at, receiver: newReceiver(rng) };
  }

  private completeLine(l: Partial<SimLine>, orderId: string, i: number, single: boolean): SimLine {
    const item = resolveCatalogItem(this.opts.catalog[i % this.opts.catalog.length]!, i % this.opts.catalog.length);
    const qty = l.qty ?? 1;
    const priceFen = l.priceFen ?? item.priceFen;
    return {
      lineId: l.lineId ?? this.opts.ids.lineId(createRng(`admin-line:${orderId}:${i}`), orderId, i, single),
      itemId: item.numIid, skuId: item.skuId, outerItemId: item.outerId, outerSkuId: item.outerSkuId,
      title: item.title, skuText: item.skuText, qty, priceFen, paymentFen: priceFen * qty, discountFen: 0, refund: 'none',
      ...l,
    } as SimLine;
  }

  receiverFor(orderId: string): ReceiverPlain | undefined { return this.recs.get(orderId)?.order.receiver; }
}
