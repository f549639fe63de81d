// The simulator's JD JOS router, /routerjson (platforms.md §4): system params in the query or a
// form body (method, app_key, access_token, timestamp "yyyy-MM-dd HH:mm:ss" Beijing with 6-min
// tolerance, v=2.0, sign = MD5 UPPER compared exactly), business params as the JSON string
// 360buy_param_json. Gateway errors use JD's error_response envelope; business errors come back
// inside the `…_responce` root with success:false, as §4.8 says. The OAuth refresh endpoint is
// served from the same server so one simulator covers the whole connector.
import { formatShanghai } from '../../../../shared/time';
import { createRng } from '../simkit/prng';
import { CARRIERS } from '../simkit/people';
import type { IdScheme } from '../simkit/ids';
import type { SimOrder } from '../simkit/model';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { parseJsonKeepingBigInts } from '../json';
import { carrierCodeOfJd } from './carriers';
import { jdFullAddress, jdOaid, jdOrderState, pickJdFields, renderJdOrder } from './render';
import { signJd } from './sign';
import { idsAsNumbers, JD_BIZ, JD_CODES, JD_MAX_PAGE_SIZE, JD_OAUTH_REFRESH_PATH, JD_ORDER_STATES, JD_STOCK_API, parseJdTimestamp, responceKey } from './wire';

export { JD_BIZ, JD_CODES, JD_MAX_PAGE_SIZE, JD_OAUTH_REFRESH_PATH, JD_ORDER_STATES };

const TOLERANCE_MS = 6 * 60_000;
/** §4.3: a refresh extends the same access_token rather than issuing a new one */
export const JD_REFRESH_KEEPS_ACCESS_TOKEN = true;

/** A gateway error: error_response {code, zh_desc, en_desc} (§4.8). */
class JdGatewayError extends Error {
  constructor(readonly code: string, readonly zh: string, readonly en: string) { super(en); }
}
/** A business error: the API's own result object with success:false. */
class JdBizError extends Error {
  constructor(readonly numberCode: number, readonly zh: string, readonly en: string) { super(en); }
}

export const JD_IDS: IdScheme = {
  // §4.6: a numeric string of about 12 digits (e.g. 2xxxxxxxxxxx)
  orderId: (rng) => `${rng.int(2, 3)}${rng.digits(11)}`,
  lineId: (_rng, orderId, i) => `${orderId}#${i + 1}`,
};

type Params = Record<string, string>;
type Biz = Record<string, unknown>;

function params(req: SimHttpRequest): Params {
  const out: Params = Object.fromEntries(req.query);
  if (req.body.trim() !== '') for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  return out;
}

function reply(api: string, p: Params, value: unknown, errorCode: string | number | null = null): SimApiReply {
  const { sign: _s, access_token: _t, app_secret: _a, refresh_token: _r, ...logged } = p;
  // orderId is a JSON number on the wire (UNCONFIRMED), written by hand so big ids stay exact
  return { status: 200, body: idsAsNumbers(JSON.stringify(value), ['orderId']), api, params: logged, errorCode };
}

function authenticate(ctx: SimCtx, p: Params): void {
  if (!p.method) throw new JdGatewayError(JD_CODES.missingMethod, '缺少method参数', 'Missing Method');
  if (!p.app_key) throw new JdGatewayError(JD_CODES.missingAppKey, '缺少app_key参数', 'Missing App Key');
  if (p.app_key !== ctx.credentials.app_key) throw new JdGatewayError(JD_CODES.invalidAppKey, '无效的app_key', 'Invalid App Key');
  if (!p.timestamp) throw new JdGatewayError(JD_CODES.missingTimestamp, '缺少timestamp参数', 'Missing Timestamp');
  const ts = parseJdTimestamp(p.timestamp);
  if (!(Math.abs(ts - ctx.now()) <= TOLERANCE_MS)) {
    throw new JdGatewayError(JD_CODES.invalidTimestamp, `时间戳错误，须为北京时间 yyyy-MM-dd HH:mm:ss 且与服务器相差不超过6分钟 (服务器 ${formatShanghai(ctx.now())})`, 'Invalid Timestamp');
  }
  if (!p.v) throw new JdGatewayError(JD_CODES.missingVersion, '缺少v参数', 'Missing Version');
  if (p.v !== '2.0') throw new JdGatewayError(JD_CODES.invalidVersion, `不支持的版本号:${p.v}`, 'Invalid Version');
  if (!p.sign) throw new JdGatewayError(JD_CODES.missingSign, '缺少sign参数', 'Missing Signature');
  if (signJd(p, ctx.credentials.app_secret!) !== p.sign) throw new JdGatewayError(JD_CODES.invalidSign, '签名无效 (MD5(app_secret+按键名排序的键值+app_secret) 大写)', 'Invalid Signature');
  const check = ctx.tokens.check(p.access_token, ctx.now());
  if (check !== 'ok') throw new JdGatewayError(JD_CODES.tokenExpired, 'access_token已过期或无效，请刷新或重新授权', 'Invalid access_token');
}

function bizJson(p: Params): Biz {
  let v: unknown;
  try { v = parseJsonKeepingBigInts(p['360buy_param_json'] ?? '{}'); } catch { throw new JdBizError(JD_BIZ.badParam, '360buy_param_json 不是合法的JSON', '360buy_param_json is not valid JSON'); }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new JdBizError(JD_BIZ.badParam, '360buy_param_json 应为JSON对象', '360buy_param_json must be a JSON object');
  return v as Biz;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

function intOf(b: Biz, name: string, dflt: number, min: number, max: number, why = ''): number {
  const raw = str(b[name]);
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new JdBizError(JD_BIZ.badParam, `${name} 应为 ${min}–${max} 的整数${why}`, `${name} out of range`);
  return n;
}

function timeOf(b: Biz, name: string): number {
  const raw = str(b[name]);
  if (raw === undefined) throw new JdBizError(JD_BIZ.badParam, `${name} 不能为空`, `${name} is required`);
  const ms = parseJdTimestamp(raw);
  if (Number.isNaN(ms)) throw new JdBizError(JD_BIZ.badParam, `${name} 格式应为 yyyy-MM-dd HH:mm:ss`, `${name} must be yyyy-MM-dd HH:mm:ss`);
  return ms;
}

/** start + one calendar month, Beijing wall clock, day clamped (31 Jan → 28/29 Feb). */
function plusOneMonth(ms: number): number {
  const d = new Date(ms + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) - 8 * 3600_000;
}

const scope = (ctx: SimCtx, encrypted: boolean) => ({ shopId: ctx.shopId, appKey: ctx.credentials.app_key!, encrypted });
const listed = (o: SimOrder) => o.paidAt !== undefined; // SOP orders appear once paid (§4.5)
const okResult = () => ({ success: true, chineseErrCode: '成功', englishErrCode: 'success', numberCode: JD_BIZ.ok });

function search(ctx: SimCtx, method: string, b: Biz, duplicate: boolean): Record<string, unknown> {
  const fields = (str(b.optional_fields) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (fields.length === 0) throw new JdBizError(JD_BIZ.noOptionalFields, 'optional_fields 不能为空，请传入需要返回的字段', 'optional_fields is required');
  const start = timeOf(b, 'start_date');
  const end = timeOf(b, 'end_date');
  if (end < start) throw new JdBizError(JD_BIZ.badParam, 'end_date 不能早于 start_date', 'end_date is before start_date');
  if (end > plusOneMonth(start)) throw new JdBizError(JD_BIZ.windowTooLong, '开始时间和结束时间不得相差超过一个月', 'the date range must not exceed one month');
  const states = (str(b.order_state) ?? JD_ORDER_STATES.join(',')).split(',').map((s) => s.trim());
  const bad = states.find((s) => !(JD_ORDER_STATES as readonly string[]).includes(s));
  if (bad !== undefined) throw new JdBizError(JD_BIZ.badState, `order_state 取值错误:${bad}`, `unknown order_state ${bad}`);
  const page = intOf(b, 'page', 1, 1, 100_000);
  const size = intOf(b, 'page_size', 20, 1, JD_MAX_PAGE_SIZE, `，每页最多${JD_MAX_PAGE_SIZE}条`);
  const byCreated = str(b.dateType) === '1'; // default: modified time (§4.4, UNCONFIRMED values)
  const desc = str(b.sortType) === '1';
  const at = (o: SimOrder) => (byCreated ? o.createdAt : o.modifiedAt);
  const sc = scope(ctx, method === 'jingdong.pop.order.enSearch');
  const rows = ctx.store.all()
    .filter((o) => listed(o) && at(o) >= start && at(o) <= end + 999 && states.includes(jdOrderState(o)))
    .sort((x, y) => (desc ? -1 : 1) * (at(x) - at(y) || (x.orderId < y.orderId ? -1 : 1)));
  let list = rows.slice((page - 1) * size, page * size).map((o) => pickJdFields(o, renderJdOrder(o, sc), fields));
  const key = `search:${method}:${start}:${end}:${states.join()}:${size}:${desc}:${byCreated}`;
  const prev = ctx.memo.get(key) as { page: number; list: typeof list } | undefined;
  if (duplicate && prev && prev.page !== page) list = prev.list;
  else ctx.memo.set(key, { page, list });
  for (const r of list) if (typeof r.orderId === 'string') ctx.store.served.add(r.orderId);
  return { [responceKey(method)]: { code: '0', searchorderinfo_result: { apiResult: okResult(), orderInfoList: list, orderTotal: rows.length } } };
}

function orderOf(ctx: SimCtx, raw: unknown): SimOrder {
  const id = str(raw);
  if (id === undefined) throw new JdBizError(JD_BIZ.badParam, 'order_id 不能为空', 'order_id is required');
  const o = ctx.store.get(id);
  if (!o || !listed(o)) throw new JdBizError(JD_BIZ.noOrder, '订单不存在或不属于当前商家', 'order not found');
  return o;
}

/** jingdong.pop.order.enGet (params and result key UNCONFIRMED, §4.4) */
function enGet(ctx: SimCtx, method: string, b: Biz): Record<string, unknown> {
  const o = orderOf(ctx, b.order_id);
  const fields = (str(b.optional_fields) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (fields.length === 0) throw new JdBizError(JD_BIZ.noOptionalFields, 'optional_fields 不能为空', 'optional_fields is required');
  ctx.store.served.add(o.orderId);
  return { [responceKey(method)]: { code: '0', orderDetailInfo: { apiResult: okResult(), orderInfo: pickJdFields(o, renderJdOrder(o, scope(ctx, true)), fields) } } };
}

/** jingdong.pop.order.shipment (§4.7); result key sopjosshipment_result UNCONFIRMED */
function shipment(ctx: SimCtx, method: string, b: Biz): Record<string, unknown> {
  const o = orderOf(ctx, b.orderId);
  const logiNo = str(b.logiNo);
  if (!logiNo) throw new JdBizError(JD_BIZ.badParam, 'logiNo 不能为空', 'logiNo is required');
  const code = carrierCodeOfJd(Number(str(b.logiCoprId)));
  if (!code) throw new JdBizError(JD_BIZ.badParam, `logiCoprId ${String(b.logiCoprId)} 不是有效的物流公司编号`, 'unknown logiCoprId');
  const state = jdOrderState(o);
  if (state !== 'WAIT_SELLER_STOCK_OUT') throw new JdBizError(JD_BIZ.badState, `订单状态为${state}，不能出库`, `order state ${state} does not allow shipment`);
  ctx.store.ship(o.orderId, logiNo, CARRIERS.find((c) => c.code === code)!, ctx.now());
  return { [responceKey(method)]: { code: '0', sopjosshipment_result: { success: true, chineseErrCode: '成功', englishErrCode: 'success', errorCode: String(JD_BIZ.ok) } } };
}

/** jingdong.pop.order.modifyVenderRemark (§13.4): failures inside modifyvenderremark_result */
function modifyVenderRemark(ctx: SimCtx, method: string, b: Biz): Record<string, unknown> {
  const result = (code: number, zh: string, en: string) => ({ [responceKey(method)]: { code: '0', modifyvenderremark_result: { success: code === JD_BIZ.ok, error_code: String(code), chinese_err_code: zh, english_err_code: en } } });
  const id = str(b.order_id);
  const o = id === undefined ? undefined : ctx.store.get(id);
  if (!o || !listed(o)) return result(JD_BIZ.noOrder, '订单不存在或不属于当前商家', 'order not found');
  const remark = b.remark === undefined || b.remark === null ? '' : String(b.remark);
  if ([...remark].length > 500) return result(JD_BIZ.remarkTooLong, '备注不能超过500字', 'remark too long');
  const flag = str(b.flag) === undefined ? 0 : Number(b.flag); // "不填默认为0"
  if (!Number.isInteger(flag) || flag < 0 || flag > 5) return result(JD_BIZ.badFlag, 'flag 取值 0灰 1红 2黄 3绿 4蓝 5紫', 'invalid flag');
  ctx.store.setMemo(o.orderId, remark, flag, ctx.now());
  return result(JD_BIZ.ok, '成功', 'success');
}

/** jingdong.jos.order.oaid.decrypt (§4.6; request shape [C], response shape UNCONFIRMED) */
function oaidDecrypt(ctx: SimCtx, method: string, b: Biz): Record<string, unknown> {
  const req = b.getReceiverInfoListReqVO as { orderInfos?: Array<{ orderId?: unknown; oaid?: unknown }> } | undefined;
  const infos = Array.isArray(req?.orderInfos) ? req!.orderInfos : [];
  if (infos.length === 0 || infos.length > 100) throw new JdBizError(JD_BIZ.badParam, 'orderInfos 需 1–100 条', 'orderInfos needs 1–100 entries');
  const data = infos.map((q) => {
    const id = str(q.orderId) ?? '';
    const o = ctx.store.get(id);
    const r = o && listed(o) && jdOaid(o, scope(ctx, true)) === q.oaid ? ctx.store.receiverFor(id) : undefined;
    if (!r) return { orderId: id, oaid: q.oaid, success: false, msg: 'oaid 与订单不匹配' };
    return { orderId: id, oaid: q.oaid, success: true, fullname: r.name, mobile: r.phone, telephone: '', province: r.province, city: r.city, county: r.district, town: r.town ?? '', fullAddress: jdFullAddress(r) };
  });
  return { [responceKey(method)]: { code: '0', returnType: { code: 0, msg: '成功', data } } };
}

/** jingdong.stock.write.updateSkuStock (§13.4): skuId + absolute stockNum; storeId (warehouse) is not simulated */
function updateSkuStock(ctx: SimCtx, method: string, b: Biz): Record<string, unknown> {
  const skuId = str(b.skuId);
  if (skuId === undefined || !/^\d{1,20}$/.test(skuId)) throw new JdBizError(JD_BIZ.badParam, 'skuId 不能为空且须为数字', 'skuId is required');
  if (str(b.storeId) !== undefined) throw new JdBizError(JD_BIZ.badParam, 'the simulator keeps one stock per SKU (storeId is not simulated)', 'storeId is not simulated');
  const stockNum = intOf(b, 'stockNum', -1, 0, 9_999_999);
  if (stockNum < 0) throw new JdBizError(JD_BIZ.badParam, 'stockNum 不能为空', 'stockNum is required');
  const row = ctx.stock.skuAnywhere(skuId);
  if (!row || row.deleted) throw new JdBizError(JD_BIZ.noSku, `SKU ${skuId} 不存在或不属于当前商家`, 'sku not found');
  ctx.stock.set(row, stockNum, ctx.now());
  return { [responceKey(method)]: { code: '0', success: true } };
}

/** where each API puts a business failure (result keys beyond search are UNCONFIRMED) */
const apiResultOf = (e: JdBizError) => ({ success: false, chineseErrCode: e.zh, englishErrCode: e.en, numberCode: e.numberCode });
const BIZ_FAILURE: Record<string, (e: JdBizError) => Record<string, unknown>> = {
  'jingdong.pop.order.search': (e) => ({ searchorderinfo_result: { apiResult: apiResultOf(e), orderInfoList: [], orderTotal: 0 } }),
  'jingdong.pop.order.enSearch': (e) => ({ searchorderinfo_result: { apiResult: apiResultOf(e), orderInfoList: [], orderTotal: 0 } }),
  'jingdong.pop.order.enGet': (e) => ({ orderDetailInfo: { apiResult: apiResultOf(e) } }),
  'jingdong.pop.order.shipment': (e) => ({ sopjosshipment_result: { success: false, chineseErrCode: e.zh, englishErrCode: e.en, errorCode: String(e.numberCode) } }),
  'jingdong.pop.order.modifyVenderRemark': (e) => ({ modifyvenderremark_result: { success: false, error_code: String(e.numberCode), chinese_err_code: e.zh, english_err_code: e.en } }),
  'jingdong.jos.order.oaid.decrypt': (e) => ({ returnType: { code: e.numberCode, msg: e.zh, data: [] } }),
  [JD_STOCK_API]: (e) => ({ success: false, numberCode: e.numberCode, chineseErrCode: e.zh, englishErrCode: e.en }),
};

const APIS: Record<string, (ctx: SimCtx, method: string, b: Biz, dup: boolean) => Record<string, unknown>> = {
  'jingdong.pop.order.search': search,
  'jingdong.pop.order.enSearch': search,
  'jingdong.pop.order.enGet': enGet,
  'jingdong.pop.order.shipment': shipment,
  'jingdong.pop.order.modifyVenderRemark': modifyVenderRemark,
  'jingdong.jos.order.oaid.decrypt': oaidDecrypt,
  [JD_STOCK_API]: updateSkuStock,
};

/** open-oauth refresh (§4.3): JSON {code:0, access_token, refresh_token, expires_in, time}; shape UNCONFIRMED */
function refresh(ctx: SimCtx, req: SimHttpRequest): SimApiReply {
  const p = params(req);
  const fail = (code: number, msg: string) => reply('oauth2/refresh_token', p, { code, msg }, code);
  if (p.app_key !== ctx.credentials.app_key || p.app_secret !== ctx.credentials.app_secret) return fail(401, 'app_key 或 app_secret 错误');
  if (p.grant_type !== 'refresh_token') return fail(400, 'grant_type 应为 refresh_token');
  if (ctx.tokens.checkRefresh(p.refresh_token, ctx.now()) !== 'ok') return fail(402, 'refresh_token 已过期或无效，请商家重新授权');
  const now = ctx.now();
  const old = ctx.tokens.access;
  const v = ctx.tokens.renew(now);
  // JD extends the same access_token value; TokenBook issues a new one, so put the old back
  if (JD_REFRESH_KEEPS_ACCESS_TOKEN) ctx.tokens.access = old;
  return reply('oauth2/refresh_token', p, { code: 0, access_token: ctx.tokens.access, refresh_token: v.refresh, expires_in: ctx.tokens.expiresInS(now), time: now, token_type: 'bearer', scope: 'snsapi_base', uid: ctx.shopId });
}

export const JD_PROTOCOL: SimProtocol = {
  platform: 'jd',
  ids: JD_IDS,
  tokenName: 'access_token',
  gatewayPath: '/routerjson',
  appCredentials(seed) {
    const r = createRng(`jd-credentials:${seed}`);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789ABCDEF'[r.int(0, 15)]).join('');
    return { app_key: hex(32), app_secret: hex(32).toLowerCase() };
  },
  serves: (path) => path === '/routerjson' || path === JD_OAUTH_REFRESH_PATH,
  render: (o, ctx) => renderJdOrder(o, scope(ctx, true)),
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
    if (req.path === JD_OAUTH_REFRESH_PATH) return refresh(ctx, req);
    let p: Params = {};
    try {
      p = params(req);
      authenticate(ctx, p);
      const run = APIS[p.method!];
      if (!run) throw new JdGatewayError(JD_CODES.invalidMethod, `不存在的方法名:${p.method}`, 'Invalid Method');
      if (fault === 'rate_limit') throw new JdGatewayError(JD_CODES.rateLimited, '调用次数超限，请稍后再试', 'App Call Limited');
      if (fault === 'token_expired') throw new JdGatewayError(JD_CODES.tokenExpired, 'access_token已过期或无效，请刷新或重新授权', 'Invalid access_token');
      try {
        return reply(p.method!, p, run(ctx, p.method!, bizJson(p), fault === 'duplicate_page'));
      } catch (e) {
        if (!(e instanceof JdBizError)) throw e;
        // business failure: the API's own root, success:false (§4.8)
        return reply(p.method!, p, { [responceKey(p.method!)]: { code: '0', ...BIZ_FAILURE[p.method!]!(e) } }, e.numberCode);
      }
    } catch (e) {
      if (!(e instanceof JdGatewayError)) throw e;
      return reply(p.method ?? '', p, { error_response: { code: e.code, zh_desc: e.zh, en_desc: e.en } }, e.code);
    }
  },
};
