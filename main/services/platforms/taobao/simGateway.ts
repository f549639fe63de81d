// The simulator's TOP router: checks a call the way the real gateway does (method, app key,
// timestamp, signature, session — in that order, platforms.md §1.1/§1.10), then runs the API.
// Returns what to send; the HTTP layer only does the sending, delays and hangs.
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import type { SignMethod } from '../../../../shared/domain/types';
import { CARRIERS } from '../simkit/people';
import type { FaultKind, FaultPlan } from '../simkit/faults';
import type { SimStore } from './simStore';
import { signTop } from './sign';
import { intParam, invalid, missing, TopError } from './simTopError';
import { itemQuantityUpdate, skusQuantityUpdate } from './simStock';
import type { TbTrade } from './trade';

export interface SimCredentials { app_key: string; app_secret: string; session: string }

export interface GatewayContext {
  store: SimStore;
  faults: FaultPlan;
  credentials: SimCredentials;
  now(): number;
}

export interface GatewayReply {
  status: number;
  body: string;
  contentType: string;
  /** TOP error code, or the fault name for transport-level faults, or null on success */
  errorCode: number | string | null;
  fault: FaultKind | null;
  /** wait this long before answering (slow) */
  delayMs?: number;
  /** never answer; close the socket after this long (timeout) */
  hangMs?: number;
}

const API_METHODS = [
  'taobao.trades.sold.increment.get',
  'taobao.trade.fullinfo.get',
  'taobao.logistics.offline.send',
  'taobao.item.quantity.update',
  'taobao.skus.quantity.update',
  'taobao.top.oaid.decrypt',
  'taobao.trade.memo.update',
] as const;
type ApiMethod = (typeof API_METHODS)[number];

const TIMESTAMP_TOLERANCE_MS = 10 * 60_000;
const MAX_WINDOW_MS = 24 * 3600_000;


let requestSeq = 0;
function requestId(): string {
  requestSeq = (requestSeq + 1) % 1e9;
  return `sim${requestSeq.toString(36).padStart(8, '0')}`;
}

function errorBody(e: TopError): string {
  return JSON.stringify({ error_response: { code: e.code, msg: e.msg, sub_code: e.subCode, sub_msg: e.subMsg, request_id: requestId() } });
}

/** TOP writes tid/oid/num_iid as JSON numbers (int64) next to the *_str twins; so do we. */
function toWire(json: string): string {
  return json.replace(/([{,])"(tid|oid|num_iid)":"(\d+)"/g, '$1"$2":$3');
}

function parseTimestamp(value: string): number | null {
  if (/^\d{12,14}$/.test(value)) return Number(value); // epoch ms, what the official Python SDK sends
  try { return parseShanghai(value); } catch { return null; }
}

/** The checks every call passes through, in the gateway's order. */
function authenticate(ctx: GatewayContext, p: Record<string, string>): ApiMethod {
  if (!p.method) throw new TopError(21, 'Missing method', 'isv.missing-method', '缺少方法名参数');
  if (!(API_METHODS as readonly string[]).includes(p.method)) throw new TopError(22, 'Invalid method', 'isv.invalid-method', `不存在的方法名:${p.method}`);
  if (!p.app_key) throw new TopError(28, 'Missing app key', 'isv.missing-app-key', '缺少AppKey参数');
  if (p.app_key !== ctx.credentials.app_key) throw new TopError(29, 'Invalid app Key', 'isv.appkey-not-exists', `AppKey不存在:${p.app_key}`);
  if (!p.timestamp) throw new TopError(30, 'Missing timestamp', 'isv.missing-timestamp', '缺少时间戳参数');
  const ts = parseTimestamp(p.timestamp);
  if (ts === null || Math.abs(ts - ctx.now()) > TIMESTAMP_TOLERANCE_MS) {
    throw new TopError(31, 'Invalid timestamp', 'isv.invalid-timestamp', `时间戳与服务器时间(${formatShanghai(ctx.now())} GMT+8)相差超过10分钟`);
  }
  if (p.v && p.v !== '2.0') throw new TopError(34, 'Unsupported version', 'isv.unsupported-version', `不支持的版本号:${p.v}`);
  if (p.format && p.format !== 'json') throw new TopError(23, 'Invalid format', 'isv.invalid-format', 'the simulator answers format=json only');
  if (!p.sign) throw new TopError(24, 'Missing signature', 'isv.missing-signature', '缺少签名参数');
  const method = (p.sign_method || 'md5') as SignMethod;
  if (!['md5', 'hmac', 'hmac-sha256'].includes(method)) throw new TopError(25, 'Invalid signature', 'isv.invalid-sign-method', `不支持的签名方法:${method}`);
  // exact, case-sensitive: TOP's signs are UPPER hex and a lower-case one does not pass
  if (signTop(p, ctx.credentials.app_secret, method) !== p.sign) throw new TopError(25, 'Invalid signature', 'isv.invalid-signature', '签名无效');
  if (!p.session) throw new TopError(26, 'Missing session', 'isv.missing-session', '缺少SessionKey参数');
  if (p.session !== ctx.credentials.session) throw new TopError(27, 'Invalid session', 'invalid-sessionkey', 'SessionKey非法或已过期');
  return p.method as ApiMethod;
}

function fieldsOf(p: Record<string, string>): Set<string> {
  if (!p.fields) throw missing('fields');
  return new Set(p.fields.split(',').map((f) => f.trim()).filter(Boolean));
}

const OAID_NEEDS = ['receiver_name', 'receiver_address', 'created', 'receiver_mobile', 'receiver_phone'];

/** Only the requested fields, as TOP does; `orders` or `orders.x` selects line fields. */
function pickFields(t: TbTrade, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    if (k === 'orders' || v === undefined) continue;
    if (k === 'oaid' && !OAID_NEEDS.every((f) => fields.has(f))) continue; // §1.6: no oaid without these
    if (fields.has(k)) out[k] = v;
  }
  const lineFields = [...fields].filter((f) => f.startsWith('orders.')).map((f) => f.slice(7));
  if (fields.has('orders')) out.orders = t.orders.map((o) => ({ ...o }));
  else if (lineFields.length > 0) {
    out.orders = t.orders.map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => lineFields.includes(k))));
  }
  return out;
}

function timeParam(p: Record<string, string>, name: string): number {
  if (!p[name]) throw missing(name);
  try { return parseShanghai(p[name]!); } catch { throw invalid(name, `${name} 格式应为 yyyy-MM-dd HH:mm:ss`); }
}

const STATUS_ALIASES: Record<string, string[]> = {
  ALL_WAIT_PAY: ['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY'],
  ALL_CLOSED: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO'],
};

interface PageMemo { pageNo: number; trades: Record<string, unknown>[] }
/** last page served per query, for the duplicate_page fault */
const lastPages = new WeakMap<GatewayContext, Map<string, PageMemo>>();

function incrementGet(ctx: GatewayContext, p: Record<string, string>, duplicate: boolean): Record<string, unknown> {
  const fields = fieldsOf(p);
  const start = timeParam(p, 'start_modified');
  const end = timeParam(p, 'end_modified');
  if (end < start) throw invalid('end_modified', 'end_modified 不能早于 start_modified');
  if (end - start > MAX_WINDOW_MS) throw invalid('end_modified', '查询修改时间跨度不能大于一天');
  const pageNo = intParam(p, 'page_no', 1, 1, 1_000_000);
  const pageSize = intParam(p, 'page_size', 40, 1, 100);
  const statuses = p.status ? STATUS_ALIASES[p.status] ?? [p.status] : null;
  // start ≤ modified ≤ end, both inclusive (UNCONFIRMED: the doc does not say); newest first
  const rows = ctx.store.all()
    .map((t) => ({ t, m: parseShanghai(t.modified) }))
    .filter(({ t, m }) => m >= start && m <= end && (!statuses || statuses.includes(t.status)))
    .sort((a, b) => b.m - a.m || (a.t.tid < b.t.tid ? 1 : -1));
  let trades = rows.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(({ t }) => pickFields(t, fields));
  const key = [p.start_modified, p.end_modified, p.status ?? '', pageSize, p.fields].join('|');
  const memo = lastPages.get(ctx) ?? new Map<string, PageMemo>();
  if (memo.size > 1000) memo.clear(); // every window is a new query; keep the memory bounded
  lastPages.set(ctx, memo);
  const prev = memo.get(key);
  if (duplicate && prev && prev.pageNo !== pageNo) trades = prev.trades; // the previous page, again
  else memo.set(key, { pageNo, trades });
  const hasNext = pageNo * pageSize < rows.length;
  return p.use_has_next === 'true' ? { trades, has_next: hasNext } : { trades, total_results: rows.length, has_next: hasNext };
}

function tradeParam(ctx: GatewayContext, p: Record<string, string>): TbTrade {
  if (!p.tid) throw missing('tid');
  if (!/^\d{1,20}$/.test(p.tid)) throw invalid('tid', 'tid 必须是数字');
  const t = ctx.store.get(p.tid);
  if (!t) throw new TopError(15, 'Remote service error', 'isv.trade-not-exist', `交易不存在:${p.tid}`);
  return t;
}

function fullinfoGet(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  const fields = fieldsOf(p);
  const t = tradeParam(ctx, p);
  ctx.store.served.add(t.tid);
  return { trade: pickFields(t, fields) };
}

function offlineSend(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  const t = tradeParam(ctx, p);
  if (!p.out_sid) throw missing('out_sid');
  if (!p.company_code) throw missing('company_code');
  if (t.status === 'PAID_FORBID_CONSIGN') {
    throw new TopError(15, 'Remote service error', 'isv.logistics-offline-service-error', '订单禁止发货(拼团中或发货管控)');
  }
  if (!['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART'].includes(t.status)) {
    throw new TopError(15, 'Remote service error', 'isv.logistics-offline-service-error', `当前订单状态(${t.status})不允许发货`);
  }
  const carrier = CARRIERS.find((c) => c.code === p.company_code)?.name ?? p.company_code;
  ctx.store.ship(t.tid, p.out_sid, carrier, ctx.now());
  return { shipping: { is_success: true } };
}

/** taobao.trade.memo.update: memo ≤ 1000 bytes overwrites; reset=true clears; flag 0–5 (§13.1). */
function memoUpdate(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  const t = tradeParam(ctx, p);
  const flag = p.flag === undefined || p.flag === '' ? undefined : intParam(p, 'flag', 0, 0, 5);
  if (p.memo !== undefined && new TextEncoder().encode(p.memo).length > 1000) throw invalid('memo', 'memo 不能超过1000字节');
  const now = ctx.now();
  if (p.reset === 'true') t.seller_memo = '';
  else if (p.memo) t.seller_memo = p.memo;
  if (flag !== undefined) t.seller_flag = flag;
  t.modified = formatShanghai(Math.floor(now / 1000) * 1000);
  return { trade: { tid: t.tid, modified: t.modified } };
}

/** Decrypt scenes TOP accepts (platforms.md §1.7). */
const DECRYPT_SCENES = new Set(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '2001', '2002']);

/** taobao.top.oaid.decrypt: query_list = JSON [{oaid, tid, scene}], at most 20 per call. */
function oaidDecrypt(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  if (!p.query_list) throw new TopError(40, 'Missing required arguments:query_list', 'isv.missing-parameter:query_list', '缺少 query_list');
  let list: { oaid?: string; tid?: string | number; scene?: string | number }[];
  try {
    list = JSON.parse(p.query_list) as typeof list;
  } catch {
    throw new TopError(41, 'Invalid arguments:query_list', 'isv.invalid-parameter:query_list', 'query_list 不是 JSON 数组');
  }
  if (!Array.isArray(list) || list.length === 0 || list.length > 20) throw new TopError(41, 'Invalid arguments:query_list', 'isv.invalid-parameter:query_list', 'query_list 需 1–20 条');
  const receivers = list.map((q) => {
    const tid = String(q.tid ?? '');
    if (!DECRYPT_SCENES.has(String(q.scene ?? ''))) throw new TopError(15, 'Remote service error', 'isv.invalid-parameter:scene', `不支持的解密场景 ${String(q.scene)}`);
    const plain = ctx.store.receiverFor(tid, String(q.oaid ?? ''));
    if (!plain) throw new TopError(15, 'Remote service error', 'isv.oaid-decrypt-fail', `oaid 与订单 ${tid} 不匹配或已失效`);
    return { oaid: q.oaid, tid, name: plain.name, mobile: plain.phone, phone: '', address_detail: plain.detail, state: plain.province, city: plain.city, district: plain.district, town: plain.town ?? '' };
  });
  return { receiver_list: receivers };
}

/** simplify=false: a `<api>_response` root and XML-style wrapped lists (UNCONFIRMED detail, §1.1). */
function unsimplify(method: string, payload: Record<string, unknown>): Record<string, unknown> {
  const wrapTrade = (t: Record<string, unknown>) => (Array.isArray(t.orders) ? { ...t, orders: { order: t.orders } } : t);
  const body: Record<string, unknown> = { ...payload };
  if (Array.isArray(body.trades)) body.trades = { trade: (body.trades as Record<string, unknown>[]).map(wrapTrade) };
  if (body.trade) body.trade = wrapTrade(body.trade as Record<string, unknown>);
  const item = body.item as Record<string, unknown> | undefined;
  if (item && Array.isArray(item.skus)) body.item = { ...item, skus: { sku: item.skus } };
  return { [`${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`]: body };
}

const JSON_TYPE = 'application/json;charset=UTF-8';

/** One TOP call: params are the merged query string and form body. */
export function handleTopCall(ctx: GatewayContext, p: Record<string, string>): GatewayReply {
  const fault = ctx.faults.roll();
  if (fault === 'timeout') return { status: 0, body: '', contentType: JSON_TYPE, errorCode: 'timeout', fault, hangMs: ctx.faults.timing.timeoutHangMs };
  if (fault === '5xx') {
    return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1><p>Tengine</p></body></html>', contentType: 'text/html', errorCode: 502, fault };
  }
  const reply = (status: number, body: string, errorCode: number | null): GatewayReply => {
    const r: GatewayReply = { status, body, contentType: JSON_TYPE, errorCode, fault };
    if (fault === 'slow') r.delayMs = ctx.faults.int(...ctx.faults.timing.slowMs);
    if (fault === 'malformed') r.body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
    return r;
  };
  try {
    if (fault === 'rate_limit') throw new TopError(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', 'This ban will last for 1 more seconds');
    const method = authenticate(ctx, p);
    if (fault === 'token_expired') throw new TopError(27, 'Invalid session', 'invalid-sessionkey', 'SessionKey已过期');
    if (fault === 'late_modify') ctx.store.lateModify(ctx.now(), ctx.faults.int(0, 1_000_000), ctx.faults.int(60, 600));
    let payload: Record<string, unknown>;
    switch (method) {
      case 'taobao.trades.sold.increment.get': payload = incrementGet(ctx, p, fault === 'duplicate_page'); break;
      case 'taobao.trade.fullinfo.get': payload = fullinfoGet(ctx, p); break;
      case 'taobao.logistics.offline.send': payload = offlineSend(ctx, p); break;
      case 'taobao.item.quantity.update': payload = itemQuantityUpdate(ctx, p); break;
      case 'taobao.skus.quantity.update': payload = skusQuantityUpdate(ctx, p); break;
      case 'taobao.top.oaid.decrypt': payload = oaidDecrypt(ctx, p); break;
      case 'taobao.trade.memo.update': payload = memoUpdate(ctx, p); break;
    }
    const body = p.simplify === 'true' ? { ...payload, request_id: requestId() } : unsimplify(method, { ...payload, request_id: requestId() });
    return reply(200, toWire(JSON.stringify(body)), null);
  } catch (e) {
    if (!(e instanceof TopError)) throw e;
    return reply(200, errorBody(e), e.code);
  }
}
