import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../../shared/domain/types';
import { mergeGroups } from '../../renderer/features/review/mergeGroups';
import { unitsHint, waitingItems } from '../../renderer/features/review/mapItems';
import { reasonCounts, shanghaiDayStart } from '../../renderer/features/review/queueFilter';
import { makeRow } from './support';
import { T0, decision, makeWaiting } from './reviewFixtures';

const row = (id: string, mergeWith: string[], over: Partial<OrderRow> = {}, shopId = 'shop-a'): OrderRow => {
  const r = makeRow({ orderId: id, shopId, createdAt: T0 + Number(id) * 1000 }, { fulfilment: 'allocated', ...over });
  return { ...r, decision: { ...decision(r, []), mergeWith } };
};
const key = (id: string, shop = 'shop-a') => `taobao:${shop}:${id}`;

describe('merge groups', () => {
  it('joins links both ways and through a third order, oldest paid first', () => {
    const a = row('1', []);
    const b = row('2', [key('1')]);
    const c = row('3', [key('2')]);
    const groups = mergeGroups([c, b, a], new Map([a, b, c].map((r) => [r.key, r])));
    expect(groups.map((g) => g.rows.map((r) => r.orderId))).toEqual([['1', '2', '3']]);
  });

  it('leaves out cancelled, shipped-on-the-floor, other-shop and already merged partners; lists a merged parcel apart', () => {
    const a = row('1', []);
    const cancelled = row('2', [key('1')], { cancelled: { by: 'u', at: 1, reason: 'x' }, fulfilment: 'cancelled' });
    const onFloor = row('3', [key('1')], { fulfilment: 'picked' });
    const other = row('4', [key('1')], {}, 'shop-b');
    const m1 = row('5', [], { mergedInto: 'merge-1' });
    const m2 = row('6', [key('5')], { mergedInto: 'merge-1' });
    const all = [a, cancelled, onFloor, other, m1, m2];
    const groups = mergeGroups(all, new Map(all.map((r) => [r.key, r])));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ parcelId: 'merge-1' });
    expect(groups[0]!.rows.map((r) => r.orderId)).toEqual(['5', '6']);
  });
});

describe('waiting items', () => {
  it('one entry per item key with every waiting order and the best score per SKU', () => {
    const t = { title: '马克杯', skuText: '白' };
    const items = waitingItems([
      makeWaiting('11', t, 'text|a', [{ sku: 'MUG', score: 0.6, why: ['x'] }]),
      makeWaiting('12', t, 'text|a', [{ sku: 'MUG', score: 0.7, why: ['y'] }, { sku: 'CUP', score: 0.65, why: [] }], { shopId: 'shop-b' }),
      makeWaiting('13', { title: '碗', skuText: '' }, 'text|b', []),
    ]);
    expect(items.map((i) => [i.itemKey, i.orderKeys.length])).toEqual([['text|a', 2], ['text|b', 1]]);
    expect(items[0]!.shopIds).toEqual(['shop-a', 'shop-b']);
    expect(items[0]!.suggestions).toEqual([{ sku: 'MUG', score: 0.7, why: ['y'] }, { sku: 'CUP', score: 0.65, why: [] }]);
  });

  it('reads a pack size from the listing text', () => {
    expect(unitsHint('日式饭碗 2只装 15cm')).toBe(2);
    expect(unitsHint('收纳盒 3件套')).toBe(3);
    expect(unitsHint('湿巾 x6')).toBe(6);
    expect(unitsHint('橡木餐盘 直径24cm')).toBe(1);
  });
});

describe('reason counts', () => {
  it('counts each order once per reason, and how many were raised since Shanghai midnight', () => {
    const today = shanghaiDayStart(T0);
    expect(today).toBe(Date.UTC(2026, 10, 23, 16, 0, 0));
    const held = [
      { holds: [{ code: 'r1', source: 'rule' as const, values: {}, at: today - 1 }, { code: 'r4', source: 'rule' as const, values: {}, at: today + 5 }] },
      { holds: [{ code: 'r1', source: 'rule' as const, values: {}, at: today + 9 }, { code: 'refund_open', source: 'channel' as const, values: {}, at: today }] },
      { holds: [{ code: 'r1', source: 'rule' as const, values: {}, at: today + 9, clearedBy: 'u', clearedAt: today + 10 }] },
    ] as OrderRow[];
    const c = reasonCounts(held, today);
    expect(Object.fromEntries(c)).toEqual({ r1: { open: 2, today: 1 }, r4: { open: 1, today: 1 }, channel: { open: 1, today: 1 } });
  });
});
