// Simulator side: the neutral order as /channels/ec/order/get returns it (platforms.md §7.2–7.3,
// `skit-wx` ChannelsECOrderGetResponse): order_id as text, numeric status, unix-second times,
// money in integer fen, the receiver masked (plaintext only through sensitiveinfo/decode), some
// orders on a virtual number, and hash_code as the shop-scoped address id (the merge key).
import { sha256Hex } from '../../../../shared/hash';
import { maskAddress, maskName, maskPhone } from '../privacy';
import { createRng } from '../simkit/prng';
import type { SimLine, SimOrder } from '../simkit/model';
import { wechatDeliveryId } from './carriers';

const s = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

/** 10 待付款, 20 待发货, 21 部分发货, 30 待收货, 100 完成, 250 未付款取消, 200 全部售后后取消 (UNCONFIRMED). */
export function wechatStatusCode(o: SimOrder): number {
  switch (o.state) {
    case 'unpaid': return 10;
    case 'paid': return 20; // WeChat has no "paid but on hold" status: a held order still shows 待发货
    case 'partial': return 21;
    case 'shipped': return 30;
    case 'completed': return 100;
    case 'closed': return o.closedBy === 'unpaid' || o.paidAt === undefined ? 250 : 200;
  }
}

/** "颜色分类:奶白;适用床尺寸:1.5m" → sku_attrs */
function skuAttrs(text: string): Array<{ attr_key: string; attr_value: string }> {
  return text.split(';').filter(Boolean).map((kv) => {
    const i = kv.indexOf(':');
    return i < 0 ? { attr_key: '', attr_value: kv } : { attr_key: kv.slice(0, i), attr_value: kv.slice(i + 1) };
  });
}

/** About a third of buyers get a virtual number (隐私号), decided per order so it never flips. */
function virtualNumber(o: SimOrder): { number: string; expires: number } | undefined {
  const r = createRng(`wechat-virtual:${o.orderId}`);
  if (!r.chance(0.35) || o.paidAt === undefined) return undefined;
  return { number: `170${r.digits(8)}-${r.digits(4)}`, expires: s(o.paidAt) + 30 * 86_400 };
}

/** the shop-scoped receiver id: same person and address in this shop → same hash_code */
export function wechatHashCode(shopId: string, o: SimOrder): string {
  const r = o.receiver;
  const who = o.mergeKey ? `merge:${o.mergeKey}` : [r.name, r.phone, r.province, r.city, r.district, r.town ?? '', r.detail].join('|');
  return sha256Hex(`wechat-hash:${shopId}:${who}`).slice(0, 32);
}

const AFTERSALE_STATUS: Record<string, string> = { none: '', open: 'MERCHANT_PROCESSING', success: 'MERCHANT_REFUND_SUCCESS', rejected: 'MERCHANT_REJECT_REFUND', closed: 'USER_CANCELD' };

const productRef = (l: SimLine) => ({ product_id: l.itemId, sku_id: l.skuId, product_cnt: l.qty });

function parcels(o: SimOrder): Array<Record<string, unknown>> {
  const byWaybill = new Map<string, SimLine[]>();
  for (const l of o.lines) if (l.trackingNo) byWaybill.set(l.trackingNo, [...(byWaybill.get(l.trackingNo) ?? []), l]);
  return [...byWaybill].map(([waybill, lines]) => ({
    waybill_id: waybill,
    delivery_id: wechatDeliveryId(lines[0]!.carrierCode ?? '') ?? lines[0]!.carrierCode ?? '',
    delivery_name: lines[0]!.carrierName ?? '',
    delivery_time: s(lines[0]!.shippedAt),
    deliver_type: 1,
    product_infos: lines.map(productRef),
  }));
}

export function renderWechatOrder(o: SimOrder, scope: { shopId: string }): Record<string, unknown> {
  const r = o.receiver;
  const v = virtualNumber(o);
  const paid = o.paidAt !== undefined;
  const out: Record<string, unknown> = {
    order_id: o.orderId,
    status: wechatStatusCode(o),
    openid: o.buyerOpenId,
    unionid: '',
    create_time: s(o.createdAt),
    update_time: s(o.modifiedAt),
    order_detail: {
      product_infos: o.lines.map((l) => ({
        product_id: l.itemId, sku_id: l.skuId, thumb_img: '', title: l.title, sku_attrs: skuAttrs(l.skuText), sku_cnt: l.qty,
        // sale_price / market_price are unit prices; real_price is what the line paid after discounts
        sale_price: l.priceFen, market_price: l.priceFen, real_price: l.paymentFen, estimate_price: l.paymentFen,
        is_discounted: l.discountFen > 0, out_product_id: l.outerItemId, out_sku_id: l.outerSkuId, sku_code: l.outerSkuId,
        on_aftersale_sku_cnt: l.refund === 'open' ? l.qty : 0, finish_aftersale_sku_cnt: l.refund === 'success' ? l.qty : 0,
      })),
      pay_info: paid ? { pay_time: s(o.paidAt), transaction_id: `4200${createRng(`wechat-pay:${o.orderId}`).digits(24)}`, payment_method: 1 } : {},
      price_info: {
        product_price: o.goodsFen, order_price: o.paymentFen, freight: o.postFeeFen,
        discounted_price: o.discountFen, is_discounted: o.discountFen > 0,
      },
      delivery_info: {
        address_info: {
          user_name: maskName(r.name), postal_code: r.zip ?? '', province_name: r.province, city_name: r.city, county_name: r.district,
          detail_info: maskAddress(`${r.town ?? ''}${r.detail}`), national_code: '', house_number: '',
          tel_number: maskPhone(r.phone), virtual_order_tel_number: '', use_tel_number: v ? 1 : 0,
          ...(v ? { tel_number_ext_info: { real_tel_number: maskPhone(r.phone), virtual_tel_number: v.number, virtual_tel_expire_time: v.expires } } : {}),
          hash_code: wechatHashCode(scope.shopId, o),
        },
        delivery_product_info: parcels(o),
        ship_done_time: o.state === 'shipped' || o.state === 'completed' ? s(o.shippedAt) : 0,
        deliver_method: 0,
      },
      ext_info: { customer_notes: o.buyerMessage, merchant_notes: o.sellerMemo },
    },
    aftersale_detail: {
      on_aftersale_order_cnt: o.lines.filter((l) => l.refund === 'open').length,
      // the after-sale status enum is UNCONFIRMED (§12); Wharf reads only on_aftersale_order_cnt
      aftersale_order_list: o.lines.filter((l) => l.refundId).map((l) => ({ aftersale_order_id: l.refundId, status: AFTERSALE_STATUS[l.refund] })),
    },
  };
  return { ...out, ...o.overrides };
}
