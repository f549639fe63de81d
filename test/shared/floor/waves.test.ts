import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWaves, type WaveCandidate } from '../../../shared/floor';

const c = (key: string, over: Partial<WaveCandidate> = {}): WaveCandidate => ({ key, warehouse: 'sh', carrier: 'ZTO', paidAt: 1000, lines: [{ sku: 'A', qty: 1 }], firm: true, ...over });

describe('planWaves', () => {
  it('groups by warehouse, carrier and single vs multi, oldest payment first', () => {
    const { waves, skipped } = planWaves([
      c('o3', { paidAt: 3000 }),
      c('o1', { paidAt: 1000, lines: [{ sku: 'B', qty: 1 }] }),
      c('m1', { lines: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] }),
      c('m2', { lines: [{ sku: 'A', qty: 2 }] }),
      c('y1', { carrier: 'YTO' }),
      c('bj', { warehouse: 'bj' }),
    ]);
    expect(skipped).toEqual([]);
    const shape = waves.map((w) => `${w.warehouse}/${w.carrier}/${w.kind}:${w.orders.join(',')}`);
    expect(shape).toEqual(['bj/ZTO/single:bj', 'sh/YTO/single:y1', 'sh/ZTO/multi:m1,m2', 'sh/ZTO/single:o3,o1']);
    // single-item orders sorted by SKU so one shelf serves them in a row
    expect(waves[3]!.skus).toBe(2);
    expect(waves[2]!.units).toBe(5);
  });

  it('says why an order is left out', () => {
    const { waves, skipped } = planWaves([c('u', { firm: false }), c('r', { refunding: true }), c('n', { carrier: '' }), c('e', { lines: [] }), c('w', { wave: 'W1' })]);
    expect(waves).toEqual([]);
    expect(skipped.map((s) => `${s.key}:${s.code}`).sort()).toEqual(['e:wave.empty', 'n:wave.no_carrier', 'r:wave.refunding', 'u:wave.unpaid', 'w:wave.already']);
  });

  it('splits at the wall size; every eligible order lands in exactly one wave', () => {
    fc.assert(fc.property(fc.array(fc.record({ wh: fc.constantFrom('a', 'b'), carrier: fc.constantFrom('ZTO', 'SF'), units: fc.integer({ min: 1, max: 3 }), paidAt: fc.integer({ min: 0, max: 1e6 }), firm: fc.boolean() }), { maxLength: 120 }), fc.integer({ min: 1, max: 10 }), (rows, wall) => {
      const cands = rows.map((r, i) => c(`k${i}`, { warehouse: r.wh, carrier: r.carrier, paidAt: r.paidAt, firm: r.firm, lines: [{ sku: `S${i % 4}`, qty: r.units }] }));
      const { waves, skipped } = planWaves(cands, { maxMulti: wall, maxSingle: wall * 2 });
      const placed = waves.flatMap((w) => w.orders);
      expect(new Set(placed).size).toBe(placed.length);
      expect(placed.length + skipped.length).toBe(cands.length);
      for (const w of waves) expect(w.orders.length).toBeLessThanOrEqual(w.kind === 'single' ? wall * 2 : wall);
    }), { seed: 707, numRuns: 300 });
  });
});
