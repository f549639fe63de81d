// Douyin 抖店 order status → channelStatus (platforms.md §2.5, §9): order_status, with
// main_status for the refund-completed closes (21 before, 22 after shipping, 39 after receipt).
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const DOUYIN_STATUS_TABLE: readonly StatusRow[] = [
  { when: { main_status: ['21', '22', '39'] }, channelStatus: 'closed' },
  { when: { order_status: ['1'] }, channelStatus: 'awaiting_payment' },
  { when: { main_status: ['103'] }, channelStatus: 'awaiting_payment' },
  { when: { order_status: ['105', '2'] }, channelStatus: 'paid' },
  { when: { order_status: ['101'] }, channelStatus: 'partially_shipped' },
  { when: { order_status: ['3'] }, channelStatus: 'shipped' },
  { when: { order_status: ['5'] }, channelStatus: 'completed' },
  { when: { order_status: ['4'] }, channelStatus: 'closed' },
];

/** after_sale_status values of an after-sale still in progress */
export const DOUYIN_AFTERSALE_OPEN = ['6', '7', '11', '13', '14'];

/**
 * A refund is open: an after-sale in progress, or refund_status 1 (待退款) — except the
 * buyer-cancelled case, which keeps after_sale_status 28 with refund_status 1.
 */
export function douyinRefunding(f: { after_sale_status?: unknown; refund_status?: unknown }): boolean {
  const as = String(f.after_sale_status ?? '');
  if (DOUYIN_AFTERSALE_OPEN.includes(as)) return true;
  return String(f.refund_status ?? '') === '1' && as !== '28';
}

export function douyinChannelStatus(fields: StatusFields, table = DOUYIN_STATUS_TABLE) {
  return decideStatus('Douyin', table, fields);
}
