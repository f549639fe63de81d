// Taobao status → Wharf channelStatus, kept as data (platforms.md §9) so settings can show and
// edit it: each row is a condition over trade fields, the first matching row wins.
import type { ChannelStatus } from '../../../../shared/domain/types';
import { decideStatus, UnknownStatusError, type StatusRow } from '../statusTable';

export { UnknownStatusError, type StatusRow };

export const TAOBAO_STATUS_TABLE: readonly StatusRow[] = [
  { when: { status: ['TRADE_NO_CREATE_PAY', 'WAIT_BUYER_PAY', 'PAY_PENDING', 'WAIT_PRE_AUTH_CONFIRM'] }, channelStatus: 'awaiting_payment' },
  { when: { status: ['WAIT_SELLER_SEND_GOODS'] }, channelStatus: 'paid' },
  // paid, but Taobao forbids shipping (group buy still forming, or consign control)
  { when: { status: ['PAID_FORBID_CONSIGN'] }, channelStatus: 'paid', hold: 'platform_forbid_consign' },
  { when: { status: ['SELLER_CONSIGNED_PART'] }, channelStatus: 'partially_shipped' },
  { when: { status: ['WAIT_BUYER_CONFIRM_GOODS'] }, channelStatus: 'shipped' },
  { when: { status: ['TRADE_BUYER_SIGNED', 'TRADE_FINISHED'] }, channelStatus: 'completed' },
  // TRADE_CLOSED = refunded after payment; TRADE_CLOSED_BY_TAOBAO = closed before payment (never ship)
  { when: { status: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO'] }, channelStatus: 'closed' },
];

/** Line refund states that mean "a refund is open": the order must not ship meanwhile. */
export const TAOBAO_REFUNDING_STATES: readonly string[] = [
  'WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS', 'SELLER_REFUSE_BUYER',
];

export interface TaobaoStatusInput {
  status?: unknown;
  orders?: ReadonlyArray<{ oid_str?: unknown; refund_status?: unknown }>;
  [field: string]: unknown;
}

export interface TaobaoStatusResult {
  channelStatus: ChannelStatus;
  refunding: boolean;
  holds: string[];
  /** why, in words a person can check against the platform's own screen */
  reasons: string[];
}

/** Pure: trade → channel status, refunding flag and channel holds. Throws UnknownStatusError. */
export function taobaoChannelStatus(
  trade: TaobaoStatusInput,
  table: readonly StatusRow[] = TAOBAO_STATUS_TABLE,
  refundingStates: readonly string[] = TAOBAO_REFUNDING_STATES,
): TaobaoStatusResult {
  const { channelStatus, holds, reasons } = decideStatus('Taobao', table, trade);
  let refunding = false;
  for (const line of trade.orders ?? []) {
    const rs = typeof line.refund_status === 'string' ? line.refund_status : '';
    if (refundingStates.includes(rs)) {
      refunding = true;
      reasons.push(`line ${String(line.oid_str ?? '?')} refund_status ${rs} → refunding`);
    }
  }
  return { channelStatus, refunding, holds, reasons };
}
