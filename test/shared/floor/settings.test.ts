// Own-label waybill ranges: numbers handed out in order across a carrier's ranges, each once,
// recognised again from a printed label, and the ranges' own mistakes refused with where.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FloorSettings, formatWaybill, nextOwnWaybill, poolOfWaybill, type WaybillPool } from '../../../shared/floor/settings';
import { shortPicks, type WaveRow } from '../../../shared/floor/records';

const pool = (over: Partial<WaybillPool> = {}): WaybillPool => ({ carrier: 'ZTO', prefix: '', from: 100, to: 102, digits: 12, ...over });

describe('own waybill ranges', () => {
  it('hands out each number once, range after range, and says when they run out', () => {
    const pools = [pool(), pool({ from: 500, to: 500 })];
    const used: Record<string, number> = {};
    const got: string[] = [];
    for (;;) {
      const n = nextOwnWaybill(pools, 'ZTO', used);
      if (!n.ok) { expect(n.reason).toBe('exhausted'); break; }
      got.push(n.waybillNo);
      const hit = poolOfWaybill(pools, 'ZTO', n.waybillNo)!;
      used[hit.key] = hit.n;
    }
    expect(got).toEqual(['000000000100', '000000000101', '000000000102', '000000000500']);
    expect(nextOwnWaybill(pools, 'SF', {})).toEqual({ ok: false, reason: 'no_pool' });
  });

  it('a prefix is kept and a number outside every range is not the pool\'s', () => {
    const p = pool({ carrier: 'SF', prefix: 'SF', digits: 13 });
    expect(formatWaybill(p, 101)).toBe('SF0000000000101');
    expect(poolOfWaybill([p], 'SF', 'SF0000000000101')).toEqual({ key: 'SF|SF|100', n: 101 });
    expect(poolOfWaybill([p], 'SF', 'SF0000000000103')).toBeUndefined();
    expect(poolOfWaybill([p], 'ZTO', 'SF0000000000101')).toBeUndefined();
  });

  it('refuses a range that ends before it starts or has more digits than allowed, naming the field', () => {
    const bad = FloorSettings.safeParse({ waybillPools: [pool({ from: 10, to: 5 })] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['waybillPools', 0, 'to']);
    expect(FloorSettings.safeParse({ waybillPools: [pool({ to: 10 ** 13, digits: 12 })] }).error!.issues[0]!.path).toEqual(['waybillPools', 0, 'digits']);
    expect(FloorSettings.parse({})).toEqual({ waybillPools: [], maxMulti: 24, maxSingle: 100 });
  });

  it('any order of labels printed: the next number is above every used one and never repeats', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 49 }), { maxLength: 30 }), (printedIdx) => {
      const pools = [pool({ from: 1, to: 50 })];
      const used: Record<string, number> = {};
      for (const i of printedIdx) { const h = poolOfWaybill(pools, 'ZTO', formatWaybill(pools[0]!, i + 1))!; used[h.key] = Math.max(used[h.key] ?? 0, h.n); }
      const next = nextOwnWaybill(pools, 'ZTO', used);
      const top = printedIdx.length ? Math.max(...printedIdx) + 1 : 0;
      if (top === 50) expect(next.ok).toBe(false);
      else expect(next).toMatchObject({ ok: true, waybillNo: formatWaybill(pools[0]!, top + 1), left: 50 - top - 1 });
    }), { numRuns: 300, seed: 11 });
  });
});

describe('short picks', () => {
  it('a stop picked short shorts its last slots first', () => {
    const w = {
      stops: [{ location: 'A', sku: 'X', batch: '', qty: 5, shortOnShelf: false, orders: [{ orderKey: 'a', slot: 1, qty: 2 }, { orderKey: 'b', slot: 2, qty: 2 }, { orderKey: 'c', slot: 3, qty: 1 }] }],
      picked: { 0: 2 },
    } as unknown as WaveRow;
    expect([...shortPicks(w)]).toEqual([['b', 2], ['c', 1]]);
    expect([...shortPicks({ ...w, picked: { 0: 5 } })]).toEqual([]);
  });
});
