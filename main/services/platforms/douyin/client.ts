// Douyin 抖店 connector (platforms.md §2). Every call is POST {gateway}/{method with . → /} with
// the system params in the query and param_json (keys sorted, compact) as the JSON body, signed
// over app_key/method/param_json/timestamp/v; the timestamp is Beijing wall time, which CI in
// UTC would get wrong with local-time formatting. Pull: order.searchList by update_time in
// windows of ≤ 30 min (the real limit is UNCONFIRMED), newest first, listed from the LAST page
// back to page 0 (rows that change while we page drift towards the front; backwards paging never
// skips one). A window still open to new changes is listed again until a pass saw `total`
// distinct orders and page 0 still says the same total (bounded; overlapping pulls catch the rest).
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import { formatShanghai } from '../../../../shared/time';
import { DOUYIN_COMPANY_CODES, douyinCompanyCode } from './carriers';
import { mapDouyinOrder } from './map';
import { signDouyin, sortedParamJson } from './sign';
import { douyinStarOf } from './stars';
import { revealDouyinReceiver } from './reveal';
import { pushDouyinStock } from './stock';
import { bareNumbers } from '../stockKit';

/** UNCONFIRMED (§2.4, §12): platforms.md advises ≤ 30–60 min; the lower end is safe either way */
export const DOUYIN_MAX_WINDOW_MS = 30 * 60_000;
/** a window ending this long before our clock can no longer gain rows (clock skew allowance) */
const SETTLED_AFTER_MS = 10 * 60_000;
const LIST_API = 'order.searchList';

/** §2.8: service unavailable / timeout / rate limited are worth another try */
const RETRYABLE = new Set(['20000', '20001', '60000']);

export interface DouyinConnectorOptions { pageSize?: number; maxAttempts?: number; maxPasses?: number }

export interface DouyinConnector extends Connector {
  /** `bareKeys`: digit-text values under these keys go as JSON numbers (int64 ids), exactly */
  call(method: string, params: Record<string, unknown>, signal?: AbortSignal, bareKeys?: readonly string[]): Promise<Obj>;
}

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    if (isObj(body) && body.code !== undefined) {
      const code = String(body.code);
      if (code === '10000') return isObj(body.data) ? body.data : {};
      // 10001 部分失败 (§2.8): an API with per-item results (sku.syncStockBatchMultiProducts) says
      // in them which items failed; the caller reads them (that it answers 10001 is UNCONFIRMED)
      if (code === '10001' && isObj(body.data) && Array.isArray(body.data.results)) return body.data;
      const msg = [body.msg, body.sub_msg].filter((x) => typeof x === 'string' && x !== '').join(': ');
      const sub = typeof body.sub_code === 'string' && body.sub_code !== '' ? body.sub_code : undefined;
      throw new PlatformCallError(api, code, msg, RETRYABLE.has(code), sub, status);
    }
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
  };
}

interface Row { id: string; modified: number; order: Obj }
interface Page { rows: Row[]; total: number; sig: string }

export function createDouyinConnector(creds: ShopCredentials, deps: ConnectorDeps, options: DouyinConnectorOptions = {}): DouyinConnector {
  if (creds.platform !== 'douyin') throw new Error(`createDouyinConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const pageSize = options.pageSize ?? 100;
  const maxPasses = options.maxPasses ?? 4;
  // Douyin signs with hmac-sha256 (default) or legacy md5 only
  const signMethod = creds.signMethod === 'md5' ? 'md5' : 'hmac-sha256';
  const base = creds.gatewayUrl.replace(/\/+$/, '');

  async function raw(method: string, biz: Record<string, unknown>, withToken: boolean, signal?: AbortSignal, bareKeys: readonly string[] = []): Promise<Obj> {
    return http.call(method, () => {
      // signed over the exact text sent, numbers unquoted
      const paramJson = bareNumbers(sortedParamJson(biz), bareKeys);
      const timestamp = formatShanghai(deps.clock.now());
      const q = new URLSearchParams({ app_key: creds.appKey, method, v: '2', timestamp, sign_method: signMethod });
      if (withToken) q.set('access_token', creds.session);
      q.set('sign', signDouyin({ appKey: creds.appKey, appSecret: creds.secret, method, paramJson, timestamp }, signMethod));
      return {
        url: `${base}/${method.replace(/\./g, '/')}?${q}`, method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8', 'x-open-no-old-err-code': '1' }, body: paramJson,
      };
    }, readEnvelope(method), signal) as Promise<Obj>;
  }

  const keeper = createAuthKeeper({
    platform: 'Douyin', creds, deps,
    isLapsed: (e) => e.code === '40003' && /^isv\.access-token-(expired|no-existed|invalid)$/.test(e.subCode ?? ''),
    renew: async (refreshToken) => {
      const d = await raw('token.refresh', { grant_type: 'refresh_token', refresh_token: refreshToken }, false);
      if (typeof d.access_token !== 'string' || d.access_token === '') throw new PlatformCallError('token.refresh', 'bad_response', 'no access_token in the refresh answer', false);
      // expires_in is relative seconds (§2.3)
      const expiresIn = Number(d.expires_in);
      return { session: d.access_token, refreshToken: typeof d.refresh_token === 'string' && d.refresh_token ? d.refresh_token : undefined, expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? deps.clock.now() + expiresIn * 1000 : undefined };
    },
  });

  const call = (method: string, biz: Record<string, unknown>, signal?: AbortSignal, bareKeys?: readonly string[]) => keeper.authed(() => raw(method, biz, true, signal, bareKeys));

  async function listPage(query: Record<string, unknown>, page: number, from: number, to: number, prevSig: string, signal?: AbortSignal): Promise<Page> {
    let last: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const d = await call(LIST_API, { ...query, page }, signal);
      const total = Number(d.total);
      if (!Number.isInteger(total) || total < 0) throw new PlatformCallError(LIST_API, 'bad_response', `total missing or not a count: ${JSON.stringify(d.total)}`, true);
      const list = Array.isArray(d.shop_order_list) ? d.shop_order_list : [];
      const rows: Row[] = [];
      let outside = 0;
      for (const o of list as unknown[]) {
        if (!isObj(o)) continue;
        const id = typeof o.order_id === 'string' ? o.order_id : typeof o.order_id === 'number' ? String(o.order_id) : '';
        if (!id) continue; // nothing to file it under; the pass check notices the gap
        const secs = typeof o.update_time === 'number' ? o.update_time : typeof o.update_time === 'string' && /^\d+$/.test(o.update_time) ? Number(o.update_time) : NaN;
        const modified = Number.isInteger(secs) && secs > 0 ? secs * 1000 : NaN; // malformed: kept, map quarantines it
        if (!Number.isNaN(modified) && (modified < from || modified > to)) { outside++; continue; }
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
    // unix seconds, both ends inclusive: [ws, we) = [ceil(ws), ceil(we) - 1 s]
    const from = Math.ceil(ws / 1000) * 1000;
    const to = Math.ceil(we / 1000) * 1000 - 1000;
    let pages = 0;
    let orders = 0;
    if (to < from) return { pages, orders };
    const query = { update_time_start: from / 1000, update_time_end: to / 1000, order_by: 'update_time', order_asc: false, size: pageSize };
    // update_time only moves forward, so a window well in the past can lose rows while we page
    // (harmless backwards) but never gain one; only a window near now needs the second look
    const settled = to + SETTLED_AFTER_MS < deps.clock.now();
    let probe = await listPage(query, 0, from, to, '', opts.signal);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const lastPage = Math.max(0, Math.ceil(probe.total / pageSize) - 1);
      const seen = new Set<string>();
      // the last page can never repeat page 0: a repeat is a stale answer (asked again)
      let prevSig = lastPage > 0 ? probe.sig : '';
      for (let p = lastPage; p >= 0; p--) {
        opts.signal?.throwIfAborted();
        const page = p === 0 && lastPage === 0 ? probe : await listPage(query, p, from, to, prevSig, opts.signal);
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
      if (settled && seen.size >= probe.total) break;
      const after = await listPage(query, 0, from, to, '', opts.signal);
      if (after.total === probe.total && seen.size >= probe.total) break;
      probe = after;
    }
    return { pages, orders };
  }

  return {
    platform: 'douyin',
    maxWindowMs: DOUYIN_MAX_WINDOW_MS,
    mandatedDelayMs: 0,
    map: mapDouyinOrder,
    call,
    async test() {
      const now = Math.floor(deps.clock.now() / 1000);
      await call(LIST_API, { update_time_start: now - 60, update_time_end: now, order_by: 'update_time', page: 0, size: 1 });
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < opts.end; ws += DOUYIN_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(opts.end, ws + DOUYIN_MAX_WINDOW_MS), delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, carrierCode, trackingNo }) {
      // order.logisticsAdd ships the whole parent order; per-line packs (logisticsAddSinglePack) are not used yet
      const companyCode = douyinCompanyCode(carrierCode);
      if (companyCode === undefined) throw new PlatformCallError('order.logisticsAdd', 'unknown_carrier', `carrier ${carrierCode} has no Douyin company_code in Wharf yet; known: ${Object.keys(DOUYIN_COMPANY_CODES).join(', ')}`, false);
      await call('order.logisticsAdd', { order_id: orderId, company_code: companyCode, logistics_code: trackingNo });
    },
    async setMemo({ orderId, memo, flag }) {
      // without a flag the star is left as it is; flag 0 writes the grey star, Douyin's "none"
      const star = flag === undefined ? { is_add_star: 'false' } : { is_add_star: 'true', star: String(douyinStarOf(flag)) };
      await call('order.addOrderRemark', { order_id: orderId, remark: memo, ...star });
    },
    revealReceiver: ({ orderId }) => revealDouyinReceiver(call, orderId),
    pushStock: ({ items }) => pushDouyinStock((method, biz, bareKeys) => call(method, biz, undefined, bareKeys), items),
  };
}
