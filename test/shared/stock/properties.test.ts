// Properties of the ledger over any sequence of orders, payments, lapses, cancellations, refunds,
// receipts, freezes, transfers, counts and shipments (fixed seeds): sellable never goes below
// zero unless a count says the shelf has less; reserved is exactly the open locks; re-deriving
// from the ledger gives the live projections and the self-check finds nothing; nothing ships
// without a lock that holds it; an unpaid lock never outlives its time.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  applyMovement, cloneStockState, emptyStockState, openLockTotals, planFirm, planLapses, planRelease, planReservation,
  rederive, rowKey, selfCheck, sellableOfRow, type Movement, type StockState,
} from '../../../shared/stock';

const SKUS = ['A', 'B', 'C'];
const WHS = ['w1', 'w2'];
const BATCHES = ['', 'b1', 'b2'];
const T0 = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const LAPSE = 30 * 60_000;

const op = fc.oneof(
  fc.record({ t: fc.constant('receive' as const), sku: fc.constantFrom(...SKUS), wh: fc.constantFrom(...WHS), batch: fc.constantFrom(...BATCHES), qty: fc.integer({ min: 1, max: 8 }), life: fc.integer({ min: -3, max: 120 }) }),
  fc.record({ t: fc.constant('order' as const), lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), wh: fc.constantFrom(...WHS), qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }), paid: fc.boolean(), minDays: fc.constantFrom(0, 0, 30) }),
  fc.record({ t: fc.constant('pay' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('ship' as const), pick: fc.nat(), picked: fc.boolean() }),
  fc.record({ t: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ t: fc.constant('freeze' as const), sku: fc.constantFrom(...SKUS), wh: fc.constantFrom(...WHS), batch: fc.constantFrom(...BATCHES), qty: fc.integer({ min: 1, max: 3 }), undo: fc.boolean() }),
  fc.record({ t: fc.constant('transfer' as const), sku: fc.constantFrom(...SKUS), batch: fc.constantFrom(...BATCHES), qty: fc.integer({ min: 1, max: 4 }), arrive: fc.boolean() }),
  fc.record({ t: fc.constant('count' as const), sku: fc.constantFrom(...SKUS), wh: fc.constantFrom(...WHS), batch: fc.constantFrom(...BATCHES), counted: fc.nat({ max: 10 }) }),
);

interface Run { state: StockState; ledger: Movement[]; countedDown: Set<string>; shipsWithoutLock: string[]; now: number }

/** Plays the operations the way the store will: plan with the pure planners, then fold. */
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function play(ops: Op[]): Run {
  const state = emptyStockState();
  const ledger: Movement[] = [];
  const countedDown = new Set<string>();
  const shipsWithoutLock: string[] = [];
  let now = T0;
  let seq = 0;
  let orders = 0;
  const transfers: Array<{ id: string; sku: string; batch: string; qty: number; to: string }> = [];
  const put = (ms: Movement[]) => {
    for (const m of ms) {
      if (m.kind === 'ship') {
        const l = state.locks.get(m.lock!);
        const line = l?.lines.find((x) => x.key === rowKey(m.sku, m.warehouse, m.batch));
        if (!l || (l.state !== 'firm' && l.state !== 'unpaid') || !line || line.qty < m.qty) shipsWithoutLock.push(m.id);
      }
      applyMovement(state, m);
      ledger.push(m);
    }
  };
  const base = () => ({ id: `m${++seq}`, location: '', reason: '', at: now, actor: 'u', source: '' });
  const openLocks = () => [...state.locks.values()].filter((l) => l.state === 'unpaid' || l.state === 'firm').sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const o of ops) {
    now += 60_000;
    switch (o.t) {
      case 'receive':
        put([{ ...base(), kind: 'receive', sku: o.sku, warehouse: o.wh, batch: o.batch, qty: o.qty, ...(o.batch ? { expiresAt: now + o.life * DAY } : {}) }]);
        break;
      case 'order': {
        const lock = `o${++orders}`;
        const plan = planReservation(state, { lock, lines: o.lines.map((l) => ({ sku: l.sku, warehouse: l.wh, qty: l.qty })), at: now, actor: 'system', source: lock, idPrefix: `r:${lock}`, minRemainingDays: o.minDays, ...(o.paid ? {} : { unpaidUntil: now + LAPSE }) });
        if (plan.ok) put(plan.movements);
        break;
      }
      case 'pay': case 'cancel': case 'ship': {
        const open = openLocks();
        const l = open[o.pick % Math.max(1, open.length)];
        if (!l) break;
        if (o.t === 'pay') put(planFirm(state, { lock: l.id, at: now, actor: 'system', source: 'paid', idPrefix: `f:${l.id}:${seq++}` }));
        else if (o.t === 'cancel') put(planRelease(state, { lock: l.id, at: now, actor: 'system', source: 'refund', idPrefix: `c:${l.id}:${seq++}`, reason: '退款' }));
        else if (l.state === 'firm') {
          // an unpaid order is never shipped: only firm locks reach the floor
          const lines = l.lines.filter((x) => x.qty > 0);
          if (o.picked) put(lines.map((x) => ({ ...base(), kind: 'pick' as const, sku: x.sku, warehouse: x.warehouse, batch: x.batch, qty: x.qty, lock: l.id })));
          put(lines.map((x) => ({ ...base(), kind: 'ship' as const, sku: x.sku, warehouse: x.warehouse, batch: x.batch, qty: x.qty, lock: l.id })));
        }
        break;
      }
      case 'tick':
        now += o.minutes * 60_000;
        put(planLapses(state, now, 'system').map((m) => ({ ...m, id: `${m.id}:${seq++}` })));
        break;
      case 'freeze': {
        const r = state.rows.get(rowKey(o.sku, o.wh, o.batch));
        if (!r) break;
        if (o.undo) { if (r.frozen >= o.qty) put([{ ...base(), kind: 'unfreeze', sku: o.sku, warehouse: o.wh, batch: o.batch, qty: o.qty, reason: '质检通过' }]); }
        else if (sellableOfRow(r) >= o.qty) put([{ ...base(), kind: 'freeze', sku: o.sku, warehouse: o.wh, batch: o.batch, qty: o.qty, reason: '售后待检' }]);
        break;
      }
      case 'transfer': {
        if (o.arrive && transfers.length) {
          const t = transfers.shift()!;
          put([{ ...base(), kind: 'transfer_in', sku: t.sku, warehouse: t.to, batch: t.batch, qty: t.qty, transfer: t.id }]);
          break;
        }
        const r = state.rows.get(rowKey(o.sku, 'w1', o.batch));
        if (!r || sellableOfRow(r) < o.qty) break;
        const id = `t${seq}`;
        transfers.push({ id, sku: o.sku, batch: o.batch, qty: o.qty, to: 'w2' });
        put([{ ...base(), kind: 'transfer_out', sku: o.sku, warehouse: 'w1', batch: o.batch, qty: o.qty, transfer: id, toWarehouse: 'w2' }]);
        break;
      }
      case 'count': {
        const r = state.rows.get(rowKey(o.sku, o.wh, o.batch));
        if (r && o.counted < (r.locations[''] ?? 0)) countedDown.add(r.key);
        put([{ ...base(), kind: 'count', sku: o.sku, warehouse: o.wh, batch: o.batch, qty: o.counted, reason: '循环盘点' }]);
        break;
      }
    }
  }
  return { state, ledger, countedDown, shipsWithoutLock, now };
}

const comparable = (s: StockState) => ({
  rows: [...s.rows.values()].map((r) => ({ ...r, at: 0 })).sort((a, b) => (a.key < b.key ? -1 : 1)),
  locks: [...s.locks.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  transit: [...s.transit.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
  unpaid: [...s.unpaid].sort(),
});

describe('the stock ledger over any sequence', () => {
  test.prop([fc.array(op, { minLength: 1, maxLength: 80 })], { numRuns: 600, seed: 20261202 })('never oversells, reserved = open locks, re-derives to the same projections', (ops) => {
    const { state, ledger, countedDown, shipsWithoutLock } = play(ops);
    for (const r of state.rows.values()) {
      if (!countedDown.has(r.key)) expect(sellableOfRow(r), `${r.key} sellable`).toBeGreaterThanOrEqual(0);
      expect(r.reserved, `${r.key} reserved`).toBeGreaterThanOrEqual(0);
      expect(r.picked, `${r.key} picked`).toBeGreaterThanOrEqual(0);
    }
    const open = openLockTotals(state);
    for (const r of state.rows.values()) expect(r.reserved, `${r.key} reserved vs locks`).toBe(open.get(r.key) ?? 0);
    expect(shipsWithoutLock).toEqual([]);
    // the lapse timer's index holds exactly the unpaid locks
    expect([...state.unpaid].sort()).toEqual([...state.locks.values()].filter((l) => l.state === 'unpaid').map((l) => l.id).sort());
    expect(comparable(rederive(ledger))).toEqual(comparable(state));
    expect(selfCheck({ rows: state.rows.values(), locks: state.locks.values(), transit: state.transit.values() }, ledger)).toEqual([]);
  });

  test.prop([fc.array(op, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 59 })], { numRuns: 300, seed: 7 })('folding in two halves equals folding at once', (ops, cut) => {
    const { ledger } = play(ops);
    const k = Math.min(cut, ledger.length);
    const half = rederive(ledger.slice(0, k));
    const copy = cloneStockState(half);
    for (const m of ledger.slice(k)) applyMovement(copy, m);
    expect(comparable(copy)).toEqual(comparable(rederive(ledger)));
    // the clone was independent of the half it came from
    expect(comparable(half)).toEqual(comparable(rederive(ledger.slice(0, k))));
  });

  test.prop([fc.array(op, { minLength: 1, maxLength: 80 })], { numRuns: 300, seed: 99 })('no unpaid lock outlives its time after the timer has run', (ops) => {
    const { state, now } = play([...ops, { t: 'tick', minutes: 45 }]);
    for (const l of state.locks.values()) if (l.state === 'unpaid') expect(l.unpaidUntil!, l.id).toBeGreaterThan(now);
  });
});
