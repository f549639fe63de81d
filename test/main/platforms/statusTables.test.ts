// platforms.md §9 as tables: each platform's status fields → channelStatus, holds and reasons;
// rows over several fields (PDD), first match wins (Douyin's refund closes), unknown → an error
// that names the fields and says where to add a row.
import { describe, expect, it } from 'vitest';
import { decideStatus, UnknownStatusError } from '../../../main/services/platforms/statusTable';
import { DOUYIN_STATUS_TABLE, douyinChannelStatus, douyinRefunding } from '../../../main/services/platforms/douyin/statusTable';
import { pddChannelStatus, pddRefunding } from '../../../main/services/platforms/pdd/statusTable';
import { jdChannelStatus } from '../../../main/services/platforms/jd/statusTable';
import { kuaishouChannelStatus } from '../../../main/services/platforms/kuaishou/statusTable';
import { youzanChannelStatus } from '../../../main/services/platforms/youzan/statusTable';
import { wechatChannelStatus, wechatRefunding } from '../../../main/services/platforms/wechat/statusTable';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { en } from '../../../renderer/i18n/en';

const cases: [string, (f: Record<string, unknown>) => { channelStatus: string; holds: string[] }, Record<string, unknown>, string, string?][] = [
  ['douyin', douyinChannelStatus, { order_status: 1, main_status: 1 }, 'awaiting_payment'],
  ['douyin', douyinChannelStatus, { order_status: 2, main_status: 2 }, 'paid'],
  ['douyin', douyinChannelStatus, { order_status: 105 }, 'paid'],
  ['douyin', douyinChannelStatus, { order_status: 101 }, 'partially_shipped'],
  ['douyin', douyinChannelStatus, { order_status: 3, main_status: 3 }, 'shipped'],
  ['douyin', douyinChannelStatus, { order_status: 3, main_status: 22 }, 'closed'],
  ['douyin', douyinChannelStatus, { order_status: 5 }, 'completed'],
  ['douyin', douyinChannelStatus, { order_status: 4 }, 'closed'],
  ['pdd', pddChannelStatus, { order_status: 1, confirm_status: 1, risk_control_status: 0, refund_status: 1 }, 'paid'],
  ['pdd', pddChannelStatus, { order_status: 1, confirm_status: 1, risk_control_status: 1, refund_status: 1 }, 'paid', 'platform_risk_control'],
  ['pdd', pddChannelStatus, { order_status: 1, confirm_status: 0 }, 'paid', 'platform_not_confirmed'],
  ['pdd', pddChannelStatus, { order_status: 1, confirm_status: 1, refund_status: 4 }, 'closed'],
  ['pdd', pddChannelStatus, { order_status: 2, confirm_status: 1, refund_status: 4 }, 'shipped'],
  ['pdd', pddChannelStatus, { order_status: 3, confirm_status: 1 }, 'completed'],
  ['pdd', pddChannelStatus, { order_status: 1, confirm_status: 2 }, 'closed'],
  ['jd', jdChannelStatus, { orderState: 'WAIT_SELLER_STOCK_OUT' }, 'paid'],
  ['jd', jdChannelStatus, { orderState: 'LOCKED' }, 'paid', 'platform_locked'],
  ['jd', jdChannelStatus, { orderState: 'POP_ORDER_PAUSE' }, 'paid', 'platform_paused'],
  ['jd', jdChannelStatus, { orderState: 'SEND_TO_DISTRIBUTION_CENER' }, 'shipped'],
  ['jd', jdChannelStatus, { orderState: 'FINISHED_L' }, 'completed'],
  ['jd', jdChannelStatus, { orderState: 'TRADE_CANCELED' }, 'closed'],
  ['kuaishou', kuaishouChannelStatus, { status: 10 }, 'awaiting_payment'],
  ['kuaishou', kuaishouChannelStatus, { status: 30 }, 'paid'],
  ['kuaishou', kuaishouChannelStatus, { status: 40 }, 'shipped'],
  ['kuaishou', kuaishouChannelStatus, { status: 70 }, 'completed'],
  ['kuaishou', kuaishouChannelStatus, { status: 80 }, 'closed'],
  ['youzan', youzanChannelStatus, { status: 'WAIT_BUYER_PAY' }, 'awaiting_payment'],
  ['youzan', youzanChannelStatus, { status: 'WAIT_CONFIRM' }, 'paid', 'platform_awaiting_confirm'],
  ['youzan', youzanChannelStatus, { status: 'TRADE_PAID' }, 'paid'],
  ['youzan', youzanChannelStatus, { status: 'WAIT_BUYER_CONFIRM_GOODS' }, 'shipped'],
  ['youzan', youzanChannelStatus, { status: 'TRADE_SUCCESS' }, 'completed'],
  ['youzan', youzanChannelStatus, { status: 'TRADE_CLOSED' }, 'closed'],
  ['wechat', wechatChannelStatus, { status: 10 }, 'awaiting_payment'],
  ['wechat', wechatChannelStatus, { status: 20 }, 'paid'],
  ['wechat', wechatChannelStatus, { status: 21 }, 'partially_shipped'],
  ['wechat', wechatChannelStatus, { status: 30 }, 'shipped'],
  ['wechat', wechatChannelStatus, { status: 100 }, 'completed'],
  ['wechat', wechatChannelStatus, { status: 250 }, 'closed'],
];

describe('status tables (platforms.md §9)', () => {
  for (const [platform, fn, fields, want, hold] of cases) {
    it(`${platform} ${JSON.stringify(fields)} → ${want}${hold ? ` + ${hold}` : ''}`, () => {
      const d = fn(fields);
      expect(d.channelStatus).toBe(want);
      expect(d.holds).toEqual(hold ? [hold] : []);
    });
  }

  it('says which row decided, with the field values', () => {
    expect(pddChannelStatus({ order_status: 1, confirm_status: 1, risk_control_status: 1 }).reasons)
      .toEqual(['order_status=1 & confirm_status=1 & risk_control_status=1 → paid', 'order_status=1 & confirm_status=1 & risk_control_status=1 → hold platform_risk_control']);
  });

  it('an unknown status is an error naming the fields and where to add a row, never a guess', () => {
    for (const [fn, fields] of [[kuaishouChannelStatus, { status: 0 }], [jdChannelStatus, { orderState: 'NEW_STATE' }], [douyinChannelStatus, { order_status: 99 }]] as const) {
      expect(() => fn(fields)).toThrow(UnknownStatusError);
      expect(() => fn(fields)).toThrow(/no row of the status table matches; add a row/);
    }
    expect(() => pddChannelStatus({ order_status: 1 })).toThrow(/"order_status":1/);
  });

  it('an edited table (settings) decides instead of the shipped one', () => {
    const edited = [{ when: { order_status: ['99'] }, channelStatus: 'paid' as const, hold: 'custom' }, ...DOUYIN_STATUS_TABLE];
    expect(decideStatus('Douyin', edited, { order_status: 99 })).toMatchObject({ channelStatus: 'paid', holds: ['custom'] });
  });

  it('reads the refunding flag from each platform\'s own fields', () => {
    expect(douyinRefunding({ after_sale_status: 6 })).toBe(true);
    expect(douyinRefunding({ after_sale_status: 12, refund_status: 3 })).toBe(false);
    expect(douyinRefunding({ after_sale_status: 0, refund_status: 1 })).toBe(true);
    // buyer-cancelled after-sale keeps refund_status 1 with after_sale_status 28
    expect(douyinRefunding({ after_sale_status: 28, refund_status: 1 })).toBe(false);
    expect(pddRefunding({ refund_status: 2 })).toBe(true);
    expect(pddRefunding({ refund_status: 4 })).toBe(false);
    expect(wechatRefunding({ aftersale_detail: { on_aftersale_order_cnt: 1 } })).toBe(true);
    expect(wechatRefunding({})).toBe(false);
  });

  it('every hold a table can raise has words in both languages', () => {
    const holds = new Set(cases.map((c) => c[4]).filter(Boolean) as string[]);
    for (const h of holds) {
      expect((zhCN as unknown as { hold: Record<string, string> }).hold[h], h).toBeTruthy();
      expect((en as unknown as { hold: Record<string, string> }).hold[h], h).toBeTruthy();
    }
  });
});
