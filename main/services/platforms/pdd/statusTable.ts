// Pinduoduo order status → channelStatus (platforms.md §3.5, §9): four fields together.
// Unpaid orders are not exposed; a deal not yet made (confirm_status 0, group still forming)
// and risk control under review (risk_control_status 1) are "paid, but do not ship".
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const PDD_STATUS_TABLE: readonly StatusRow[] = [
  { when: { confirm_status: ['2'] }, channelStatus: 'closed' },
  // refunded with nothing shipped
  { when: { order_status: ['1'], refund_status: ['4'] }, channelStatus: 'closed' },
  { when: { order_status: ['1'], confirm_status: ['0'] }, channelStatus: 'paid', hold: 'platform_not_confirmed' },
  { when: { order_status: ['1'], confirm_status: ['1'], risk_control_status: ['1'] }, channelStatus: 'paid', hold: 'platform_risk_control' },
  { when: { order_status: ['1'], confirm_status: ['1'] }, channelStatus: 'paid' },
  { when: { order_status: ['2'] }, channelStatus: 'shipped' },
  { when: { order_status: ['3'] }, channelStatus: 'completed' },
];

/** refund_status 2 售后处理中 / 3 退款中 */
export function pddRefunding(f: { refund_status?: unknown }): boolean {
  return ['2', '3'].includes(String(f.refund_status ?? ''));
}

export function pddChannelStatus(fields: StatusFields, table = PDD_STATUS_TABLE) {
  return decideStatus('Pinduoduo', table, fields);
}
