// open.order.cursor.list / open.order.detail order → NormalizedOrder (platforms.md §5.5–5.6,
// §13.5). Amounts are fen integers, times epoch ms (0 = not yet), ids longs (kept as text by the
// client's parser). A line's payment is its price × num less its own discountFee, so lines add up
// to totalFee − expressFee without apportioning.
import { isLegacyCipher, phoneTailOf } from '../privacy';
import { count, decided, fen, finish, flagFrom, idText, isObj, list, obj, optional, requiredId, text, unixMs } from '../mapKit';
import { MapError } from '../types';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';
import { carrierCodeOfKuaishou } from './carriers';
import { kuaishouChannelStatus } from './statusTable';
import { KUAISHOU_FLAG_GREY, KUAISHOU_REFUND } from './wire';

/** Kuaishou 1–5 are Wharf's colours; GREY (6) is Kuaishou's "no colour" once flagged (§13.5) */
const FLAGS: Record<string, number> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, [String(KUAISHOU_FLAG_GREY)]: 0 };

function cipherOf(v: unknown, where: string): string | undefined {
  const s = text(v);
  if (s !== undefined && !isLegacyCipher(s)) throw new MapError(where, 'is not receiver ciphertext; Kuaishou never sends the plain receiver in order lists');
  return s;
}

export function mapKuaishouOrder(payload: unknown, shopId: string): NormalizedOrder {
  const o = obj(payload, 'order', 'one entry of orderList or the data of open.order.detail');
  const orderId = requiredId(o.oid, 'oid', 'every Kuaishou order has a numeric oid');
  if (!/^\d{6,20}$/.test(orderId)) throw new MapError('oid', `"${orderId}" is not a Kuaishou order number (digits)`);
  const status = decided('status', () => kuaishouChannelStatus(o));
  const items = list(o.orderItemList, 'orderItemList', 'a Kuaishou order lists its goods in orderItemList');
  if (items.length === 0) throw new MapError('orderItemList', 'is empty: a Kuaishou order always has at least one item');

  const parcels = Array.isArray(o.logisticsInfo) ? o.logisticsInfo.filter(isObj) : [];
  // with one parcel every line left in it; with several, Kuaishou does not say which line went where
  const only = parcels.length === 1 ? parcels[0]! : undefined;
  const tracking = only ? text(only.expressNo) : undefined;
  const carrier = only && tracking ? (typeof only.expressCode === 'number' ? carrierCodeOfKuaishou(only.expressCode) : undefined) ?? text(only.expressCode) : undefined;

  const lines: OrderLine[] = items.map((it, i) => {
    const at = (f: string) => `orderItemList[${i}].${f}`;
    const qty = count(it.num, at('num'));
    const priceFen = fen(it.price, at('price'));
    const discount = fen(it.discountFee, at('discountFee'), 0);
    const title = text(it.itemTitle);
    if (!title) throw new MapError(at('itemTitle'), 'missing: each item has an itemTitle');
    return {
      lineId: requiredId(it.orderItemId, at('orderItemId'), 'each item has its orderItemId'),
      itemId: idText(it.itemId, at('itemId')), platformSkuId: idText(it.skuId, at('skuId')),
      outerItemId: text(it.relItemId), outerSkuId: text(it.relSkuId),
      title, skuText: text(it.skuDesc) ?? '', qty, priceFen, paymentFen: priceFen * qty - discount,
      platformStatus: text(o.status), refundStatus: text(it.refundStatus), trackingNo: tracking, carrier,
    };
  });

  const phoneMasked = text(o.desensitiseMobile) ?? '';
  const cipher: Record<string, string> = {};
  const name = cipherOf(o.encryptedConsignee, 'encryptedConsignee');
  const mobile = cipherOf(o.encryptedMobile, 'encryptedMobile');
  const address = cipherOf(o.encryptedAddress, 'encryptedAddress');
  if (name) cipher.name = name;
  if (mobile) cipher.mobile = mobile;
  if (address) cipher.address = address;

  return finish({
    platform: 'kuaishou', shopId, orderId,
    platformStatus: `status=${String(o.status)}`,
    channelStatus: status.channelStatus,
    refunding: items.some((it) => String(it.refundStatus ?? '') === String(KUAISHOU_REFUND.open)),
    createdAt: unixMs(o.createTime, 'createTime'),
    paidAt: optional(o.payTime, (v) => unixMs(v, 'payTime')),
    modifiedAt: unixMs(o.updateTime, 'updateTime'),
    buyerNick: text(o.buyerNick) ?? '',
    buyerOpenId: text(o.buyerOpenId),
    receiver: {
      nameMasked: text(o.desensitiseConsignee) ?? '', phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province: text(o.province) ?? '', city: text(o.city) ?? '', district: text(o.district) ?? '', town: text(o.town) ?? '',
      addressMasked: text(o.desensitiseAddress) ?? '',
      // Kuaishou's merge key is UNCONFIRMED (§11): none is invented
      cipher, mergeKey: '',
    },
    lines,
    totalFen: lines.reduce((s, l) => s + l.priceFen * l.qty, 0),
    paymentFen: fen(o.totalFee, 'totalFee'),
    postFeeFen: fen(o.expressFee, 'expressFee', 0),
    discountFen: fen(o.discountFee, 'discountFee', 0),
    buyerMessage: text(o.remark) ?? '',
    sellerMemo: text(o.sellerNote) ?? '',
    sellerFlag: flagFrom(o.sellerFlag, 'sellerFlag', FLAGS),
    channelHolds: status.holds,
  });
}
