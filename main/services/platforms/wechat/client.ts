// WeChat Channels shop connector (platforms.md §7, §13.7). No signing: ?access_token= on every
// call, JSON bodies, {errcode, errmsg} answers. WeChat has no refresh token — a lapsed token is
// replaced from the app's appid (creds.appKey) + secret via /cgi-bin/token.
// Pull: update_time windows of ≤ 7 days; each is listed by id (order/list/get, next_key paging)
// and every id not yet fetched in this pull is read with order/get (a few at a time). A window is
// listed again until a listing brings no id this pull has not fetched: offset-style cursors skip
// rows when orders move while we page, a duplicated page hides one, and an order/get that failed
// every retry is simply fetched on the next listing. Orders are handed on once per
// (order_id, update_time).
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type RenewedTokens, type ShopCredentials } from '../types';
import { mapWechatOrder } from './map';
import { WECHAT_DELIVERY_IDS, wechatDeliveryId } from './carriers';
import { pushWechatStock } from './stock';

export const WECHAT_MAX_WINDOW_MS = 7 * 86_400_000;
const TOKEN_API = '/cgi-bin/token';
const LIST_API = '/channels/ec/order/list/get';
const GET_API = '/channels/ec/order/get';
const SEND_API = '/channels/ec/order/delivery/send';
const NOTES_API = '/channels/ec/order/merchantnotes/update';
const DECODE_API = '/channels/ec/order/sensitiveinfo/decode';

/** -1 系统繁忙; 45009 quota, 45011 per-minute limit (UNCONFIRMED which one Channels sends) */
const RETRYABLE = new Set(['-1', '45009', '45011']);
/** 40001 invalid / not latest, 40014 invalid access_token, 41001 missing, 42001 expired */
const LAPSED = new Set(['40001', '40014', '41001', '42001']);
/** UNCONFIRMED: 1 = 自寄快递 (the seller's own waybill) */
const DELIVER_TYPE_SELF = 1;

export interface WechatConnectorOptions { pageSize?: number; maxAttempts?: number; maxPasses?: number; concurrency?: number }

export interface WechatConnector extends Connector {
  call(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Obj>;
}

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    if (isObj(body) && body.errcode !== undefined && String(body.errcode) !== '0') {
      const code = String(body.errcode);
      throw new PlatformCallError(api, code, String(body.errmsg ?? ''), RETRYABLE.has(code), undefined, status);
    }
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body)) throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    return body;
  };
}

/** order ids as text; bigints already arrive as strings from parseJsonKeepingBigInts */
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);

async function inParallel<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i]!); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createWechatConnector(creds: ShopCredentials, deps: ConnectorDeps, options: WechatConnectorOptions = {}): WechatConnector {
  if (creds.platform !== 'wechat') throw new Error(`createWechatConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const base = creds.gatewayUrl.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 100;
  const maxPasses = options.maxPasses ?? 4;
  const concurrency = options.concurrency ?? 4;

  async function fetchToken(): Promise<RenewedTokens> {
    if (!creds.appKey || !creds.secret) {
      throw new PlatformCallError(TOKEN_API, 'no_app_credentials', 'the access_token lapsed and this shop has no appid + secret to fetch a new one with', false);
    }
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: creds.appKey, secret: creds.secret });
    const body = await http.call(TOKEN_API, () => ({ url: `${base}${TOKEN_API}?${q}`, method: 'GET' }), readEnvelope(TOKEN_API)) as Obj;
    if (typeof body.access_token !== 'string' || body.access_token === '') throw new PlatformCallError(TOKEN_API, 'bad_response', 'no access_token in the answer', false);
    const ttl = Number(body.expires_in);
    return { session: body.access_token, expiresAt: Number.isFinite(ttl) && ttl > 0 ? deps.clock.now() + ttl * 1000 : undefined };
  }

  const keeper = createAuthKeeper({
    platform: 'WeChat Channels', creds, deps,
    isLapsed: (e) => LAPSED.has(e.code),
    // no refresh token on WeChat: the argument is ignored, appid + secret do the renewing
    renew: () => fetchToken(),
    renewsWithoutRefreshToken: true,
  });

  const once = (path: string, body: Record<string, unknown>, signal?: AbortSignal) => http.call(path, () => ({
    // built per attempt: a renewed token must be used on the retry
    url: `${base}${path}?access_token=${encodeURIComponent(creds.session)}`,
    method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify(body),
  }), readEnvelope(path), signal) as Promise<Obj>;

  /**
   * With several order/get calls in flight, the others may come back "expired" right after one of
   * them renewed (WeChat keeps the old token 5 min, but a token that had lapsed stays lapsed).
   * Those only need the new token, not another renewal — which would replace the token the first
   * call now uses, and so on; the auth keeper renews on every lapse, so that case is settled here.
   */
  async function withCurrentToken(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Obj> {
    for (let tries = 1; ; tries++) {
      const used = creds.session;
      try {
        return await once(path, body, signal);
      } catch (e) {
        if (!(e instanceof PlatformCallError) || !LAPSED.has(e.code) || creds.session === used || tries >= 4) throw e;
      }
    }
  }

  const call = (path: string, body: Record<string, unknown>, signal?: AbortSignal) => keeper.authed(() => withCurrentToken(path, body, signal));

  async function getOrder(orderId: string, signal?: AbortSignal): Promise<RawOrder> {
    const body = await call(GET_API, { order_id: orderId, encode_sensitive_info: false }, signal);
    if (!isObj(body.order)) throw new PlatformCallError(GET_API, 'bad_response', `no order in the answer for ${orderId}`, false);
    const t = Number(body.order.update_time);
    // an unreadable update_time is kept (map quarantines it) under time 0, so any later version wins
    return { orderId, modifiedAt: Number.isSafeInteger(t) && t > 0 ? t * 1000 : 0, payload: body.order };
  }

  interface Page { ids: string[]; nextKey: string; hasMore: boolean }

  async function listPage(query: Record<string, unknown>, nextKey: string, prevIds: string[], signal?: AbortSignal): Promise<Page> {
    let last: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const body = await call(LIST_API, nextKey ? { ...query, next_key: nextKey } : query, signal);
      const hasMore = body.has_more === true;
      if (body.order_id_list !== undefined && !Array.isArray(body.order_id_list)) throw new PlatformCallError(LIST_API, 'bad_response', 'order_id_list is not a list', false);
      if (body.order_id_list === undefined && hasMore) throw new PlatformCallError(LIST_API, 'bad_response', 'has_more without an order_id_list', false);
      const ids = ((body.order_id_list ?? []) as unknown[]).map(idOf).filter((x): x is string => x !== undefined);
      const key = typeof body.next_key === 'string' ? body.next_key : '';
      if (hasMore && !key) throw new PlatformCallError(LIST_API, 'bad_response', 'has_more is true but there is no next_key', false);
      last = { ids, nextKey: key, hasMore };
      const repeated = ids.length > 0 && ids.length === prevIds.length && ids.every((x, i) => x === prevIds[i]);
      if (!repeated) return last;
      await http.sleep(500 * attempt); // the previous page again: ask for this one once more
    }
    return last!;
  }

  async function pullWindow(ws: number, we: number, delivered: Map<string, number>, opts: PullOptions) {
    // unix seconds, both ends inclusive: [ws, we) = [ceil(ws), ceil(we) − 1 s]
    const from = Math.ceil(ws / 1000);
    const to = Math.ceil(we / 1000) - 1;
    let pages = 0;
    let orders = 0;
    if (to < from) return { pages, orders };
    const query = { update_time_range: { start_time: from, end_time: to }, page_size: pageSize };
    const fetched = new Set<string>();
    let failure: PlatformCallError | undefined;
    for (let pass = 1; pass <= maxPasses; pass++) {
      let fresh = 0;
      failure = undefined;
      let page: Page = { ids: [], nextKey: '', hasMore: true };
      while (page.hasMore) {
        opts.signal?.throwIfAborted();
        page = await listPage(query, page.nextKey, page.ids, opts.signal);
        const todo = [...new Set(page.ids)].filter((id) => !fetched.has(id));
        fresh += todo.length;
        const got = await inParallel(todo, concurrency, (id) => getOrder(id, opts.signal).catch((e: unknown) => {
          // every retry failed: leave it for the next listing of this window
          if (e instanceof PlatformCallError && e.retryable) { failure = e; return undefined; }
          throw e;
        }));
        const batch: RawOrder[] = [];
        for (const o of got) {
          if (!o) continue;
          fetched.add(o.orderId);
          if ((delivered.get(o.orderId) ?? -1) >= o.modifiedAt) continue;
          delivered.set(o.orderId, o.modifiedAt);
          batch.push(o);
        }
        if (batch.length > 0) {
          await opts.onPage(batch);
          pages++;
          orders += batch.length;
        }
      }
      if (fresh === 0) return { pages, orders };
    }
    if (failure) throw failure;
    return { pages, orders }; // still moving after maxPasses: overlapping pulls catch the rest
  }

  return {
    platform: 'wechat',
    maxWindowMs: WECHAT_MAX_WINDOW_MS,
    mandatedDelayMs: 0,
    map: mapWechatOrder,
    call,
    async test() {
      const now = Math.floor(deps.clock.now() / 1000);
      await call(LIST_API, { update_time_range: { start_time: now - 60, end_time: now }, page_size: 1 });
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const end = Math.min(opts.end, deps.clock.now());
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < end; ws += WECHAT_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(end, ws + WECHAT_MAX_WINDOW_MS), delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, lineIds, carrierCode, trackingNo }) {
      const deliveryId = wechatDeliveryId(carrierCode);
      if (deliveryId === undefined) throw new PlatformCallError(SEND_API, 'unknown_carrier', `carrier ${carrierCode} has no WeChat delivery_id in Wharf yet; known: ${Object.keys(WECHAT_DELIVERY_IDS).join(', ')}`, false);
      // delivery/send names goods by product_id + sku_id, which only order/get knows
      const order = mapWechatOrder((await getOrder(orderId)).payload, creds.shopId);
      let lines = lineIds ? order.lines.filter((l) => lineIds.includes(l.lineId)) : order.lines.filter((l) => !l.trackingNo);
      if (lineIds && lines.length !== lineIds.length) {
        throw new PlatformCallError(SEND_API, 'unknown_line', `order ${orderId} has no line ${lineIds.filter((id) => !lines.some((l) => l.lineId === id)).join(', ')}`, false);
      }
      if (lines.length === 0) lines = order.lines; // nothing left to ship: let WeChat refuse in its own words
      await call(SEND_API, {
        order_id: orderId,
        delivery_list: [{ delivery_id: deliveryId, waybill_id: trackingNo, deliver_type: DELIVER_TYPE_SELF, product_infos: lines.map((l) => ({ product_id: l.itemId, sku_id: l.platformSkuId, product_cnt: l.qty })) }],
      });
    },
    async setMemo({ orderId, memo }) {
      // merchant_notes overwrites. The flag is not written: merchant_notes_tag_color's values are
      // UNCONFIRMED (§13.7) and order/get shows no flag to read back.
      await call(NOTES_API, { order_id: orderId, merchant_notes: memo });
    },
    pushStock: ({ items }) => pushWechatStock((path, body) => call(path, body), items),
    async revealReceiver({ orderId }) {
      const body = await call(DECODE_API, { order_id: orderId });
      const a = isObj(body.address_info) ? body.address_info : undefined;
      if (!a) throw new PlatformCallError(DECODE_API, 'bad_response', `no address_info for ${orderId}`, false);
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      const v = isObj(body.virtual_number_info) ? body.virtual_number_info : undefined;
      const virtual = v && s(v.virtual_number) ? `${s(v.virtual_number)}${s(v.extension) ? `-${s(v.extension)}` : ''}` : '';
      return {
        name: s(a.user_name), mobile: s(a.tel_number) || virtual, phone: '',
        province: s(a.province_name), city: s(a.city_name), district: s(a.county_name), town: '',
        address: `${s(a.detail_info)}${s(a.house_number)}`,
      };
    },
  };
}
