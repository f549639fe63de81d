// jingdong.pop.order.enSearch / search OrderInfo → NormalizedOrder (platforms.md §4.5–4.6, §13.4).
// Amounts are yuan strings, times Beijing text, orderId a number or text (kept exact by the
// client's big-int-safe parse). JD has no line ids or line payments in the list: a line is named
// by its skuId (with a counter when a SKU repeats) and the goods payment is apportioned over the
// lines by their totals. Refunds live in JD's separate after-sale APIs, so `refunding` is false.
import { allocate } from '../../../../shared/money';
import { isLegacyCipher, maskAddress, maskName, maskPhone, phoneTailOf } from '../privacy';
import { count, decided, finish, flagFrom, idText, isObj, list, obj, optional, requiredId, shanghaiTime, text, yuan } from '../mapKit';
import { MapError } from '../types';
import { jdChannelStatus } from './statusTable';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';

/** modifyVenderRemark flag: GRAY 0 (= none), RED 1, YELLOW 2, GREEN 3, BLUE 4, PURPLE 5 — Wharf's own 0–5 */
const FLAGS: Record<string, number> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

/** enSearch gives ciphertext, search gives masked text; plain text is masked before keeping */
function part(v: unknown, mask: (s: string) => string): { cipher?: string; display?: string } {
  const s = text(v);
  if (!s) return {};
  if (isLegacyCipher(s)) return { cipher: s };
  return { display: s.includes('*') ? s : mask(s) };
}

export function mapJdOrder(payload: unknown, shopId: string): NormalizedOrder {
  const o = obj(payload, 'order', 'one entry of orderInfoList');
  const orderId = requiredId(o.orderId, 'orderId', 'every JD order has a numeric orderId');
  if (!/^\d{6,30}$/.test(orderId)) throw new MapError('orderId', `"${orderId}" is not a JD order number (digits only)`);
  const status = decided('orderState', () => jdChannelStatus(o));
  const items = list(o.itemInfoList, 'itemInfoList', 'a JD order always lists its goods in itemInfoList (ask for it in optional_fields)');
  if (items.length === 0) throw new MapError('itemInfoList', 'is empty: a JD order always has at least one item');
  const paymentFen = yuan(o.orderPayment, 'orderPayment');
  const postFeeFen = yuan(o.freightPrice, 'freightPrice', 0);
  const used = new Map<string, number>();
  const partial = items.map((it, i) => {
    const at = (f: string) => `itemInfoList[${i}].${f}`;
    const skuId = requiredId(it.skuId, at('skuId'), 'each item names its skuId');
    const n = (used.get(skuId) ?? 0) + 1;
    used.set(skuId, n);
    const qty = count(it.itemTotal, at('itemTotal'));
    const priceFen = yuan(it.jdPrice, at('jdPrice'));
    const title = text(it.skuName);
    if (!title) throw new MapError(at('skuName'), 'missing: each item has a skuName');
    return { lineId: n === 1 ? skuId : `${skuId}#${n}`, itemId: idText(it.wareId, at('wareId')), platformSkuId: skuId, outerItemId: text(it.productNo), outerSkuId: text(it.outerSkuId), title, skuText: '', qty, priceFen };
  });
  const goodsPaid = Math.max(0, paymentFen - postFeeFen);
  const shares = allocate(goodsPaid, partial.map((l) => l.priceFen * l.qty));
  const tracking = text(o.waybill);
  const state = text(o.orderState);
  const lines: OrderLine[] = partial.map((l, i) => ({ ...l, paymentFen: shares[i]!, platformStatus: state, trackingNo: tracking, carrier: tracking ? text(o.logisticsId) : undefined }));

  if (o.consigneeInfo !== undefined && o.consigneeInfo !== null && !isObj(o.consigneeInfo)) throw new MapError('consigneeInfo', 'expected an object with fullname, mobile, fullAddress…');
  const c = isObj(o.consigneeInfo) ? o.consigneeInfo : {};
  const name = part(c.fullname, maskName);
  const mobile = part(c.mobile, maskPhone);
  const phone = part(c.telephone, maskPhone);
  const address = part(c.fullAddress, maskAddress);
  const cipher: Record<string, string> = {};
  if (name.cipher) cipher.name = name.cipher;
  if (mobile.cipher) cipher.mobile = mobile.cipher;
  if (phone.cipher) cipher.phone = phone.cipher;
  if (address.cipher) cipher.fullAddress = address.cipher;
  const phoneMasked = text(c.desen_mobile) ?? mobile.display ?? '';

  return finish({
    platform: 'jd', shopId, orderId,
    platformStatus: `orderState=${String(o.orderState)}`,
    channelStatus: status.channelStatus,
    refunding: false,
    createdAt: shanghaiTime(o.orderStartTime, 'orderStartTime'),
    paidAt: optional(o.paymentConfirmTime, (v) => shanghaiTime(v, 'paymentConfirmTime')),
    modifiedAt: shanghaiTime(o.modified, 'modified'),
    buyerNick: text(o.pin) ?? '',
    buyerOpenId: text(o.open_id_buyer),
    receiver: {
      nameMasked: name.display ?? '', phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province: text(c.province) ?? '', city: text(c.city) ?? '', district: text(c.county) ?? '', town: text(c.town) ?? '',
      addressMasked: address.display ?? '',
      cipher, mergeKey: text(o.oaid) ?? '',
    },
    lines,
    totalFen: yuan(o.orderTotalPrice, 'orderTotalPrice', partial.reduce((s, l) => s + l.priceFen * l.qty, 0)),
    paymentFen, postFeeFen,
    discountFen: yuan(o.sellerDiscount, 'sellerDiscount', 0),
    buyerMessage: text(o.orderRemark) ?? '',
    sellerMemo: text(o.venderRemark) ?? '',
    sellerFlag: flagFrom(o.venderRemarkFlag, 'venderRemarkFlag', FLAGS),
    channelHolds: status.holds,
  });
}
