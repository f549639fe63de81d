// Why an order is held, in the words of the review desk: every open hold belongs to one reason
// (a rule r1–r12, a person's hold, or the platform's own status), with the sentence to read.
import type { TFunction } from 'i18next';
import type { Hold, OrderRow } from '../../../shared/domain/types';
import { RULE_IDS } from '../../../shared/decide/settings';

export const MANUAL = 'manual';
export const CHANNEL = 'channel';
/** Filter chips in this order: the rules, then a person's holds, then the platform's. */
export const REASONS: readonly string[] = [...RULE_IDS, MANUAL, CHANNEL];

/** A hold stays on the order once cleared (for the record); only uncleared ones block. */
export const isOpen = (h: Hold) => !h.clearedBy && !h.clearedAt;
export const openHolds = (row: Pick<OrderRow, 'holds'>) => row.holds.filter(isOpen);

export function reasonOf(h: Hold): string {
  if (h.source === 'channel') return CHANNEL;
  if (h.source === 'manual' || h.code === MANUAL) return MANUAL;
  return h.code;
}

export const reasonsOf = (row: Pick<OrderRow, 'holds'>) => new Set(openHolds(row).map(reasonOf));

/** Short name: "高额订单", "人工挂起", "平台挂起". */
export function reasonName(reason: string, t: TFunction): string {
  if (reason === CHANNEL) return t('review.reason.channel');
  return t(`review.rule.${reason}`, { defaultValue: reason });
}

/** The sentence a reviewer reads: the rule's message, the person's reason, the platform status. */
export function holdSentence(h: Hold, t: TFunction): string {
  if (h.source === 'channel') return t(`hold.${h.code}`, { defaultValue: h.code });
  if (reasonOf(h) === MANUAL) return String(h.values.reason ?? '');
  return String(h.values.message ?? '');
}

/** Only the platform can release these; approving leaves them in place. */
export const hasChannelHold = (row: Pick<OrderRow, 'holds'>) => openHolds(row).some((h) => h.source === 'channel');

/** "r1 高额订单" for a rule, the plain name for a person's or the platform's hold. */
export const reasonLabel = (reason: string, t: TFunction) => (reason === MANUAL || reason === CHANNEL ? reasonName(reason, t) : `${reason} ${reasonName(reason, t)}`);
