// Builds the NormalizedOrder of a manual order (own channel) from what the form holds. Pure, so
// the form's rules (what is required, how ids and money are made) are tested without a screen.
import { OWN_CHANNEL, type NormalizedOrder } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import { phoneTailOf } from '../../../shared/mask';

export const MANUAL_KINDS = ['reship', 'gift', 'phone', 'offline'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

export interface ManualLine { sku: string; title: string; spec: string; qty: number; priceFen: number }
export interface ManualDraft {
  kind: ManualKind;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  lines: ManualLine[];
  memo: string;
  paid: boolean;
}

export class ManualOrderError extends Error {
  constructor(readonly field: 'receiver' | 'items', message: string) { super(message); }
}

/** "M" + Beijing time to the second + 3 digits: readable on a phone call, unique per PC in practice. */
export function manualOrderId(now: number, rand: () => number = Math.random): string {
  return `M${formatShanghai(now).replace(/\D/g, '')}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
}

export function buildManualOrder(d: ManualDraft, shopId: string, now: number, orderId = manualOrderId(now)): NormalizedOrder {
  if (!d.name.trim() || !d.phone.trim() || !d.province.trim() || !d.detail.trim()) throw new ManualOrderError('receiver', 'receiver, phone, province and street are needed');
  const lines = d.lines.filter((l) => l.qty > 0);
  if (!lines.length) throw new ManualOrderError('items', 'add at least one item');
  // a gift or a reship costs the buyer nothing: its lines are paid 0
  const free = d.kind === 'gift' || d.kind === 'reship';
  const total = lines.reduce((s, l) => s + l.priceFen * l.qty, 0);
  const paid = free ? 0 : total;
  return {
    platform: OWN_CHANNEL,
    shopId,
    orderId,
    platformStatus: d.kind,
    channelStatus: d.paid || free ? 'paid' : 'awaiting_payment',
    refunding: false,
    createdAt: now,
    ...(d.paid || free ? { paidAt: now } : {}),
    modifiedAt: now,
    buyerNick: '',
    receiver: {
      // staff typed these for shipping; nothing here was decrypted from a platform
      nameMasked: d.name.trim(), phoneMasked: d.phone.trim(), phoneTail: phoneTailOf(d.phone.replace(/\s/g, '')),
      province: d.province.trim(), city: d.city.trim(), district: d.district.trim(), town: '', addressMasked: d.detail.trim(), cipher: {}, mergeKey: '',
    },
    lines: lines.map((l, i) => ({
      lineId: `${orderId}-${i + 1}`, outerSkuId: l.sku, title: l.title, skuText: l.spec, qty: l.qty,
      priceFen: l.priceFen, paymentFen: free ? 0 : l.priceFen * l.qty,
    })),
    totalFen: total,
    paymentFen: paid,
    postFeeFen: 0,
    discountFen: free ? total : 0,
    buyerMessage: '',
    sellerMemo: d.memo.trim(),
    sellerFlag: 0,
    channelHolds: [],
  };
}
