// One entry of youzan.trades.sold.get 4.0.4's full_order_info_list → NormalizedOrder
// (platforms.md §6.3–6.4, §9). Money is yuan strings; line payments may include their share of
// the post fee (Σ orders[].payment = pay_info.payment), so the goods part is apportioned again.
// Receiver fields are `$…$1$` ciphertext kept for reveal; display comes from masks where given.
import { allocate } from '../../../../shared/money';
import { sha256Hex } from '../../../../shared/hash';
import { maskAddress, maskName, maskPhone, phoneTailOf } from '../privacy';
import { count, decided, finish, flagFrom, idText, list, obj, optional, requiredId, shanghaiTime, text, yuan, type Obj } from '../mapKit';
import { MapError } from '../types';
import { youzanChannelStatus } from './statusTable';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';

/** remark_info.star 0–5 is kept as Wharf's flag 0–5 (Youzan has stars, not colours: §13.6) */
const STARS: Record<string, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 };
const CIPHER_RE = /^\$[A-Za-z0-9+/=]+\$\d+\$$/;
export const isYouzanCipher = (s: string): boolean => CIPHER_RE.test(s);

const F = 'full_order_info';

function part(v: unknown, mask: (s: string) => string): { cipher?: string; display?: string } {
  const s = text(v);
  if (!s) return {};
  if (isYouzanCipher(s)) return { cipher: s };
  return { display: s.includes('*') ? s : mask(s) };
}

/** an optional sub-object: absent is {}, anything else must be an object */
function optObj(v: unknown, where: string): Obj {
  if (v === undefined || v === null) return {};
  return obj(v, where, 'an object when present');
}

function optList(v: unknown, where: string): Obj[] {
  if (v === undefined || v === null) return [];
  return list(v, where, 'an array when present');
}

/** oid → tracking number and express id, from delivery_order[].{oids[].oid, dists[].express_info} */
function parcels(root: Obj): Map<string, { no: string; carrier?: string }> {
  const out = new Map<string, { no: string; carrier?: string }>();
  optList(root.delivery_order, 'delivery_order').forEach((d, i) => {
    const info = optList(d.dists, `delivery_order[${i}].dists`).map((x) => optObj(x.express_info, `delivery_order[${i}].dists[].express_info`))[0];
    const no = text(info?.express_no);
    if (!no) return;
    for (const o of optList(d.oids, `delivery_order[${i}].oids`)) {
      const oid = idText(o.oid, `delivery_order[${i}].oids[].oid`);
      if (oid) out.set(oid, { no, carrier: text(info?.express_id) });
    }
  });
  return out;
}

function refunds(root: Obj): Map<string, string> {
  const out = new Map<string, string>();
  optList(root.refund_order, 'refund_order').forEach((r, i) => {
    const st = text(r.refund_status) ?? text(r.refund_state);
    for (const o of optList(r.oids, `refund_order[${i}].oids`)) {
      const oid = idText(o.oid, `refund_order[${i}].oids[].oid`);
      if (oid && st) out.set(oid, st);
    }
  });
  return out;
}

export function mapYouzanOrder(payload: unknown, shopId: string): NormalizedOrder {
  const root = obj(payload, 'order', 'one entry of full_order_info_list: {full_order_info, delivery_order, …}');
  const full = obj(root.full_order_info, F, 'every entry carries full_order_info');
  const info = obj(full.order_info, `${F}.order_info`, 'tid, status and times live in order_info');
  const orderId = requiredId(info.tid, `${F}.order_info.tid`, 'every Youzan trade has a tid like "E20260612050163094512345"');
  if (!/^[A-Z]\d{10,30}$/.test(orderId)) throw new MapError(`${F}.order_info.tid`, `"${orderId}" is not a Youzan trade number (a letter such as E, then digits)`);
  const status = decided(`${F}.order_info.status`, () => youzanChannelStatus({ status: info.status }));
  const pay = obj(full.pay_info, `${F}.pay_info`, 'the amounts live in pay_info');
  const items = list(full.orders, `${F}.orders`, 'a Youzan trade lists its goods in orders[]');
  if (items.length === 0) throw new MapError(`${F}.orders`, 'is empty: a Youzan trade has at least one line');
  const paymentFen = yuan(pay.payment, `${F}.pay_info.payment`);
  const postFeeFen = yuan(pay.post_fee, `${F}.pay_info.post_fee`, 0);
  const shipped = parcels(root);
  const refundOf = refunds(root);
  const partial = items.map((it, i) => {
    const at = (f: string) => `${F}.orders[${i}].${f}`;
    const lineId = requiredId(it.oid, at('oid'), 'each line has an oid');
    const title = text(it.title);
    if (!title) throw new MapError(at('title'), 'missing: each line has a title');
    const parcel = shipped.get(lineId);
    return {
      lineId, itemId: idText(it.item_id, at('item_id')), platformSkuId: idText(it.sku_id, at('sku_id')),
      outerItemId: text(it.outer_item_id), outerSkuId: text(it.outer_sku_id), title, skuText: text(it.sku_properties_name) ?? '',
      qty: count(it.num, at('num')), priceFen: yuan(it.price, at('price')), paid: yuan(it.payment, at('payment')),
      platformStatus: text(info.status), refundStatus: refundOf.get(lineId), trackingNo: parcel?.no, carrier: parcel?.carrier,
    };
  });
  // line payments without the post fee: as given when they already add up, else apportioned
  const goodsPaid = Math.max(0, paymentFen - postFeeFen);
  const given = partial.map((l) => l.paid);
  const shares = given.reduce((a, b) => a + b, 0) === goodsPaid ? given : allocate(goodsPaid, given);
  const lines: OrderLine[] = partial.map(({ paid: _p, ...l }, i) => ({ ...l, paymentFen: shares[i]! }));
  const totalFen = yuan(pay.total_fee, `${F}.pay_info.total_fee`, partial.reduce((s, l) => s + l.priceFen * l.qty, 0));

  const addr = optObj(full.address_info, `${F}.address_info`);
  const name = part(addr.receiver_name, maskName);
  const tel = part(addr.receiver_tel, maskPhone);
  const street = part(addr.delivery_address, maskAddress);
  const cipher: Record<string, string> = {};
  if (name.cipher) cipher.name = name.cipher;
  if (tel.cipher) cipher.mobile = tel.cipher;
  if (street.cipher) cipher.address = street.cipher;
  const province = text(addr.delivery_province) ?? '';
  const city = text(addr.delivery_city) ?? '';
  const district = text(addr.delivery_district) ?? '';
  // Youzan's searchable digest needs an API call; the ciphertext looked deterministic per shop
  // (§6.4), so equal ciphers mean the same receiver — and unequal ones merely never merge
  const mergeKey = name.cipher && tel.cipher && street.cipher ? `yzc:${sha256Hex([name.cipher, tel.cipher, province, city, district, street.cipher].join('|')).slice(0, 32)}` : '';
  const phoneMasked = text(addr.receiver_tel_mask) ?? tel.display ?? '';
  const buyer = optObj(full.buyer_info, `${F}.buyer_info`);
  const remark = optObj(full.remark_info, `${F}.remark_info`);
  const refundState = text(info.refund_state) ?? '0';

  return finish({
    platform: 'youzan', shopId, orderId,
    platformStatus: `status=${String(info.status)} refund_state=${refundState}`,
    channelStatus: status.channelStatus,
    // 1 partly / 11 fully refunding (2 and 12 are refunds already done)
    refunding: refundState === '1' || refundState === '11',
    createdAt: shanghaiTime(info.created, `${F}.order_info.created`),
    paidAt: optional(info.pay_time, (v) => shanghaiTime(v, `${F}.order_info.pay_time`)),
    modifiedAt: shanghaiTime(info.update_time, `${F}.order_info.update_time`),
    buyerNick: text(buyer.fans_nickname) ?? '',
    buyerOpenId: text(buyer.yz_open_id),
    receiver: {
      nameMasked: text(addr.receiver_name_mask) ?? name.display ?? '',
      phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province, city, district, town: '',
      addressMasked: text(addr.delivery_address_mask) ?? street.display ?? '',
      cipher, mergeKey,
    },
    lines, totalFen, paymentFen, postFeeFen,
    discountFen: Math.max(0, totalFen + postFeeFen - paymentFen),
    buyerMessage: text(remark.buyer_message) ?? '',
    sellerMemo: text(remark.trade_memo) ?? '',
    sellerFlag: flagFrom(remark.star, `${F}.remark_info.star`, STARS),
    channelHolds: status.holds,
  });
}
