// Kuaishou order status → channelStatus (platforms.md §5.5, §9). 0 (未知) has no row on
// purpose: such an order goes to quarantine with its payload rather than guessing. Partial
// shipping and the refund enum are UNCONFIRMED: add rows in settings when they are known.
import { decideStatus, type StatusFields, type StatusRow } from '../statusTable';

export const KUAISHOU_STATUS_TABLE: readonly StatusRow[] = [
  { when: { status: ['10'] }, channelStatus: 'awaiting_payment' },
  { when: { status: ['30'] }, channelStatus: 'paid' },
  { when: { status: ['40'] }, channelStatus: 'shipped' },
  { when: { status: ['50', '70'] }, channelStatus: 'completed' },
  { when: { status: ['80'] }, channelStatus: 'closed' },
];

export function kuaishouChannelStatus(fields: StatusFields, table = KUAISHOU_STATUS_TABLE) {
  return decideStatus('Kuaishou', table, fields);
}
