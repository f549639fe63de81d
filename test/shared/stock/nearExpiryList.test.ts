// The near-expiry list with decisions: soonest first, expired batches marked and never "sell
// first", the batch allocation takes first said so, and a shop's minimum remaining shelf life
// measured as allocation measures it.
import { describe, expect, it } from 'vitest';
import { Movement, nearExpiryList, rederive } from '../../../shared/stock';

const NOW = Date.UTC(2026, 11, 1, 2);
const DAY = 86_400_000;
let n = 0;
const mv = (m: Partial<Movement> & Pick<Movement, 'kind' | 'qty'>): Movement =>
  Movement.parse({ id: `x${++n}`, sku: 'MILK', warehouse: 'yiwu', at: NOW - 40 * DAY + n * 60_000, actor: 'u', ...m });

const ledger = [
  mv({ kind: 'receive', batch: 'OLD', qty: 3, expiresAt: NOW - 2 * DAY - 3600_000, location: 'A-01' }),
  mv({ kind: 'receive', batch: 'B10', qty: 20, expiresAt: NOW + 10 * DAY + 3600_000, location: 'A-02' }),
  mv({ kind: 'receive', batch: 'B20', qty: 8, expiresAt: NOW + 20 * DAY + 3600_000, location: 'A-02' }),
  mv({ kind: 'receive', batch: 'B60', qty: 30, expiresAt: NOW + 60 * DAY }),
  mv({ kind: 'receive', sku: 'TEA', batch: 'T5', qty: 4, expiresAt: NOW + 5 * DAY + 3600_000 }),
  mv({ kind: 'receive', sku: 'TEA', qty: 9 }),
  mv({ kind: 'reserve', sku: 'TEA', batch: 'T5', qty: 4, lock: 'o1' }),
  mv({ kind: 'reserve', batch: 'OLD', qty: 1, lock: 'o2' }),
];
const rows = () => rederive(ledger).rows.values();

describe('near-expiry list', () => {
  it('puts the soonest first, marks the expired one, and drops batches beyond the window', () => {
    const list = nearExpiryList(rows(), NOW, { withinDays: 30 });
    expect(list.map((e) => [e.batch, e.daysLeft, e.expired, e.decision])).toEqual([
      ['OLD', -2, true, 'expired'], ['T5', 5, false, 'nothing_free'], ['B10', 10, false, 'sell_first'], ['B20', 20, false, 'sell_first'],
    ]);
    expect(list[0]!.reasons).toEqual([{ code: 'expired', values: { days: 2 } }, { code: 'expiredReserved', values: { n: 1 } }]);
    expect(list[2]!.reasons).toEqual([{ code: 'daysLeft', values: { days: 10, within: 30 } }, { code: 'fefoFirst', values: { n: 20 } }]);
    expect(list[3]!.reasons[1]).toEqual({ code: 'fefoAfter', values: { n: 8, batch: 'B10' } });
    expect(list[2]!.locations).toEqual([{ location: 'A-02', qty: 20 }]);
    expect(nearExpiryList(rows(), NOW, { withinDays: 7 }).map((e) => e.batch)).toEqual(['OLD', 'T5']);
  });

  it('names the shops a batch no longer qualifies for, and says when none may ship it', () => {
    const shops = [{ id: 'tb', name: '旗舰店', minDays: 15 }, { id: 'dy', minDays: 0 }];
    const list = nearExpiryList(rows(), NOW, { withinDays: 30, shops });
    const b10 = list.find((e) => e.batch === 'B10')!;
    expect(b10.excludedShops.map((s) => s.id)).toEqual(['tb']);
    expect(b10.reasons.at(-1)).toEqual({ code: 'shopTooShort', values: { shop: '旗舰店', need: 15, left: 10 } });
    expect(list.find((e) => e.batch === 'B20')!.excludedShops).toEqual([]);
    const strict = nearExpiryList(rows(), NOW, { withinDays: 30, shops: [{ id: 'tb', minDays: 15 }] });
    expect(strict.find((e) => e.batch === 'B10')!.decision).toBe('no_shop');
    // an expired batch is not "excluded" by shops: it is off sale altogether
    expect(strict[0]!.excludedShops).toEqual([]);
  });

  it('a batch exactly at the shop minimum still qualifies (allocation: remaining < minimum is out)', () => {
    const exact = rederive([mv({ kind: 'receive', sku: 'X', batch: 'E', qty: 1, expiresAt: NOW + 10 * DAY })]).rows.values();
    expect(nearExpiryList(exact, NOW, { withinDays: 30, shops: [{ id: 'tb', minDays: 10 }] })[0]!.decision).toBe('sell_first');
  });
});
