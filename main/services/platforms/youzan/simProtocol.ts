// The simulator's Youzan Cloud gateway (platforms.md §6, §13.6): POST /api/{api}/{version}
// ?access_token=… with a JSON body, no signature. Gateway refusals come as HTTP 200
// {"gw_err_resp":{err_code, err_msg, trace_id}} (path, API, content, token, rate limit); business
// refusals as {success:false, code, message, data}. POST /auth/token renews the token. The trade
// index lags: an order shows in youzan.trades.sold.get a little after its update_time (under
// 30 s), which is why Youzan tells clients to poll at least 30 s behind.
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import { hash32 } from '../simkit/prng';
import { CARRIERS } from '../simkit/people';
import type { IdScheme } from '../simkit/ids';
import type { SimOrder } from '../simkit/model';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { parseJsonKeepingBigInts } from '../json';
import { carrierCodeOfYouzan } from './carriers';
import { renderYouzanOrder, youzanCipher, youzanStatusOf } from './render';
import { YOUZAN_BIZ, YOUZAN_DECRYPT_API, YOUZAN_DETAIL_API, YOUZAN_GW, YOUZAN_LIST_API, YOUZAN_MEMO_API, YOUZAN_SHIP_API, YOUZAN_STOCK_API, YOUZAN_STOCK_FULL, YOUZAN_TOKEN_PATH } from './api';

const DAY = 86_400_000;
/** "span ≤ 3 months": the simulator takes the longest 3 months (92 days) */
export const YOUZAN_SIM_MAX_SPAN_MS = 92 * DAY;
/** how long after update_time an order can still be missing from the sold.get index */
export const YOUZAN_INDEX_LAG_MAX_MS = 29_000;
const MAX_PAGE_NO = 100;
const MAX_PAGE_SIZE = 100;

export const YOUZAN_IDS: IdScheme = {
  // E20260612050163094512345: "E", creation yyyyMMddHHmmss (Beijing), 9 digits — 24 characters
  orderId: (rng, createdAt) => `E${formatShanghai(createdAt).replace(/\D/g, '')}${rng.digits(9)}`,
  // oids are 19-digit numbers (beyond 2^53: strings only)
  lineId: (rng) => `1${rng.digits(18)}`,
};

const visibleAt = (o: SimOrder) => o.modifiedAt + (hash32(`youzan-index:${o.orderId}:${o.modifiedAt}`) % YOUZAN_INDEX_LAG_MAX_MS);

class GwError extends Error { constructor(readonly code: number, msg: string) { super(msg); } }
class BizError extends Error { constructor(readonly code: number, msg: string, readonly data: unknown = null) { super(msg); } }

type Params = Record<string, unknown>;

function traceId(ctx: SimCtx): string {
  const n = ((ctx.memo.get('trace') as number | undefined) ?? 0) + 1;
  ctx.memo.set('trace', n);
  return `yz7-0a${(ctx.now() % 1e8).toString(16)}-${n}`;
}

function reply(api: string, p: Params, value: unknown, errorCode: number | null = null): SimApiReply {
  const { access_token: _t, client_secret: _c, refresh_token: _r, ...logged } = p;
  return { status: 200, body: JSON.stringify(value), api, params: logged, errorCode };
}

function body(req: SimHttpRequest): Params {
  const type = String(req.headers['content-type'] ?? '');
  if (req.body.trim() === '') return {};
  if (type.includes('application/json')) {
    let v: unknown;
    // Long ids past 2^53 stay exact (as text), as Youzan's Java gateway reads them
    try { v = parseJsonKeepingBigInts(req.body); } catch { throw new GwError(YOUZAN_GW.badContent, '非法的Content'); }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new GwError(YOUZAN_GW.badContent, '非法的Content');
    return v as Params;
  }
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(req.body));
  throw new GwError(YOUZAN_GW.badRequest, `非法的请求姿势，httpMethod:${req.method}, contentType:${type}`);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function intParam(p: Params, name: string, dflt: number, max: number, tooBig: string): number {
  const raw = p[name];
  if (raw === undefined || raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new BizError(YOUZAN_BIZ.badParams, `${name} 必须是正整数`);
  if (n > max) throw new BizError(YOUZAN_BIZ.badParams, tooBig);
  return n;
}

/** "yyyy-MM-dd HH:mm:ss" or the gateway's 5001 (a date-only value fails the same way, FAQ 33694) */
function timeParam(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) throw new GwError(YOUZAN_GW.system, '系统异常');
  try { return parseShanghai(v); } catch { throw new GwError(YOUZAN_GW.system, '系统异常'); }
}

const EMPTY_LIST = { full_order_info_list: [], total_results: 0 };

function soldGet(ctx: SimCtx, p: Params, duplicate: boolean): unknown {
  const bad = (msg: string, code: number = YOUZAN_BIZ.badParams) => new BizError(code, msg, EMPTY_LIST);
  const size = intParam(p, 'page_size', 20, MAX_PAGE_SIZE, '每页最多显示100条数据');
  const page = intParam(p, 'page_no', 1, MAX_PAGE_NO, '最多只能查询100页，请缩小时间范围');
  const now = ctx.now();
  // a time pair counts only when both ends are given (4.0.4 doc: unpaired conditions are ignored)
  const ranges: Array<[string, (o: SimOrder) => number | undefined]> = [
    ['update', (o) => o.modifiedAt], ['created', (o) => o.createdAt], ['pay', (o) => o.paidAt], ['success', (o) => o.completedAt],
  ];
  const filters: Array<(o: SimOrder) => boolean> = [];
  let sortBy: (o: SimOrder) => number = (o) => o.createdAt;
  for (const [name, field] of ranges) {
    const s = timeParam(p, `start_${name}`);
    const e = timeParam(p, `end_${name}`);
    if (s === undefined || e === undefined) continue;
    if (s > e) throw bad('开始时间不能大于结束时间');
    if (e - s > YOUZAN_SIM_MAX_SPAN_MS) throw bad('查询时间跨度不能超过3个月');
    if (e > now + 7 * DAY) throw bad('结束时间不能超过当前日期后7天', YOUZAN_BIZ.endTooLate);
    filters.push((o) => { const v = field(o); return v !== undefined && v >= s && v <= e + 999; });
    if (name === 'update') sortBy = (o) => o.modifiedAt;
  }
  const status = str(p.status);
  if (status) filters.push(status === 'TRADE_REFUND' ? (o) => o.lines.some((l) => l.refund === 'open') : (o) => youzanStatusOf(o) === status);
  const tid = str(p.tid);
  if (tid) filters.push((o) => o.orderId === tid);
  const rows = ctx.store.all()
    .filter((o) => visibleAt(o) <= now && filters.every((f) => f(o)))
    .sort((a, b) => sortBy(b) - sortBy(a) || (a.orderId < b.orderId ? 1 : -1)); // newest first (UNCONFIRMED direction)
  let list = rows.slice((page - 1) * size, page * size).map((o) => renderYouzanOrder(o, { shopId: ctx.shopId }));
  const key = `sold:${JSON.stringify({ ...p, page_no: undefined })}`;
  const prev = ctx.memo.get(key) as { page: number; list: typeof list } | undefined;
  if (duplicate && prev && prev.page !== page) list = prev.list;
  else ctx.memo.set(key, { page, list });
  for (const r of list) ctx.store.served.add(String((r.full_order_info as { order_info: { tid: string } }).order_info.tid));
  return { full_order_info_list: list, total_results: rows.length };
}

function tradeOf(ctx: SimCtx, p: Params, notFound: number): SimOrder {
  const tid = str(p.tid);
  if (!tid) throw new BizError(YOUZAN_BIZ.badParams, 'tid 不能为空');
  const o = ctx.store.get(tid);
  if (!o) throw new BizError(notFound, 'trade not found');
  return o;
}

function tradeGet(ctx: SimCtx, p: Params): unknown {
  const o = tradeOf(ctx, p, YOUZAN_BIZ.tradeNotFound);
  ctx.store.served.add(o.orderId);
  return renderYouzanOrder(o, { shopId: ctx.shopId });
}

function shipConfirm(ctx: SimCtx, p: Params): unknown {
  const o = tradeOf(ctx, p, YOUZAN_BIZ.shipTradeNotFound);
  // 无需物流 (is_no_express=1) leaves no tracking number for the neutral store to record
  if (str(p.is_no_express) === '1') throw new BizError(YOUZAN_BIZ.badParams, 'the simulator ships with a carrier only (is_no_express=1 is not simulated)');
  const outSid = str(p.out_sid) ?? '';
  const code = carrierCodeOfYouzan(str(p.out_stype) ?? '');
  if (!outSid) throw new BizError(YOUZAN_BIZ.badParams, 'out_sid 物流发货时必传');
  if (!/^[A-Za-z0-9-]+$/.test(outSid)) throw new BizError(YOUZAN_BIZ.badTrackingNo, '快递单号只能包含字母、数字或中划线');
  if (!code) throw new BizError(YOUZAN_BIZ.badParams, `out_stype ${JSON.stringify(p.out_stype)} 不是已知的物流公司编号 (youzan.logistics.express.get)`);
  const oids = str(p.oids)?.split(',').map((s) => s.trim()).filter(Boolean);
  if (oids?.some((x) => !/^\d+$/.test(x))) throw new BizError(YOUZAN_BIZ.badOids, 'oids 只能是数字，多个用英文逗号分隔');
  if (o.state === 'shipped' || o.state === 'completed') throw new BizError(YOUZAN_BIZ.alreadyShipped, '不能重复提交已发过货的商品');
  if (o.hold) throw new BizError(YOUZAN_BIZ.nothingToShip, '订单待成团/待接单，暂不能发货');
  if (o.state !== 'paid' && o.state !== 'partial') throw new BizError(YOUZAN_BIZ.nothingToShip, '订单没有可发货的商品');
  if (o.lines.some((l) => l.refund === 'open' && (!oids || oids.includes(l.lineId)))) throw new BizError(YOUZAN_BIZ.nothingToShip, '商品退款中，暂不能发货');
  const open = o.lines.filter((l) => !l.trackingNo && l.refund !== 'success' && (!oids || oids.includes(l.lineId)));
  if (open.length === 0) throw new BizError(YOUZAN_BIZ.alreadyShipped, '不能重复提交已发过货的商品');
  ctx.store.ship(o.orderId, outSid, CARRIERS.find((c) => c.code === code)!, ctx.now(), oids);
  return { is_success: true };
}

function memoUpdate(ctx: SimCtx, p: Params): unknown {
  const o = tradeOf(ctx, p, YOUZAN_BIZ.memoNotFound);
  const memo = str(p.memo);
  if (memo === undefined) throw new BizError(YOUZAN_BIZ.badParams, 'memo 不能为空');
  const rawFlag = str(p.flag);
  const flag = rawFlag === undefined || rawFlag === '' ? undefined : Number(rawFlag);
  if (flag !== undefined && !(Number.isInteger(flag) && flag >= 1 && flag <= 5)) throw new BizError(YOUZAN_BIZ.badParams, 'flag 订单备注加星标，取值为1-5');
  ctx.store.setMemo(o.orderId, memo, flag, ctx.now());
  return { is_success: true };
}

/** cipher → plain over the shop's receivers (the cipher is deterministic per shop) */
function decryptBatch(ctx: SimCtx, p: Params): unknown {
  const sources = p.sources;
  if (!Array.isArray(sources) || sources.length === 0 || sources.length > 100 || sources.some((s) => typeof s !== 'string')) {
    throw new BizError(YOUZAN_BIZ.badParams, 'sources 需 1–100 条密文');
  }
  const want = new Set(sources as string[]);
  const out: Record<string, string> = {};
  for (const o of ctx.store.all()) {
    const r = ctx.store.receiverFor(o.orderId);
    if (!r) continue;
    for (const plain of [r.name, r.phone, `${r.town ?? ''}${r.detail}`]) {
      const c = youzanCipher(plain, ctx.shopId);
      if (want.has(c)) out[c] = plain;
    }
    if (Object.keys(out).length === want.size) break;
  }
  // a cipher nobody in this shop owns comes back unchanged (UNCONFIRMED behaviour)
  for (const s of want) out[s] ??= s;
  return out;
}

/**
 * youzan.item.quantity.update 3.0.0 (§13.6): sku_id required unless the item has no SKUs;
 * type 0 FULL (default) / 1 INCREMENTAL, never below 0. Codes UNCONFIRMED (./api).
 */
function quantityUpdate(ctx: SimCtx, p: Params): unknown {
  const itemId = str(p.item_id);
  if (!itemId || !/^\d{1,20}$/.test(itemId)) throw new BizError(YOUZAN_BIZ.badParams, 'item_id 不能为空且须为数字');
  const skuId = str(p.sku_id);
  if (skuId !== undefined && !/^\d{1,20}$/.test(skuId)) throw new BizError(YOUZAN_BIZ.badParams, 'sku_id 须为数字');
  const type = p.type === undefined || p.type === null ? YOUZAN_STOCK_FULL : Number(p.type);
  if (type !== 0 && type !== 1) throw new BizError(YOUZAN_BIZ.badParams, 'type 库存更新方式：0为全量更新，1为增量更新');
  const qty = Number(p.quantity);
  if (p.quantity === undefined || !Number.isInteger(qty) || (type === YOUZAN_STOCK_FULL && qty < 0)) throw new BizError(YOUZAN_BIZ.badParams, 'quantity 须为整数，全量更新时不能为负');
  const live = ctx.stock.item(itemId).filter((l) => !l.deleted);
  if (live.length === 0) throw new BizError(YOUZAN_BIZ.itemNotFound, `商品不存在或已删除: ${itemId}`);
  const hasSkus = live.some((l) => l.skuId !== undefined);
  if (hasSkus && skuId === undefined) throw new BizError(YOUZAN_BIZ.badParams, 'sku_id 商品为多规格商品时必传');
  const row = live.find((l) => l.skuId === skuId);
  if (!row) throw new BizError(YOUZAN_BIZ.skuNotFound, `sku 不存在: ${skuId}`);
  const next = type === YOUZAN_STOCK_FULL ? qty : row.quantity + qty;
  if (next < 0) throw new BizError(YOUZAN_BIZ.stockNotEnough, '库存不足，增量更新后库存不能小于0');
  ctx.stock.set(row, next, ctx.now());
  return { is_success: true };
}

const APIS: Record<string, (ctx: SimCtx, p: Params, dup: boolean) => unknown> = {
  [`${YOUZAN_STOCK_API.name}/${YOUZAN_STOCK_API.version}`]: quantityUpdate,
  [`${YOUZAN_LIST_API.name}/${YOUZAN_LIST_API.version}`]: soldGet,
  [`${YOUZAN_DETAIL_API.name}/${YOUZAN_DETAIL_API.version}`]: tradeGet,
  [`${YOUZAN_SHIP_API.name}/${YOUZAN_SHIP_API.version}`]: shipConfirm,
  [`${YOUZAN_MEMO_API.name}/${YOUZAN_MEMO_API.version}`]: memoUpdate,
  [`${YOUZAN_DECRYPT_API.name}/${YOUZAN_DECRYPT_API.version}`]: decryptBatch,
};

/**
 * POST /auth/token, authorize_type=refresh_token. Real Youzan also wants client_id and
 * client_secret; the simulator issues no app credentials (the shop's first-line credential is the
 * access token alone), so it accepts any — even empty — and checks only the refresh token.
 */
function authToken(ctx: SimCtx, req: SimHttpRequest): SimApiReply {
  let p: Params = {};
  const fail = (code: number, message: string) => reply('auth/token', p, { success: false, code, data: null, message }, code);
  try { p = body(req); } catch { return fail(YOUZAN_BIZ.tokenBadParams, '请求参数格式错误'); }
  if (p.authorize_type !== 'refresh_token') return fail(YOUZAN_BIZ.tokenBadParams, `the simulator serves authorize_type=refresh_token only, got ${JSON.stringify(p.authorize_type)}`);
  const now = ctx.now();
  if (ctx.tokens.checkRefresh(str(p.refresh_token), now) !== 'ok') return fail(YOUZAN_BIZ.refreshInvalid, 'refresh_token 无效或已过期，请重新授权');
  const v = ctx.tokens.renew(now);
  return reply('auth/token', p, {
    success: true, code: 200, message: null,
    data: { access_token: v.access, expires: v.accessExpiresAt ?? now + 7 * DAY, scope: 'trade trade_advanced logistics', authority_id: ctx.shopId, refresh_token: v.refresh },
  });
}

function handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
  const gw = (api: string, p: Params, code: number, msg: string) => reply(api, p, { gw_err_resp: { trace_id: traceId(ctx), err_msg: msg, err_code: code } }, code);
  if (req.path === YOUZAN_TOKEN_PATH) {
    if (fault === 'rate_limit') return gw('auth/token', {}, YOUZAN_GW.rateLimited, '请求太频繁');
    return authToken(ctx, req);
  }
  const m = /^\/api\/([a-z0-9.]+)\/(\d+\.\d+\.\d+)$/.exec(req.path);
  if (!m) return gw(req.path, {}, YOUZAN_GW.badPath, '非法请求地址');
  const key = `${m[1]}/${m[2]}`;
  const api = m[1]!;
  let p: Params = {};
  try {
    const run = APIS[key];
    if (!run) throw new GwError(YOUZAN_GW.badApi, '非法的API');
    if (req.method !== 'POST' && req.method !== 'GET') throw new GwError(YOUZAN_GW.badRequest, `非法的请求姿势，httpMethod:${req.method}`);
    p = req.method === 'POST' ? body(req) : Object.fromEntries(req.query);
    // the token travels in the query only; in a header or the body it counts as missing
    const check = ctx.tokens.check(req.query.get('access_token'), ctx.now());
    if (!req.query.get('access_token')) throw new GwError(YOUZAN_GW.noToken, '非法的请求凭证');
    if (check === 'expired') throw new GwError(YOUZAN_GW.tokenExpired, '请求凭证过期');
    if (check === 'invalid') throw new GwError(YOUZAN_GW.tokenUnknown, 'Token 不存在');
    if (fault === 'rate_limit') throw new GwError(YOUZAN_GW.rateLimited, '请求太频繁');
    if (fault === 'token_expired') throw new GwError(YOUZAN_GW.tokenExpired, '请求凭证过期');
    const data = run(ctx, p, fault === 'duplicate_page');
    return reply(api, p, { trace_id: traceId(ctx), code: 200, data, success: true, message: 'successful' });
  } catch (e) {
    if (e instanceof GwError) return gw(api, p, e.code, e.message);
    if (e instanceof BizError) return reply(api, p, { trace_id: traceId(ctx), code: e.code, data: e.data, success: false, message: e.message, request_id: null }, e.code);
    throw e;
  }
}

export const YOUZAN_PROTOCOL: SimProtocol = {
  platform: 'youzan',
  ids: YOUZAN_IDS,
  tokenName: 'access_token',
  // connectors take https://open.youzanyun.com/api (or the bare host) and add /{api}/{version}
  gatewayPath: '/api',
  // no app credentials: calls carry the access token only (see authToken for the refresh side)
  appCredentials: () => ({}),
  serves: (path) => path.startsWith('/api/') || path === YOUZAN_TOKEN_PATH,
  render: (o, ctx) => renderYouzanOrder(o, { shopId: ctx.shopId }),
  handle,
};
