// Small pieces of JD's wire format that the simulator and the connector must agree on
// (platforms.md §4.1, §13.4): the `…_responce` root key, JD's timestamp, and order ids written
// as JSON numbers inside 360buy_param_json (the Java SDK types them Long).
import { parseShanghai } from '../../../../shared/time';

/** jingdong.pop.order.enSearch → jingdong_pop_order_enSearch_responce (JD's spelling, case kept) */
export const responceKey = (method: string): string => `${method.replace(/\./g, '_')}_responce`;

/**
 * `"key":"123"` → `"key":123` for the named keys. Wharf keeps ids as text; JD wants a number,
 * and a number past 2^53 can only be written exactly by hand, never through JSON.stringify.
 */
export function idsAsNumbers(json: string, keys: readonly string[]): string {
  return json.replace(new RegExp(`"(${keys.join('|')})":"(\\d{1,30})"`, 'g'), '"$1":$2');
}

/**
 * JD timestamps: "yyyy-MM-dd HH:mm:ss" Beijing time, or (newer gateway, used in the official
 * vector) "yyyy-MM-dd HH:mm:ss.SSS+0800". Returns epoch ms, or NaN for anything else.
 */
export function parseJdTimestamp(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d{3})([+-])(\d{2})(\d{2}))?$/.exec(text);
  if (!m) return NaN;
  let ms: number;
  try { ms = parseShanghai(m[1]!); } catch { return NaN; }
  if (m[2] === undefined) return ms;
  const offsetMin = (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5]));
  return ms + Number(m[2]) + (8 * 60 - offsetMin) * 60_000;
}

/** Gateway codes from §4.8; the app-key pair is not in the fact sheet (UNCONFIRMED). */
export const JD_CODES = {
  rateLimited: '2', missingVersion: '4', invalidVersion: '5', missingTimestamp: '7', invalidTimestamp: '8',
  missingAppKey: '9', invalidAppKey: '10', missingSign: '11', invalidSign: '12', missingMethod: '14', invalidMethod: '15',
  /** invalid/expired access_token (commonly cited; UNCONFIRMED from the table) */
  tokenExpired: '19',
} as const;

/** Business numberCodes: 10100000 success and 10100041 no-such-order are [C]; the rest UNCONFIRMED. */
export const JD_BIZ = { ok: 10100000, badParam: 10100001, windowTooLong: 10100002, noOptionalFields: 10100003, badState: 10100004, remarkTooLong: 10100039, badFlag: 10100040, noOrder: 10100041, noSku: 10100050 } as const;

/**
 * Stock write (§13.4): FULL, one SKU a call. JD marks it 推下线 in favour of
 * jingdong.ware.stock.sku.set, whose updateModel/stockModel values are UNCONFIRMED, so the old API
 * (params [C]) is used until a live shop says otherwise; its failure codes are UNCONFIRMED too.
 */
export const JD_STOCK_API = 'jingdong.stock.write.updateSkuStock';

/** page_size max: 50 per current mirrors, 100/200 in older SDK samples (UNCONFIRMED) */
export const JD_MAX_PAGE_SIZE = 50;
/** OAuth paths on open-oauth.jd.com (UNCONFIRMED, §4.3) */
export const JD_OAUTH_REFRESH_PATH = '/oauth2/refresh_token';

export const JD_ORDER_STATES = ['WAIT_SELLER_STOCK_OUT', 'SEND_TO_DISTRIBUTION_CENER', 'DISTRIBUTION_CENTER_RECEIVED', 'WAIT_GOODS_RECEIVE_CONFIRM', 'RECEIPTS_CONFIRM', 'WAIT_SELLER_DELIVERY', 'FINISHED_L', 'TRADE_CANCELED', 'LOCKED', 'PAUSE', 'POP_ORDER_PAUSE'] as const;

