// Simulator side: the neutral order as youzan.trades.sold.get 4.0.4 (and youzan.trade.get) return it
// (platforms.md §6.3–6.4): one entry of full_order_info_list = { full_order_info {order_info,
// buyer_info, address_info, pay_info, remark_info, orders[]}, order_promotion, refund_order[],
// delivery_order[] }. Money is yuan strings ("139.14"), times "yyyy-MM-dd HH:mm:ss" Beijing,
// receiver fields `$<base64>$1$` ciphertext (deterministic per shop, as the one sample suggested),
// and line payments include their share of the post fee (Σ orders[].payment = pay_info.payment).
import { allocate, formatFen } from '../../../../shared/money';
import { formatShanghai } from '../../../../shared/time';
import { encryptLegacy, maskAddress, maskName, maskPhone } from '../privacy';
import type { SimOrder, SimRefund } from '../simkit/model';
import { youzanExpressId } from './carriers';

const yuan = (fen: number) => formatFen(fen);
const t = (ms: number | undefined) => (ms === undefined ? '' : formatShanghai(ms));

/** Youzan's `$<base64>$1$` wrapper around the shared deterministic stand-in cipher. */
export function youzanCipher(plain: string, shopKey: string): string {
  if (!plain) return '';
  // encryptLegacy's text form is ~<base64>~<index>~1~~; only the body is reused
  const body = encryptLegacy('text', plain, `youzan:${shopKey}`).split('~')[1]!;
  return `$${body}$1$`;
}

const STATUS_STR: Record<string, string> = {
  WAIT_BUYER_PAY: '等待买家付款', WAIT_CONFIRM: '待确认', WAIT_SELLER_SEND_GOODS: '等待卖家发货',
  WAIT_BUYER_CONFIRM_GOODS: '卖家已发货', TRADE_SUCCESS: '交易成功', TRADE_CLOSED: '交易关闭',
};

/** Youzan keeps a partly shipped order in WAIT_SELLER_SEND_GOODS (§9 lists no partial state). */
export function youzanStatusOf(o: SimOrder): string {
  switch (o.state) {
    case 'unpaid': return 'WAIT_BUYER_PAY';
    case 'paid': return o.hold ? 'WAIT_CONFIRM' : 'WAIT_SELLER_SEND_GOODS';
    case 'partial': return 'WAIT_SELLER_SEND_GOODS';
    case 'shipped': return 'WAIT_BUYER_CONFIRM_GOODS';
    case 'completed': return 'TRADE_SUCCESS';
    default: return 'TRADE_CLOSED';
  }
}

/** order_info.refund_state: 0 none, 1 partly refunding, 2 partly refunded, 11 all refunding, 12 all refunded */
export function youzanRefundState(o: SimOrder): number {
  const open = o.lines.filter((l) => l.refund === 'open').length;
  const done = o.lines.filter((l) => l.refund === 'success').length;
  if (open > 0) return open === o.lines.length ? 11 : 1;
  if (done > 0) return done === o.lines.length ? 12 : 2;
  return 0;
}

/** refund_order[].refund_status text: UNCONFIRMED names, the simulator's own (Taobao-like) spelling */
const REFUND_STATUS: Record<SimRefund, string> = { none: '', open: 'WAIT_SELLER_AGREE', success: 'SUCCESS', rejected: 'SELLER_REFUSE_BUYER', closed: 'CLOSED' };

const CLOSE_TYPE: Record<string, number> = { unpaid: 1, refund: 2, cancel: 4 };

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Overrides reach nested fields: objects merge key by key, anything else replaces. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isPlain(v) && isPlain(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

export function renderYouzanOrder(o: SimOrder, scope: { shopId: string }): Record<string, unknown> {
  const r = o.receiver;
  const key = scope.shopId;
  const status = youzanStatusOf(o);
  const postShares = allocate(o.postFeeFen, o.lines.map((l) => l.paymentFen));
  const tel = youzanCipher(r.phone, key);
  const parcels = new Map<string, typeof o.lines>();
  for (const l of o.lines) if (l.trackingNo) parcels.set(l.trackingNo, [...(parcels.get(l.trackingNo) ?? []), l]);
  const full_order_info = {
    order_info: {
      tid: o.orderId, status, status_str: STATUS_STR[status] ?? status, type: 0, express_type: 0,
      created: t(o.createdAt), update_time: t(o.modifiedAt), pay_time: t(o.paidAt),
      consign_time: t(o.shippedAt), success_time: t(o.completedAt),
      close_type: o.state === 'closed' ? CLOSE_TYPE[o.closedBy ?? 'cancel'] ?? 0 : 0,
      refund_state: youzanRefundState(o),
      order_tags: { is_payed: o.paidAt !== undefined, is_refund: o.lines.some((l) => l.refund !== 'none'), is_feedback: o.lines.some((l) => l.refund === 'open'), is_virtual: false },
    },
    buyer_info: { yz_open_id: o.buyerOpenId, fans_nickname: o.buyerNick, buyer_phone: tel, outer_user_id: '' },
    address_info: {
      receiver_name: youzanCipher(r.name, key),
      receiver_tel: tel,
      delivery_province: r.province, delivery_city: r.city, delivery_district: r.district,
      delivery_address: youzanCipher(`${r.town ?? ''}${r.detail}`, key),
      delivery_postal_code: r.zip ?? '',
      // display masks: field names UNCONFIRMED (Youzan offers mask decrypt APIs, §6.4)
      receiver_name_mask: maskName(r.name), receiver_tel_mask: maskPhone(r.phone), delivery_address_mask: maskAddress(`${r.town ?? ''}${r.detail}`),
    },
    pay_info: { total_fee: yuan(o.goodsFen), post_fee: yuan(o.postFeeFen), payment: yuan(o.paymentFen), real_payment: yuan(o.paymentFen) },
    remark_info: { buyer_message: o.buyerMessage, trade_memo: o.sellerMemo, star: o.sellerFlag },
    orders: o.lines.map((l, i) => ({
      oid: l.lineId, item_id: l.itemId, sku_id: l.skuId, title: l.title, num: l.qty,
      price: yuan(l.priceFen), total_fee: yuan(l.priceFen * l.qty), payment: yuan(l.paymentFen + postShares[i]!),
      discount_price: yuan(l.priceFen), outer_item_id: l.outerItemId, outer_sku_id: l.outerSkuId,
      sku_properties_name: l.skuText, item_type: 0, is_present: false,
    })),
  };
  const out: Record<string, unknown> = {
    full_order_info,
    order_promotion: { order_discount_fee: yuan(o.discountFen), item_discount_fee: '0.00', adjust_fee: '0.00' },
    refund_order: o.lines.filter((l) => l.refund !== 'none').map((l) => ({ refund_id: l.refundId ?? '', refund_status: REFUND_STATUS[l.refund], refund_fee: yuan(l.paymentFen), oids: [{ oid: l.lineId }] })),
    delivery_order: [...parcels.entries()].map(([no, ls]) => ({
      express_state: 1, express_type: 1, oids: ls.map((l) => ({ oid: l.lineId })),
      dists: [{ express_info: { express_id: Number(youzanExpressId(ls[0]!.carrierCode ?? '') ?? 0), express_no: no } }],
    })),
  };
  return o.overrides ? deepMerge(out, o.overrides) : out;
}
