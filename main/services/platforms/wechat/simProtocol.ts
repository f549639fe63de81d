// The simulator's WeChat Channels shop API (platforms.md §7, §13.7): POST JSON to the real paths
// under https://api.weixin.qq.com with ?access_token= in the query, no signing; every answer is
// HTTP 200 with WeChat's {errcode, errmsg} envelope (errmsg ends in " rid: …" like the real one).
// Orders are listed by id only (order/list/get, ≤ 7-day update_time/create_time windows, next_key
// + has_more) and read one by one (order/get). WeChat has no refresh token: a new access_token
// comes from the app's appid + secret (/cgi-bin/token, grant_type=client_credential).
import { createRng, hash32 } from '../simkit/prng';
import { CARRIERS } from '../simkit/people';
import type { IdScheme } from '../simkit/ids';
import type { SimOrder } from '../simkit/model';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { carrierCodeOfWechat } from './carriers';
import { renderWechatOrder, wechatStatusCode } from './render';
import { bad, uint, WECHAT_INVALID_ARGS_CODE, WxError } from './simShared';
import { productStockUpdate } from './simStock';

export { WECHAT_INVALID_ARGS_CODE } from './simShared';

/** §7.1 [C] */
export const WECHAT_INVALID_TOKEN_CODE = 40001;
export const WECHAT_EXPIRED_TOKEN_CODE = 42001;
export const WECHAT_MISSING_TOKEN_CODE = 41001;
/** UNCONFIRMED (§7.1, §13.7): the per-API quota answer the rate_limit fault gives */
export const WECHAT_RATE_LIMIT_CODE = 45009;
export const WECHAT_WINDOW_TOO_LONG_CODE = WECHAT_INVALID_ARGS_CODE;
/** standard WeChat "data format error" / "require POST method" / "require GET method" */
export const WECHAT_DATA_FORMAT_CODE = 47001;
export const WECHAT_REQUIRE_POST_CODE = 43002;
export const WECHAT_REQUIRE_GET_CODE = 43001;
/** UNCONFIRMED (§13.7, third-party summary) */
export const WECHAT_ORDER_NOT_FOUND_CODE = 100002;
/** UNCONFIRMED, invented: "the order's status does not allow this" (ship twice, decode an unpaid order) */
export const WECHAT_ORDER_STATE_CODE = 100003;
/** standard WeChat token errors, not re-verified for Channels (UNCONFIRMED) */
export const WECHAT_INVALID_APPID_CODE = 40013;
export const WECHAT_INVALID_SECRET_CODE = 40125;
export const WECHAT_INVALID_GRANT_CODE = 40002;

export const WECHAT_MAX_WINDOW_S = 7 * 86_400;
/** /cgi-bin/token's expires_in (§12: 7200 s, standard) when the sim's token has no lifetime of its own */
export const WECHAT_TOKEN_TTL_S = 7200;

export const WECHAT_IDS: IdScheme = {
  // a string uint64 like "3705115058471208928" (19 digits: past 2^53, so it must stay text)
  orderId: (rng) => `37${rng.digits(17)}`,
  // WeChat has no line ids (a line is product_id + sku_id); this one only names the neutral line
  lineId: (_rng, orderId, i) => `${orderId}-${i + 1}`,
};

/**
 * The app credentials the simulator accepts at /cgi-bin/token. The first-line credentials are just
 * { access_token } (a shop pastes a token), so appid and secret are not in appCredentials(seed):
 * they are derived from the seed here, unless SimOptions.credentials gave `appid` / `secret`.
 */
export function wechatSimAppCredentials(seed: number, given: Record<string, string> = {}): { appid: string; secret: string } {
  const r = createRng(`wechat-app:${seed}`);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
  const appid = `wx${hex(16)}`;
  const secret = hex(32);
  return { appid: given.appid ?? appid, secret: given.secret ?? secret };
}

type Body = Record<string, unknown>;

function rid(ctx: SimCtx): string {
  const n = ((ctx.memo.get('rid') as number | undefined) ?? 0) + 1;
  ctx.memo.set('rid', n);
  const h = (k: string) => hash32(`${ctx.seed}:${k}:${n}`).toString(16).padStart(8, '0');
  return `${h('a')}-${h('b')}-${h('c')}`;
}

function parseBody(req: SimHttpRequest): Body {
  if (req.body.trim() === '') return {};
  let body: unknown;
  try { body = JSON.parse(req.body); } catch { throw new WxError(WECHAT_DATA_FORMAT_CODE, 'data format error hint: request body is not valid JSON'); }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new WxError(WECHAT_DATA_FORMAT_CODE, 'data format error hint: the JSON body must be an object');
  return body as Body;
}


function orderIdOf(b: Body): string {
  const v = b.order_id;
  if (typeof v === 'string' && /^\d+$/.test(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  throw bad('order_id missing; send it as a string (a uint64 does not fit a JSON number in most clients)');
}

function orderOf(ctx: SimCtx, b: Body): SimOrder {
  const id = orderIdOf(b);
  const o = ctx.store.get(id);
  if (!o) throw new WxError(WECHAT_ORDER_NOT_FOUND_CODE, `order not exist hint: order_id ${id}`);
  return o;
}

/** standard WeChat (not re-verified for Channels): after a refresh the old token still works 5 min */
export const WECHAT_OLD_TOKEN_GRACE_MS = 5 * 60_000;

function authenticate(ctx: SimCtx, token: string | null): void {
  if (!token) throw new WxError(WECHAT_MISSING_TOKEN_CODE, 'access_token missing');
  const prev = ctx.memo.get('prev-token') as { token: string; until: number } | undefined;
  if (prev && prev.token === token && ctx.now() < prev.until) return;
  const check = ctx.tokens.check(token, ctx.now());
  if (check === 'expired') throw new WxError(WECHAT_EXPIRED_TOKEN_CODE, 'access_token expired');
  if (check === 'invalid') throw new WxError(WECHAT_INVALID_TOKEN_CODE, 'invalid credential, access_token is invalid or not latest');
}

// ---- order/list/get -------------------------------------------------------------------------

interface Range { start: number; end: number }

function rangeOf(v: unknown, name: string): Range | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw bad(`${name} must be {start_time, end_time}`);
  const r = v as Body;
  const start = uint(r.start_time, `${name}.start_time`);
  const end = uint(r.end_time, `${name}.end_time`);
  if (end < start) throw bad(`${name}.end_time is before start_time`);
  if (end - start > WECHAT_MAX_WINDOW_S) throw new WxError(WECHAT_WINDOW_TOO_LONG_CODE, `invalid args hint: ${name} 时间跨度不能超过7天 (${WECHAT_MAX_WINDOW_S} s)`);
  return { start, end };
}

const inRange = (ms: number, r: Range | undefined) => !r || (ms >= r.start * 1000 && ms <= r.end * 1000 + 999);

function listGet(ctx: SimCtx, b: Body, duplicate: boolean): Body {
  const created = rangeOf(b.create_time_range, 'create_time_range');
  const updated = rangeOf(b.update_time_range, 'update_time_range');
  if (!created && !updated) throw bad('create_time_range 与 update_time_range 至少填一个');
  const size = b.page_size === undefined ? 10 : uint(b.page_size, 'page_size');
  if (size < 1 || size > 100) throw bad('page_size 取值 1–100');
  const status = b.status === undefined ? undefined : uint(b.status, 'status');
  const openid = typeof b.openid === 'string' && b.openid !== '' ? b.openid : undefined;
  // next_key is opaque to clients; here it is an offset bound to the query it came from
  const sig = hash32(JSON.stringify([created, updated, status, openid])).toString(36);
  let offset = 0;
  if (typeof b.next_key === 'string' && b.next_key !== '') {
    const [o, s] = Buffer.from(b.next_key, 'base64').toString('utf8').split(':');
    if (s !== sig || !/^\d+$/.test(o ?? '')) throw bad('next_key does not belong to this query');
    offset = Number(o);
  }
  const ids = ctx.store.all()
    .filter((o) => inRange(o.createdAt, created) && inRange(o.modifiedAt, updated) && (status === undefined || wechatStatusCode(o) === status) && (!openid || o.buyerOpenId === openid))
    .sort((a, c) => c.modifiedAt - a.modifiedAt || (a.orderId < c.orderId ? 1 : -1)) // newest change first (UNCONFIRMED order)
    .map((o) => o.orderId);
  let list = ids.slice(offset, offset + size);
  const key = `list:${sig}`;
  const prev = ctx.memo.get(key) as { offset: number; list: string[] } | undefined;
  // duplicate_page: mid-walk (a next_key was sent) the page before comes back again while the
  // cursor moves on; a first page starts a new walk, so there is nothing to repeat yet
  if (duplicate && prev && offset > 0 && prev.offset < offset) list = prev.list;
  else ctx.memo.set(key, { offset, list });
  const next = Math.min(ids.length, offset + size);
  return { order_id_list: list, next_key: Buffer.from(`${next}:${sig}`).toString('base64'), has_more: next < ids.length };
}

// ---- order/get, delivery/send, merchantnotes/update, sensitiveinfo/decode --------------------

function orderGet(ctx: SimCtx, b: Body): Body {
  const o = orderOf(ctx, b);
  ctx.store.served.add(o.orderId);
  return { order: renderWechatOrder(o, { shopId: ctx.shopId }) };
}

function deliverySend(ctx: SimCtx, b: Body): Body {
  const o = orderOf(ctx, b);
  if (!Array.isArray(b.delivery_list) || b.delivery_list.length === 0) throw bad('delivery_list 不能为空');
  const status = wechatStatusCode(o);
  if (status !== 20 && status !== 21) throw new WxError(WECHAT_ORDER_STATE_CODE, `order status ${status} does not allow delivery (only 20 待发货 / 21 部分发货)`);
  if (o.lines.some((l) => l.refund === 'open')) throw new WxError(WECHAT_ORDER_STATE_CODE, 'order has an after-sale in progress');
  const plan = (b.delivery_list as unknown[]).map((d, i) => {
    if (typeof d !== 'object' || d === null) throw bad(`delivery_list[${i}] must be an object`);
    const e = d as Body;
    const code = typeof e.delivery_id === 'string' ? carrierCodeOfWechat(e.delivery_id) : undefined;
    if (!code) throw bad(`delivery_list[${i}].delivery_id ${JSON.stringify(e.delivery_id)} is not a known delivery company (deliverycompanylist/get)`);
    if (typeof e.waybill_id !== 'string' || e.waybill_id === '') throw bad(`delivery_list[${i}].waybill_id missing`);
    const open = o.lines.filter((l) => !l.trackingNo && l.refund !== 'success');
    // without product_infos the whole rest of the order goes in this parcel (UNCONFIRMED leniency)
    const lines = e.product_infos === undefined ? open : (Array.isArray(e.product_infos) ? e.product_infos as Body[] : []).map((p, j) => {
      const line = open.find((l) => l.itemId === String(p.product_id) && l.skuId === String(p.sku_id));
      if (!line) throw bad(`delivery_list[${i}].product_infos[${j}] is not an unshipped line of this order`);
      return line;
    });
    if (lines.length === 0) throw bad(`delivery_list[${i}] ships nothing`);
    return { waybill: e.waybill_id, carrier: CARRIERS.find((c) => c.code === code)!, lineIds: lines.map((l) => l.lineId) };
  });
  for (const p of plan) ctx.store.ship(o.orderId, p.waybill, p.carrier, ctx.now(), p.lineIds);
  return {};
}

function notesUpdate(ctx: SimCtx, b: Body): Body {
  const o = orderOf(ctx, b);
  if (typeof b.merchant_notes !== 'string') throw bad('merchant_notes missing');
  // overwrite semantics (§13.8); merchant_notes_tag_color's enum is UNCONFIRMED, so it is not stored
  ctx.store.setMemo(o.orderId, b.merchant_notes, undefined, ctx.now());
  return {};
}

function decode(ctx: SimCtx, b: Body): Body {
  const o = orderOf(ctx, b);
  const status = wechatStatusCode(o);
  // UNCONFIRMED: the sim decodes only orders that were paid and not cancelled
  if (status === 10 || status === 250 || status === 200) throw new WxError(WECHAT_ORDER_STATE_CODE, `order status ${status}: receiver info is not available`);
  const r = ctx.store.receiverFor(o.orderId)!;
  const shown = renderWechatOrder(o, { shopId: ctx.shopId }) as { order_detail: { delivery_info: { address_info: { tel_number_ext_info?: { virtual_tel_number: string; virtual_tel_expire_time: number } } } } };
  const ext = shown.order_detail.delivery_info.address_info.tel_number_ext_info;
  const [vnum, vext] = ext ? ext.virtual_tel_number.split('-') : [];
  return {
    address_info: {
      user_name: r.name, postal_code: r.zip ?? '', province_name: r.province, city_name: r.city, county_name: r.district,
      detail_info: `${r.town ?? ''}${r.detail}`, national_code: '', tel_number: r.phone, house_number: '',
    },
    ...(ext ? { virtual_number_info: { virtual_number: vnum, extension: vext, expiration: ext.virtual_tel_expire_time } } : {}),
  };
}

// ---- access token --------------------------------------------------------------------------

function checkApp(ctx: SimCtx, grant: unknown, appid: unknown, secret: unknown): void {
  if (grant !== 'client_credential') throw new WxError(WECHAT_INVALID_GRANT_CODE, 'invalid grant_type');
  const app = wechatSimAppCredentials(ctx.seed, ctx.credentials);
  if (appid !== app.appid) throw new WxError(WECHAT_INVALID_APPID_CODE, 'invalid appid');
  // an admin "expire all" stands for the secret being reset on the platform: nothing but a new one helps
  const reset = ctx.tokens.checkRefresh(ctx.tokens.refresh, ctx.now()) !== 'ok';
  if (secret !== app.secret || reset) throw new WxError(WECHAT_INVALID_SECRET_CODE, 'invalid appsecret');
}

function issue(ctx: SimCtx, renew: boolean): Body {
  const now = ctx.now();
  // every /cgi-bin/token call issues a new token; the old one keeps working for 5 minutes if it was
  // still good (so calls already in flight do not all come back expired), never if it had lapsed
  if (renew) {
    const old = ctx.tokens.access;
    if (ctx.tokens.check(old, now) === 'ok') ctx.memo.set('prev-token', { token: old, until: now + WECHAT_OLD_TOKEN_GRACE_MS });
    ctx.tokens.renew(now);
  }
  return { access_token: ctx.tokens.access, expires_in: ctx.tokens.accessExpiresAt === null ? WECHAT_TOKEN_TTL_S : ctx.tokens.expiresInS(now) };
}

function cgiToken(ctx: SimCtx, b: Body): Body {
  checkApp(ctx, b.grant_type, b.appid, b.secret);
  return issue(ctx, true);
}

/** stable_token: the current token while it is valid, a new one on force_refresh */
function stableToken(ctx: SimCtx, b: Body): Body {
  checkApp(ctx, b.grant_type, b.appid, b.secret);
  return issue(ctx, b.force_refresh === true || ctx.tokens.check(ctx.tokens.access, ctx.now()) !== 'ok');
}

interface Route { method: 'GET' | 'POST'; token: boolean; run: (ctx: SimCtx, b: Body, dup: boolean) => Body }

const ROUTES: Record<string, Route> = {
  '/cgi-bin/token': { method: 'GET', token: false, run: cgiToken },
  '/cgi-bin/stable_token': { method: 'POST', token: false, run: stableToken },
  '/channels/ec/order/list/get': { method: 'POST', token: true, run: listGet },
  '/channels/ec/order/get': { method: 'POST', token: true, run: orderGet },
  '/channels/ec/order/delivery/send': { method: 'POST', token: true, run: deliverySend },
  '/channels/ec/order/merchantnotes/update': { method: 'POST', token: true, run: notesUpdate },
  '/channels/ec/order/sensitiveinfo/decode': { method: 'POST', token: true, run: decode },
  '/channels/ec/product/stock/update': { method: 'POST', token: true, run: productStockUpdate },
};

function reply(api: string, params: Body, value: Body, errorCode: number | null): SimApiReply {
  const { access_token: _t, secret: _s, ...logged } = params;
  return { status: 200, body: JSON.stringify(value), api, params: logged, errorCode };
}

export const WECHAT_PROTOCOL: SimProtocol = {
  platform: 'wechat',
  ids: WECHAT_IDS,
  tokenName: 'access_token',
  // the API lives at the host root (https://api.weixin.qq.com/<path>)
  gatewayPath: '',
  appCredentials: () => ({}),
  serves: (path) => path in ROUTES,
  render: (o, ctx) => renderWechatOrder(o, { shopId: ctx.shopId }),
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
    const route = ROUTES[req.path]!;
    let params: Body = Object.fromEntries(req.query);
    try {
      if (req.method !== route.method) throw new WxError(route.method === 'POST' ? WECHAT_REQUIRE_POST_CODE : WECHAT_REQUIRE_GET_CODE, `require ${route.method} method`);
      if (route.method === 'POST') params = { ...params, ...parseBody(req) };
      if (route.token) authenticate(ctx, req.query.get('access_token'));
      if (fault === 'rate_limit') throw new WxError(WECHAT_RATE_LIMIT_CODE, 'reach max api daily quota limit');
      if (fault === 'token_expired' && route.token) throw new WxError(WECHAT_EXPIRED_TOKEN_CODE, 'access_token expired');
      const value = route.run(ctx, params, fault === 'duplicate_page');
      // /cgi-bin/token answers without an envelope on success; the channels APIs always carry one
      return reply(req.path, params, route.token ? { errcode: 0, errmsg: 'ok', ...value } : value, null);
    } catch (e) {
      if (!(e instanceof WxError)) throw e;
      return reply(req.path, params, { errcode: e.code, errmsg: `${e.msg} rid: ${rid(ctx)}` }, e.code);
    }
  },
};
