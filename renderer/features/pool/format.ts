// Small text helpers shared by the pool row and the order detail.
import type { OrderLine, OrderRow, Receiver } from '../../../shared/domain/types';
import { formatFen } from '../../../shared/money';

/** "浙江省 杭州市 西湖区" — province, city, district as the platform gave them. */
export function regionText(r: Pick<Receiver, 'province' | 'city' | 'district'>): string {
  return [r.province, r.city, r.district].filter(Boolean).join(' ');
}

export interface ItemsSummary { first: string; kinds: number; qty: number }

/** The first line as "title ×qty", plus how many kinds and pieces the order holds. */
export function itemsSummary(lines: readonly Pick<OrderLine, 'title' | 'qty'>[]): ItemsSummary {
  const first = lines[0];
  return {
    first: first ? `${first.title} ×${first.qty}` : '',
    kinds: lines.length,
    qty: lines.reduce((a, l) => a + l.qty, 0),
  };
}

/** ¥ with two decimals; money is integer fen everywhere else. */
export function yuan(fen: number): string {
  return `¥${formatFen(fen)}`;
}

/** Holds still in force (a cleared hold stays on the order for the record). */
export function openHolds(row: Pick<OrderRow, 'holds'>) {
  return row.holds.filter((h) => !h.clearedAt);
}

/** True when the buyer or the seller left words someone must read before shipping. */
export function hasNotes(row: Pick<OrderRow, 'buyerMessage' | 'sellerMemo'>): boolean {
  return !!(row.buyerMessage.trim() || row.sellerMemo.trim());
}
