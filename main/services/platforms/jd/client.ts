// JD JOS connector (platforms.md §4). Pull: jingdong.pop.order.enSearch by modified time in
// windows that stay inside JD's "≤ 1 month" rule, 50 a page, sorted newest first and listed from
// the LAST page back to page 1 (an order that changes mid-listing leaves the window or moves to
// the front; backwards paging never skips one). A pass is accepted when it saw orderTotal
// distinct orders and page 1 still says the same total; otherwise the window is listed again
// (bounded). enSearch carries the full OrderInfo (consignee encrypted), so no detail call.
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import type { PlainReceiver } from '../../../../shared/contract';
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import { JD_LOGISTICS_IDS, jdLogisticsId } from './carriers';
import { mapJdOrder } from './map';
import { signJd } from './sign';
import { pushJdStock } from './stock';
import { idsAsNumbers, JD_CODES, JD_MAX_PAGE_SIZE, JD_OAUTH_REFRESH_PATH, JD_ORDER_STATES, responceKey } from './wire';

const DAY = 86_400_000;
/** JD allows ≤ 1 month per query (§4.4); 28 days fits every calendar month */
export const JD_MAX_WINDOW_MS = 28 * DAY;
/** JD documents no index lag (unlike PDD's 3 min) */
export const JD_MANDATED_DELAY_MS = 0;
const LIST_API = 'jingdong.pop.order.enSearch';
/** what map.ts reads; optional_fields is required and only these come back */
export const JD_PULL_FIELDS = [
  'orderId', 'venderId', 'orderType', 'payType', 'orderTotalPrice', 'orderSellerPrice', 'orderPayment', 'freightPrice', 'sellerDiscount',
  'orderState', 'orderStateRemark', 'orderRemark', 'venderRemark', 'venderRemarkFlag', 'orderStartTime', 'paymentConfirmTime', 'orderEndTime',
  'modified', 'consigneeInfo', 'oaid', 'itemInfoList', 'couponDetailList', 'waybill', 'logisticsId', 'pin', 'open_id_buyer', 'parentOrderId',
].join(',');
/** decrypt purpose (scenesType) when the caller gives none — values UNCONFIRMED */
export const JD_DEFAULT_DECRYPT_SCENE = '1001';

/** App Call Limited is worth another try after a pause */
const RETRYABLE = new Set<string>([JD_CODES.rateLimited]);

export interface JdConnectorOptions {
  pageSize?: number; maxAttempts?: number; maxPasses?: number;
  /** OAuth host; default open-oauth.jd.com for the real gateway, the gateway's own origin otherwise (simulator) */
  oauthUrl?: string;
}

export interface JdConnector extends Connector {
  /** one signed router call; returns the `…_responce` object */
  call(method: string, biz: Record<string, unknown>, signal?: AbortSignal): Promise<Obj>;
}

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    if (isObj(body) && isObj(body.error_response)) {
      const er = body.error_response;
      const code = String(er.code ?? '');
      const msg = [er.zh_desc, er.en_desc].filter((x) => typeof x === 'string' && x !== '').join(' / ');
      throw new PlatformCallError(api, code, msg, RETRYABLE.has(code), undefined, status);
    }
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body)) throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    const r = body[responceKey(api)];
    if (!isObj(r)) throw new PlatformCallError(api, 'bad_response', `no ${responceKey(api)} in the answer: ${text.slice(0, 200)}`, true, undefined, status);
    return r;
  };
}

function oauthBase(creds: ShopCredentials, options: JdConnectorOptions): string {
  if (options.oauthUrl) return options.oauthUrl.replace(/\/$/, '');
  const url = new URL(creds.gatewayUrl);
  return /(^|\.)(jd\.com|360buy\.com)$/.test(url.hostname) ? 'https://open-oauth.jd.com' : url.origin;
}

/** apiResult / *_result with success:false → the platform's own code and words, not retried */
function bizFailure(api: string, r: unknown): PlatformCallError {
  const e = isObj(r) ? r : {};
  const code = String(e.numberCode ?? e.error_code ?? e.errorCode ?? e.code ?? 'not_success');
  const msg = String(e.chineseErrCode ?? e.chinese_err_code ?? e.msg ?? `JD did not confirm: ${JSON.stringify(r).slice(0, 200)}`);
  return new PlatformCallError(api, code, msg, false);
}

export function createJdConnector(creds: ShopCredentials, deps: ConnectorDeps, options: JdConnectorOptions = {}): JdConnector {
  if (creds.platform !== 'jd') throw new Error(`createJdConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const pageSize = Math.min(options.pageSize ?? JD_MAX_PAGE_SIZE, JD_MAX_PAGE_SIZE);
  const maxPasses = options.maxPasses ?? 4;

  /** one signed call: system params + 360buy_param_json, signed over the exact JSON text sent */
  function raw(method: string, biz: Record<string, unknown>, signal?: AbortSignal): Promise<Obj> {
    return http.call(method, () => {
      const params: Record<string, string> = {
        method, app_key: creds.appKey, access_token: creds.session, timestamp: formatShanghai(deps.clock.now()), v: '2.0',
        // order and SKU ids go as JSON numbers (the SDK types them Long), written exactly even past 2^53
        '360buy_param_json': idsAsNumbers(JSON.stringify(biz), ['order_id', 'orderId', 'skuId']),
      };
      params.sign = signJd(params, creds.secret);
      return { url: creds.gatewayUrl, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: new URLSearchParams(params).toString() };
    }, readEnvelope(method), signal) as Promise<Obj>;
  }

  const keeper = createAuthKeeper({
    platform: 'JD', creds, deps,
    isLapsed: (e) => e.code === JD_CODES.tokenExpired,
    renew: async (refreshToken) => {
      const api = 'oauth2/refresh_token';
      const body = await http.call(api, () => ({
        url: `${oauthBase(creds, options)}${JD_OAUTH_REFRESH_PATH}`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams({ app_key: creds.appKey, app_secret: creds.secret, grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
      }), (status, text) => parseBody(api, status, text)) as unknown;
      if (!isObj(body) || String(body.code ?? '0') !== '0' || typeof body.access_token !== 'string') {
        const b = isObj(body) ? body : {};
        throw new PlatformCallError(api, String(b.code ?? 'bad_response'), String(b.msg ?? 'no access_token in the refresh answer'), false);
      }
      const expiresIn = Number(body.expires_in);
      return { session: body.access_token, refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined, expiresAt: Number.isFinite(expiresIn) ? deps.clock.now() + expiresIn * 1000 : undefined };
    },
  });

  const call = (method: string, biz: Record<string, unknown>, signal?: AbortSignal) => keeper.authed(() => raw(method, biz, signal));

  interface Page { rows: Array<{ id: string; modified: number; order: Obj }>; total: number; sig: string }

  async function listPage(query: Record<string, unknown>, page: number, from: number, to: number, prevSig: string, signal?: AbortSignal): Promise<Page> {
    let last: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const r = (await call(LIST_API, { ...query, page: String(page) }, signal)).searchorderinfo_result;
      if (!isObj(r)) throw new PlatformCallError(LIST_API, 'bad_response', 'no searchorderinfo_result in the answer', true);
      if (!isObj(r.apiResult) || r.apiResult.success !== true) throw bizFailure(LIST_API, r.apiResult);
      const total = Number(r.orderTotal);
      if (!Number.isInteger(total) || total < 0) throw new PlatformCallError(LIST_API, 'bad_response', `orderTotal missing or not a count: ${JSON.stringify(r.orderTotal)}`, true);
      const rows: Page['rows'] = [];
      let outside = 0;
      for (const o of Array.isArray(r.orderInfoList) ? r.orderInfoList as unknown[] : []) {
        if (!isObj(o)) continue;
        // parseJsonKeepingBigInts left big ids as text; small ones are exact numbers
        const id = typeof o.orderId === 'string' ? o.orderId : typeof o.orderId === 'number' && Number.isSafeInteger(o.orderId) ? String(o.orderId) : '';
        let modified = NaN;
        try { modified = typeof o.modified === 'string' ? parseShanghai(o.modified) : NaN; } catch { /* malformed: kept, map quarantines it */ }
        if (!id) continue; // nothing to file it under; the pass check notices the gap
        if (!Number.isNaN(modified) && (modified < from || modified > to + 999)) { outside++; continue; }
        rows.push({ id, modified: Number.isNaN(modified) ? from : modified, order: o });
      }
      const sig = rows.map((x) => `${x.id}@${x.modified}`).join(',');
      last = { rows, total, sig };
      if (outside === 0 && !(sig !== '' && sig === prevSig)) return last;
      await http.sleep(500 * attempt); // a stale or repeated page: ask again
    }
    return last!;
  }

  async function pullWindow(ws: number, we: number, delivered: Map<string, number>, opts: PullOptions) {
    // whole seconds, both ends inclusive: [ws, we) = [ceil(ws), ceil(we) - 1 s]
    const from = Math.ceil(ws / 1000) * 1000;
    const to = Math.ceil(we / 1000) * 1000 - 1000;
    let pages = 0;
    let orders = 0;
    if (to < from) return { pages, orders };
    const query = { start_date: formatShanghai(from), end_date: formatShanghai(to), order_state: JD_ORDER_STATES.join(','), optional_fields: JD_PULL_FIELDS, page_size: String(pageSize), sortType: '1' };
    let probe = await listPage(query, 1, from, to, '', opts.signal);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const lastPage = Math.max(1, Math.ceil(probe.total / pageSize));
      const seen = new Set<string>();
      let prevSig = '';
      for (let p = lastPage; p >= 1; p--) {
        opts.signal?.throwIfAborted();
        const page = p === 1 && lastPage === 1 ? probe : await listPage(query, p, from, to, prevSig, opts.signal);
        prevSig = page.sig;
        const batch: RawOrder[] = [];
        for (const row of page.rows) {
          seen.add(row.id);
          if ((delivered.get(row.id) ?? -1) >= row.modified) continue;
          delivered.set(row.id, row.modified);
          batch.push({ orderId: row.id, modifiedAt: row.modified, payload: row.order });
        }
        if (batch.length > 0) {
          await opts.onPage(batch);
          pages++;
          orders += batch.length;
        }
      }
      const after = await listPage(query, 1, from, to, '', opts.signal);
      if (after.total === probe.total && seen.size >= probe.total) break;
      probe = after;
    }
    return { pages, orders };
  }

  async function oaidOf(orderId: string): Promise<string> {
    const r = (await call('jingdong.pop.order.enGet', { order_id: orderId, optional_fields: 'orderId,oaid' })).orderDetailInfo;
    if (!isObj(r) || !isObj(r.apiResult) || r.apiResult.success !== true) throw bizFailure('jingdong.pop.order.enGet', isObj(r) ? r.apiResult : r);
    const oaid = isObj(r.orderInfo) && typeof r.orderInfo.oaid === 'string' ? r.orderInfo.oaid : '';
    if (!oaid) throw new PlatformCallError('jingdong.pop.order.enGet', 'no_oaid', `JD gave no oaid for ${orderId}, so its receiver cannot be decrypted`, false);
    return oaid;
  }

  return {
    platform: 'jd',
    maxWindowMs: JD_MAX_WINDOW_MS,
    mandatedDelayMs: JD_MANDATED_DELAY_MS,
    map: mapJdOrder,
    call,
    async test() {
      const now = Math.floor(deps.clock.now() / 1000) * 1000;
      const r = (await call(LIST_API, { start_date: formatShanghai(now - 60_000), end_date: formatShanghai(now), optional_fields: 'orderId', page: '1', page_size: '1' })).searchorderinfo_result;
      if (!isObj(r) || !isObj(r.apiResult) || r.apiResult.success !== true) throw bizFailure(LIST_API, isObj(r) ? r.apiResult : r);
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const end = Math.min(opts.end, deps.clock.now() - JD_MANDATED_DELAY_MS);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < end; ws += JD_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(end, ws + JD_MAX_WINDOW_MS), delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, carrierCode, trackingNo }) {
      // SOP 出库 is per order: JD takes no line list, so lineIds cannot narrow it
      const logiCoprId = jdLogisticsId(carrierCode);
      if (logiCoprId === undefined) throw new PlatformCallError('jingdong.pop.order.shipment', 'unknown_carrier', `carrier ${carrierCode} has no JD logiCoprId in Wharf yet; known: ${Object.keys(JD_LOGISTICS_IDS).join(', ')}`, false);
      const r = (await call('jingdong.pop.order.shipment', { orderId, logiCoprId: String(logiCoprId), logiNo: trackingNo })).sopjosshipment_result;
      if (!isObj(r) || r.success !== true) throw bizFailure('jingdong.pop.order.shipment', r);
    },
    async setMemo({ orderId, memo, flag }) {
      // flag is required by JD ("不填默认为0" = GRAY): no flag given means none, as Wharf's 0
      const r = (await call('jingdong.pop.order.modifyVenderRemark', { order_id: orderId, flag: flag ?? 0, remark: memo })).modifyvenderremark_result;
      if (!isObj(r) || r.success !== true) throw bizFailure('jingdong.pop.order.modifyVenderRemark', r);
    },
    pushStock: ({ items }) => pushJdStock((method, biz) => call(method, biz), items),
    async revealReceiver({ orderId, mergeKey, scene }): Promise<PlainReceiver> {
      const api = 'jingdong.jos.order.oaid.decrypt';
      const oaid = mergeKey || await oaidOf(orderId);
      const req = { orderType: 'POP', appName: 'Wharf', orderInfos: [{ orderId, oaid }], scenesType: scene || JD_DEFAULT_DECRYPT_SCENE };
      const r = (await call(api, { getReceiverInfoListReqVO: req })).returnType;
      if (!isObj(r) || String(r.code) !== '0' || !Array.isArray(r.data)) throw bizFailure(api, r);
      const hit = (r.data as unknown[]).find((x): x is Obj => isObj(x) && String(x.orderId) === orderId);
      if (!hit || hit.success !== true) throw new PlatformCallError(api, 'not_decrypted', String(hit?.msg ?? `JD returned no receiver for ${orderId}`), false);
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      const region = [hit.province, hit.city, hit.county, hit.town].map(s).join('');
      const full = s(hit.fullAddress);
      return {
        name: s(hit.fullname), mobile: s(hit.mobile), phone: s(hit.telephone),
        province: s(hit.province), city: s(hit.city), district: s(hit.county), town: s(hit.town),
        // Wharf's address is the street part; JD's fullAddress repeats the region in front
        address: region && full.startsWith(region) ? full.slice(region.length) : full,
      };
    },
  };
}
