// What both presets read off an order row: its open rule holds in rule order, where each line
// ships from, which SKU it is, and times in China time.
import { RULE_IDS, type RuleId } from '../../../shared/decide';
import type { Hold, OrderLine, OrderRow } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';

/** 2026-11-25T20:30:00+08:00 (empty when there is no time) */
export const isoShanghai = (ms: number | undefined) => (ms === undefined ? '' : `${formatShanghai(ms).replace(' ', 'T')}+08:00`);

const ruleIndex = (code: string) => RULE_IDS.indexOf(code as RuleId);

/** Rule holds nobody cleared, r1…r12 in rule-id order, one per rule. */
export function openRuleHolds(row: Pick<OrderRow, 'holds'>): Hold[] {
  const seen = new Set<string>();
  return row.holds
    .filter((h) => h.source === 'rule' && !h.clearedBy && ruleIndex(h.code) >= 0 && !seen.has(h.code) && (seen.add(h.code), true))
    .sort((a, b) => ruleIndex(a.code) - ruleIndex(b.code));
}

/** Every hold nobody cleared (channel and manual too), for people. */
export const openHolds = (row: Pick<OrderRow, 'holds'>) => row.holds.filter((h) => !h.clearedBy);

export const holdMessage = (h: Hold) => (typeof h.values.message === 'string' ? h.values.message : '');

/** The warehouse of the allocation part holding this line (empty when not allocated). */
export function warehouseOf(row: OrderRow, lineId: string): string {
  return row.decision?.allocation?.parts.find((p) => p.lineIds.includes(lineId))?.warehouse ?? '';
}

export function skuOf(row: OrderRow, lineId: string): string {
  return row.decision?.lines.find((l) => l.lineId === lineId)?.sku ?? '';
}

export const outerIdOf = (l: OrderLine) => l.outerSkuId || l.outerItemId || '';

/** The receiver's region as the pipeline saw it: a staff correction wins over the platform's. */
export function regionOf(row: OrderRow): string {
  const r = row.addressEdit ?? row.receiver;
  return [r.province, r.city, r.district].filter(Boolean).join(' ');
}

/** The order's lines, or one empty stand-in so an order without lines still gets its row. */
export const linesOrBlank = (row: OrderRow): Array<OrderLine | undefined> => (row.lines.length ? row.lines : [undefined]);
