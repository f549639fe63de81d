import { describe, expect, it } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { orderPulledEvent, externalEventId, type TypedEvent } from '../../shared/events/envelope';
import { foldPulled } from '../../renderer/store/ingest';
import type { ChannelStatus, OrderRow } from '../../shared/domain/types';
import { makeOrder } from '../support/orders';

const STATUS: [string, ChannelStatus, boolean][] = [
  ['WAIT_BUYER_PAY', 'awaiting_payment', false], ['WAIT_SELLER_SEND_GOODS', 'paid', false], ['WAIT_SELLER_SEND_GOODS', 'paid', true],
  ['WAIT_BUYER_CONFIRM_GOODS', 'shipped', false], ['TRADE_CLOSED_BY_TAOBAO', 'closed', false], ['TRADE_FINISHED', 'completed', false],
];

/** Versions of a few orders: (order, version) → a distinct pulled event. */
const eventsArb = fc.array(
  fc.record({ order: fc.integer({ min: 1, max: 4 }), minute: fc.integer({ min: 0, max: 5 }), status: fc.integer({ min: 0, max: STATUS.length - 1 }), memo: fc.constantFrom('', '加急', '送礼') }),
  { minLength: 1, maxLength: 25 },
).map((specs) => specs.map((s) => {
  const [platformStatus, channelStatus, refunding] = STATUS[s.status]!;
  const o = makeOrder({ orderId: `40123456789012345${s.order}`, modifiedAt: Date.UTC(2026, 10, 24, 3, s.minute), platformStatus, channelStatus, refunding, sellerMemo: s.memo,
    lines: [{ lineId: `l${s.order}`, title: 't', skuText: '', qty: 1, priceFen: 100, paymentFen: 100, refundStatus: refunding ? 'WAIT_SELLER_AGREE' : undefined }] });
  return orderPulledEvent(o, `hash-${s.status}-${s.memo}`, 'api');
}));

function applyBatches(batches: TypedEvent<'order.pulled'>[][]): Map<string, OrderRow> {
  const store = new Map<string, OrderRow>();
  for (const b of batches) {
    const { changed } = foldPulled(store, b);
    for (const [k, v] of changed) store.set(k, v);
  }
  return store;
}

function split<T>(xs: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let prev = 0;
  for (const p of points) { out.push(xs.slice(prev, p)); prev = p; }
  out.push(xs.slice(prev));
  return out;
}

describe('order reducer', () => {
  ftest.prop([eventsArb, fc.array(fc.nat(), { maxLength: 6 }), fc.nat()], { numRuns: 500, seed: 42 })(
    'the same events twice, in any order, split into any batches give the same projections',
    (events, cuts, shuffleSeed) => {
      const once = applyBatches([events]);
      const shuffled = [...events, ...events].map((e, i) => ({ e, k: (i * 2654435761 + shuffleSeed) % 1000003 })).sort((a, b) => a.k - b.k).map((x) => x.e);
      const again = applyBatches(split(shuffled, cuts));
      expect(again).toEqual(once);
    },
  );

  it('keeps the latest platform view and explains channel holds', () => {
    const paid = makeOrder({ orderId: '4000000000000000001', modifiedAt: 1000 });
    const refund = makeOrder({ orderId: '4000000000000000001', modifiedAt: 2000, refunding: true,
      lines: [{ lineId: 'x', title: 't', skuText: '', qty: 1, priceFen: 1, paymentFen: 1, refundStatus: 'WAIT_SELLER_AGREE' }] });
    const store = applyBatches([[orderPulledEvent(refund, 'h2', 'api')], [orderPulledEvent(paid, 'h1', 'api')]]);
    const row = store.get('taobao:shop-a:4000000000000000001')!;
    expect(row.modifiedAt).toBe(2000);
    expect(row.holds).toEqual([{ code: 'refund_open', source: 'channel', values: { lines: ['x:WAIT_SELLER_AGREE'] }, at: 2000 }]);
    expect(row.eventIds).toHaveLength(2);
    expect(row.terms).toEqual(expect.arrayContaining(['o:4000000000000000001', 'p:1234', 'n:张**', 'm:oaid-1']));
  });

  it('event ids depend on every identifying field, so two changes in one second are both kept', () => {
    const a = externalEventId('taobao', 's', '1', 1000, 'h1');
    expect(externalEventId('taobao', 's', '1', 1000, 'h1')).toBe(a);
    expect(externalEventId('taobao', 's', '1', 1000, 'h2')).not.toBe(a);
    expect(externalEventId('taobao', 's2', '1', 1000, 'h1')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('a change after the label is printed', () => {
  const v1 = makeOrder({ orderId: '4012345678901234599', modifiedAt: Date.UTC(2026, 10, 24, 3, 0), sellerMemo: '' });
  const first = orderPulledEvent(v1, 'h1', 'api');
  const labelled = (): Map<string, OrderRow> => {
    const { changed } = foldPulled(new Map(), [first]);
    return new Map([...changed].map(([k, v]) => [k, { ...v, fulfilment: 'labelled' as const }]));
  };

  for (const [what, patch] of [
    ['memo', { sellerMemo: '改地址了，先别发' }],
    ['flag', { sellerFlag: 1 }],
    ['address', { receiver: { ...v1.receiver, addressMasked: '文二路****' } }],
  ] as const) {
    it(`a new ${what} intercepts the order with a hold naming what changed`, () => {
      const v2 = orderPulledEvent({ ...v1, ...patch, modifiedAt: v1.modifiedAt + 60_000 }, 'h2', 'api');
      const row = foldPulled(labelled(), [v2]).changed.get(first.orderKey!)!;
      expect(row.fulfilment).toBe('intercepted');
      expect(row.holds.find((h) => h.code === 'changed_after_label')?.values).toMatchObject({ changed: [what] });
      // the hold stays when the next view changes nothing more
      const v3 = orderPulledEvent({ ...v1, ...patch, modifiedAt: v1.modifiedAt + 120_000, platformStatus: 'X' }, 'h3', 'api');
      const after = foldPulled(new Map([[row.key, row]]), [v3]).changed.get(row.key)!;
      expect(after.holds.filter((h) => h.code === 'changed_after_label')).toHaveLength(1);
    });
  }

  it('a status-only change after the label does not intercept, and nothing intercepts before the label', () => {
    const v2 = orderPulledEvent({ ...v1, modifiedAt: v1.modifiedAt + 60_000, platformStatus: 'X' }, 'h2', 'api');
    expect(foldPulled(labelled(), [v2]).changed.get(first.orderKey!)!.fulfilment).toBe('labelled');
    const memo = orderPulledEvent({ ...v1, sellerMemo: '加急', modifiedAt: v1.modifiedAt + 60_000 }, 'h3', 'api');
    const { changed } = foldPulled(new Map(), [first, memo]);
    expect(changed.get(first.orderKey!)!.fulfilment).toBe('new');
  });
});
