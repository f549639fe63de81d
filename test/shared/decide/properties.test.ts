// Properties of the decision stages over random orders, stock and warehouses (fixed seeds):
// allocation never takes more than sellable stock and never splits a line; a whole-order choice
// is the nearest warehouse that can fill it; decisions are deterministic; the later order of a
// duplicate pair is held whichever arrives first; money rules read fen exactly.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { allocate, createMemoryContext, defaultDecisionSettings, decideOrder, findDuplicates, receiverKeys, type LineDecision } from '../../../shared/decide';
import { haversineKm } from '../../../shared/address';
import { Sku, Warehouse, orderKey } from '../../../shared/domain/types';
import { makeOrder } from '../../support/orders';

const WAREHOUSES = [
  { code: 'a', name: 'A', province: '浙江省', city: '金华市', lat: 29.3, lng: 120.1 },
  { code: 'b', name: 'B', province: '广东省', city: '广州市', lat: 23.2, lng: 113.3 },
  { code: 'c', name: 'C', province: '河北省', city: '廊坊市', lat: 39.5, lng: 116.7 },
].map((w) => Warehouse.parse(w));
const SKUS = ['S1', 'S2', 'S3', 'S4'];
const TO = [{ lat: 30.27, lng: 120.15 }, { lat: 22.54, lng: 114.06 }, { lat: 39.9, lng: 116.4 }, { lat: 30.66, lng: 104.07 }];

const stockArb = fc.dictionary(fc.constantFrom(...SKUS.flatMap((s) => WAREHOUSES.map((w) => `${s}|${w.code}`))), fc.nat({ max: 6 }));
const linesArb = fc.array(fc.record({ sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 })
  .map((ls) => ls.map((l, i): LineDecision => ({ lineId: `L${i}`, sku: l.sku, units: l.qty, components: [{ sku: l.sku, qty: l.qty }], method: 'outer_id', confidence: 1, reason: '', itemKey: `outer_id|${l.sku}`, suggestions: [] })));
const policyArb = fc.constantFrom('split' as const, 'wait' as const, 'nearest_most_lines' as const);

describe('allocation', () => {
  test.prop([stockArb, linesArb, fc.constantFrom(...TO), policyArb], { numRuns: 400, seed: 20261202 })('never takes more than is sellable and never splits a line', (stock, lines, to, policy) => {
    const view = { sellable: (sku: string, wh: string) => stock[`${sku}|${wh}`] ?? 0 };
    const a = allocate({ lines, to, warehouses: WAREHOUSES, stock: view, policy, shopWarehouses: [], skuWarehouse: {}, distanceKm: haversineKm });
    const taken = new Map<string, number>();
    const seen = new Set<string>();
    for (const p of a.parts) for (const id of p.lineIds) {
      expect(seen.has(id), `line ${id} in two parts`).toBe(false);
      seen.add(id);
      const l = lines.find((x) => x.lineId === id)!;
      for (const c of l.components) taken.set(`${c.sku}|${p.warehouse}`, (taken.get(`${c.sku}|${p.warehouse}`) ?? 0) + c.qty);
    }
    for (const [k, n] of taken) expect(n, `${k} over-allocated`).toBeLessThanOrEqual(stock[k] ?? 0);
    // every line is shipped by one part or reported short (wait: everything waits)
    for (const l of lines) expect(seen.has(l.lineId) || a.short.some((s) => s.lineId === l.lineId), `line ${l.lineId} lost`).toBe(true);
    if (a.parts.length === 1 && a.short.length === 0 && a.parts[0]!.lineIds.length === lines.length) {
      // a whole-order choice is the nearest warehouse able to fill the whole order
      const fills = (w: string) => {
        const need = new Map<string, number>();
        for (const l of lines) need.set(l.sku!, (need.get(l.sku!) ?? 0) + l.units);
        return [...need].every(([s, q]) => (stock[`${s}|${w}`] ?? 0) >= q);
      };
      const able = WAREHOUSES.filter((w) => fills(w.code)).sort((x, y) => haversineKm(to, { lat: x.lat!, lng: x.lng! }) - haversineKm(to, { lat: y.lat!, lng: y.lng! }));
      if (able.length) expect(a.parts[0]!.warehouse).toBe(able[0]!.code);
    }
  });
});

const skus = SKUS.map((code, i) => Sku.parse({ code, name: `商品${i}`, priceFen: 1000 }));
const orderArb = fc.record({
  id: fc.bigInt({ min: 10n ** 17n, max: 10n ** 18n }).map(String),
  shop: fc.constantFrom('s1', 's2'),
  tail: fc.constantFrom('1111', '2222'),
  hours: fc.integer({ min: 0, max: 200 }),
  sku: fc.constantFrom(...SKUS),
  qty: fc.integer({ min: 1, max: 30 }),
  pay: fc.integer({ min: 0, max: 900_000 }),
  message: fc.constantFrom('', '请尽快发货'),
});
const T0 = Date.UTC(2026, 10, 1);
const build = (o: { id: string; shop: string; tail: string; hours: number; sku: string; qty: number; pay: number; message: string }) => {
  const order = makeOrder({
    orderId: o.id, shopId: o.shop, createdAt: T0 + o.hours * 3600_000, paidAt: T0 + o.hours * 3600_000 + 1000, buyerMessage: o.message,
    receiver: { nameMasked: '张**', phoneMasked: `138****${o.tail}`, phoneTail: o.tail, province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: '文三路**号', cipher: {}, mergeKey: '' },
    lines: [{ lineId: `${o.id}-1`, title: '', skuText: '', qty: o.qty, priceFen: 1000, paymentFen: o.pay, outerSkuId: o.sku }],
  });
  return { ...order, key: orderKey(order.platform, order.shopId, order.orderId) };
};
const fresh = () => createMemoryContext({ settings: defaultDecisionSettings(), skus, warehouses: WAREHOUSES, stock: SKUS.flatMap((s) => WAREHOUSES.map((w) => ({ sku: s, warehouse: w.code, qty: 100 }))), now: T0 });

describe('pipeline', () => {
  test.prop([orderArb], { numRuns: 300, seed: 7 })('the same order and context give the same decision', (o) => {
    const order = build(o);
    const a = decideOrder({ order, fulfilment: 'new', holds: [], trigger: 'arrival' }, fresh());
    const b = decideOrder({ order, fulfilment: 'new', holds: [], trigger: 'arrival' }, fresh());
    expect(a.decision).toEqual(b.decision);
    // r1 reads paid fen exactly: over 5,000.00 yuan holds, at or under does not
    expect(a.decision.hits.some((h) => h.rule === 'r1')).toBe(o.pay > 500_000);
  });

  test.prop([orderArb, orderArb], { numRuns: 300, seed: 11 })('of a duplicate pair, the later by paid time is the one marked, whichever arrives first', (x, y) => {
    const a = build({ ...x, shop: 's1', tail: '1111' });
    const b = build({ ...y, shop: 's2', tail: '1111', sku: x.sku, id: `${y.id}7` });
    const seenOf = (o: typeof a) => ({ key: o.key, platform: o.platform, shopId: o.shopId, paidAt: o.paidAt!, products: [x.sku], receiverKeys: receiverKeys(o).all, fulfilment: 'allocated' as const, channelStatus: 'paid' as const });
    const subject = (o: typeof a) => ({ key: o.key, platform: o.platform, shopId: o.shopId, paidAt: o.paidAt!, products: [x.sku], keys: receiverKeys(o) });
    const aSeesB = findDuplicates(subject(a), [seenOf(b)], 72, 24);
    const bSeesA = findDuplicates(subject(b), [seenOf(a)], 72, 24);
    const apart = Math.abs(a.paidAt! - b.paidAt!) / 3600_000;
    if (apart > 72) {
      expect(aSeesB.duplicate ?? bSeesA.duplicate).toBeUndefined();
      return;
    }
    const later = a.paidAt! > b.paidAt! || (a.paidAt === b.paidAt && a.key > b.key) ? a : b;
    const earlier = later === a ? b : a;
    const laterSees = later === a ? aSeesB : bSeesA;
    const earlierSees = later === a ? bSeesA : aSeesB;
    expect(laterSees.duplicate?.of).toBe(earlier.key);
    expect(earlierSees.duplicate).toBeUndefined();
    expect(earlierSees.laterDuplicates).toEqual([later.key]);
  });
});
