// Runs the pure pipeline (shared/decide) over a set of order rows inside the caller's Dexie
// transaction: one index query finds every earlier order sharing a receiver key, one bulkGet
// reads the stock rows the batch touches, then orders are decided oldest-paid first, each seeing
// the stock and receivers the ones before it took. Used by the ingest worker (arrivals) and by
// the main-thread mutators (approve, mapping confirmed, stock changed, rules applied).
import type { NormalizedOrder, OrderRow } from '../../../shared/domain/types';
import type { DecideContext, ReceiverSeen } from '../../../shared/decide/context';
import { decideOrder, notDecidable, paidTime } from '../../../shared/decide/pipeline';
import { mapLines, productSet } from '../../../shared/decide/mapLines';
import { receiverKeys } from '../../../shared/decide/receiver';
import type { Decision, DecisionTrigger, LineDecision } from '../../../shared/decide/types';
import type { RuleStatRow, SkuStatRow, WharfDB } from '../db';
import { configFor, configTables, type ConfigSnapshot } from './config';
import { StockTx, stockTables } from '../stock/ledgerTx';
import { committedLines, lapseIfDue, markStockShort, settleOrderLock, SYSTEM_ACTOR } from '../stock/orderLocks';
import { unpaidLines } from '../stock/unpaid';
import { learnListings } from '../stock/listings';
import { lockHolding } from '../../../shared/stock';

export interface DecideRequest { row: OrderRow; trigger: DecisionTrigger }

/** Every table a deciding transaction must include. */
export const decideTables = (db: WharfDB) => [db.orders, ...stockTables(db), db.skuStats, db.ruleStats, db.phoneHashes, db.listings, ...configTables(db)];

/** The order as the pipeline should see it: a staff address correction wins over the platform view. */
export function effectiveOrder(row: OrderRow): NormalizedOrder & { key: string } {
  const e = row.addressEdit;
  if (!e) return row;
  return { ...row, receiver: { ...row.receiver, province: e.province, city: e.city, district: e.district, addressMasked: e.detail } };
}

function seenOf(row: OrderRow, products: string[]): ReceiverSeen {
  return { key: row.key, platform: row.platform, shopId: row.shopId, paidAt: paidTime(row), products, receiverKeys: row.rk ?? [], fulfilment: row.fulfilment, channelStatus: row.channelStatus, ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}) };
}

const productsOf = (row: OrderRow) => (row.decision ? productSet(row.decision.lines) : []);

/** Receivers index for one batch: earlier orders from the store, plus this batch as it is decided. */
class ReceiverIndex {
  private readonly byKey = new Map<string, Map<string, ReceiverSeen>>();
  add(s: ReceiverSeen): void {
    for (const k of s.receiverKeys) {
      let m = this.byKey.get(k);
      if (!m) this.byKey.set(k, (m = new Map()));
      m.set(s.key, s);
    }
  }
  remove(key: string, keys: readonly string[]): void { for (const k of keys) this.byKey.get(k)?.delete(key); }
  lookup(keys: readonly string[]): ReceiverSeen[] {
    const out = new Map<string, ReceiverSeen>();
    for (const k of keys) for (const [ok, s] of this.byKey.get(k) ?? []) out.set(ok, s);
    return [...out.values()];
  }
}

function waitingItems(row: OrderRow, lines: readonly LineDecision[]): string[] {
  if (row.channelStatus === 'closed' || row.channelStatus === 'shipped' || row.channelStatus === 'completed' || row.fulfilment === 'cancelled') return [];
  return [...new Set(lines.filter((l) => !l.sku && l.units > 0).map((l) => l.itemKey))];
}

export interface DecideOptions {
  now: number;
  /** decide these too when this batch shows them to be the later of a duplicate pair (default true) */
  followDuplicates?: boolean;
}

export interface DecideBatchResult {
  /** every row changed: the requested ones and any earlier order now held as a duplicate */
  rows: Map<string, OrderRow>;
}

export async function decideInTx(db: WharfDB, requests: readonly DecideRequest[], opts: DecideOptions): Promise<DecideBatchResult> {
  const out = new Map<string, OrderRow>();
  if (!requests.length) return { rows: out };
  const cfg = await configFor(db);
  const phone = new Map((await db.phoneHashes.bulkGet(requests.map((r) => r.row.key))).filter((x) => !!x).map((x) => [x!.orderKey, x!.hashes]));
  const phoneHashes = (k: string) => phone.get(k) ?? [];

  const keyed = requests.map((r) => {
    const order = effectiveOrder(r.row);
    return { ...r, order, keys: receiverKeys(order, phoneHashes(r.row.key)) };
  });
  const batchKeys = new Set(keyed.map((r) => r.row.key));
  const allKeys = [...new Set(keyed.flatMap((r) => r.keys.all))];
  // one equality lookup per key, all in flight at once: anyOf walks a cursor with a round trip
  // per key, and almost every key of a new batch matches nothing (measured: 0.6 ms an order)
  const history = [...new Map((await Promise.all(allKeys.map((k) => db.orders.where('rk').equals(k).toArray()))).flat().map((r) => [r.key, r])).values()];
  const index = new ReceiverIndex();
  const historyByKey = new Map<string, OrderRow>();
  for (const h of history) {
    if (batchKeys.has(h.key)) continue;
    historyByKey.set(h.key, h);
    index.add(seenOf(h, productsOf(h)));
  }

  const ledger = new StockTx(db);
  const baseCtx = contextOf(cfg, opts.now, ledger, index, phoneHashes, new Map());
  // which SKUs this batch can touch: its lines now (mapped once, handed to the pipeline), what
  // earlier decisions committed, and the orders a duplicate may send back to review
  const premapped = new Map(keyed.map((r) => [r.row.key, { lines: mapLines(r.order, baseCtx), receiverKeys: r.keys }]));
  const skus = new Set<string>();
  for (const { lines } of premapped.values()) for (const l of lines) for (const c of l.components) skus.add(c.sku);
  // the orders' own locks, and the SKUs they hold (a re-decision gives them back first)
  const lockIds = [...keyed.map((r) => r.row.key), ...historyByKey.keys()];
  await ledger.load([], lockIds);
  for (const id of lockIds) for (const l of ledger.lock(id)?.lines ?? []) skus.add(l.sku);
  await ledger.load(skus);
  const stats = new Map((await db.skuStats.bulkGet([...skus])).filter((x): x is SkuStatRow => !!x).map((s) => [s.sku, s]));
  const ctx = contextOf(cfg, opts.now, ledger, index, phoneHashes, stats);
  const ruleStats = new Map((await db.ruleStats.toArray()).map((r) => [r.rule, r]));

  const queue = [...keyed].sort((a, b) => paidTime(a.order) - paidTime(b.order) || (a.row.key < b.row.key ? -1 : 1));
  const followed = new Set<string>();
  // an arrival or a payment is decided as of its version's change (never before the decision it replaces),
  // an explicit event as of that event, and an order it reveals as a duplicate as of the arrival
  // that revealed it: all from the journal, so a replay gives the same rows
  const timeOf = (row: OrderRow, trigger: DecisionTrigger): number =>
    trigger === 'arrival' || trigger === 'paid' ? Math.max(row.modifiedAt, row.decision?.at ?? 0) : opts.now;
  const decideOne = (row: OrderRow, trigger: DecisionTrigger, at: number): { later: string[]; at: number } => {
    const prev = row.decision;
    index.remove(row.key, row.rk ?? []);
    // an unpaid lock that ran out before this version is released as of its lapse, first
    lapseIfDue(ledger, row.key, at);
    // the order's own lock counts as available to it; batches judged as of the decision
    ledger.credit = lockHolding(ledger.state, row.key);
    ledger.eligibility = { now: at, minRemainingDays: cfg.settings.stock.minRemainingDays[row.shopId] ?? 0 };
    const order = effectiveOrder(row);
    const res = decideOrder({ order, fulfilment: row.fulfilment, holds: row.holds, trigger, at, ...premapped.get(row.key) }, ctx);
    let decision = res.decision;
    let holds = res.holds;
    let fulfilment = res.fulfilment;
    // an unpaid order takes its lock now where the company reserves unpaid orders
    const unpaid = unpaidLines(order, row.fulfilment, decision, ctx, cfg.settings);
    ledger.credit = new Map();
    if (unpaid) decision = { ...decision, allocation: unpaid.allocation, reasons: [...decision.reasons, ...unpaid.reasons] };
    // a skipped order (unpaid, shipped, on the floor) keeps whatever lock it has: payment, lapse,
    // shipping and cancellation settle those explicitly
    const lock = decision.outcome === 'skip' && !unpaid
      ? { reasons: [] as string[] }
      : settleOrderLock(ledger, { row, lines: committedLines(decision), at, actor: SYSTEM_ACTOR, source: row.key, settings: cfg.settings.stock });
    ledger.eligibility = undefined;
    if (lock.short) {
      ({ decision, holds } = markStockShort(decision, holds, lock.short, lock.reasons, at));
      fulfilment = 'on_hold';
    } else if (lock.reasons.length) {
      decision = { ...decision, reasons: [...decision.reasons, ...lock.reasons] };
    }
    const next: OrderRow = {
      ...row, decision, fulfilment, holds, rk: res.receiverKeys.all,
      um: waitingItems(row, decision.lines),
    };
    if (decision.duplicate) next.duplicateOf = decision.duplicate.of; else delete next.duplicateOf;
    countStats(stats, ruleStats, prev, decision);
    out.set(row.key, next);
    index.add(seenOf(next, res.products));
    return { later: res.laterDuplicates, at };
  };

  const later: { key: string; at: number }[] = [];
  for (const r of queue) {
    const done = decideOne(r.row, r.trigger, timeOf(r.row, r.trigger));
    later.push(...done.later.map((key) => ({ key, at: done.at })));
  }
  if (opts.followDuplicates !== false) {
    for (const { key, at } of later) {
      if (followed.has(key) || out.has(key)) continue;
      followed.add(key);
      const h = historyByKey.get(key);
      if (!h || notDecidable(h, h.fulfilment)) continue;
      decideOne(h, 'duplicate', Math.max(at, h.decision?.at ?? 0));
    }
  }

  await ledger.save();
  await learnListings(db, out.values());
  if (stats.size) await db.skuStats.bulkPut([...stats.values()]);
  if (ruleStats.size) await db.ruleStats.bulkPut([...ruleStats.values()]);
  return { rows: out };
}

function contextOf(cfg: ConfigSnapshot, now: number, ledger: StockTx, index: ReceiverIndex, phoneHashes: (k: string) => readonly string[], stats: Map<string, SkuStatRow>): DecideContext {
  return {
    settings: cfg.settings, revision: cfg.revision, now, skus: cfg.skus, mappings: cfg.mappings, skuByCode: cfg.skuByCode,
    matcher: cfg.matcher, warehouses: cfg.warehouses, blacklist: cfg.blacklist, stock: ledger,
    receiverHistory: (keys) => index.lookup(keys),
    usualQty: (sku) => { const s = stats.get(sku); return s && s.lines > 0 ? { mean: s.units / s.lines, n: s.lines } : undefined; },
    phoneHashes,
  };
}

const emptyRuleStat = (rule: string): RuleStatRow => ({ rule, hits: 0, held: 0, flagged: 0, approved: 0, cancelled: 0, fixed: 0 });

/** Counts a decision once per order: SKU line statistics at its first real decision, rule hits when they first appear. */
function countStats(stats: Map<string, SkuStatRow>, rules: Map<string, RuleStatRow>, prev: Decision | undefined, next: Decision): void {
  if (next.outcome === 'skip') return;
  if (!prev || prev.outcome === 'skip') {
    for (const l of next.lines) {
      if (!l.sku || l.units <= 0) continue;
      const s = stats.get(l.sku) ?? { sku: l.sku, lines: 0, units: 0 };
      stats.set(l.sku, { ...s, lines: s.lines + 1, units: s.units + l.units });
    }
  }
  const before = new Set(prev?.hits.map((h) => h.rule) ?? []);
  for (const h of next.hits) {
    if (before.has(h.rule)) continue;
    const r = rules.get(h.rule) ?? emptyRuleStat(h.rule);
    rules.set(h.rule, { ...r, hits: r.hits + 1, held: r.held + (h.action === 'hold' ? 1 : 0), flagged: r.flagged + (h.action === 'flag' ? 1 : 0) });
  }
}

/** A rule's holds resolved by a person: approved anyway (a false hold), cancelled, or fixed. */
export async function countResolution(db: WharfDB, rules: readonly string[], how: 'approved' | 'cancelled' | 'fixed'): Promise<void> {
  if (!rules.length) return;
  const rows = await db.ruleStats.bulkGet([...rules]);
  await db.ruleStats.bulkPut(rules.map((rule, i) => { const r = rows[i] ?? emptyRuleStat(rule); return { ...r, [how]: r[how] + 1 }; }));
}
