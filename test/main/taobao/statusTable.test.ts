import { describe, expect, it } from 'vitest';
import {
  taobaoChannelStatus, TAOBAO_STATUS_TABLE, UnknownStatusError, type StatusRow,
} from '../../../main/services/platforms/taobao/statusTable';

describe('taobaoChannelStatus', () => {
  // platforms.md §9, Taobao row
  it.each([
    ['TRADE_NO_CREATE_PAY', 'awaiting_payment'],
    ['WAIT_BUYER_PAY', 'awaiting_payment'],
    ['PAY_PENDING', 'awaiting_payment'],
    ['WAIT_PRE_AUTH_CONFIRM', 'awaiting_payment'],
    ['WAIT_SELLER_SEND_GOODS', 'paid'],
    ['PAID_FORBID_CONSIGN', 'paid'],
    ['SELLER_CONSIGNED_PART', 'partially_shipped'],
    ['WAIT_BUYER_CONFIRM_GOODS', 'shipped'],
    ['TRADE_BUYER_SIGNED', 'completed'],
    ['TRADE_FINISHED', 'completed'],
    ['TRADE_CLOSED', 'closed'],
    ['TRADE_CLOSED_BY_TAOBAO', 'closed'],
  ])('%s → %s', (status, channelStatus) => {
    expect(taobaoChannelStatus({ status, orders: [] }).channelStatus).toBe(channelStatus);
  });

  it('holds a paid order Taobao forbids to ship, and only that one', () => {
    expect(taobaoChannelStatus({ status: 'PAID_FORBID_CONSIGN' }).holds).toEqual(['platform_forbid_consign']);
    expect(taobaoChannelStatus({ status: 'WAIT_SELLER_SEND_GOODS' }).holds).toEqual([]);
  });

  it.each(['WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS', 'SELLER_REFUSE_BUYER'])(
    'a line with refund_status %s makes the order refunding, with the line named in the reasons',
    (refund) => {
      const r = taobaoChannelStatus({
        status: 'WAIT_SELLER_SEND_GOODS',
        orders: [{ oid_str: '1001', refund_status: 'NO_REFUND' }, { oid_str: '1002', refund_status: refund }],
      });
      expect(r.refunding).toBe(true);
      expect(r.reasons.join('\n')).toContain(`line 1002 refund_status ${refund}`);
    },
  );

  it.each(['NO_REFUND', 'SUCCESS', 'CLOSED', undefined])('refund_status %s is not an open refund', (refund) => {
    expect(taobaoChannelStatus({ status: 'WAIT_SELLER_SEND_GOODS', orders: [{ oid_str: '1', refund_status: refund }] }).refunding).toBe(false);
  });

  it('refuses a status no row knows, naming it', () => {
    expect(() => taobaoChannelStatus({ status: 'TRADE_TELEPORTED' })).toThrow(UnknownStatusError);
    expect(() => taobaoChannelStatus({ status: 'TRADE_TELEPORTED' })).toThrow(/TRADE_TELEPORTED/);
  });

  it('reads the table as data: the first row whose every field matches wins', () => {
    const table: StatusRow[] = [
      { when: { status: ['WAIT_SELLER_SEND_GOODS'], type: ['step'] }, channelStatus: 'paid', hold: 'presale_wait' },
      ...TAOBAO_STATUS_TABLE,
    ];
    expect(taobaoChannelStatus({ status: 'WAIT_SELLER_SEND_GOODS', type: 'step' }, table).holds).toEqual(['presale_wait']);
    expect(taobaoChannelStatus({ status: 'WAIT_SELLER_SEND_GOODS', type: 'fixed' }, table).holds).toEqual([]);
  });
});
