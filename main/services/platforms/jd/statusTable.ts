// JD orderState → channelStatus (platforms.md §4.5, §9). Unpaid orders are not returned by the
// search; locked and paused orders are paid but must not ship. After-sales live in separate
// APIs (UNCONFIRMED), so the refunding flag comes from those once they are wired.
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const JD_STATUS_TABLE: readonly StatusRow[] = [
  { when: { orderState: ['WAIT_SELLER_STOCK_OUT', 'WAIT_SELLER_DELIVERY'] }, channelStatus: 'paid' },
  { when: { orderState: ['LOCKED'] }, channelStatus: 'paid', hold: 'platform_locked' },
  { when: { orderState: ['PAUSE', 'POP_ORDER_PAUSE'] }, channelStatus: 'paid', hold: 'platform_paused' },
  { when: { orderState: ['WAIT_GOODS_RECEIVE_CONFIRM', 'SEND_TO_DISTRIBUTION_CENER', 'DISTRIBUTION_CENTER_RECEIVED'] }, channelStatus: 'shipped' },
  { when: { orderState: ['FINISHED_L', 'RECEIPTS_CONFIRM'] }, channelStatus: 'completed' },
  { when: { orderState: ['TRADE_CANCELED'] }, channelStatus: 'closed' },
];

export function jdChannelStatus(fields: StatusFields, table = JD_STATUS_TABLE) {
  return decideStatus('JD', table, fields);
}
