// /channels/ec/order/get `order` → NormalizedOrder (platforms.md §7.2–7.3, §9). Money is integer
// fen, times unix seconds, ids text. WeChat has no line ids: a line is named by its sku_id (with a
// counter when a SKU repeats) — the same name ship() uses to find product_id/sku_id again. The
// receiver arrives masked (plaintext only through sensitiveinfo/decode), so there is no cipher;
// hash_code, the shop-scoped address id, is the merge key.
import { allocate } from '../../../../shared/money';
import { maskAddress, maskName, maskPhone, phoneTailOf } from '../privacy';
import { count, decided, fen, finish, idText, list, obj, optional, requiredId, text, unixSeconds, type Obj } from '../mapKit';
import { MapError } from '../types';
import { wechatChannelStatus, wechatRefunding } from './statusTable';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';

/** an optional sub-object: absent is {}, anything but an object is a MapError */
function sub(v: unknown, where: string): Obj {
  if (v === undefined || v === null) return {};
  return obj(v, where, 'an object when present');
}

const masked = (v: unknown, mask: (s: string) => string) => {
  const s = text(v);
  return !s ? '' : s.includes('*') ? s : mask(s);
};

function skuText(attrs: unknown, where: string): string {
  if (attrs === undefined || attrs === null) return '';
  return list(attrs, where, 'sku_attrs is a list of {attr_key, attr_value}')
    .map((a) => (text(a.attr_key) ? `${text(a.attr_key)}:${text(a.attr_value) ?? ''}` : text(a.attr_value) ?? ''))
    .filter(Boolean).join(';');
}

/** sku_id → the parcel that carries it (delivery_product_info[].product_infos) */
function parcelsBySku(v: unknown): Map<string, { waybill?: string; carrier?: string }> {
  const out = new Map<string, { waybill?: string; carrier?: string }>();
  if (v === undefined || v === null) return out;
  list(v, 'order_detail.delivery_info.delivery_product_info', 'a list of parcels').forEach((p, i) => {
    const where = `order_detail.delivery_info.delivery_product_info[${i}]`;
    const parcel = { waybill: text(p.waybill_id), carrier: text(p.delivery_id) };
    const items = p.product_infos === undefined ? [] : list(p.product_infos, `${where}.product_infos`, 'the goods in this parcel');
    for (const [j, it] of items.entries()) {
      const sku = idText(it.sku_id, `${where}.product_infos[${j}].sku_id`);
      if (sku && !out.has(sku)) out.set(sku, parcel);
    }
  });
  return out;
}

export function mapWechatOrder(payload: unknown, shopId: string): NormalizedOrder {
  const o = obj(payload, 'order', 'the `order` of a /channels/ec/order/get answer');
  const orderId = requiredId(o.order_id, 'order_id', 'every WeChat Channels order has an order_id (a uint64 as text)');
  if (!/^\d{1,20}$/.test(orderId)) throw new MapError('order_id', `"${orderId}" is not a WeChat Channels order id (digits only)`);
  const status = decided('status', () => wechatChannelStatus(o));
  const detail = obj(o.order_detail, 'order_detail', 'every order carries its order_detail');
  const items = list(detail.product_infos, 'order_detail.product_infos', 'a WeChat order always lists its goods');
  if (items.length === 0) throw new MapError('order_detail.product_infos', 'is empty: an order always has at least one product');
  const price = obj(detail.price_info, 'order_detail.price_info', 'the order\'s amounts in fen');
  const paymentFen = fen(price.order_price, 'order_detail.price_info.order_price');
  const postFeeFen = fen(price.freight, 'order_detail.price_info.freight', 0);
  const delivery = sub(detail.delivery_info, 'order_detail.delivery_info');
  const parcels = parcelsBySku(delivery.delivery_product_info);
  const aftersale = sub(o.aftersale_detail, 'aftersale_detail');

  const used = new Map<string, number>();
  const partial = items.map((it, i) => {
    const at = (f: string) => `order_detail.product_infos[${i}].${f}`;
    const skuId = requiredId(it.sku_id, at('sku_id'), 'each product names its sku_id');
    const n = (used.get(skuId) ?? 0) + 1;
    used.set(skuId, n);
    const title = text(it.title);
    if (!title) throw new MapError(at('title'), 'missing: each product has a title');
    const onAftersale = count(it.on_aftersale_sku_cnt ?? 0, at('on_aftersale_sku_cnt'));
    const doneAftersale = count(it.finish_aftersale_sku_cnt ?? 0, at('finish_aftersale_sku_cnt'));
    return {
      lineId: n === 1 ? skuId : `${skuId}#${n}`, itemId: idText(it.product_id, at('product_id')), platformSkuId: skuId,
      outerItemId: text(it.out_product_id), outerSkuId: text(it.sku_code) ?? text(it.out_sku_id), title,
      skuText: skuText(it.sku_attrs, at('sku_attrs')), qty: count(it.sku_cnt, at('sku_cnt')), priceFen: fen(it.sale_price, at('sale_price')),
      realFen: it.real_price === undefined ? undefined : fen(it.real_price, at('real_price')),
      refundStatus: onAftersale > 0 ? 'on_aftersale' : doneAftersale > 0 ? 'finish_aftersale' : undefined,
    };
  });
  // real_price is the line's payment after discounts; without it on every line, share the goods payment
  const goodsPaid = Math.max(0, paymentFen - postFeeFen);
  const shares = partial.every((l) => l.realFen !== undefined) ? partial.map((l) => l.realFen!) : allocate(goodsPaid, partial.map((l) => l.priceFen * l.qty));
  const lines: OrderLine[] = partial.map(({ realFen: _r, ...l }, i) => {
    const parcel = parcels.get(l.platformSkuId);
    return { ...l, paymentFen: shares[i]!, platformStatus: String(o.status), trackingNo: parcel?.waybill, carrier: parcel?.waybill ? parcel.carrier : undefined };
  });

  const addr = sub(delivery.address_info, 'order_detail.delivery_info.address_info');
  const telExt = sub(addr.tel_number_ext_info, 'order_detail.delivery_info.address_info.tel_number_ext_info');
  // the real number's mask carries the tail; a virtual number is per order and never an identity
  const phoneMasked = masked(telExt.real_tel_number ?? addr.tel_number, maskPhone);
  const ext = sub(detail.ext_info, 'order_detail.ext_info');
  const pay = sub(detail.pay_info, 'order_detail.pay_info');

  return finish({
    platform: 'wechat', shopId, orderId,
    platformStatus: `status=${String(o.status)}`,
    channelStatus: status.channelStatus,
    refunding: wechatRefunding({ aftersale_detail: { on_aftersale_order_cnt: count(aftersale.on_aftersale_order_cnt ?? 0, 'aftersale_detail.on_aftersale_order_cnt') } }),
    createdAt: unixSeconds(o.create_time, 'create_time'),
    paidAt: optional(pay.pay_time, (v) => unixSeconds(v, 'order_detail.pay_info.pay_time')),
    modifiedAt: unixSeconds(o.update_time, 'update_time'),
    buyerNick: '',
    buyerOpenId: text(o.openid),
    receiver: {
      nameMasked: masked(addr.user_name, maskName),
      phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province: text(addr.province_name) ?? '', city: text(addr.city_name) ?? '', district: text(addr.county_name) ?? '', town: '',
      addressMasked: masked(`${text(addr.detail_info) ?? ''}${text(addr.house_number) ?? ''}`, maskAddress),
      cipher: {},
      mergeKey: text(addr.hash_code) ?? '',
    },
    lines,
    totalFen: fen(price.product_price, 'order_detail.price_info.product_price', partial.reduce((s, l) => s + l.priceFen * l.qty, 0)),
    paymentFen, postFeeFen,
    discountFen: fen(price.discounted_price, 'order_detail.price_info.discounted_price', 0),
    buyerMessage: text(ext.customer_notes) ?? '',
    sellerMemo: text(ext.merchant_notes) ?? '',
    // WeChat's order/get shows no flag (merchant_notes_tag_color's enum is UNCONFIRMED, §13.7)
    sellerFlag: 0,
    channelHolds: status.holds,
  });
}
