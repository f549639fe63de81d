// pdd.order.number.list.increment.get / pdd.order.information.get order → NormalizedOrder
// (platforms.md §3.5–3.7). Amounts are yuan (numbers or strings), times Beijing text. PDD has no
// line ids or line payments: a line is named by its sku_id (with a counter when a SKU repeats)
// and the order's goods payment is apportioned over the lines by their totals.
import { allocate } from '../../../../shared/money';
import { isLegacyCipher, maskAddress, maskName, maskPhone, phoneTailOf } from '../privacy';
import { count, decided, finish, flagFrom, idText, list, obj, optional, requiredId, shanghaiTime, text, yuan } from '../mapKit';
import { MapError } from '../types';
import { pddChannelStatus, pddRefunding } from './statusTable';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';

const FLAGS: Record<string, number> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

function receiverPart(v: unknown, mask: (s: string) => string): { cipher?: string; display?: string } {
  const s = text(v);
  if (!s) return {};
  if (isLegacyCipher(s)) return { cipher: s };
  return { display: s.includes('*') ? s : mask(s) };
}

export function mapPddOrder(payload: unknown, shopId: string): NormalizedOrder {
  const o = obj(payload, 'order', 'one entry of order_sn_list or order_info');
  const orderId = requiredId(o.order_sn, 'order_sn', 'every PDD order has an order_sn like "260612-050163945762047"');
  if (!/^\d{6}-\d{6,20}$/.test(orderId)) throw new MapError('order_sn', `"${orderId}" is not a PDD order number (yyMMdd-digits)`);
  const status = decided('order_status', () => pddChannelStatus(o));
  const items = list(o.item_list, 'item_list', 'a PDD order always lists its goods in item_list');
  if (items.length === 0) throw new MapError('item_list', 'is empty: a PDD order always has at least one item');
  const paymentFen = yuan(o.pay_amount, 'pay_amount');
  const postFeeFen = yuan(o.postage, 'postage', 0);
  const used = new Map<string, number>();
  const partial = items.map((it, i) => {
    const at = (f: string) => `item_list[${i}].${f}`;
    const skuId = requiredId(it.sku_id, at('sku_id'), 'each item names its sku_id');
    const n = (used.get(skuId) ?? 0) + 1;
    used.set(skuId, n);
    const qty = count(it.goods_count, at('goods_count'));
    const priceFen = yuan(it.goods_price, at('goods_price'));
    const title = text(it.goods_name);
    if (!title) throw new MapError(at('goods_name'), 'missing: each item has a goods_name');
    return { lineId: n === 1 ? skuId : `${skuId}#${n}`, itemId: idText(it.goods_id, at('goods_id')), platformSkuId: skuId, outerItemId: text(it.outer_goods_id), outerSkuId: text(it.outer_id), title, skuText: text(it.goods_spec) ?? '', qty, priceFen };
  });
  const goodsPaid = Math.max(0, paymentFen - postFeeFen);
  const shares = allocate(goodsPaid, partial.map((l) => l.priceFen * l.qty));
  const tracking = text(o.tracking_number);
  const lines: OrderLine[] = partial.map((l, i) => ({ ...l, paymentFen: shares[i]!, platformStatus: text(o.order_status), refundStatus: text(o.refund_status), trackingNo: tracking, carrier: tracking ? text(o.logistics_id) : undefined }));

  const name = receiverPart(o.receiver_name, maskName);
  const phone = receiverPart(o.receiver_phone, maskPhone);
  const address = receiverPart(o.receiver_address, maskAddress);
  const full = receiverPart(o.address, maskAddress);
  const cipher: Record<string, string> = {};
  if (name.cipher) cipher.name = name.cipher;
  if (phone.cipher) cipher.mobile = phone.cipher;
  if (address.cipher) cipher.address = address.cipher;
  if (full.cipher) cipher.fullAddress = full.cipher;
  const phoneMasked = text(o.receiver_phone_mask) ?? phone.display ?? '';

  return finish({
    platform: 'pdd', shopId, orderId,
    platformStatus: `order_status=${String(o.order_status)} refund_status=${String(o.refund_status ?? '')}`,
    channelStatus: status.channelStatus,
    refunding: pddRefunding(o),
    createdAt: shanghaiTime(o.created_time, 'created_time'),
    paidAt: optional(o.pay_time, (v) => shanghaiTime(v, 'pay_time')),
    modifiedAt: shanghaiTime(o.updated_at, 'updated_at'),
    buyerNick: '',
    receiver: {
      nameMasked: text(o.receiver_name_mask) ?? name.display ?? '',
      phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province: text(o.province) ?? '', city: text(o.city) ?? '', district: text(o.town) ?? '', town: '',
      addressMasked: text(o.receiver_address_mask) ?? address.display ?? '',
      cipher, mergeKey: text(o.open_address_id) ?? '',
    },
    lines,
    totalFen: yuan(o.goods_amount, 'goods_amount', partial.reduce((s, l) => s + l.priceFen * l.qty, 0)),
    paymentFen, postFeeFen,
    discountFen: yuan(o.discount_amount, 'discount_amount', 0),
    buyerMessage: text(o.buyer_memo) ?? '',
    sellerMemo: text(o.remark) ?? '',
    sellerFlag: flagFrom(o.remark_tag, 'remark_tag', FLAGS),
    channelHolds: status.holds,
  });
}
