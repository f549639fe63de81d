// Youzan main status → channelStatus (platforms.md §6.3, §9). WAIT_CONFIRM (group forming /
// awaiting acceptance) is paid but must not ship.
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const YOUZAN_STATUS_TABLE: readonly StatusRow[] = [
  { when: { status: ['WAIT_BUYER_PAY'] }, channelStatus: 'awaiting_payment' },
  { when: { status: ['WAIT_CONFIRM'] }, channelStatus: 'paid', hold: 'platform_awaiting_confirm' },
  { when: { status: ['TRADE_PAID', 'WAIT_SELLER_SEND_GOODS'] }, channelStatus: 'paid' },
  { when: { status: ['WAIT_BUYER_CONFIRM_GOODS'] }, channelStatus: 'shipped' },
  { when: { status: ['TRADE_SUCCESS'] }, channelStatus: 'completed' },
  { when: { status: ['TRADE_CLOSED'] }, channelStatus: 'closed' },
];

export function youzanChannelStatus(fields: StatusFields, table = YOUZAN_STATUS_TABLE) {
  return decideStatus('Youzan', table, fields);
}
