// Sales rate, days of cover and the replenishment suggestion, from a ledger: stock-out days are
// left out of the rate, the windows are weighted, quiet days keep the stock they ended with, and
// what is in transit is not bought twice.
import { describe, expect, it } from 'vitest';
import { coverOf, Movement, salesHistory, salesRate, shanghaiDay, type DayStat } from '../../../shared/stock';

const D0 = Date.UTC(2026, 10, 1, 2, 0, 0); // 10:00 in Shanghai
const DAY = 86_400_000;
let n = 0;
const mv = (day: number, m: Partial<Movement> & Pick<Movement, 'kind' | 'qty'>): Movement =>
  Movement.parse({ id: `m${++n}`, sku: 'TEA', warehouse: 'yiwu', at: D0 + day * DAY + n, actor: 'u', ...m });

describe('sales history from the ledger', () => {
  it('counts units shipped per day and marks the days the SKU could not be sold', () => {
    const ledger: Movement[] = [mv(0, { kind: 'receive', qty: 5 })];
    // days 1–3: two sold a day; the day-3 order takes the last one
    for (const d of [1, 2]) ledger.push(mv(d, { kind: 'reserve', qty: 2, lock: `o${d}` }), mv(d, { kind: 'ship', qty: 2, lock: `o${d}` }));
    ledger.push(mv(3, { kind: 'reserve', qty: 1, lock: 'o3' }), mv(3, { kind: 'ship', qty: 1, lock: 'o3' }));
    // out of stock until the day-6 receipt
    ledger.push(mv(6, { kind: 'receive', qty: 10 }), mv(6, { kind: 'reserve', qty: 3, lock: 'o6' }), mv(6, { kind: 'ship', qty: 3, lock: 'o6' }));
    const start = shanghaiDay(D0);
    const h = salesHistory(ledger, start, start + 8).get('TEA|yiwu')!;
    expect(h.map((d) => [d.day - start, d.shipped, d.out])).toEqual([
      [0, 0, false], [1, 2, false], [2, 2, false], [3, 1, true], [4, 0, true], [5, 0, true], [6, 3, true], [7, 0, false],
    ]);
  });
});

describe('sales rate', () => {
  const days = (list: Array<[number, boolean?]>): DayStat[] => list.map(([shipped, out], i) => ({ day: 100 + i, shipped, out: !!out }));

  it('weights the 7/14/30-day windows and leaves stock-out days out', () => {
    // 30 days: 23 days at 2/day, then the last week 4/day with two days out of stock
    const h = days([...Array.from({ length: 23 }, () => [2] as [number]), [4], [4], [0, true], [0, true], [4], [4], [4]]);
    const r = salesRate(h);
    expect(r.windows.map((w) => [w.days, w.inStockDays, w.units])).toEqual([[7, 5, 20], [14, 12, 34], [30, 28, 66]]);
    // 0.5 × 4 + 0.3 × 34/12 + 0.2 × 66/28
    expect(r.rate).toBeCloseTo(0.5 * 4 + 0.3 * (34 / 12) + 0.2 * (66 / 28), 9);
    expect(r.reasons[1]).toBe('2 天缺货，不计入');
  });

  it('is zero for a SKU that never sold, and re-weights when a window had no in-stock day', () => {
    expect(salesRate(days([[0], [0], [0]])).rate).toBe(0);
    const r = salesRate(days([...Array.from({ length: 20 }, () => [3] as [number]), ...Array.from({ length: 10 }, () => [0, true] as [number, boolean])]));
    // the 7-day window was all out of stock: the 14- and 30-day windows carry the rate
    expect(r.windows[0]!.inStockDays).toBe(0);
    expect(r.rate).toBeCloseTo(3, 9);
  });
});

describe('cover and replenishment', () => {
  it('alerts under 7 days of cover and suggests enough for the target, minus what is in transit', () => {
    const c = coverOf({ sku: 'TEA', warehouse: 'yiwu', sellable: 12, inTransit: 20, rate: 3 });
    expect(c).toMatchObject({ days: 4, alert: true, suggest: 58 });
    expect(c.reasons[1]).toBe('补到 30 天需 90，扣除可售 12 和在途 20，建议补 58');
    expect(coverOf({ sku: 'TEA', warehouse: 'yiwu', sellable: 40, inTransit: 0, rate: 3, alertDays: 10, targetDays: 10 })).toMatchObject({ alert: false, suggest: 0 });
  });

  it('a SKU that does not sell neither alerts nor asks to be bought; a negative count is treated as empty', () => {
    expect(coverOf({ sku: 'X', warehouse: 'w', sellable: 0, inTransit: 0, rate: 0 })).toMatchObject({ days: Infinity, alert: false, suggest: 0 });
    expect(coverOf({ sku: 'X', warehouse: 'w', sellable: -3, inTransit: 0, rate: 1, targetDays: 5 })).toMatchObject({ days: 0, alert: true, suggest: 5 });
  });
});
