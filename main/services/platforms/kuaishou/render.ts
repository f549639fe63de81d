// Simulator side: the neutral order as open.order.cursor.list / open.order.detail return it
// (platforms.md §5.5–5.7, §13.5). Fen integers, epoch-ms times (0 = not yet), status codes
// 10/30/40/70/80, receiver as ciphertext plus desensitised text, the seller note and flag, and one
// logistics entry per parcel. The flat field layout is UNCONFIRMED beyond the names §5.6 lists.
// Ids stay digit text here (the admin API can serialise it); kuaishouJson() makes them longs.
import { encryptLegacy, maskAddress, maskName, maskPhone } from '../privacy';
import type { SimOrder } from '../simkit/model';
import { kuaishouExpressCode } from './carriers';
import { KUAISHOU_REFUND } from './wire';

/** The one status code Kuaishou shows (§5.5). Partial shipping has no code of its own (§9). */
export function kuaishouStatusOf(o: SimOrder): number {
  switch (o.state) {
    case 'unpaid': return 10;
    case 'paid': case 'partial': return 30;
    case 'shipped': return 40;
    case 'completed': return 70;
    case 'closed': return 80;
  }
}

/** the shop-scoped key the simulator's stand-in cipher uses (format UNCONFIRMED, §5.6) */
export const kuaishouCipherKey = (shopId: string) => `ks:${shopId}`;

export function kuaishouCiphers(o: SimOrder, shopId: string): { encryptedConsignee: string; encryptedMobile: string; encryptedAddress: string } {
  const r = o.receiver;
  const key = kuaishouCipherKey(shopId);
  return { encryptedConsignee: encryptLegacy('text', r.name, key), encryptedMobile: encryptLegacy('phone', r.phone, key), encryptedAddress: encryptLegacy('text', r.detail, key) };
}

export function renderKuaishouOrder(o: SimOrder, scope: { shopId: string }): Record<string, unknown> {
  const r = o.receiver;
  const parcels = new Map<string, { expressNo: string; expressCode: number; sendTime: number }>();
  for (const l of o.lines) {
    if (l.trackingNo && !parcels.has(l.trackingNo)) parcels.set(l.trackingNo, { expressNo: l.trackingNo, expressCode: kuaishouExpressCode(l.carrierCode ?? '') ?? 0, sendTime: l.shippedAt ?? 0 });
  }
  const out: Record<string, unknown> = {
    oid: o.orderId,
    status: kuaishouStatusOf(o),
    createTime: o.createdAt,
    updateTime: o.modifiedAt,
    payTime: o.paidAt ?? 0,
    sendTime: o.shippedAt ?? 0,
    recvTime: o.completedAt ?? 0,
    totalFee: o.paymentFen,
    expressFee: o.postFeeFen,
    discountFee: o.discountFen,
    buyerOpenId: o.buyerOpenId,
    buyerNick: o.buyerNick,
    remark: o.buyerMessage,
    // read-side names of what open.seller.order.note.add wrote: UNCONFIRMED (§13.5)
    sellerNote: o.sellerMemo,
    sellerFlag: o.sellerFlag,
    orderItemList: o.lines.map((l) => ({
      orderItemId: l.lineId, itemId: l.itemId, skuId: l.skuId, relItemId: l.outerItemId, relSkuId: l.outerSkuId,
      itemTitle: l.title, skuDesc: l.skuText, num: l.qty, price: l.priceFen, originalPrice: l.priceFen, discountFee: l.discountFen,
      refundStatus: KUAISHOU_REFUND[l.refund === 'rejected' ? 'closed' : l.refund], refundId: l.refundId ?? '0',
    })),
    province: r.province, city: r.city, district: r.district, town: r.town ?? '',
    ...kuaishouCiphers(o, scope.shopId),
    desensitiseConsignee: maskName(r.name),
    desensitiseMobile: maskPhone(r.phone),
    desensitiseAddress: maskAddress(r.detail),
    logisticsInfo: [...parcels.values()],
  };
  return { ...out, ...o.overrides };
}
