// order.searchList / order.orderDetail shop order → NormalizedOrder (platforms.md §2.5–2.6):
// amounts integer fen, times unix seconds (0 = not yet), status from order_status with
// main_status, refunds from each line's after_sale_info, receiver as ciphertext + masks with
// open_address_id as the merge key, and the seller's star colour turned into Wharf's flag.
import { phoneTailOf } from '../privacy';
import { count, decided, fen, finish, flagFrom, idText, list, obj, optional, present, requiredId, text, unixSeconds, type Obj } from '../mapKit';
import { MapError } from '../types';
import type { NormalizedOrder, OrderLine } from '../../../../shared/domain/types';
import { carrierCodeOfDouyin } from './carriers';
import { isDouyinCipher } from './cipher';
import { FLAG_OF_STAR } from './stars';
import { douyinChannelStatus, douyinRefunding } from './statusTable';

/** text or absent; anything else is a field the platform broke */
function optText(v: unknown, where: string): string | undefined {
  if (!present(v)) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw new MapError(where, `expected text, got ${JSON.stringify(v)}`);
  return text(v);
}

function optObj(v: unknown, where: string, hint: string): Obj | undefined {
  return present(v) ? obj(v, where, hint) : undefined;
}

/** post_addr.province etc.: {id, name} */
function regionName(addr: Obj | undefined, part: string, where: string): string {
  const r = optObj(addr?.[part], `${where}.${part}`, '{id, name}');
  return optText(r?.name, `${where}.${part}.name`) ?? '';
}

function cipherText(v: unknown, where: string): string | undefined {
  const s = optText(v, where);
  if (s === undefined) return undefined;
  if (!isDouyinCipher(s)) throw new MapError(where, `"${s.slice(0, 40)}" is not Douyin ciphertext ($$…*…$n$$ or ##…*…#n##); plaintext receivers are not accepted`);
  return s;
}

function specText(v: unknown, where: string): string {
  if (!present(v)) return '';
  return list(v, where, 'spec is a list of {name, value}').map((s, i) => `${optText(s.name, `${where}[${i}].name`) ?? ''}:${optText(s.value, `${where}[${i}].value`) ?? ''}`).join(';');
}

/** which parcel (tracking no, carrier) each sku order left in */
function parcelsOf(o: Obj): Map<string, { trackingNo: string; carrier?: string }> {
  const out = new Map<string, { trackingNo: string; carrier?: string }>();
  if (!present(o.logistics_info)) return out;
  list(o.logistics_info, 'logistics_info', 'a list of parcels').forEach((p, i) => {
    const trackingNo = optText(p.tracking_no, `logistics_info[${i}].tracking_no`);
    if (!trackingNo) return;
    const company = optText(p.company, `logistics_info[${i}].company`);
    const parcel = { trackingNo, carrier: company ? carrierCodeOfDouyin(company) ?? company : undefined };
    const products = present(p.product_info) ? list(p.product_info, `logistics_info[${i}].product_info`, 'the goods in this parcel') : [];
    for (const [j, item] of products.entries()) {
      const sku = idText(item.sku_order_id, `logistics_info[${i}].product_info[${j}].sku_order_id`);
      if (sku) out.set(sku, parcel);
    }
    if (products.length === 0) out.set('*', parcel); // no product list: the parcel is the whole order
  });
  return out;
}

export function mapDouyinOrder(payload: unknown, shopId: string): NormalizedOrder {
  const o = obj(payload, 'order', 'one entry of shop_order_list or shop_order_detail');
  const idField = present(o.order_id) ? 'order_id' : 'shop_order_id';
  // merged orders may carry an "A" suffix that is not part of the id (§2.6)
  const orderId = requiredId(o[idField], idField, 'every Douyin shop order has a 19-digit order_id').replace(/A$/, '');
  if (!/^\d{16,20}$/.test(orderId)) throw new MapError(idField, `"${orderId}" is not a Douyin order id (16–20 digits)`);
  const status = decided('order_status', () => douyinChannelStatus(o));
  const skus = list(o.sku_order_list, 'sku_order_list', 'a Douyin order always lists its goods in sku_order_list');
  if (skus.length === 0) throw new MapError('sku_order_list', 'is empty: a Douyin order always has at least one sku order');
  const parcels = parcelsOf(o);
  let refunding = false;
  const lines: OrderLine[] = skus.map((s, i) => {
    const at = (f: string) => `sku_order_list[${i}].${f}`;
    const lineId = requiredId(s.order_id, at('order_id'), 'each sku order has its own order_id');
    const title = optText(s.product_name, at('product_name'));
    if (!title) throw new MapError(at('product_name'), 'missing: each sku order names its product');
    const after = optObj(s.after_sale_info, at('after_sale_info'), '{after_sale_status, after_sale_type, refund_status}') ?? {};
    if (douyinRefunding(after)) refunding = true;
    const parcel = parcels.get(lineId) ?? parcels.get('*');
    return {
      lineId,
      itemId: idText(s.product_id_str, at('product_id_str')) ?? idText(s.product_id, at('product_id')),
      platformSkuId: idText(s.sku_id, at('sku_id')),
      outerItemId: optText(s.out_product_id, at('out_product_id')),
      outerSkuId: optText(s.code, at('code')) ?? optText(s.out_sku_id, at('out_sku_id')),
      title,
      skuText: specText(s.spec, at('spec')),
      qty: count(s.item_num, at('item_num')),
      priceFen: fen(s.origin_amount, at('origin_amount')),
      // a sku order's post share, where Douyin gives one, is the order's post fee, not goods
      paymentFen: fen(s.pay_amount, at('pay_amount')) - fen(s.post_amount, at('post_amount'), 0),
      platformStatus: optText(s.order_status, at('order_status')),
      refundStatus: optText(after.after_sale_status, at('after_sale_info.after_sale_status')),
      trackingNo: parcel?.trackingNo,
      carrier: parcel?.carrier,
    };
  });

  const addr = optObj(o.post_addr, 'post_addr', '{province, city, town, street, detail, encrypt_detail}');
  const masked = optObj(o.mask_post_addr, 'mask_post_addr', '{province, city, town, street, detail}');
  const shown = masked ?? addr;
  const shownAt = masked ? 'mask_post_addr' : 'post_addr';
  const cipher: Record<string, string> = {};
  const name = cipherText(o.encrypt_post_receiver, 'encrypt_post_receiver');
  const mobile = cipherText(o.encrypt_post_tel, 'encrypt_post_tel');
  const address = cipherText(addr?.encrypt_detail, 'post_addr.encrypt_detail');
  if (name) cipher.name = name;
  if (mobile) cipher.mobile = mobile;
  if (address) cipher.address = address;
  const phoneMasked = optText(o.mask_post_tel, 'mask_post_tel') ?? '';
  const postFeeFen = fen(o.post_amount, 'post_amount', 0);

  return finish({
    platform: 'douyin', shopId, orderId,
    platformStatus: `order_status=${String(o.order_status)} main_status=${String(o.main_status ?? '')}`,
    channelStatus: status.channelStatus,
    refunding,
    createdAt: unixSeconds(o.create_time, 'create_time'),
    paidAt: optional(o.pay_time, (v) => unixSeconds(v, 'pay_time')),
    modifiedAt: unixSeconds(o.update_time, 'update_time'),
    buyerNick: '',
    buyerOpenId: optText(o.doudian_open_id, 'doudian_open_id'),
    receiver: {
      nameMasked: optText(o.mask_post_receiver, 'mask_post_receiver') ?? '',
      phoneMasked, phoneTail: phoneTailOf(phoneMasked),
      province: regionName(shown, 'province', shownAt), city: regionName(shown, 'city', shownAt),
      district: regionName(shown, 'town', shownAt), town: regionName(shown, 'street', shownAt),
      addressMasked: optText(masked?.detail, 'mask_post_addr.detail') ?? '',
      cipher,
      mergeKey: optText(o.open_address_id, 'open_address_id') ?? '',
    },
    lines,
    totalFen: skus.reduce((sum, s, i) => sum + fen(s.sum_amount, `sku_order_list[${i}].sum_amount`, lines[i]!.priceFen * lines[i]!.qty), 0),
    paymentFen: fen(o.pay_amount, 'pay_amount'),
    postFeeFen,
    discountFen: fen(o.promotion_amount, 'promotion_amount', 0),
    buyerMessage: optText(o.buyer_words, 'buyer_words') ?? '',
    sellerMemo: optText(o.seller_words, 'seller_words') ?? '',
    sellerFlag: flagFrom(o.seller_remark_stars, 'seller_remark_stars', FLAG_OF_STAR),
    channelHolds: status.holds,
  });
}
