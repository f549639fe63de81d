// taobao.trade.fullinfo.get `trade` → NormalizedOrder. Every rejection is a MapError naming the
// field and how to fix it, so a quarantined order tells the operator what went wrong.
//
// Receiver fields: Taobao has served them as legacy ciphertext (~b64~idx~v~~, $idx$b64$v$$) and
// as masked text ("张**", "138****1234") at different times, so each of receiver_name / _mobile /
// _phone / _address is classified by shape: ciphertext goes to receiver.cipher, anything else is
// display text. Masked twins (receiver_*_mask, what Wharf's simulator serves next to ciphertext)
// win for display. Plain text that arrives unmasked is masked here: projections never hold it.
import { MapError } from '../types';
import { NormalizedOrder, type OrderLine, type Receiver } from '../../../../shared/domain/types';
import { parseYuan } from '../../../../shared/money';
import { parseShanghai } from '../../../../shared/time';
import { isLegacyCipher, maskAddress, maskName, maskPhone, phoneTailOf } from '../privacy';
import { taobaoChannelStatus, UnknownStatusError } from './statusTable';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A platform id as text. A JS number above 2^53 has already lost digits: refuse it. */
function idText(v: unknown, where: string): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) {
      throw new MapError(where, `is the JSON number ${v}, too large to be exact in JavaScript; request the *_str twin in fields (tid_str/oid_str) or parse the body keeping big integers as text`);
    }
    return String(v);
  }
  return undefined;
}

function money(v: unknown, where: string, fallback?: number): number {
  if (!present(v)) {
    if (fallback !== undefined) return fallback;
    throw new MapError(where, `missing: TOP sends every amount as a yuan string like "12.50"; add ${where.split('.').pop()} to the fields requested`);
  }
  try {
    return parseYuan(typeof v === 'number' ? v : String(v));
  } catch (e) {
    throw new MapError(where, `${(e as Error).message}; the platform sent ${JSON.stringify(v)}, which cannot be booked as money. Check the raw payload in the inbox`);
  }
}

function time(v: unknown, where: string): number {
  if (!present(v)) throw new MapError(where, `missing: request ${where} in fields (a "yyyy-MM-dd HH:mm:ss" Beijing time)`);
  try {
    return parseShanghai(String(v));
  } catch (e) {
    throw new MapError(where, `${(e as Error).message}; TOP times are "yyyy-MM-dd HH:mm:ss" in GMT+8`);
  }
}

function optionalTime(v: unknown, where: string): number | undefined {
  return present(v) ? time(v, where) : undefined;
}

/** simplify=true gives `orders: [...]`; the XML-shaped JSON gives `orders: {order: [...]}`. */
function orderList(trade: Obj): Obj[] {
  const raw = trade.orders;
  if (raw === undefined || raw === null) {
    throw new MapError('orders', 'missing: request fields=orders (or orders.*) in taobao.trade.fullinfo.get; a trade without lines cannot be picked');
  }
  const list = Array.isArray(raw) ? raw : isObj(raw) && Array.isArray(raw.order) ? raw.order : undefined;
  if (!list) throw new MapError('orders', `expected an array or {order: [...]}, got ${JSON.stringify(raw).slice(0, 80)}`);
  if (list.length === 0) throw new MapError('orders', 'is empty: a Taobao trade always has at least one order line');
  // Array.from visits holes: a sparse array is malformed too, not a shorter one
  return Array.from(list as unknown[], (o, i) => {
    if (!isObj(o)) throw new MapError(`orders[${i}]`, 'is not an object');
    return o;
  });
}

function mapLine(o: Obj, i: number): OrderLine {
  const at = (f: string) => `orders[${i}].${f}`;
  const lineId = idText(o.oid_str, at('oid_str')) ?? idText(o.oid, at('oid'));
  if (!lineId) throw new MapError(at('oid_str'), 'missing: request oid_str in fields; the line id is needed to ship and refund per line');
  const title = text(o.title);
  if (!title) throw new MapError(at('title'), 'missing: request title in fields');
  const qty = typeof o.num === 'string' ? Number(o.num) : o.num;
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 0) {
    throw new MapError(at('num'), `expected a whole quantity, got ${JSON.stringify(o.num)}`);
  }
  const priceFen = money(o.price, at('price'));
  // divide_order_fee is the line's share after order-level discounts; payment is the older field
  const paymentFen = present(o.divide_order_fee) ? money(o.divide_order_fee, at('divide_order_fee'))
    : present(o.payment) ? money(o.payment, at('payment'))
      : money(o.total_fee, at('payment'));
  return {
    lineId,
    itemId: idText(o.num_iid, at('num_iid')),
    platformSkuId: idText(o.sku_id, at('sku_id')),
    outerItemId: text(o.outer_iid),
    outerSkuId: text(o.outer_sku_id),
    title,
    skuText: text(o.sku_properties_name) ?? '',
    qty,
    priceFen,
    paymentFen,
    platformStatus: text(o.status),
    refundStatus: text(o.refund_status),
    trackingNo: text(o.invoice_no),
    carrier: text(o.logistics_company),
  };
}

/** Splits one receiver field into ciphertext (kept) or display text (masked if it came plain). */
function receiverField(value: unknown, mask: (s: string) => string): { cipher?: string; display?: string } {
  const v = text(value);
  if (!v) return {};
  if (isLegacyCipher(v)) return { cipher: v };
  return { display: v.includes('*') ? v : mask(v) };
}

function mapReceiver(t: Obj): Receiver {
  const name = receiverField(t.receiver_name, maskName);
  const mobile = receiverField(t.receiver_mobile, maskPhone);
  const phone = receiverField(t.receiver_phone, maskPhone);
  const address = receiverField(t.receiver_address, maskAddress);
  const cipher: Record<string, string> = {};
  if (name.cipher) cipher.name = name.cipher;
  if (mobile.cipher) cipher.mobile = mobile.cipher;
  if (phone.cipher) cipher.phone = phone.cipher;
  if (address.cipher) cipher.address = address.cipher;
  const phoneMasked = text(t.receiver_mobile_mask) ?? mobile.display ?? text(t.receiver_phone_mask) ?? phone.display ?? '';
  return {
    nameMasked: text(t.receiver_name_mask) ?? name.display ?? '',
    phoneMasked,
    phoneTail: phoneTailOf(phoneMasked),
    province: text(t.receiver_state) ?? '',
    city: text(t.receiver_city) ?? '',
    district: text(t.receiver_district) ?? '',
    town: text(t.receiver_town) ?? '',
    addressMasked: text(t.receiver_address_mask) ?? address.display ?? '',
    cipher,
    mergeKey: text(t.oaid) ?? '',
  };
}

function sellerFlag(v: unknown): number {
  if (!present(v)) return 0;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 5) {
    throw new MapError('seller_flag', `expected 0–5 (none, red, yellow, green, blue, purple), got ${JSON.stringify(v)}; add the new colour to Wharf before importing`);
  }
  return n;
}

export function mapTaobaoTrade(payload: unknown, shopId: string): NormalizedOrder {
  if (!isObj(payload)) throw new MapError('trade', `expected the trade object of taobao.trade.fullinfo.get, got ${payload === null ? 'null' : typeof payload}`);
  const t = payload;
  const orderId = idText(t.tid_str, 'tid_str') ?? idText(t.tid, 'tid');
  if (!orderId) throw new MapError('tid_str', 'missing: the trade has neither tid_str nor a text tid; request fields=tid_str');
  const status = text(t.status);
  if (!status) throw new MapError('status', 'missing: request status in fields');
  const createdAt = time(t.created, 'created');
  const modifiedAt = time(t.modified, 'modified');
  const paymentFen = money(t.payment, 'payment');
  const rawLines = orderList(t);
  const lines = rawLines.map(mapLine);

  let verdict;
  try {
    verdict = taobaoChannelStatus({ ...t, orders: rawLines });
  } catch (e) {
    if (e instanceof UnknownStatusError) throw new MapError('status', e.message);
    throw e;
  }

  const candidate = {
    platform: 'taobao' as const,
    shopId,
    orderId,
    platformStatus: status,
    channelStatus: verdict.channelStatus,
    refunding: verdict.refunding,
    createdAt,
    paidAt: optionalTime(t.pay_time, 'pay_time'),
    modifiedAt,
    buyerNick: text(t.buyer_nick) ?? '',
    buyerOpenId: text(t.buyer_open_uid),
    receiver: mapReceiver(t),
    lines,
    // total_fee = goods total (price × qty); older payloads may lack it, so fall back to the lines
    totalFen: money(t.total_fee, 'total_fee', lines.reduce((s, l) => s + l.priceFen * l.qty, 0)),
    paymentFen,
    postFeeFen: money(t.post_fee, 'post_fee', 0),
    discountFen: money(t.discount_fee, 'discount_fee', 0),
    buyerMessage: text(t.buyer_message) ?? '',
    sellerMemo: text(t.seller_memo) ?? '',
    sellerFlag: sellerFlag(t.seller_flag),
    channelHolds: verdict.holds,
  };
  const parsed = NormalizedOrder.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MapError(issue.path.join('.') || 'order', `${issue.message} (after mapping; the payload is kept in the inbox for a look)`);
  }
  return parsed.data;
}
