// Simulator side: the neutral order as order.orderDetail (data.shop_order_detail) and
// order.searchList (data.shop_order_list[]) render it (platforms.md §2.5–2.6, doudian-go
// order_searchList response): fen integers, unix-second times (0 = not yet), order_status with
// main_status, per-line sku_order_list with after_sale_info, receiver as ciphertext + masks (the
// plaintext fields are empty for ISV apps), open_address_id as merge key, logistics when shipped.
import { hash32 } from '../simkit/prng';
import { maskAddress, maskName, maskPhone, oaidFor } from '../privacy';
import { sha256Hex } from '../../../../shared/hash';
import type { SimLine, SimOrder } from '../simkit/model';
import { douyinCompanyCode } from './carriers';
import { encryptDouyin } from './cipher';
import { douyinStarOf } from './stars';

export interface DouyinScope { shopId: string; appKey: string }

const secs = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));
const region = (name: string) => ({ id: name ? String(100000 + (hash32(`region:${name}`) % 900000)) : '', name });
export const shopKeyOf = (s: DouyinScope) => `${s.shopId}:${s.appKey}`;

const DESC: Record<number, string> = { 1: '待支付', 105: '已支付', 2: '备货中', 101: '部分发货', 3: '已发货', 4: '已取消', 5: '已完成', 21: '发货前退款完结', 22: '发货后退款完结', 39: '收货后退款完结' };

/** order_status and main_status from the neutral state (§2.5, §9) */
export function douyinStatusOf(o: SimOrder): { order_status: number; main_status: number } {
  switch (o.state) {
    case 'unpaid': return { order_status: 1, main_status: 1 };
    // a platform hold: paid, but not yet released to 备货中
    case 'paid': return o.hold ? { order_status: 105, main_status: 105 } : { order_status: 2, main_status: 2 };
    case 'partial': return { order_status: 101, main_status: 101 };
    case 'shipped': return { order_status: 3, main_status: 3 };
    case 'completed': return { order_status: 5, main_status: 5 };
    case 'closed':
      if (o.closedBy === 'unpaid') return { order_status: 4, main_status: 4 };
      if (!o.shippedAt) return { order_status: 4, main_status: 21 };
      return { order_status: 4, main_status: o.completedAt ? 39 : 22 };
  }
}

/** after_sale_info of one line (§2.5): a buyer-withdrawn after-sale keeps 28 with refund_status 1 */
function afterSaleOf(l: SimLine): { after_sale_status: number; after_sale_type: number; refund_status: number } {
  const type = l.refundAfterShip ? 0 : 2; // 退货退款 after shipping, 售前退款 before
  switch (l.refund) {
    case 'none': return { after_sale_status: 0, after_sale_type: 0, refund_status: 0 };
    case 'open': return { after_sale_status: l.refundAfterShip ? 7 : 6, after_sale_type: type, refund_status: 1 };
    case 'success': return { after_sale_status: 12, after_sale_type: type, refund_status: 3 };
    case 'rejected': return { after_sale_status: 27, after_sale_type: type, refund_status: 4 };
    case 'closed': return { after_sale_status: 28, after_sale_type: type, refund_status: 1 };
  }
}

function specOf(skuText: string): Array<{ name: string; value: string }> {
  return skuText.split(';').filter(Boolean).map((part) => {
    const at = part.indexOf(':');
    return at < 0 ? { name: '规格', value: part } : { name: part.slice(0, at), value: part.slice(at + 1) };
  });
}

function lineStatus(o: SimOrder, l: SimLine, shop: { order_status: number; main_status: number }) {
  if (l.refund === 'success') return { order_status: 4, main_status: l.trackingNo ? 22 : 21 };
  if (l.trackingNo) return o.state === 'completed' ? { order_status: 5, main_status: 5 } : { order_status: 3, main_status: 3 };
  return o.state === 'partial' ? { order_status: 2, main_status: 2 } : shop;
}

function logisticsOf(o: SimOrder) {
  const parcels = new Map<string, SimLine[]>();
  for (const l of o.lines) if (l.trackingNo) parcels.set(l.trackingNo, [...(parcels.get(l.trackingNo) ?? []), l]);
  return [...parcels].map(([trackingNo, lines]) => ({
    tracking_no: trackingNo,
    company: lines[0]!.carrierCode ? douyinCompanyCode(lines[0]!.carrierCode) ?? lines[0]!.carrierCode : '',
    company_name: lines[0]!.carrierName ?? '',
    ship_time: secs(lines[0]!.shippedAt),
    delivery_id: String(hash32(`delivery:${o.orderId}:${trackingNo}`)),
    product_info: lines.map((l) => ({
      product_name: l.title, price: l.priceFen, outer_sku_id: l.outerSkuId, sku_id: Number(l.skuId), sku_specs: specOf(l.skuText),
      product_count: l.qty, product_id: Number(l.itemId), sku_order_id: l.lineId, product_id_str: l.itemId,
    })),
  }));
}

export function renderDouyinOrder(o: SimOrder, scope: DouyinScope): Record<string, unknown> {
  const st = douyinStatusOf(o);
  const r = o.receiver;
  const key = shopKeyOf(scope);
  const nonce = (field: string) => `${key}:${o.orderId}:${field}:${o.modifiedAt}`;
  const who = [r.name, r.phone, r.province, r.city, r.district, r.town ?? '', r.detail].join('|');
  const addr = (detail: string, extra: Record<string, string> = {}) => ({
    province: region(r.province), city: region(r.city), town: region(r.district), street: region(r.town ?? ''), detail, ...extra,
  });
  const times = { create_time: secs(o.createdAt), update_time: secs(o.modifiedAt), pay_time: secs(o.paidAt), finish_time: secs(o.completedAt) };
  const out: Record<string, unknown> = {
    shop_id: hash32(`shop:${scope.shopId}`), shop_name: scope.shopId,
    order_id: o.orderId, order_level: 2, order_type: 0, biz: 2, b_type: 2, pay_type: o.paidAt ? 1 : 0,
    ...st, order_status_desc: DESC[st.order_status], main_status_desc: DESC[st.main_status],
    ...times,
    order_expire_time: o.paidAt ? 0 : secs(o.createdAt) + 1800,
    exp_ship_time: o.paidAt ? secs(o.paidAt) + 48 * 3600 : 0,
    ship_time: secs(o.shippedAt),
    cancel_reason: o.state === 'closed' && o.closedBy === 'unpaid' ? '超时未支付' : '',
    order_amount: o.goodsFen + o.postFeeFen,
    pay_amount: o.paymentFen,
    post_amount: o.postFeeFen,
    promotion_amount: o.discountFen, promotion_shop_amount: o.discountFen, promotion_platform_amount: 0, promotion_talent_amount: 0,
    modify_amount: 0, modify_post_amount: 0,
    buyer_words: o.buyerMessage,
    seller_words: o.sellerMemo,
    seller_remark_stars: douyinStarOf(o.sellerFlag),
    doudian_open_id: `1@#${btoa(sha256Hex(`openid:${key}:${o.buyerOpenId}`).slice(0, 36))}`,
    post_receiver: '', post_tel: '',
    encrypt_post_receiver: encryptDouyin('text', r.name, key, nonce('name')),
    encrypt_post_tel: encryptDouyin('tel', r.phone, key, nonce('tel')),
    post_addr: addr('', { encrypt_detail: encryptDouyin('text', r.detail, key, nonce('addr')) }),
    mask_post_receiver: maskName(r.name),
    mask_post_tel: maskPhone(r.phone),
    mask_post_addr: addr(maskAddress(r.detail)),
    open_address_id: `#${oaidFor(key, o.mergeKey ? `merge:${o.mergeKey}` : who)}`,
    logistics_info: logisticsOf(o),
    sku_order_list: o.lines.map((l) => ({
      order_id: l.lineId, parent_order_id: o.orderId, order_level: 3,
      ...lineStatus(o, l, st), ...times,
      product_id: Number(l.itemId), product_id_str: l.itemId, sku_id: Number(l.skuId),
      code: l.outerSkuId, out_sku_id: '', out_product_id: l.outerItemId,
      product_name: l.title, spec: specOf(l.skuText), product_pic: '',
      item_num: l.qty, origin_amount: l.priceFen, sum_amount: l.priceFen * l.qty,
      order_amount: l.priceFen * l.qty, pay_amount: l.paymentFen, post_amount: 0,
      promotion_amount: l.discountFen, promotion_shop_amount: l.discountFen, promotion_platform_amount: 0,
      after_sale_info: afterSaleOf(l),
      ship_time: secs(l.shippedAt),
      goods_type: 0,
    })),
  };
  return { ...out, ...o.overrides };
}
