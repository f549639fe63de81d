// Small text helpers shared by the review cards.
import type { OrderRow, Receiver } from '../../../shared/domain/types';
import type { LineDecision } from '../../../shared/decide/types';
import { formatFen } from '../../../shared/money';

export const paidTime = (r: Pick<OrderRow, 'paidAt' | 'createdAt'>) => r.paidAt ?? r.createdAt;

export const yuan = (fen: number) => `¥${formatFen(fen)}`;

/** The receiver as the pipeline sees it: a staff correction wins over the platform view. */
export function effectiveReceiver(row: Pick<OrderRow, 'receiver' | 'addressEdit'>): Pick<Receiver, 'nameMasked' | 'phoneMasked' | 'province' | 'city' | 'district' | 'addressMasked'> {
  const e = row.addressEdit;
  return e ? { ...row.receiver, province: e.province, city: e.city, district: e.district, addressMasked: e.detail } : row.receiver;
}

export const regionOf = (r: Pick<Receiver, 'province' | 'city' | 'district'>) => [r.province, r.city, r.district].filter(Boolean).join(' ');

/** The mapped SKU per line id, where the decision found one. */
export function skuByLine(row: Pick<OrderRow, 'decision'>): Map<string, LineDecision> {
  return new Map((row.decision?.lines ?? []).map((l) => [l.lineId, l]));
}
