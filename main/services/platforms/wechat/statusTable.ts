// WeChat Channels shop order status → channelStatus (platforms.md §7.2, §9); 200 as a close
// is UNCONFIRMED (kept as a row that settings can change).
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const WECHAT_STATUS_TABLE: readonly StatusRow[] = [
  { when: { status: ['10'] }, channelStatus: 'awaiting_payment' },
  { when: { status: ['20'] }, channelStatus: 'paid' },
  { when: { status: ['21'] }, channelStatus: 'partially_shipped' },
  { when: { status: ['30'] }, channelStatus: 'shipped' },
  { when: { status: ['100'] }, channelStatus: 'completed' },
  { when: { status: ['250', '200'] }, channelStatus: 'closed' },
];

/** an after-sale is open while aftersale_detail.on_aftersale_order_cnt > 0 */
export function wechatRefunding(order: { aftersale_detail?: { on_aftersale_order_cnt?: unknown } }): boolean {
  return Number(order.aftersale_detail?.on_aftersale_order_cnt ?? 0) > 0;
}

export function wechatChannelStatus(fields: StatusFields, table = WECHAT_STATUS_TABLE) {
  return decideStatus('WeChat Channels', table, fields);
}
