// Simulator side: the neutral order as jingdong.pop.order.search / enSearch return one OrderInfo
// (platforms.md §4.4–4.6, §13.4): yuan strings, "yyyy-MM-dd HH:mm:ss" Beijing times, English
// orderState, itemInfoList, consigneeInfo masked (search) or ciphertext (enSearch), venderRemark.
// Only the fields named in optional_fields come back. orderId is text here; the protocol writes
// it as a JSON number on the wire (idsAsNumbers) — UNCONFIRMED which one JD does, and a number is
// the harder case for a client.
import { formatFen } from '../../../../shared/money';
import { formatShanghai } from '../../../../shared/time';
import { hash32 } from '../simkit/prng';
import { encryptLegacy, maskAddress, maskName, maskPhone, oaidFor } from '../privacy';
import type { SimOrder } from '../simkit/model';
import { jdLogisticsId } from './carriers';

const yuan = (fen: number) => formatFen(fen);
const t = (ms: number | undefined) => (ms === undefined ? '' : formatShanghai(ms));

const STATE_REMARK: Record<string, string> = {
  WAIT_SELLER_STOCK_OUT: '等待出库', WAIT_GOODS_RECEIVE_CONFIRM: '等待确认收货', FINISHED_L: '完成',
  TRADE_CANCELED: '取消', LOCKED: '已锁定', PAUSE: '暂停',
};

/**
 * JD has no partial-shipment or refund state in the order (§9: after-sales live in separate
 * APIs), so a part-shipped order still waits to go out and a refund after shipping leaves the
 * order where its delivery stands. A platform hold shows as LOCKED or PAUSE (picked per order).
 */
export function jdOrderState(o: SimOrder): string {
  switch (o.state) {
    case 'paid':
      if (o.hold) return hash32(`jd-hold:${o.orderId}`) % 2 === 0 ? 'LOCKED' : 'PAUSE';
      return 'WAIT_SELLER_STOCK_OUT';
    case 'partial': return 'WAIT_SELLER_STOCK_OUT';
    case 'shipped': return 'WAIT_GOODS_RECEIVE_CONFIRM';
    case 'completed': return 'FINISHED_L';
    case 'closed': return o.shippedAt ? (o.completedAt ? 'FINISHED_L' : 'WAIT_GOODS_RECEIVE_CONFIRM') : 'TRADE_CANCELED';
    default: return 'WAIT_SELLER_STOCK_OUT'; // unpaid orders are never listed (§4.5)
  }
}

export interface JdRenderScope { shopId: string; appKey: string; encrypted: boolean }

/** The oaid JD pairs with the encrypted consignee (§4.6, §11; placement UNCONFIRMED). */
export function jdOaid(o: SimOrder, scope: { shopId: string; appKey: string }): string {
  const r = o.receiver;
  const who = [r.name, r.phone, r.province, r.city, r.district, r.town ?? '', r.detail].join('|');
  return oaidFor(`jd:${scope.shopId}:${scope.appKey}`, o.mergeKey ? `merge:${o.mergeKey}` : who);
}

export const jdFullAddress = (r: SimOrder['receiver']) => `${r.province}${r.city}${r.district}${r.town ?? ''}${r.detail}`;

function consignee(o: SimOrder, encrypted: boolean, key: string): Record<string, unknown> {
  const r = o.receiver;
  const full = jdFullAddress(r);
  return {
    fullname: encrypted ? encryptLegacy('text', r.name, key) : maskName(r.name),
    mobile: encrypted ? encryptLegacy('phone', r.phone, key) : maskPhone(r.phone),
    telephone: encrypted ? encryptLegacy('phone', r.phone, key) : maskPhone(r.phone),
    fullAddress: encrypted ? encryptLegacy('text', full, key) : `${r.province}${r.city}${r.district}${r.town ?? ''}${maskAddress(r.detail)}`,
    // masked mobile next to the ciphertext (field name UNCONFIRMED)
    desen_mobile: maskPhone(r.phone),
    province: r.province, city: r.city, county: r.district, town: r.town ?? '',
  };
}

/** Every OrderInfo field the simulator knows, before optional_fields picks from it. */
export function renderJdOrder(o: SimOrder, scope: JdRenderScope): Record<string, unknown> {
  const state = jdOrderState(o);
  const shipped = o.lines.find((l) => l.trackingNo);
  const showWaybill = state === 'WAIT_GOODS_RECEIVE_CONFIRM' || state === 'FINISHED_L';
  return {
    orderId: o.orderId,
    venderId: String(10_000_000 + (hash32(`jd-vender:${scope.shopId}`) % 89_999_999)),
    orderType: '22', // SOP
    payType: '4-在线支付',
    orderTotalPrice: yuan(o.goodsFen),
    orderSellerPrice: yuan(o.goodsFen - o.discountFen),
    orderPayment: yuan(o.paymentFen),
    freightPrice: yuan(o.postFeeFen),
    sellerDiscount: yuan(o.discountFen),
    balanceUsed: '0.00',
    orderState: state,
    orderStateRemark: STATE_REMARK[state] ?? '',
    orderRemark: o.buyerMessage,
    venderRemark: o.sellerMemo,
    // the flag modifyVenderRemark sets (0 GRAY … 5 PURPLE, §13.4); the list field name is UNCONFIRMED
    venderRemarkFlag: o.sellerFlag,
    orderStartTime: t(o.createdAt),
    paymentConfirmTime: t(o.paidAt),
    orderEndTime: t(o.completedAt ?? o.closedAt),
    modified: t(o.modifiedAt),
    consigneeInfo: consignee(o, scope.encrypted, `jd:${scope.shopId}`),
    oaid: jdOaid(o, scope),
    itemInfoList: o.lines.map((l) => ({
      skuId: l.skuId, outerSkuId: l.outerSkuId, skuName: `${l.title} ${l.skuText}`.trim(), jdPrice: yuan(l.priceFen),
      itemTotal: String(l.qty), wareId: l.itemId, productNo: l.outerItemId, giftPoint: '0', newStoreId: '0',
    })),
    couponDetailList: o.discountFen > 0 ? [{ couponType: '100-店铺优惠', couponPrice: yuan(o.discountFen) }] : [],
    waybill: showWaybill && shipped ? shipped.trackingNo : '',
    logisticsId: showWaybill && shipped?.carrierCode ? String(jdLogisticsId(shipped.carrierCode) ?? '') : '',
    pin: o.buyerNick,
    open_id_buyer: o.buyerOpenId,
    parentOrderId: '0',
    orderSource: '移动端订单',
    storeOrder: '',
  };
}

/** optional_fields "orderId,orderState,…": unknown names are ignored; overrides go on last. */
export function pickJdFields(o: SimOrder, full: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f in full) out[f] = full[f];
  return { ...out, ...o.overrides };
}
