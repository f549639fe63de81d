// An order's lock on stock: reserved at allocation (FEFO batches, all or nothing), made firm by
// payment, given back by cancellation, refund or — for an unpaid lock — by its lapse after 30
// minutes (configurable), and used up by shipping. These functions only plan: they return the
// movements to record, and the reducer applies them, so the live store and a replay agree.
import { formatShanghai } from '../time';
import type { Movement } from './movement';
import { rowsOf, sellable, type Lock, type StockState } from './projection';
import { proposeBatches, type BatchSkip } from './fefo';

export const DEFAULT_UNPAID_LOCK_MINUTES = 30;

export interface ReserveLine { sku: string; warehouse: string; qty: number }

export interface ReserveRequest {
  /** the order key */
  lock: string;
  lines: readonly ReserveLine[];
  at: number;
  actor: string;
  /** what caused it (the decision's event id, or the order key) */
  source: string;
  /** movement ids are `${idPrefix}:${n}`: deterministic, so a replay writes the same ledger */
  idPrefix: string;
  /** set for an order not yet paid: the lock lapses then */
  unpaidUntil?: number;
  /** the shop's minimum remaining shelf life, in days */
  minRemainingDays?: number;
}

export interface Shortfall { sku: string; warehouse: string; need: number; sellable: number; eligible: number; skipped: BatchSkip[] }

export type ReservePlan =
  | { ok: true; movements: Movement[]; reasons: string[] }
  | { ok: false; short: Shortfall[]; reasons: string[] };

const base = (r: { at: number; actor: string; source: string }) => ({ location: '', reason: '', at: r.at, actor: r.actor, source: r.source });

/**
 * The reservation of an order's lines, or why it cannot be made. Never partial: one short line
 * leaves the whole order unreserved ("stock short" with the shortfall), so sellable stays ≥ 0.
 */
export function planReservation(state: StockState, req: ReserveRequest): ReservePlan {
  const need = new Map<string, ReserveLine>();
  for (const l of req.lines) {
    if (l.qty <= 0) continue;
    const k = `${l.sku}|${l.warehouse}`;
    const had = need.get(k);
    need.set(k, had ? { ...had, qty: had.qty + l.qty } : { ...l });
  }
  const movements: Movement[] = [];
  const short: Shortfall[] = [];
  const reasons: string[] = [];
  for (const l of need.values()) {
    const fefo = proposeBatches(rowsOf(state, l.sku, l.warehouse), l.qty, { now: req.at, minRemainingDays: req.minRemainingDays });
    if (fefo.short > 0) {
      short.push({ sku: l.sku, warehouse: l.warehouse, need: l.qty, sellable: Math.max(0, sellable(state, l.sku, l.warehouse)), eligible: l.qty - fefo.short, skipped: fefo.skipped });
      continue;
    }
    for (const t of fefo.takes) {
      movements.push({
        id: `${req.idPrefix}:${movements.length}`, kind: 'reserve', sku: l.sku, warehouse: l.warehouse, batch: t.batch, qty: t.qty, ...base(req), lock: req.lock,
        ...(req.unpaidUntil !== undefined ? { unpaidUntil: req.unpaidUntil } : {}),
      });
    }
    const batches = fefo.takes.filter((t) => t.batch).map((t) => `${t.batch}×${t.qty}`);
    reasons.push(`${l.sku} @ ${l.warehouse}：锁定 ${l.qty}${batches.length ? `（先到期先出：${batches.join('、')}）` : ''}`);
    for (const s of fefo.skipped) reasons.push(s.reason);
  }
  if (short.length) {
    return {
      ok: false, short,
      reasons: short.map((s) => `${s.sku} @ ${s.warehouse}：需要 ${s.need}，可售 ${s.sellable}${s.eligible < s.sellable ? `，其中符合效期要求 ${s.eligible}` : ''}，缺 ${s.need - s.eligible}`),
    };
  }
  if (req.unpaidUntil !== undefined) reasons.push(`未付款订单：锁定至 ${formatShanghai(req.unpaidUntil).slice(11, 16)}，到时未付款自动释放`);
  return { ok: true, movements, reasons };
}

export interface LockAction { lock: string; at: number; actor: string; source: string; idPrefix: string; reason: string }

/** Gives back everything a lock still holds (cancellation, refund, lapse, re-allocation). */
export function planRelease(state: StockState, a: LockAction): Movement[] {
  const lock = state.locks.get(a.lock);
  if (!lock || (lock.state !== 'unpaid' && lock.state !== 'firm')) return [];
  const out: Movement[] = [];
  for (const l of lock.lines) {
    if (l.qty <= 0) continue;
    out.push({ id: `${a.idPrefix}:${out.length}`, kind: 'release', sku: l.sku, warehouse: l.warehouse, batch: l.batch, qty: l.qty, ...base(a), reason: a.reason, lock: a.lock });
  }
  return out;
}

/** Payment arrived: the lock no longer lapses. */
export function planFirm(state: StockState, a: Omit<LockAction, 'reason'>): Movement[] {
  const lock = state.locks.get(a.lock);
  if (!lock || lock.state !== 'unpaid') return [];
  const first = lock.lines[0];
  if (!first) return [];
  return [{ id: `${a.idPrefix}:0`, kind: 'firm', sku: first.sku, warehouse: first.warehouse, batch: '', qty: 0, ...base(a), reason: '', lock: a.lock }];
}

/** Unpaid locks whose time is up at `now` (the timer asks this on the injected clock). */
export function lapsedLocks(state: StockState, now: number): Lock[] {
  const out: Lock[] = [];
  for (const id of state.unpaid) {
    const l = state.locks.get(id);
    if (l && l.state === 'unpaid' && l.unpaidUntil !== undefined && l.unpaidUntil <= now) out.push(l);
  }
  return out.sort((a, b) => a.unpaidUntil! - b.unpaidUntil! || (a.id < b.id ? -1 : 1));
}

/** When the next unpaid lock lapses (undefined: none waiting): the timer sleeps until then. */
export function nextLapse(state: StockState): number | undefined {
  let next: number | undefined;
  for (const id of state.unpaid) {
    const l = state.locks.get(id);
    if (l && l.state === 'unpaid' && l.unpaidUntil !== undefined && (next === undefined || l.unpaidUntil < next)) next = l.unpaidUntil;
  }
  return next;
}

/** The releases for every lock that lapsed by `now`, one movement set per lock. */
export function planLapses(state: StockState, now: number, actor: string): Movement[] {
  // dated at the lapse itself, not at `now`: a PC that was off at the time releases the lock as
  // of when it ran out, and the id is the same on every PC that notices it
  return lapsedLocks(state, now).flatMap((l) => planRelease(state, { lock: l.id, at: l.unpaidUntil!, actor, source: l.id, idPrefix: `lapse:${l.id}:${l.unpaidUntil}`, reason: '未付款锁定超时，自动释放' }));
}

/** The platform (or the floor) shipped the order: everything the lock still holds leaves. */
export function planShipment(state: StockState, a: Omit<LockAction, 'reason'>): Movement[] {
  const lock = state.locks.get(a.lock);
  if (!lock || (lock.state !== 'unpaid' && lock.state !== 'firm')) return [];
  const out: Movement[] = [];
  for (const l of lock.lines) {
    if (l.qty <= 0) continue;
    out.push({ id: `${a.idPrefix}:${out.length}`, kind: 'ship', sku: l.sku, warehouse: l.warehouse, batch: l.batch, qty: l.qty, ...base(a), reason: '', lock: a.lock });
  }
  return out;
}

export interface PickAction extends Omit<LockAction, 'reason'> { sku: string; warehouse: string; batch: string; location: string; qty: number }

/**
 * Units of a lock taken off the shelf onto a pick cart: at most what the lock holds of that
 * batch and has not picked yet. Returns the movement (or none) and, when fewer were possible
 * than asked, why — a pick never takes units no order promised.
 */
export function planPick(state: StockState, a: PickAction): { movements: Movement[]; short: number; reason?: string } {
  const lock = state.locks.get(a.lock);
  if (!lock || (lock.state !== 'unpaid' && lock.state !== 'firm')) return { movements: [], short: a.qty, reason: `订单 ${a.lock} 没有有效的库存锁定（已释放或已发货）` };
  const line = lock.lines.find((l) => l.sku === a.sku && l.warehouse === a.warehouse && l.batch === a.batch);
  const open = line ? line.qty - line.picked : 0;
  const qty = Math.min(open, a.qty);
  const movements: Movement[] = qty > 0 ? [{ id: `${a.idPrefix}:0`, kind: 'pick', sku: a.sku, warehouse: a.warehouse, batch: a.batch, qty, location: a.location, reason: '', at: a.at, actor: a.actor, source: a.source, lock: a.lock }] : [];
  return qty < a.qty
    ? { movements, short: a.qty - qty, reason: `订单 ${a.lock} 在 ${a.sku}${a.batch ? ` 批次 ${a.batch}` : ''} 上只锁定了 ${open} 件未拣` }
    : { movements, short: 0 };
}

/**
 * The id prefix for the next movements on a lock: the lock's own count of movements, so the same
 * history gives the same ids on every PC and in every replay (an order key alone repeats).
 */
export const lockIdPrefix = (state: StockState, lock: string) => `lk:${lock}:${state.locks.get(lock)?.moves ?? 0}`;

/** Units a lock still holds per SKU × warehouse (all batches): compared with what a new decision wants. */
export function lockHolding(state: StockState, lock: string): Map<string, number> {
  const out = new Map<string, number>();
  const l = state.locks.get(lock);
  if (!l || (l.state !== 'unpaid' && l.state !== 'firm')) return out;
  for (const x of l.lines) if (x.qty > 0) out.set(`${x.sku}|${x.warehouse}`, (out.get(`${x.sku}|${x.warehouse}`) ?? 0) + x.qty);
  return out;
}

/** Whether a lock already holds exactly these lines (then a re-decision keeps it, batches and all). */
export function holdsExactly(state: StockState, lock: string, lines: readonly ReserveLine[]): boolean {
  const have = lockHolding(state, lock);
  const want = new Map<string, number>();
  for (const l of lines) if (l.qty > 0) want.set(`${l.sku}|${l.warehouse}`, (want.get(`${l.sku}|${l.warehouse}`) ?? 0) + l.qty);
  if (have.size !== want.size) return false;
  for (const [k, q] of want) if (have.get(k) !== q) return false;
  return true;
}
