// Youzan Cloud connector (platforms.md §6, §13.6). Calls are POST {host}/api/{api}/{version}
// ?access_token=… with a JSON body and no signature. Pull: youzan.trades.sold.get 4.0.4 by
// update time, in windows that end at least 30 s before Youzan's clock (its list lags, §6.2), each
// listed from the LAST page back to page 1 (rows sorted newest first drift towards the front while
// we page; backwards paging never skips one). A pass is accepted when it saw total_results
// distinct trades and page 1 still says the same total; otherwise the window is listed again. A
// window holding more than 100 pages (the paging cap) is split in two.
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import { mapYouzanOrder } from './map';
import { YOUZAN_EXPRESS_IDS, youzanExpressId } from './carriers';
import { bareNumbers } from '../stockKit';
import { pushYouzanStock } from './stock';
import { YOUZAN_DECRYPT_API, YOUZAN_DETAIL_API, YOUZAN_LIST_API, YOUZAN_MEMO_API, YOUZAN_SHIP_API, YOUZAN_TOKEN_PATH } from './api';

/**
 * Youzan allows update-time spans up to 3 months, but one query pages at most 100 × 100 trades;
 * a day per window keeps the engine's cursor moving during a long catch-up.
 */
export const YOUZAN_MAX_WINDOW_MS = 24 * 3600_000;
/** "poll with ≥ 30 s lag" (§6.2) */
export const YOUZAN_MANDATED_DELAY_MS = 30_000;
const MAX_PAGES = 100;

/** gateway 4101 and the business rate-limit / timeout codes seen in Youzan's docs are worth another try */
const RETRYABLE = new Set(['4101', '20001', '500100004', '123000042', '141500203', '106000001', '106100118', '-100']);
/** 4201 no/illegal token, 4202 expired, 4203 unknown: renew once, then ask for re-authorization */
const LAPSED = new Set(['4201', '4202', '4203']);

export interface YouzanConnectorOptions { pageSize?: number; maxAttempts?: number; maxPasses?: number }

export interface YouzanConnector extends Connector {
  /** `bareKeys`: digit-text values under these keys go as JSON numbers (Long ids), exactly */
  call(api: { name: string; version: string }, params: Record<string, unknown>, signal?: AbortSignal, bareKeys?: readonly string[]): Promise<Obj>;
}

type Api = { name: string; version: string };

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    const fail = (code: string, msg: string) => new PlatformCallError(api, code, msg, RETRYABLE.has(code), undefined, status);
    if (isObj(body) && isObj(body.gw_err_resp)) throw fail(String(body.gw_err_resp.err_code ?? ''), String(body.gw_err_resp.err_msg ?? ''));
    // the 3.0.0 memo API may answer in the old gateway's {error_response:{code,msg}} shape
    if (isObj(body) && isObj(body.error_response)) throw fail(String(body.error_response.code ?? ''), String(body.error_response.msg ?? ''));
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body)) throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    // a failed answer may still carry an empty list in data: success decides, never the list
    if (body.success === false || (body.code !== undefined && String(body.code) !== '200')) throw fail(String(body.code ?? 'not_success'), String(body.message ?? ''));
    return body;
  };
}

/** Accepts https://open.youzanyun.com, …/ or …/api as the gateway. */
const hostOf = (gatewayUrl: string) => gatewayUrl.replace(/\/+$/, '').replace(/\/api$/, '');

const ymd = (ms: number) => formatShanghai(ms);

export function createYouzanConnector(creds: ShopCredentials, deps: ConnectorDeps, options: YouzanConnectorOptions = {}): YouzanConnector {
  if (creds.platform !== 'youzan') throw new Error(`createYouzanConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const pageSize = options.pageSize ?? 100;
  const maxPasses = options.maxPasses ?? 6;
  const host = hostOf(creds.gatewayUrl);

  function raw(api: Api, biz: Record<string, unknown>, signal?: AbortSignal, bareKeys: readonly string[] = []): Promise<Obj> {
    return http.call(api.name, () => ({
      // the token goes in the query only: in a header or the body Youzan answers 4201
      url: `${host}/api/${api.name}/${api.version}?access_token=${encodeURIComponent(creds.session)}`,
      method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: bareNumbers(JSON.stringify(biz), bareKeys),
    }), readEnvelope(api.name), signal) as Promise<Obj>;
  }

  const keeper = createAuthKeeper({
    platform: 'Youzan', creds, deps,
    isLapsed: (e) => LAPSED.has(e.code),
    // authorize_type=refresh_token with the app's client_id/client_secret (appKey/secret; may be empty for a self-use app's sim)
    renew: async (refreshToken) => {
      const api = 'auth/token';
      const body = await http.call(api, () => ({
        url: `${host}${YOUZAN_TOKEN_PATH}`, method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' },
        body: JSON.stringify({ authorize_type: 'refresh_token', client_id: creds.appKey, client_secret: creds.secret, refresh_token: refreshToken }),
      }), readEnvelope(api)) as Obj;
      const d = body.data;
      if (!isObj(d) || typeof d.access_token !== 'string') throw new PlatformCallError(api, 'bad_response', 'no access_token in the token answer', false);
      // expires: epoch ms in the SDK's samples (UNCONFIRMED); expires_in seconds as a fallback
      const expiresAt = typeof d.expires === 'number' && d.expires > 1e12 ? d.expires : typeof d.expires_in === 'number' ? deps.clock.now() + d.expires_in * 1000 : undefined;
      return { session: d.access_token, refreshToken: typeof d.refresh_token === 'string' ? d.refresh_token : undefined, expiresAt };
    },
  });

  const call = (api: Api, biz: Record<string, unknown>, signal?: AbortSignal, bareKeys?: readonly string[]) => keeper.authed(() => raw(api, biz, signal, bareKeys));

  /** anonymous: rows without a tid (nothing to file them under; counted so they cannot stall a pass) */
  interface Page { rows: Array<{ tid: string; modified: number; order: Obj }>; total: number; sig: string; anonymous: number }
  const LIST = YOUZAN_LIST_API.name;

  async function listPage(from: number, to: number, page: number, prevSig: string, signal?: AbortSignal): Promise<Page> {
    let last: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const body = await call(YOUZAN_LIST_API, { start_update: ymd(from), end_update: ymd(to), page_no: page, page_size: pageSize }, signal);
      const d = body.data;
      if (!isObj(d)) throw new PlatformCallError(LIST, 'bad_response', 'no data in a successful answer', true);
      const total = Number(d.total_results);
      if (!Number.isInteger(total) || total < 0) throw new PlatformCallError(LIST, 'bad_response', `total_results missing or not a count: ${JSON.stringify(d.total_results)}`, true);
      const list = Array.isArray(d.full_order_info_list) ? d.full_order_info_list : [];
      const rows: Page['rows'] = [];
      let outside = 0;
      let anonymous = 0;
      for (const item of list as unknown[]) {
        const info = isObj(item) && isObj(item.full_order_info) && isObj(item.full_order_info.order_info) ? item.full_order_info.order_info : undefined;
        const tid = typeof info?.tid === 'string' ? info.tid : '';
        if (!tid) { anonymous++; continue; }
        let modified = NaN;
        try { modified = typeof info!.update_time === 'string' ? parseShanghai(info!.update_time) : NaN; } catch { /* malformed: kept, map quarantines it */ }
        if (!Number.isNaN(modified) && (modified < from || modified > to + 999)) { outside++; continue; }
        rows.push({ tid, modified: Number.isNaN(modified) ? from : modified, order: item as Obj });
      }
      const sig = rows.map((x) => `${x.tid}@${x.modified}`).join(',');
      last = { rows, total, sig, anonymous };
      if (outside === 0 && !(sig !== '' && sig === prevSig)) return last;
      await http.sleep(500 * attempt); // a stale or repeated page: ask again
    }
    return last!;
  }

  /** [from, to]: whole seconds, both ends inclusive (as start_update/end_update are) */
  async function pullRange(from: number, to: number, delivered: Map<string, number>, opts: PullOptions): Promise<{ pages: number; orders: number }> {
    let pages = 0;
    let orders = 0;
    let probe = await listPage(from, to, 1, '', opts.signal);
    for (let pass = 1; ; pass++) {
      if (probe.total > pageSize * MAX_PAGES) {
        // Youzan pages no deeper than 100: list the two halves instead
        if (to - from < 2000) throw new PlatformCallError(LIST, 'too_many', `more than ${pageSize * MAX_PAGES} trades updated within ${ymd(from)}–${ymd(to)}; Youzan pages no deeper`, false);
        const mid = Math.floor((from + to) / 2000) * 1000;
        const a = await pullRange(from, mid, delivered, opts);
        const b = await pullRange(mid + 1000, to, delivered, opts);
        return { pages: pages + a.pages + b.pages, orders: orders + a.orders + b.orders };
      }
      const lastPage = Math.max(1, Math.ceil(probe.total / pageSize));
      const seen = new Set<string>();
      // page 1's rows are known: the last page repeating them is a duplicated page too
      let prevSig = lastPage > 1 ? probe.sig : '';
      for (let p = lastPage; p >= 1; p--) {
        opts.signal?.throwIfAborted();
        const page = p === 1 && lastPage === 1 ? probe : await listPage(from, to, p, prevSig, opts.signal);
        prevSig = page.sig;
        for (let i = 0; i < page.anonymous; i++) seen.add(`#${p}:${i}`);
        const batch: RawOrder[] = [];
        for (const row of page.rows) {
          seen.add(row.tid);
          // one delivery per (tid, update_time): pages repeat rows when trades move between them
          if ((delivered.get(row.tid) ?? -1) >= row.modified) continue;
          delivered.set(row.tid, row.modified);
          batch.push({ orderId: row.tid, modifiedAt: row.modified, payload: row.order });
        }
        if (batch.length > 0) {
          await opts.onPage(batch);
          pages++;
          orders += batch.length;
        }
      }
      const after = await listPage(from, to, 1, '', opts.signal);
      if (after.total === probe.total && seen.size >= probe.total) return { pages, orders };
      if (pass >= maxPasses) throw new PlatformCallError(LIST, 'unsettled', `the trade list for ${ymd(from)}–${ymd(to)} kept changing over ${pass} passes; the pull will be run again`, true);
      probe = after;
    }
  }

  return {
    platform: 'youzan',
    maxWindowMs: YOUZAN_MAX_WINDOW_MS,
    mandatedDelayMs: YOUZAN_MANDATED_DELAY_MS,
    map: mapYouzanOrder,
    call,
    async test() {
      const to = Math.floor((deps.clock.now() - YOUZAN_MANDATED_DELAY_MS) / 1000) * 1000;
      await call(YOUZAN_LIST_API, { start_update: ymd(to - 60_000), end_update: ymd(to), page_no: 1, page_size: 1 });
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const end = Math.min(opts.end, deps.clock.now() - YOUZAN_MANDATED_DELAY_MS);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < end; ws += YOUZAN_MAX_WINDOW_MS) {
        // [ws, we) in whole seconds: [ceil(ws), ceil(we) − 1 s]
        const from = Math.ceil(ws / 1000) * 1000;
        const to = Math.ceil(Math.min(end, ws + YOUZAN_MAX_WINDOW_MS) / 1000) * 1000 - 1000;
        if (to < from) continue;
        const r = await pullRange(from, to, delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, lineIds, carrierCode, trackingNo }) {
      const api = YOUZAN_SHIP_API.name;
      const outStype = youzanExpressId(carrierCode);
      if (outStype === undefined) throw new PlatformCallError(api, 'unknown_carrier', `carrier ${carrierCode} has no Youzan express id in Wharf yet; known: ${Object.keys(YOUZAN_EXPRESS_IDS).join(', ')}`, false);
      // oids: one comma-joined string, only for a partial shipment
      const oids = lineIds && lineIds.length > 0 ? { oids: lineIds.join(',') } : {};
      const body = await call(YOUZAN_SHIP_API, { tid: orderId, is_no_express: 0, out_stype: outStype, out_sid: trackingNo, ...oids });
      if (!isObj(body.data) || body.data.is_success !== true) throw new PlatformCallError(api, 'not_success', `Youzan did not confirm the shipment: ${JSON.stringify(body).slice(0, 200)}`, false);
    },
    async setMemo({ orderId, memo, flag }) {
      // flag = star 1–5; Youzan has no "no star" value here, so 0 leaves the star as it is
      const star = flag ? { flag: String(flag) } : {};
      const body = await call(YOUZAN_MEMO_API, { tid: orderId, memo, ...star });
      const r = isObj(body.data) ? body.data : isObj(body.response) ? body.response : undefined;
      if (r?.is_success !== true) throw new PlatformCallError(YOUZAN_MEMO_API.name, 'not_success', `Youzan did not confirm the memo: ${JSON.stringify(body).slice(0, 200)}`, false);
    },
    pushStock: ({ items }) => pushYouzanStock((api, biz, bareKeys) => call(api, biz, undefined, bareKeys), items),
    async revealReceiver({ orderId }) {
      const body = await call(YOUZAN_DETAIL_API, { tid: orderId });
      const full = isObj(body.data) && isObj(body.data.full_order_info) ? body.data.full_order_info : undefined;
      const addr = full && isObj(full.address_info) ? full.address_info : undefined;
      if (!addr) throw new PlatformCallError(YOUZAN_DETAIL_API.name, 'bad_response', `no address_info for ${orderId}`, false);
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      const fields = { name: s(addr.receiver_name), mobile: s(addr.receiver_tel), address: s(addr.delivery_address) };
      const sources = [...new Set(Object.values(fields).filter((v) => /^\$.+\$\d+\$$/.test(v)))];
      let plain: Record<string, unknown> = {};
      if (sources.length > 0) {
        const d = (await call(YOUZAN_DECRYPT_API, { sources })).data;
        if (!isObj(d)) throw new PlatformCallError(YOUZAN_DECRYPT_API.name, 'bad_response', 'no cipher → plain map in the decrypt answer', false);
        plain = d;
      }
      // a field that is not ciphertext (a shop without encryption) is already plain
      const open = (v: string) => (sources.includes(v) ? s(plain[v]) : v);
      return { name: open(fields.name), mobile: open(fields.mobile), phone: '', province: s(addr.delivery_province), city: s(addr.delivery_city), district: s(addr.delivery_district), town: '', address: open(fields.address) };
    },
  };
}
