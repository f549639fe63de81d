// Simulator side: the neutral order as pdd.order.information.get / the increment list render it
// (platforms.md §3.5–3.7): yuan amounts as JSON numbers, "yyyy-MM-dd HH:mm:ss" times, four status
// fields, receiver ciphertext only while 待发货 and not under risk review, masks always, and
// open_address_id as the merge key.
import { formatFen } from '../../../../shared/money';
import { formatShanghai } from '../../../../shared/time';
import { encryptLegacy, maskAddress, maskName, maskPhone, oaidFor } from '../privacy';
import type { SimOrder } from '../simkit/model';
import { pddLogisticsId } from './carriers';

const yuanNumber = (fen: number) => Number(formatFen(fen));
const t = (ms: number | undefined) => (ms === undefined ? '' : formatShanghai(ms));

/** The four status fields PDD reports, from the neutral state. */
export function pddStatusFields(o: SimOrder): { order_status: number; confirm_status: number; refund_status: number; after_sales_status: number; risk_control_status: number } {
  const shipped = o.state === 'shipped' || o.state === 'completed' || (o.state === 'closed' && !!o.shippedAt);
  const order_status = o.state === 'completed' || (o.state === 'closed' && o.completedAt) ? 3 : shipped ? 2 : 1;
  const open = o.lines.find((l) => l.refund === 'open');
  const allRefunded = o.lines.length > 0 && o.lines.every((l) => l.refund === 'success');
  const refund_status = open ? 2 : allRefunded ? 4 : 1;
  const after_sales_status = open ? (open.refundAfterShip ? 3 : 2) : allRefunded ? 10 : 0;
  return { order_status, confirm_status: 1, refund_status, after_sales_status, risk_control_status: o.hold && o.state === 'paid' ? 1 : 0 };
}

export function renderPddOrder(o: SimOrder, scope: { shopId: string; clientId: string }): Record<string, unknown> {
  const st = pddStatusFields(o);
  const r = o.receiver;
  const key = scope.shopId;
  const cipherVisible = st.order_status === 1 && st.risk_control_status === 0 && st.refund_status !== 4;
  const fullAddress = `${r.province}${r.city}${r.district}${r.town ?? ''}${r.detail}`;
  const who = [r.name, r.phone, r.province, r.city, r.district, r.town ?? '', r.detail].join('|');
  const shippedLine = o.lines.find((l) => l.trackingNo);
  const out: Record<string, unknown> = {
    order_sn: o.orderId,
    ...st,
    group_status: 1,
    trade_type: 0,
    created_time: t(o.createdAt),
    confirm_time: t(o.paidAt),
    pay_time: t(o.paidAt),
    shipping_time: t(o.shippedAt),
    receive_time: t(o.completedAt),
    last_ship_time: o.paidAt ? t(o.paidAt + 48 * 3600_000) : '',
    updated_at: t(o.modifiedAt),
    goods_amount: yuanNumber(o.goodsFen),
    discount_amount: yuanNumber(o.discountFen),
    seller_discount: yuanNumber(o.discountFen),
    platform_discount: 0,
    capital_free_discount: 0,
    postage: yuanNumber(o.postFeeFen),
    pay_amount: yuanNumber(o.paymentFen),
    order_change_amount: 0,
    item_list: o.lines.map((l) => ({
      goods_id: Number(l.itemId), sku_id: Number(l.skuId), goods_name: l.title, goods_spec: l.skuText,
      goods_count: l.qty, goods_price: yuanNumber(l.priceFen), goods_img: '', outer_goods_id: l.outerItemId, outer_id: l.outerSkuId,
    })),
    receiver_name: cipherVisible ? encryptLegacy('text', r.name, key) : '',
    receiver_phone: cipherVisible ? encryptLegacy('phone', r.phone, key) : '',
    receiver_address: cipherVisible ? encryptLegacy('text', r.detail, key) : '',
    address: cipherVisible ? encryptLegacy('text', fullAddress, key) : '',
    receiver_name_mask: maskName(r.name),
    receiver_phone_mask: maskPhone(r.phone),
    receiver_address_mask: maskAddress(r.detail),
    address_mask: `${r.province}${r.city}${r.district}${maskAddress(r.detail)}`,
    province: r.province, city: r.city, town: r.district, country: '中国',
    open_address_id: oaidFor(`${scope.shopId}:${scope.clientId}`, o.mergeKey ? `merge:${o.mergeKey}` : who),
    remark: o.sellerMemo,
    remark_tag: o.sellerFlag || null,
    remark_tag_name: '',
    buyer_memo: o.buyerMessage,
    logistics_id: shippedLine?.carrierCode ? pddLogisticsId(shippedLine.carrierCode) ?? 0 : 0,
    tracking_number: shippedLine?.trackingNo ?? '',
    extra_delivery_list: [],
  };
  return { ...out, ...o.overrides };
}
