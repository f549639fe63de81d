// Kuaishou connector (platforms.md §5, §13.5). Pull: windows of ≤ 7 days within the last 90,
// each scanned with open.order.cursor.list by update time, ascending, until cursor "nomore"
// (parameter values UNCONFIRMED, see ./wire). Ascending by update time is what makes a cursor
// scan safe: an order that changes mid-scan moves to the end rather than shifting unseen ones
// past us. Each page must continue strictly after the last (updateTime, oid) seen and stay in
// the window; a page that does not (a repeated or stale page) is asked for again, and if it
// stays wrong the window is scanned again from the start (the cursor allows a fresh scan).
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type HttpRequestSpec, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import type { SignMethod } from '../../../../shared/domain/types';
import { KUAISHOU_EXPRESS_CODES, kuaishouExpressCode } from './carriers';
import { mapKuaishouOrder } from './map';
import { signKuaishou, type KuaishouSignMethod } from './sign';
import { pushKuaishouStock } from './stock';
import {
  KUAISHOU_CODES, KUAISHOU_CURSOR_END, KUAISHOU_FLAG_GREY, KUAISHOU_MAX_HISTORY_MS, KUAISHOU_MAX_WINDOW_MS, KUAISHOU_NOTE_JOIN, KUAISHOU_OK,
  KUAISHOU_QUERY_BY_UPDATE, KUAISHOU_REFRESH_PATH, KUAISHOU_RETRYABLE, KUAISHOU_SORT_ASC, KUAISHOU_VIEW_ALL, kuaishouJson, kuaishouPath,
} from './wire';

const LIST = 'open.order.cursor.list';
const SIGN_METHODS: Partial<Record<SignMethod, KuaishouSignMethod>> = { md5: 'MD5', 'hmac-sha256': 'HMAC_SHA256' };
/** stay this far inside the 90-day history limit, for clock skew between us and Kuaishou */
const HISTORY_MARGIN_MS = 10 * 60_000;
/** a scan longer than this is a cursor that never ends, not a shop */
const MAX_PAGES_PER_SCAN = 10_000;

export interface KuaishouConnectorOptions { pageSize?: number; maxAttempts?: number; maxPasses?: number }

export interface KuaishouConnector extends Connector {
  call(method: string, biz: Record<string, unknown>, httpMethod?: 'GET' | 'POST', signal?: AbortSignal): Promise<Obj>;
}

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    if (isObj(body) && body.result !== undefined && body.result !== KUAISHOU_OK) {
      const code = String(body.result);
      const msg = [body.error_msg, body.error].find((x) => typeof x === 'string' && x !== '') as string | undefined;
      throw new PlatformCallError(api, code, msg ?? 'Kuaishou refused the call', KUAISHOU_RETRYABLE.has(code), undefined, status);
    }
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body) || body.result !== KUAISHOU_OK) throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    return body;
  };
}

/** (updateTime, oid); oids compared as numbers of any length */
type Key = [number, string];
const cmpKey = (a: Key, b: Key) => a[0] - b[0] || a[1].length - b[1].length || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
const idOf = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : '');

export function createKuaishouConnector(creds: ShopCredentials, deps: ConnectorDeps, options: KuaishouConnectorOptions = {}): KuaishouConnector {
  if (creds.platform !== 'kuaishou') throw new Error(`createKuaishouConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const wanted = SIGN_METHODS[creds.signMethod];
  if (!wanted) throw new Error(`Kuaishou signs with MD5 or HMAC_SHA256 only; shop ${creds.shopId} is set to "${creds.signMethod}"`);
  const signMethod: KuaishouSignMethod = wanted;
  if (!creds.signSecret) throw new Error(`Kuaishou shop ${creds.shopId} has no signSecret: copy it from the app console (it is not the appSecret)`);
  const signSecret: string = creds.signSecret;
  const base = creds.gatewayUrl.replace(/\/+$/, '');
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const pageSize = options.pageSize ?? 100;
  const maxPasses = options.maxPasses ?? 4;

  /** one signed call: system params in the query; `param` in the query (GET) or a form body (POST) */
  function build(method: string, biz: Record<string, unknown>, httpMethod: 'GET' | 'POST'): HttpRequestSpec {
    const p: Record<string, string> = {
      appkey: creds.appKey, method, param: kuaishouJson(biz), signMethod, timestamp: String(deps.clock.now()), version: '1', access_token: creds.session,
    };
    p.sign = signKuaishou(p, signSecret);
    const url = `${base}${kuaishouPath(method)}`;
    if (httpMethod === 'GET') return { url: `${url}?${new URLSearchParams(p)}`, method: 'GET' };
    const { param, ...query } = p;
    return { url: `${url}?${new URLSearchParams(query)}`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams({ param: param! }).toString() };
  }

  const raw = (method: string, biz: Record<string, unknown>, httpMethod: 'GET' | 'POST', signal?: AbortSignal) =>
    http.call(method, () => build(method, biz, httpMethod), readEnvelope(method), signal) as Promise<Obj>;

  const keeper = createAuthKeeper({
    platform: 'Kuaishou', creds, deps,
    isLapsed: (e) => e.code === String(KUAISHOU_CODES.tokenExpired),
    renew: async (refreshToken) => {
      const api = 'oauth2.refresh_token';
      const body = await http.call(api, () => ({
        url: `${base}${KUAISHOU_REFRESH_PATH}`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, app_id: creds.appKey, app_secret: creds.secret }).toString(),
      }), readEnvelope(api)) as Obj;
      const session = body.access_token;
      if (typeof session !== 'string' || session === '') throw new PlatformCallError(api, 'bad_response', 'no access_token in the refresh answer', false);
      // the refresh token rotates (§5.3): the old one is dead once this answer arrives
      return {
        session,
        refreshToken: typeof body.refresh_token === 'string' && body.refresh_token !== '' ? body.refresh_token : undefined,
        expiresAt: typeof body.expires_in === 'number' ? deps.clock.now() + body.expires_in * 1000 : undefined,
      };
    },
  });

  const call = (method: string, biz: Record<string, unknown>, httpMethod: 'GET' | 'POST' = 'GET', signal?: AbortSignal) =>
    keeper.authed(() => raw(method, biz, httpMethod, signal));

  interface Row { oid: string; modified: number; order: Obj }
  interface Page { rows: Row[]; next: string; regular: boolean }

  /** one page, asked again (bounded) while it does not continue the scan where the last one ended */
  async function listPage(query: Obj, cursor: string, last: Key | undefined, from: number, to: number, signal?: AbortSignal): Promise<Page> {
    let page: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const body = await call(LIST, { ...query, cursor }, 'GET', signal);
      const data = body.data;
      if (!isObj(data) || typeof data.cursor !== 'string') throw new PlatformCallError(LIST, 'bad_response', `no data.cursor in the answer: ${JSON.stringify(body).slice(0, 200)}`, true);
      const rows: Row[] = [];
      let regular = true;
      let prev = last;
      for (const o of Array.isArray(data.orderList) ? data.orderList : []) {
        if (!isObj(o)) continue;
        const oid = idOf(o.oid);
        if (!oid) { regular = false; continue; } // nothing to file it under
        const t = typeof o.updateTime === 'number' && Number.isInteger(o.updateTime) ? o.updateTime : NaN;
        if (Number.isNaN(t)) { rows.push({ oid, modified: from, order: o }); continue; } // malformed: map quarantines it
        const key: Key = [t, oid];
        if (t < from || t > to || (prev && cmpKey(key, prev) <= 0)) regular = false;
        prev = key;
        rows.push({ oid, modified: t, order: o });
      }
      if (data.cursor !== KUAISHOU_CURSOR_END && (data.cursor === '' || data.cursor === cursor)) regular = false;
      page = { rows, next: data.cursor, regular };
      if (regular) return page;
      await http.sleep(500 * attempt);
    }
    return page!;
  }

  async function pullWindow(from: number, to: number, delivered: Map<string, number>, opts: PullOptions) {
    let pages = 0;
    let orders = 0;
    const query = { queryType: KUAISHOU_QUERY_BY_UPDATE, orderViewStatus: KUAISHOU_VIEW_ALL, sort: KUAISHOU_SORT_ASC, pageSize, beginTime: from, endTime: to };
    for (let pass = 1; pass <= maxPasses; pass++) {
      let cursor = '';
      let last: Key | undefined;
      let clean = true;
      for (let n = 1; ; n++) {
        opts.signal?.throwIfAborted();
        if (n > MAX_PAGES_PER_SCAN) throw new PlatformCallError(LIST, 'cursor_loop', `the cursor did not reach "${KUAISHOU_CURSOR_END}" after ${MAX_PAGES_PER_SCAN} pages`, false);
        const page = await listPage(query, cursor, last, from, to, opts.signal);
        clean &&= page.regular;
        const batch: RawOrder[] = [];
        for (const row of page.rows) {
          if (row.modified >= from && (!last || cmpKey([row.modified, row.oid], last) > 0)) last = [row.modified, row.oid];
          if ((delivered.get(row.oid) ?? -1) >= row.modified) continue;
          delivered.set(row.oid, row.modified);
          batch.push({ orderId: row.oid, modifiedAt: row.modified, payload: row.order });
        }
        if (batch.length > 0) {
          await opts.onPage(batch);
          pages++;
          orders += batch.length;
        }
        if (page.next === KUAISHOU_CURSOR_END) break;
        if (page.next === '' || page.next === cursor) throw new PlatformCallError(LIST, 'bad_cursor', `the cursor did not move (${JSON.stringify(page.next)})`, true);
        cursor = page.next;
      }
      if (clean) break; // every page continued the one before: nothing can have been skipped
    }
    return { pages, orders };
  }

  async function detail(orderId: string): Promise<Obj> {
    const body = await call('open.order.detail', { oid: orderId });
    if (!isObj(body.data)) throw new PlatformCallError('open.order.detail', 'bad_response', `no order data for ${orderId}`, false);
    return body.data;
  }

  return {
    platform: 'kuaishou',
    maxWindowMs: KUAISHOU_MAX_WINDOW_MS,
    mandatedDelayMs: 0,
    map: mapKuaishouOrder,
    call,
    async test() {
      const now = deps.clock.now();
      await call(LIST, { queryType: KUAISHOU_QUERY_BY_UPDATE, orderViewStatus: KUAISHOU_VIEW_ALL, sort: KUAISHOU_SORT_ASC, pageSize: 1, beginTime: now - 60_000, endTime: now, cursor: '' });
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      // Kuaishou refuses to search further back than 90 days (300005): older changes are out of reach
      const start = Math.max(opts.start, deps.clock.now() - KUAISHOU_MAX_HISTORY_MS + HISTORY_MARGIN_MS);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      // [ws, we) as Kuaishou's inclusive ms range [ws, we − 1]
      for (let ws = start; ws < opts.end; ws += KUAISHOU_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(opts.end, ws + KUAISHOU_MAX_WINDOW_MS) - 1, delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, carrierCode, trackingNo }) {
      // open.seller.order.goods.deliver names no lines (§5.7): the whole order ships under one number
      const expressCode = kuaishouExpressCode(carrierCode);
      if (expressCode === undefined) throw new PlatformCallError('open.seller.order.goods.deliver', 'unknown_carrier', `carrier ${carrierCode} has no Kuaishou expressCode in Wharf yet; known: ${Object.keys(KUAISHOU_EXPRESS_CODES).join(', ')}`, false);
      await call('open.seller.order.goods.deliver', { orderId, expressNo: trackingNo, expressCode }, 'POST');
    },
    async setMemo({ orderId, memo, flag }) {
      // Kuaishou only APPENDS notes and cannot clear a flag (§13.5). Send what the wanted memo adds
      // to the current one; a memo that rewrites it is appended whole (the old text stays, as it
      // does in Kuaishou's own back office). Flag 0 becomes GREY, Kuaishou's colourless flag.
      const o = await detail(orderId);
      const now = typeof o.sellerNote === 'string' ? o.sellerNote : '';
      const note = memo === now ? '' : now !== '' && memo.startsWith(`${now}${KUAISHOU_NOTE_JOIN}`) ? memo.slice(now.length + KUAISHOU_NOTE_JOIN.length) : memo;
      const hadFlag = o.sellerFlag !== undefined && o.sellerFlag !== 0 && o.sellerFlag !== KUAISHOU_FLAG_GREY;
      const ksFlag = flag === undefined ? undefined : flag === 0 ? (hadFlag ? KUAISHOU_FLAG_GREY : undefined) : flag;
      if (note === '' && ksFlag === undefined) return;
      await call('open.seller.order.note.add', { orderId, note, ...(ksFlag === undefined ? {} : { flag: ksFlag }) }, 'POST');
    },
    pushStock: ({ items }) => pushKuaishouStock((method, biz, httpMethod) => call(method, biz, httpMethod), items),
    async revealReceiver({ orderId }) {
      const o = await detail(orderId);
      const fields = { name: o.encryptedConsignee, mobile: o.encryptedMobile, address: o.encryptedAddress };
      const asked = Object.values(fields).filter((v): v is string => typeof v === 'string' && v !== '');
      if (asked.length === 0) throw new PlatformCallError('open.order.decrypt.batch', 'no_cipher', `Kuaishou sent no receiver ciphertext for ${orderId}`, false);
      const body = await call('open.order.decrypt.batch', { batchDecryptList: asked.map((c) => ({ bizId: orderId, encryptedData: c })) }, 'POST');
      const list = isObj(body.data) && Array.isArray(body.data.decryptList) ? (body.data.decryptList as unknown[]).filter(isObj) : [];
      const plain = (cipher: unknown) => {
        const hit = list.find((x) => x.encryptedData === cipher);
        if (hit && hit.errorCode !== 0) throw new PlatformCallError('open.order.decrypt.batch', String(hit.errorCode), String(hit.errorMsg ?? 'Kuaishou refused to decrypt'), false);
        return typeof hit?.decryptedData === 'string' ? hit.decryptedData : '';
      };
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      return { name: plain(fields.name), mobile: plain(fields.mobile), phone: '', province: s(o.province), city: s(o.city), district: s(o.district), town: s(o.town), address: plain(fields.address) };
    },
  };
}
