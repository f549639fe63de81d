import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPickList, compareLocations } from '../../../shared/floor';

describe('compareLocations', () => {
  it('walks aisles and shelves in number order, unlocated last', () => {
    expect(['B-01', 'A-10', '', 'A-2', 'A-02-3', 'a-1'].sort(compareLocations)).toEqual(['a-1', 'A-2', 'A-02-3', 'A-10', 'B-01', '']);
  });
});

describe('buildPickList', () => {
  it('one stop per location in walking order, units handed to orders by slot, FEFO batch kept', () => {
    const stops = buildPickList(
      [
        { orderKey: 'o1', slot: 1, sku: 'MILK', batch: 'B1', qty: 2 },
        { orderKey: 'o2', slot: 2, sku: 'MILK', batch: 'B1', qty: 3 },
        { orderKey: 'o2', slot: 2, sku: 'TEA', batch: '', qty: 1 },
      ],
      [
        { sku: 'MILK', batch: 'B1', expiresAt: 5, locations: { 'A-10': 10, 'A-2': 4 } },
        { sku: 'TEA', batch: '', locations: { 'A-3': 1 } },
      ],
    );
    expect(stops.map((s) => [s.location, s.sku, s.batch, s.qty, s.orders.map((o) => `${o.slot}:${o.qty}`).join(' ')])).toEqual([
      ['A-2', 'MILK', 'B1', 4, '1:2 2:2'],
      ['A-3', 'TEA', '', 1, '2:1'],
      ['A-10', 'MILK', 'B1', 1, '2:1'],
    ]);
    expect(stops[0]!.expiresAt).toBe(5);
  });

  it('flags a stop when the shelves show fewer units than promised', () => {
    const [s] = buildPickList([{ orderKey: 'o', slot: 1, sku: 'X', batch: '', qty: 5 }], [{ sku: 'X', batch: '', locations: { 'C-1': 2 } }]);
    expect(s).toMatchObject({ location: 'C-1', qty: 5, shortOnShelf: true });
  });

  it('picks exactly what was demanded, per order and in total', () => {
    fc.assert(fc.property(fc.array(fc.record({ slot: fc.integer({ min: 1, max: 8 }), sku: fc.constantFrom('A', 'B'), qty: fc.integer({ min: 1, max: 5 }) }), { maxLength: 30 }), fc.dictionary(fc.constantFrom('A-1', 'A-2', 'B-7', ''), fc.integer({ min: 0, max: 9 })), (ds, locs) => {
      const demand = ds.map((d) => ({ orderKey: `o${d.slot}`, slot: d.slot, sku: d.sku, batch: '', qty: d.qty }));
      const stops = buildPickList(demand, [{ sku: 'A', batch: '', locations: locs }, { sku: 'B', batch: '', locations: locs }]);
      const want = new Map<string, number>();
      for (const d of demand) want.set(`${d.orderKey}|${d.sku}`, (want.get(`${d.orderKey}|${d.sku}`) ?? 0) + d.qty);
      const got = new Map<string, number>();
      for (const s of stops) {
        expect(s.orders.reduce((n, o) => n + o.qty, 0)).toBe(s.qty);
        for (const o of s.orders) got.set(`${o.orderKey}|${s.sku}`, (got.get(`${o.orderKey}|${s.sku}`) ?? 0) + o.qty);
      }
      expect(got).toEqual(want);
      for (let i = 1; i < stops.length; i++) expect(compareLocations(stops[i - 1]!.location, stops[i]!.location)).toBeLessThanOrEqual(0);
    }), { seed: 708, numRuns: 300 });
  });
});
