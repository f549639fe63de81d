// The order timeline's "why", computed from consecutive platform views, and the sync panel's
// human durations.
import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../renderer/i18n';
import { describeTimeline } from '../../renderer/features/pool';
import { humanDuration } from '../../renderer/features/sync';
import type { WharfEvent } from '../../shared/events/envelope';
import type { NormalizedOrder } from '../../shared/domain/types';
import { makeOrder } from '../support/orders';

const key = 'taobao:shop-a:1001';
const pulled = (id: string, order: NormalizedOrder): WharfEvent => ({ id, type: 'order.pulled', at: order.modifiedAt, actor: 'system', device: 'shop:shop-a', orderKey: key, payload: { order, payloadHash: id, source: 'api' } });

describe('describeTimeline', () => {
  it('explains each platform view by what changed since the previous one', () => {
    const v1 = makeOrder({ orderId: '1001', platformStatus: 'WAIT_BUYER_PAY', channelStatus: 'awaiting_payment', paidAt: undefined, modifiedAt: 1000 });
    const v2 = { ...v1, platformStatus: 'WAIT_SELLER_SEND_GOODS', channelStatus: 'paid' as const, paidAt: 1500, modifiedAt: 2000 };
    const v3 = { ...v2, sellerMemo: '加急', sellerFlag: 1, refunding: true, lines: v2.lines.map((l) => ({ ...l, refundStatus: 'WAIT_SELLER_AGREE' })), modifiedAt: 3000 };
    const v4 = { ...v3, modifiedAt: 4000 };
    const switched: WharfEvent = { id: 'op', type: 'operator.switched', at: 2500, actor: 'u-ops', device: 'dev-1', orderKey: key, payload: { userId: 'u-ops', method: 'pin' } };
    const out = describeTimeline([pulled('a', v1), pulled('b', v2), switched, pulled('c', v3), pulled('d', v4)]);

    expect(out.map((e) => e.who)).toEqual([
      { kind: 'platform', shopId: 'shop-a' }, { kind: 'platform', shopId: 'shop-a' }, { kind: 'user', id: 'u-ops' },
      { kind: 'platform', shopId: 'shop-a' }, { kind: 'platform', shopId: 'shop-a' },
    ]);
    expect(out[0]!.why).toEqual([{ k: 'first', status: 'WAIT_BUYER_PAY', source: 'api' }]);
    expect(out[1]!.why).toEqual(expect.arrayContaining([
      { k: 'status', from: 'WAIT_BUYER_PAY', to: 'WAIT_SELLER_SEND_GOODS' },
      { k: 'channel', from: 'awaiting_payment', to: 'paid' },
      { k: 'paid', at: 1500 },
    ]));
    expect(out[2]!.why).toEqual([{ k: 'payload', text: 'userId: u-ops, method: pin' }]);
    expect(out[3]!.why).toEqual(expect.arrayContaining([
      { k: 'refund', on: true },
      { k: 'memo', text: '加急' },
      { k: 'flag', from: 0, to: 1 },
      { k: 'lineRefund', lineId: '10011', from: '—', to: 'WAIT_SELLER_AGREE' },
    ]));
    expect(out[3]!.why.some((w) => w.k === 'status')).toBe(false);
    expect(out[4]!.why).toEqual([{ k: 'noChange' }]);
  });
});

describe('humanDuration', () => {
  const t = i18n.getFixedT('zh-CN');
  it('speaks minutes, hours and days', () => {
    expect(humanDuration(20_000, t)).toBe('不到 1 分钟');
    expect(humanDuration(3 * 60_000 + 5_000, t)).toBe('3 分钟');
    expect(humanDuration(125 * 60_000, t)).toBe('2 小时 5 分钟');
    expect(humanDuration(26 * 3600_000, t)).toBe('1 天 2 小时');
    expect(humanDuration(3 * 60_000, i18n.getFixedT('en'))).toBe('3 min');
  });
});
