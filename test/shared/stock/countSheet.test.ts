// A cycle count of one location: system against counted per SKU × batch, uncounted lines listed
// as 0 (never silently), a reason per variance before it may be recorded, and the count
// movements it records set the shelf to what was counted.
import { describe, expect, it } from 'vitest';
import { countMovements, countReady, locationsIn, Movement, rederive, reviewCount, shelfAt, type CountReason, type ReasonPick } from '../../../shared/stock';

const T0 = Date.UTC(2026, 11, 1, 2);
let n = 0;
const mv = (m: Partial<Movement> & Pick<Movement, 'kind' | 'qty'>): Movement =>
  Movement.parse({ id: `c${++n}`, sku: 'TEA', warehouse: 'yiwu', at: T0 + n * 60_000, actor: 'u', ...m });

const ledger = [
  mv({ kind: 'receive', qty: 10, location: 'A-01' }),
  mv({ kind: 'receive', sku: 'MILK', batch: 'B1', qty: 6, location: 'A-01' }),
  mv({ kind: 'receive', sku: 'MILK', batch: 'B2', qty: 4, location: 'A-01' }),
  mv({ kind: 'receive', sku: 'MILK', batch: 'B2', qty: 3, location: 'A-02' }),
  mv({ kind: 'receive', sku: 'CUP', qty: 2, location: 'A-01' }),
  mv({ kind: 'receive', sku: 'CUP', qty: 5, warehouse: 'guangzhou', location: 'A-01' }),
  mv({ kind: 'reserve', sku: 'MILK', batch: 'B1', qty: 5, lock: 'o1' }),
];
const rows = [...rederive(ledger).rows.values()];
const words = { label: (c: CountReason) => ({ gain: '盘盈', loss: '盘亏', damaged: '破损', expired: '过期', other: '其他' })[c], matched: '盘点无差异' };

describe('the shelf of a location', () => {
  it('lists the locations of one warehouse and what the system holds at one of them', () => {
    expect(locationsIn(rows, 'yiwu')).toEqual(['A-01', 'A-02']);
    expect(shelfAt(rows, 'yiwu', 'A-01').map((s) => [s.sku, s.batch, s.qty])).toEqual([['CUP', '', 2], ['MILK', 'B1', 6], ['MILK', 'B2', 4], ['TEA', '', 10]]);
  });
});

describe('reviewing a count', () => {
  const shelf = shelfAt(rows, 'yiwu', 'A-01');

  it('shows the variance per line and lists what nobody counted as 0', () => {
    const r = reviewCount(shelf, [{ sku: 'TEA', batch: '', qty: 8 }, { sku: 'MILK', batch: 'B2', qty: 4 }, { sku: 'TEA', batch: '', qty: 1 }, { sku: 'MILK', batch: 'B9', qty: 2 }]);
    expect(r.lines.map((l) => [l.key, l.system, l.counted, l.variance, l.uncounted])).toEqual([
      ['TEA|', 10, 9, -1, false],
      ['MILK|B2', 4, 4, 0, false],
      ['MILK|B9', 0, 2, 2, false],
      ['CUP|', 2, 0, -2, true],
      ['MILK|B1', 6, 0, -6, true],
    ]);
    expect(r).toMatchObject({ variances: 4, gain: 2, loss: 9, uncounted: 2 });
    // MILK B1 holds 5 reserved units: counting it empty leaves those orders short
    expect(r.lines.find((l) => l.key === 'MILK|B1')!.shortOfLocks).toBe(5);
    expect(r.lines.find((l) => l.key === 'TEA|')!.shortOfLocks).toBe(0);
  });

  it('needs a reason per variance, words for "other", and the uncounted lines confirmed', () => {
    const r = reviewCount(shelf, [{ sku: 'TEA', batch: '', qty: 9 }, { sku: 'MILK', batch: 'B2', qty: 4 }]);
    const picks = new Map<string, ReasonPick>([['TEA|', { code: 'other', text: ' ' }]]);
    expect(countReady(r, picks, false).problems.map((p) => [p.code, p.values?.line ?? p.values?.n])).toEqual([
      ['confirmUncounted', 2], ['otherNeedsText', 'TEA'], ['reasonMissing', 'CUP'], ['reasonMissing', 'MILK · B1'],
    ]);
    picks.set('TEA|', { code: 'damaged', text: '压坏' }).set('CUP|', { code: 'loss', text: '' }).set('MILK|B1', { code: 'expired', text: '' });
    expect(countReady(r, picks, true)).toEqual({ ok: true, problems: [] });
    expect(countReady(reviewCount([], []), new Map(), true).problems).toEqual([{ code: 'empty' }]);
  });

  it('records one count per line, and the shelf then holds what was counted', () => {
    const r = reviewCount(shelf, [{ sku: 'TEA', batch: '', qty: 9 }, { sku: 'MILK', batch: 'B2', qty: 4 }]);
    const picks = new Map<string, ReasonPick>([['TEA|', { code: 'damaged', text: '压坏' }], ['CUP|', { code: 'loss', text: '' }], ['MILK|B1', { code: 'other', text: '移到 A-02' }]]);
    const ms = countMovements(r, { warehouse: 'yiwu', location: 'A-01' }, picks, words);
    expect(ms.map((m) => [m.sku, m.batch, m.qty, m.reason])).toEqual([
      ['TEA', '', 9, '破损：压坏'], ['MILK', 'B2', 4, '盘点无差异'], ['CUP', '', 0, '盘亏'], ['MILK', 'B1', 0, '其他：移到 A-02'],
    ]);
    const after = rederive([...ledger, ...ms.map((m, i) => Movement.parse({ ...m, id: `k${i}`, at: T0 + DAY, actor: 'u' }))]);
    expect(shelfAt(after.rows.values(), 'yiwu', 'A-01').map((s) => [s.sku, s.batch, s.qty])).toEqual([['MILK', 'B2', 4], ['TEA', '', 9]]);
    // other shelves and warehouses are untouched
    expect(after.rows.get('MILK|yiwu|B2')!.locations).toEqual({ 'A-01': 4, 'A-02': 3 });
    expect(after.rows.get('CUP|guangzhou|')!.onHand).toBe(5);
  });
});

const DAY = 86_400_000;
