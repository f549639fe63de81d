// The stock ledger move by move: what each kind of movement does to on hand, reserved, frozen,
// picked, locations, locks and goods in transit; first-expiry-first-out with its refusals; all-
// or-nothing reservations; unpaid locks that lapse on the clock; and the self-check naming a
// corrupted row and a movement whose effect was dropped.
import { describe, expect, it } from 'vitest';
import {
  applyMovement, emptyStockState, lapsedLocks, movementProblem, nextLapse, planFirm, planLapses, planRelease, planReservation,
  proposeBatches, rederive, rowKey, rowOf, selfCheck, sellable, Movement, type StockState,
} from '../../../shared/stock';

const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
const DAY = 86_400_000;
let n = 0;
const mv = (m: Partial<Movement> & Pick<Movement, 'kind' | 'sku' | 'qty'>): Movement =>
  Movement.parse({ id: `m${++n}`, warehouse: 'yiwu', at: T0 + n * 1000, actor: 'u-lead', ...m });
const fold = (ms: Movement[], s: StockState = emptyStockState()) => { for (const m of ms) applyMovement(s, m); return s; };
const row = (s: StockState, sku: string, batch = '', wh = 'yiwu') => s.rows.get(rowKey(sku, wh, batch))!;

describe('movements', () => {
  it('receive, freeze, reserve, pick and ship move the right numbers; sellable = on hand − reserved − frozen', () => {
    const s = fold([
      mv({ kind: 'receive', sku: 'MILK', batch: 'B1', location: 'A-01', qty: 10, expiresAt: T0 + 30 * DAY }),
      mv({ kind: 'freeze', sku: 'MILK', batch: 'B1', qty: 1, reason: '外包装破损，待质检' }),
      mv({ kind: 'reserve', sku: 'MILK', batch: 'B1', qty: 3, lock: 'o1' }),
    ]);
    expect(row(s, 'MILK', 'B1')).toMatchObject({ onHand: 10, reserved: 3, frozen: 1, picked: 0, locations: { 'A-01': 10 }, expiresAt: T0 + 30 * DAY });
    expect(sellable(s, 'MILK', 'yiwu')).toBe(6);
    fold([mv({ kind: 'pick', sku: 'MILK', batch: 'B1', location: 'A-01', qty: 3, lock: 'o1' })], s);
    // on the cart: off the shelf, still on hand and still promised
    expect(row(s, 'MILK', 'B1')).toMatchObject({ onHand: 10, reserved: 3, picked: 3, locations: { 'A-01': 7 } });
    expect(sellable(s, 'MILK', 'yiwu')).toBe(6);
    fold([mv({ kind: 'ship', sku: 'MILK', batch: 'B1', qty: 3, lock: 'o1' })], s);
    expect(row(s, 'MILK', 'B1')).toMatchObject({ onHand: 7, reserved: 0, picked: 0, locations: { 'A-01': 7 } });
    expect(s.locks.get('o1')).toMatchObject({ state: 'shipped' });
  });

  it('a count sets the shelf to what was counted, and the variance lands on on hand', () => {
    const s = fold([
      mv({ kind: 'receive', sku: 'CUP', location: 'B-02', qty: 20 }),
      mv({ kind: 'receive', sku: 'CUP', location: 'B-03', qty: 5 }),
      mv({ kind: 'count', sku: 'CUP', location: 'B-02', qty: 17, reason: '周盘点' }),
    ]);
    expect(row(s, 'CUP')).toMatchObject({ onHand: 22, locations: { 'B-02': 17, 'B-03': 5 } });
    fold([mv({ kind: 'adjust', sku: 'CUP', location: 'B-03', qty: -2, reason: '摔碎两只' })], s);
    expect(row(s, 'CUP').onHand).toBe(20);
  });

  it('a transfer is in transit between its halves and carries the batch dates to the other warehouse', () => {
    const s = fold([
      mv({ kind: 'receive', sku: 'MILK', batch: 'B7', qty: 8, producedAt: T0 - 5 * DAY, expiresAt: T0 + 40 * DAY }),
      mv({ kind: 'transfer_out', sku: 'MILK', batch: 'B7', qty: 5, transfer: 'T1', toWarehouse: 'guangzhou' }),
    ]);
    expect(row(s, 'MILK', 'B7').onHand).toBe(3);
    expect(s.transit.get('T1|MILK|B7')).toMatchObject({ qty: 5, from: 'yiwu', to: 'guangzhou' });
    expect(sellable(s, 'MILK', 'guangzhou')).toBe(0);
    fold([mv({ kind: 'transfer_in', sku: 'MILK', batch: 'B7', warehouse: 'guangzhou', qty: 5, transfer: 'T1' })], s);
    expect(s.transit.get('T1|MILK|B7')!.qty).toBe(0);
    expect(row(s, 'MILK', 'B7', 'guangzhou')).toMatchObject({ onHand: 5, expiresAt: T0 + 40 * DAY, producedAt: T0 - 5 * DAY });
  });

  it('a release of picked units puts them back on the shelf it names', () => {
    const s = fold([
      mv({ kind: 'receive', sku: 'CUP', location: 'B-02', qty: 4 }),
      mv({ kind: 'reserve', sku: 'CUP', qty: 2, lock: 'o9' }),
      mv({ kind: 'pick', sku: 'CUP', location: 'B-02', qty: 2, lock: 'o9' }),
    ]);
    fold(planRelease(s, { lock: 'o9', at: T0 + DAY, actor: 'u', source: 'cancel', idPrefix: 'c', reason: '买家取消' }).map((m) => ({ ...m, location: 'B-02' })), s);
    expect(row(s, 'CUP')).toMatchObject({ onHand: 4, reserved: 0, picked: 0, locations: { 'B-02': 4 } });
    expect(s.locks.get('o9')!.state).toBe('released');
  });

  it('says what is wrong with a movement before it is recorded', () => {
    const base = { id: 'x', warehouse: 'yiwu', at: T0, actor: 'u' };
    expect(movementProblem(Movement.parse({ ...base, kind: 'adjust', sku: 'A', qty: 3 }))).toMatch(/write a reason/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'adjust', sku: 'A', qty: 0, reason: 'x' }))).toMatch(/quantity is 0/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'receive', sku: 'A', qty: -1 }))).toMatch(/positive number/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'reserve', sku: 'A', qty: 1 }))).toMatch(/lock/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'transfer_out', sku: 'A', qty: 1, transfer: 't', toWarehouse: 'yiwu' }))).toMatch(/destination/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'receive', sku: 'A', qty: 1, producedAt: T0, expiresAt: T0 - 1 }))).toMatch(/expiry/);
    expect(movementProblem(Movement.parse({ ...base, kind: 'count', sku: 'A', qty: 0, reason: '盘点' }))).toBeUndefined();
  });
});

describe('first expiry first out', () => {
  const s = fold([
    mv({ kind: 'receive', sku: 'MILK', batch: 'LATE', qty: 10, expiresAt: T0 + 90 * DAY }),
    mv({ kind: 'receive', sku: 'MILK', batch: 'EXPIRED', qty: 10, expiresAt: T0 - DAY }),
    mv({ kind: 'receive', sku: 'MILK', batch: 'SOON', qty: 4, expiresAt: T0 + 20 * DAY }),
    mv({ kind: 'receive', sku: 'MILK', batch: 'NEXT', qty: 5, expiresAt: T0 + 45 * DAY }),
    mv({ kind: 'receive', sku: 'MILK', batch: 'NODATE', qty: 10 }),
  ]);
  const rows = [...s.rows.values()];

  it('takes the earliest expiry first, never an expired batch, batches without a date last', () => {
    const r = proposeBatches(rows, 12, { now: T0 });
    expect(r.takes).toEqual([
      { batch: 'SOON', qty: 4, expiresAt: T0 + 20 * DAY },
      { batch: 'NEXT', qty: 5, expiresAt: T0 + 45 * DAY },
      { batch: 'LATE', qty: 3, expiresAt: T0 + 90 * DAY },
    ]);
    expect(r.skipped.map((x) => x.batch)).toEqual(['EXPIRED']);
    expect(proposeBatches(rows, 20, { now: T0 }).takes.at(-1)).toEqual({ batch: 'NODATE', qty: 1 });
    expect(proposeBatches(rows, 30, { now: T0 })).toMatchObject({ short: 1 });
  });

  it('honours a shop\'s minimum remaining shelf life and says which batches it passed over', () => {
    const r = proposeBatches(rows, 6, { now: T0, minRemainingDays: 60 });
    expect(r.takes).toEqual([{ batch: 'LATE', qty: 6, expiresAt: T0 + 90 * DAY }]);
    expect(r.skipped.map((x) => x.reason)).toEqual([
      expect.stringContaining('已于'),
      '批次 SOON 剩余保质期 20 天，少于要求的 60 天',
      '批次 NEXT 剩余保质期 45 天，少于要求的 60 天',
    ]);
  });
});

describe('locks', () => {
  const stocked = () => fold([
    mv({ kind: 'receive', sku: 'PLATE', qty: 3 }),
    mv({ kind: 'receive', sku: 'BOARD', qty: 1 }),
  ]);

  it('reserves all lines or none: a short line leaves the order unreserved with the shortfall', () => {
    const s = stocked();
    const plan = planReservation(s, { lock: 'o1', lines: [{ sku: 'PLATE', warehouse: 'yiwu', qty: 2 }, { sku: 'BOARD', warehouse: 'yiwu', qty: 2 }], at: T0, actor: 'system', source: 'o1', idPrefix: 'r:o1' });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.short).toEqual([{ sku: 'BOARD', warehouse: 'yiwu', need: 2, sellable: 1, eligible: 1, skipped: [] }]);
    expect(plan.reasons).toEqual(['BOARD @ yiwu：需要 2，可售 1，缺 1']);
    expect(sellable(s, 'PLATE', 'yiwu')).toBe(3);
  });

  it('two lines of one SKU are reserved together, and the lock counts them', () => {
    const s = stocked();
    const plan = planReservation(s, { lock: 'o2', lines: [{ sku: 'PLATE', warehouse: 'yiwu', qty: 1 }, { sku: 'PLATE', warehouse: 'yiwu', qty: 2 }], at: T0, actor: 'system', source: 'o2', idPrefix: 'r:o2' });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    fold(plan.movements, s);
    expect(sellable(s, 'PLATE', 'yiwu')).toBe(0);
    expect(s.locks.get('o2')).toMatchObject({ state: 'firm', lines: [{ key: 'PLATE|yiwu|', qty: 3 }] });
  });

  it('an unpaid lock lapses after its 30 minutes unless payment makes it firm first', () => {
    const s = stocked();
    const at = T0;
    for (const lock of ['u1', 'u2']) {
      const p = planReservation(s, { lock, lines: [{ sku: 'PLATE', warehouse: 'yiwu', qty: 1 }], at, actor: 'system', source: lock, idPrefix: `r:${lock}`, unpaidUntil: at + 30 * 60_000 });
      if (!p.ok) throw new Error('not reserved');
      fold(p.movements, s);
    }
    expect(nextLapse(s)).toBe(at + 30 * 60_000);
    fold(planFirm(s, { lock: 'u2', at: at + 10 * 60_000, actor: 'system', source: 'paid', idPrefix: 'f:u2' }), s);
    expect(lapsedLocks(s, at + 29 * 60_000)).toEqual([]);
    const lapse = planLapses(s, at + 31 * 60_000, 'system');
    expect(lapse.map((m) => [m.kind, m.lock, m.at])).toEqual([['release', 'u1', at + 30 * 60_000]]);
    fold(lapse, s);
    expect(s.locks.get('u1')!.state).toBe('released');
    expect(s.locks.get('u2')!.state).toBe('firm');
    expect(sellable(s, 'PLATE', 'yiwu')).toBe(2);
    expect(nextLapse(s)).toBeUndefined();
    // the same lapse noticed again plans nothing
    expect(planLapses(s, at + 40 * 60_000, 'system')).toEqual([]);
  });
});

describe('self-check', () => {
  it('finds nothing on projections folded from their own ledger', () => {
    const ledger = [
      mv({ kind: 'receive', sku: 'A', qty: 5 }), mv({ kind: 'reserve', sku: 'A', qty: 2, lock: 'o1' }), mv({ kind: 'ship', sku: 'A', qty: 2, lock: 'o1' }),
    ];
    const s = rederive(ledger);
    expect(selfCheck({ rows: s.rows.values(), locks: s.locks.values(), transit: s.transit.values() }, ledger)).toEqual([]);
  });

  it('names a corrupted row and a movement whose effect was dropped', () => {
    const ledger = [
      mv({ kind: 'receive', sku: 'A', qty: 10 }),
      mv({ kind: 'receive', sku: 'B', qty: 6 }),
      mv({ kind: 'reserve', sku: 'B', qty: 2, lock: 'o1' }),
      mv({ kind: 'receive', sku: 'B', qty: 4 }),
    ];
    const s = rederive(ledger);
    // row A corrupted by hand; the last receipt of B never reached its row
    row(s, 'A').onHand = 999;
    const dropped = ledger[3]!;
    row(s, 'B').onHand -= dropped.qty;
    row(s, 'B').locations[''] = row(s, 'B').locations['']! - dropped.qty;
    const drifts = selfCheck({ rows: s.rows.values(), locks: s.locks.values() }, ledger);
    const onHand = drifts.filter((d) => d.kind === 'row');
    expect(onHand).toHaveLength(2);
    expect(onHand[0]).toMatchObject({ key: 'A|yiwu|', field: 'onHand', stored: 999, derived: 10 });
    expect(onHand[0]!.movement).toBeUndefined();
    expect(onHand[0]!.message).toContain('这一行被改过');
    expect(onHand[1]).toMatchObject({ key: 'B|yiwu|', field: 'onHand', stored: 6, derived: 10, movement: { id: dropped.id, kind: 'receive', effect: 'missing' } });
    expect(onHand[1]!.message).toContain(`流水 ${dropped.id}（receive 4）没有计入`);
  });

  it('reports a lock or a row the projections lost altogether', () => {
    const ledger = [mv({ kind: 'receive', sku: 'A', qty: 1 }), mv({ kind: 'reserve', sku: 'A', qty: 1, lock: 'o1' })];
    const drifts = selfCheck({ rows: [], locks: [] }, ledger);
    expect(drifts.map((d) => [d.kind, d.key])).toEqual([['row', 'A|yiwu|'], ['lock', 'o1']]);
  });

  it('rowOf gives one row per SKU × warehouse × batch', () => {
    const s = emptyStockState();
    expect(rowOf(s, 'A', 'w', 'b')).toBe(rowOf(s, 'A', 'w', 'b'));
    expect(s.bySku.get('A')?.get('w')?.size).toBe(1);
  });
});
