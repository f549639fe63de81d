// The replenishment list from a ledger: the day stats of each key's own movements (today left
// out), the alert against a SKU's own alert days, the suggestion after what is in transit, and
// reasons as codes.
import { describe, expect, it } from 'vitest';
import { keyHistory, Movement, replenishList, salesRate, shanghaiDay, type DayStat } from '../../../shared/stock';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 4); // 12:00 in Shanghai
let n = 0;
const mv = (daysAgo: number, m: Partial<Movement> & Pick<Movement, 'kind' | 'qty'>): Movement =>
  Movement.parse({ id: `r${++n}`, sku: 'TEA', warehouse: 'yiwu', at: NOW - daysAgo * DAY + n, actor: 'u', ...m });

describe('a key\'s history', () => {
  it('reads the 30 whole days before today, with stock-out days marked, and not today', () => {
    const ledger = [mv(40, { kind: 'receive', qty: 4 })];
    // 2 a day on days -4 and -3 empties the shelf; days -2 and -1 (it opened empty, refilled late) are out; today sells 5 more
    ledger.push(mv(4, { kind: 'reserve', qty: 2, lock: 'a' }), mv(4, { kind: 'ship', qty: 2, lock: 'a' }));
    ledger.push(mv(3, { kind: 'reserve', qty: 2, lock: 'b' }), mv(3, { kind: 'ship', qty: 2, lock: 'b' }));
    ledger.push(mv(1, { kind: 'receive', qty: 10 }), mv(0, { kind: 'reserve', qty: 5, lock: 'c' }), mv(0, { kind: 'ship', qty: 5, lock: 'c' }));
    const h = keyHistory(ledger, 'TEA', 'yiwu', NOW);
    expect(h).toHaveLength(30);
    expect(h.at(-1)!.day).toBe(shanghaiDay(NOW) - 1);
    expect(h.slice(-5).map((d) => [d.shipped, d.out])).toEqual([[0, false], [2, false], [2, true], [0, true], [0, true]]);
  });
});

describe('the list', () => {
  const days = (list: Array<[number, boolean?]>): DayStat[] => list.map(([shipped, out], i) => ({ day: 100 + i, shipped, out: !!out }));
  const threeADay = days(Array.from({ length: 30 }, () => [3] as [number]));

  it('alerts, suggests after transit, honours a SKU\'s own alert days, and sorts alerts first', () => {
    const rows = replenishList({
      keys: [{ sku: 'CUP', warehouse: 'yiwu', sellable: 100 }, { sku: 'TEA', warehouse: 'yiwu', sellable: 12 }, { sku: 'PAN', warehouse: 'yiwu', sellable: 40 }, { sku: 'NEW', warehouse: 'yiwu', sellable: 5 }],
      inTransit: new Map([['TEA|yiwu', 20]]),
      history: new Map([['CUP|yiwu', threeADay], ['TEA|yiwu', threeADay], ['PAN|yiwu', threeADay]]),
      alertDays: 7, skuAlertDays: { PAN: 20 }, targetDays: 30,
    });
    expect(rows.map((r) => [r.sku, r.cover.alert, Number(r.cover.days.toFixed(2)), r.cover.suggest, r.alertDays])).toEqual([
      ['TEA', true, 4, 58, 7], ['PAN', true, 13.33, 50, 20], ['CUP', false, 33.33, 0, 7], ['NEW', false, Infinity, 0, 7],
    ]);
    expect(rows[0]!.reasons.map((r) => r.code)).toEqual(['rate', 'cover', 'belowAlert', 'suggest']);
    expect(rows[0]!.reasons[3]).toEqual({ code: 'suggest', values: { target: 30, need: 90, sellable: 12, inTransit: 20, suggest: 58 } });
    expect(rows[1]!.reasons[2]).toEqual({ code: 'belowOwnAlert', values: { days: 20 } });
    expect(rows[2]!.reasons.at(-1)!.code).toBe('enough');
    expect(rows[3]!.reasons).toEqual([{ code: 'noSales' }]);
  });

  it('the rate in the row is salesRate over the key\'s days, stock-out days left out and said', () => {
    const h = days([...Array.from({ length: 27 }, () => [2] as [number]), [0, true], [0, true], [4]]);
    const [row] = replenishList({ keys: [{ sku: 'TEA', warehouse: 'yiwu', sellable: 10 }], inTransit: new Map(), history: new Map([['TEA|yiwu', h]]), alertDays: 7, skuAlertDays: {}, targetDays: 30 });
    expect(row!.rate.rate).toBeCloseTo(salesRate(h).rate, 12);
    expect(row!.outDays).toBe(2);
    expect(row!.reasons[1]).toEqual({ code: 'outDays', values: { n: 2 } });
  });
});
