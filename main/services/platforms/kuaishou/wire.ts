// Kuaishou wire facts the connector and its simulator share. Kuaishou publishes its envelope and
// most codes only loosely (platforms.md §5.8, §12), so every UNCONFIRMED choice lives here as a
// named constant: a correction from a live shop is one edit, and both sides move together.

/** Production gateway; the URL path is the method with "." → "/" (§5.1). */
export const KUAISHOU_GATEWAY = 'https://openapi.kwaixiaodian.com';
export const kuaishouPath = (method: string): string => `/${method.replace(/\./g, '/')}`;
/** OAuth refresh (§5.3): POST, answers a new access_token AND a new refresh_token. */
export const KUAISHOU_REFRESH_PATH = '/oauth2/refresh_token';

/** `{"result":1,…}` is success (§5.8: "1为正确"); anything else carries `error_msg`. */
export const KUAISHOU_OK = 1;

/**
 * Gateway codes. Only 300004/300005 are documented (返回码说明.md); the rest are UNCONFIRMED —
 * what the simulator answers and the client reads.
 */
export const KUAISHOU_CODES = {
  /** UNCONFIRMED: missing or malformed system/business parameter */
  badParam: 20,
  /** UNCONFIRMED: appkey unknown */
  badAppKey: 21,
  /** UNCONFIRMED: sign does not verify */
  badSign: 24,
  /** UNCONFIRMED: access_token expired, revoked or unknown — refresh, then re-authorize */
  tokenExpired: 28,
  /** UNCONFIRMED: over the QPS limit (§5.4: 300/app, 300/user for open.order.cursor.list) */
  rateLimited: 29,
  /** UNCONFIRMED: refresh_token expired, rotated away or unknown (re-authorize) */
  refreshInvalid: 100_301,
  /** [C] 300004 SEARCH TIME RANGE EXPAND 7 DAYS */
  windowTooLong: 300_004,
  /** [C] 300005 CAN NOT SEARCH BEFORE 90 DAYS */
  tooOld: 300_005,
  /** UNCONFIRMED: no such order for this seller */
  orderNotFound: 300_010,
  /** UNCONFIRMED: the order's state forbids the write (deliver on a shipped order, open refund) */
  orderState: 300_011,
  /** UNCONFIRMED: per-item decrypt refusal (交易成功 over 14 days, §5.6) */
  decryptRefused: 300_020,
  /** UNCONFIRMED (§13.5 publishes no item codes): no such item for this seller, or deleted */
  itemNotFound: 300_030,
  /** UNCONFIRMED: the item has no such SKU */
  skuNotFound: 300_031,
  /** UNCONFIRMED: a reduce would take the SKU below 0 */
  stockNotEnough: 300_032,
} as const;

/**
 * Stock (§13.5): open.item.sku.stock.update is INCREMENTAL only — a positive skuChangeStock and
 * changeType 1 add / 2 reduce — so a full set reads the SKU list first and sends the difference.
 */
export const KUAISHOU_SKU_LIST_API = 'open.item.sku.list.get';
export const KUAISHOU_STOCK_API = 'open.item.sku.stock.update';
export const KUAISHOU_STOCK_ADD = 1;
export const KUAISHOU_STOCK_REDUCE = 2;
/** "0 < skuChangeStock < 9 999 999" (a contract generator built from the doc): bigger moves go in steps */
export const KUAISHOU_MAX_STOCK_CHANGE = 9_999_998;
/** UNCONFIRMED: field names of one SKU in open.item.sku.list.get's data list */
export const KUAISHOU_SKU_FIELDS = { skuId: 'kwaiSkuId', stock: 'skuStock', code: 'skuNick' } as const;

/** codes worth another try: throttling only; every other refusal repeats itself */
export const KUAISHOU_RETRYABLE: ReadonlySet<string> = new Set([String(KUAISHOU_CODES.rateLimited)]);

export const KUAISHOU_MAX_WINDOW_MS = 7 * 24 * 3600_000;
export const KUAISHOU_MAX_HISTORY_MS = 90 * 24 * 3600_000;

/** open.order.cursor.list parameter values — all UNCONFIRMED (§5.4, §12) */
export const KUAISHOU_QUERY_BY_CREATE = 1;
export const KUAISHOU_QUERY_BY_UPDATE = 2;
export const KUAISHOU_VIEW_ALL = 1;
export const KUAISHOU_SORT_DESC = 1;
export const KUAISHOU_SORT_ASC = 2;
export const KUAISHOU_MAX_PAGE_SIZE = 100;
/** the cursor the last page carries (§5.4, UNCONFIRMED) */
export const KUAISHOU_CURSOR_END = 'nomore';

/** item refundStatus values the simulator writes and map.ts reads — UNCONFIRMED (§5.5) */
export const KUAISHOU_REFUND = { none: 0, open: 1, success: 2, closed: 3 } as const;

/** note.add flag (§13.5): 0 不插旗, 1 RED, 2 YELLOW, 3 GREEN, 4 BLUE, 5 PURPLE, 6 GREY (cannot be cleared) */
export const KUAISHOU_FLAG_GREY = 6;
/** UNCONFIRMED (ks-py models): longest note one call may add */
export const KUAISHOU_NOTE_MAX = 500;
/** UNCONFIRMED: how appended notes read back in one sellerNote text */
export const KUAISHOU_NOTE_JOIN = '\n';

/** Keys whose values are Java longs on the wire: digit text written as a bare JSON number. */
const LONG_KEYS = new Set(['oid', 'orderId', 'bizId', 'orderItemId', 'itemId', 'skuId', 'kwaiItemId', 'kwaiSkuId']);
const MARK = '\u0001ks-long:';

/**
 * JSON with ids as bare numbers, however long (an 18–19-digit oid is a JSON number on Kuaishou's
 * wire; JS numbers cannot hold it, so ids travel as text inside Wharf and are unquoted here).
 */
export function kuaishouJson(value: unknown): string {
  const text = JSON.stringify(value, (k, v: unknown) => (LONG_KEYS.has(k) && typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) ? `${MARK}${v}` : v));
  return text.replace(/"\\u0001ks-long:(\d+)"/g, '$1');
}
