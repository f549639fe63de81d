// Heavier fuzzing of the decisions (npm run test:fuzz): any order a mapper can produce — odd
// regions, empty names, zero or huge quantities and amounts, unknown items, kits, every policy —
// gets a decision with reasons, never an exception; and across a whole stream of orders the
// stock given to passed orders never exceeds what was on hand.
import { describe, expect } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { createMemoryContext, defaultDecisionSettings, type AllocationPolicy } from '../../shared/decide';
import { Sku, Warehouse, orderKey, type NormalizedOrder } from '../../shared/domain/types';
import { allProvinces, childrenOf } from '../../shared/address';
import { makeOrder } from '../support/orders';

const WAREHOUSES = [
  { code: 'a', name: 'A', province: '浙江省', city: '金华市', lat: 29.3, lng: 120.1, carriers: [{ code: 'ZTO' }] },
  { code: 'b', name: 'B', province: '广东省', city: '广州市', lat: 23.2, lng: 113.3, carriers: [{ code: 'SF', remote: ['西藏自治区'] }] },
  { code: 'c', name: 'C', province: '河北省', city: '廊坊市', active: false },
].map((w) => Warehouse.parse(w));
const SKUS = [
  ...['P1', 'P2', 'P3'].map((code, i) => Sku.parse({ code, name: ['橡木餐盘', '竹制砧板', '保温杯'][i], spec: ['24cm', '40×28cm', '500ml'][i], minPriceFen: 1000 })),
  Sku.parse({ code: 'K1', name: '礼盒', components: [{ code: 'P1', qty: 2 }, { code: 'P2', qty: 1 }] }),
];
const REGIONS = allProvinces().flatMap((p) => { const cities = childrenOf(p.code); return cities.slice(0, 2).map((c) => [p.name, c.name, childrenOf(c.code)[0]?.name ?? ''] as const); });

const lineArb = fc.record({
  title: fc.oneof(fc.constantFrom('橡木餐盘 24cm', '【包邮】竹制砧板40x28', '保温杯 500ml 白色', '礼盒', '未知商品', ''), fc.string({ maxLength: 30 })),
  outer: fc.constantFrom('', 'P1', 'p2', 'K1', 'ZZ-9'),
  qty: fc.integer({ min: 0, max: 60 }),
  price: fc.integer({ min: 0, max: 2_000_000 }),
});
const orderArb = fc.record({
  id: fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n }).map(String),
  shop: fc.constantFrom('s1', 's2', 's3'),
  platform: fc.constantFrom('taobao' as const, 'douyin' as const, 'pdd' as const, 'own' as const),
  name: fc.oneof(fc.constantFrom('张**', '李*', '', '*', 'A**'), fc.string({ maxLength: 3 })),
  tail: fc.constantFrom('1111', '2222', '', '12'),
  region: fc.oneof(fc.constantFrom(...REGIONS), fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }))),
  detail: fc.oneof(fc.constantFrom('文三路**号', '菜鸟驿站旁边', '', '学校门口对面', '中山路12号华联超市'), fc.string({ maxLength: 20 })),
  hours: fc.integer({ min: 0, max: 400 }),
  status: fc.constantFrom('paid' as const, 'paid' as const, 'awaiting_payment' as const, 'shipped' as const, 'closed' as const),
  message: fc.constantFrom('', '尽快', '  '),
  lines: fc.array(lineArb, { minLength: 0, maxLength: 4 }),
  mergeKey: fc.constantFrom('', 'mk-1', 'mk-2'),
});

type Fuzzed = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

function build(o: Fuzzed): NormalizedOrder & { key: string } {
  const T0 = Date.UTC(2026, 10, 1);
  const order = makeOrder({
    orderId: o.id, platform: o.platform, shopId: o.shop, channelStatus: o.status, createdAt: T0 + o.hours * 3600_000,
    ...(o.status === 'awaiting_payment' ? {} : { paidAt: T0 + o.hours * 3600_000 + 1000 }), buyerMessage: o.message,
    receiver: { nameMasked: o.name, phoneMasked: o.tail ? `138****${o.tail}` : '', phoneTail: o.tail, province: o.region[0], city: o.region[1], district: o.region[2], town: '', addressMasked: o.detail, cipher: {}, mergeKey: o.mergeKey },
    lines: o.lines.map((l, i) => ({ lineId: `${o.id}-${i}`, title: l.title, skuText: '', qty: l.qty, priceFen: l.price, paymentFen: l.price * l.qty, ...(l.outer ? { outerSkuId: l.outer } : {}) })),
  });
  return { ...order, key: orderKey(order.platform, order.shopId, order.orderId) };
}

describe('fuzz: decisions', () => {
  ftest.prop([fc.array(orderArb, { minLength: 1, maxLength: 60 }), fc.constantFrom<AllocationPolicy>('split', 'wait', 'nearest_most_lines'), fc.nat({ max: 30 })], { numRuns: 5000, seed: 20261202 })(
    'every order gets a decision with reasons, and passed orders never take more than is on hand',
    (orders, policy, each) => {
      const settings = defaultDecisionSettings();
      settings.allocation.policy = policy;
      const stock = ['P1', 'P2', 'P3'].flatMap((sku) => WAREHOUSES.map((w) => ({ sku, warehouse: w.code, qty: each })));
      const ctx = createMemoryContext({ settings, skus: SKUS, warehouses: WAREHOUSES, stock, now: Date.UTC(2026, 10, 20) });
      const taken = new Map<string, number>();
      for (const raw of orders) {
        const out = ctx.decide({ order: build(raw), fulfilment: 'new', holds: [], trigger: 'arrival' });
        const d = out.decision;
        expect(d.reasons.length).toBeGreaterThan(0);
        expect(['pass', 'hold', 'skip']).toContain(d.outcome);
        for (const h of d.hits) expect(h.message.length).toBeGreaterThan(0);
        if (d.outcome === 'hold') expect(out.holds.some((h) => !h.clearedBy)).toBe(true);
        if (d.allocation?.committed) {
          expect(d.allocation.parts.every((p) => p.warehouse !== 'c')).toBe(true);
          const lines = new Map(d.lines.map((l) => [l.lineId, l]));
          for (const p of d.allocation.parts) for (const id of p.lineIds) for (const c of lines.get(id)!.components) {
            taken.set(`${c.sku}|${p.warehouse}`, (taken.get(`${c.sku}|${p.warehouse}`) ?? 0) + c.qty);
          }
        }
      }
      for (const [, n] of taken) expect(n).toBeLessThanOrEqual(each);
    },
  );
});
