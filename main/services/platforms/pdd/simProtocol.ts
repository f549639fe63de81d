// The simulator's Pinduoduo router, POST /api/router (platforms.md §3): a JSON or form body,
// common params checked in the gateway's order (type, client_id, timestamp in unix seconds with
// 10-min tolerance, sign = MD5 UPPER, exact; access_token), then the API. The increment index
// lags: an order shows in pdd.order.number.list.increment.get a little after its updated_at
// (up to ~3 min), which is why PDD tells clients to stop 3 minutes short of server time.
import { formatShanghai } from '../../../../shared/time';
import { hash32, createRng } from '../simkit/prng';
import { CARRIERS } from '../simkit/people';
import type { IdScheme } from '../simkit/ids';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { carrierCodeOfPdd } from './carriers';
import { renderPddOrder } from './render';
import { signPdd } from './sign';
import { PDD_SIGN_ERROR_CODE } from './wire';
import { PddError } from './simError';
import { goodsQuantityUpdate } from './simStock';

const MAX_WINDOW_S = 30 * 60;
const TOLERANCE_MS = 10 * 60_000;
/** how long after updated_at an order can still be missing from the increment index */
export const PDD_INDEX_LAG_MAX_MS = 170_000;
export { PDD_SIGN_ERROR_CODE } from './wire';

export const PDD_IDS: IdScheme = {
  // 260612-050163945762047: yyMMdd of creation (Beijing), a dash, 15 digits
  orderId: (rng, createdAt) => `${formatShanghai(createdAt).slice(2, 10).replace(/-/g, '')}-${rng.digits(15)}`,
  lineId: (_rng, orderId, i) => `${orderId}#${i + 1}`,
};

const visibleAt = (orderId: string, updatedAt: number) => updatedAt + (hash32(`pdd-index:${orderId}:${updatedAt}`) % PDD_INDEX_LAG_MAX_MS);

function params(req: SimHttpRequest): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(req.query);
  const type = String(req.headers['content-type'] ?? '');
  if (req.body.trim() === '') return out;
  if (type.includes('application/json')) {
    let body: unknown;
    try { body = JSON.parse(req.body); } catch { throw new PddError(10000, '参数错误', 'request body is not valid JSON'); }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new PddError(10000, '参数错误', 'JSON body must be an object');
    // object and array business params travel as JSON strings; numbers are taken as written
    for (const [k, v] of Object.entries(body)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  } else {
    for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  }
  return out;
}

function reply(api: string, p: Record<string, string>, value: unknown, errorCode: number | null = null): SimApiReply {
  const { sign: _s, access_token: _t, client_secret: _c, ...logged } = p;
  return { status: 200, body: JSON.stringify(value), api, params: logged, errorCode };
}

function requestId(ctx: SimCtx): string {
  const n = ((ctx.memo.get('req') as number | undefined) ?? 0) + 1;
  ctx.memo.set('req', n);
  return `${ctx.now()}${String(n).padStart(6, '0')}`;
}

function intParam(p: Record<string, string>, name: string, dflt: number | null, min: number, max: number): number {
  const raw = p[name];
  if (raw === undefined || raw === '') {
    if (dflt === null) throw new PddError(10000, '参数错误', `缺少参数:${name}`);
    return dflt;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new PddError(10000, '参数错误', `${name} 应为 ${min}–${max} 的整数`);
  return n;
}

function authenticate(ctx: SimCtx, p: Record<string, string>, needsToken: boolean): void {
  if (!p.type) throw new PddError(10001, '公共参数错误:type');
  if (!p.client_id) throw new PddError(10001, '公共参数错误:client_id');
  if (p.client_id !== ctx.credentials.client_id) throw new PddError(10001, '公共参数错误:client_id', `client_id 不存在:${p.client_id}`);
  if (!p.timestamp) throw new PddError(10001, '公共参数错误:timestamp');
  const ts = /^\d{10}$/.test(p.timestamp) ? Number(p.timestamp) * 1000 : NaN;
  if (!(Math.abs(ts - ctx.now()) <= TOLERANCE_MS)) throw new PddError(10001, '公共参数错误:timestamp', `timestamp 应为 unix 秒，且与服务器时间相差不超过10分钟 (server ${Math.floor(ctx.now() / 1000)})`);
  if (p.data_type && p.data_type.toUpperCase() !== 'JSON') throw new PddError(10001, '公共参数错误:data_type', 'the simulator answers data_type=JSON only');
  if (!p.sign) throw new PddError(10001, '公共参数错误:sign');
  if (signPdd(p, ctx.credentials.client_secret!) !== p.sign) throw new PddError(PDD_SIGN_ERROR_CODE, '签名错误', 'sign 校验失败 (MD5 of client_secret+sorted key/values+client_secret, UPPER hex)');
  if (!needsToken) return;
  const check = ctx.tokens.check(p.access_token, ctx.now());
  if (check === 'expired') throw new PddError(10019, 'access_token已过期', '请刷新或重新授权');
  if (check === 'invalid') throw new PddError(10019, 'access_token已过期', 'access_token 不存在或无效，请重新授权');
}

function incrementGet(ctx: SimCtx, p: Record<string, string>, duplicate: boolean): Record<string, unknown> {
  const start = intParam(p, 'start_updated_at', null, 1, 9_999_999_999);
  const end = intParam(p, 'end_updated_at', null, 1, 9_999_999_999);
  if (end < start) throw new PddError(10000, '参数错误', 'end_updated_at 不能早于 start_updated_at');
  if (end - start > MAX_WINDOW_S) throw new PddError(10000, '参数错误', '查询时间范围不能超过30分钟');
  const status = intParam(p, 'order_status', 5, 1, 5);
  const refund = intParam(p, 'refund_status', 5, 1, 5);
  const page = intParam(p, 'page', 1, 1, 100_000);
  const size = intParam(p, 'page_size', 100, 1, 100);
  const now = ctx.now();
  const scope = { shopId: ctx.shopId, clientId: ctx.credentials.client_id! };
  // only 成交 orders: never-paid ones do not exist for this API
  const rows = ctx.store.all()
    .filter((o) => o.paidAt !== undefined && o.modifiedAt >= start * 1000 && o.modifiedAt <= end * 1000 + 999 && visibleAt(o.orderId, o.modifiedAt) <= now)
    .sort((a, b) => b.modifiedAt - a.modifiedAt || (a.orderId < b.orderId ? 1 : -1)) // newest first
    .map((o) => renderPddOrder(o, scope))
    .filter((r) => (status === 5 || r.order_status === status) && (refund === 5 || r.refund_status === refund));
  let list = rows.slice((page - 1) * size, page * size);
  const key = `inc:${start}:${end}:${status}:${refund}:${size}`;
  const prev = ctx.memo.get(key) as { page: number; list: typeof list } | undefined;
  if (duplicate && prev && prev.page !== page) list = prev.list;
  else ctx.memo.set(key, { page, list });
  for (const r of list) ctx.store.served.add(String(r.order_sn));
  const body: Record<string, unknown> = { order_sn_list: list, has_next: page * size < rows.length };
  if (p.use_has_next !== 'true') body.total_count = rows.length;
  return { order_sn_increment_get_response: body };
}

function orderOf(ctx: SimCtx, p: Record<string, string>) {
  if (!p.order_sn) throw new PddError(10000, '参数错误', '缺少参数:order_sn');
  const o = ctx.store.get(p.order_sn);
  if (!o || o.paidAt === undefined) throw new PddError(50001, '订单不存在', `order_sn ${p.order_sn} 不存在`);
  return o;
}

function informationGet(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  const o = orderOf(ctx, p);
  ctx.store.served.add(o.orderId);
  return { order_info_get_response: { order_info: renderPddOrder(o, { shopId: ctx.shopId, clientId: ctx.credentials.client_id! }) } };
}

function onlineSend(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  const o = orderOf(ctx, p);
  if (!p.tracking_number) throw new PddError(10000, '参数错误', '缺少参数:tracking_number');
  const logisticsId = intParam(p, 'logistics_id', null, 1, 1_000_000);
  const code = carrierCodeOfPdd(logisticsId);
  if (!code) throw new PddError(10000, '参数错误', `logistics_id ${logisticsId} 不是已知的快递公司编号 (pdd.logistics.companies.get)`);
  if (o.hold) throw new PddError(50002, '订单风控审核中，暂不能发货');
  if (o.state !== 'paid' && o.state !== 'partial') throw new PddError(50002, '订单状态不允许发货', `当前订单状态不是待发货`);
  if (o.lines.some((l) => l.refund === 'open')) throw new PddError(50002, '订单售后处理中，暂不能发货');
  const carrier = CARRIERS.find((c) => c.code === code)!;
  ctx.store.ship(o.orderId, p.tracking_number, carrier, ctx.now());
  return { logistics_online_send_response: { is_success: true } };
}

const TAG_NAMES: Record<number, string> = { 1: '红', 2: '黄', 3: '绿', 4: '蓝', 5: '紫' };

function noteUpdate(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  const o = orderOf(ctx, p);
  if (p.note === undefined) throw new PddError(10000, '参数错误', '缺少参数:note');
  const hasTag = p.tag !== undefined && p.tag !== '';
  const hasName = p.tag_name !== undefined && p.tag_name !== '';
  if (hasTag !== hasName) return { response: { success: false, error_code: 10000, error_msg: 'tag 与 tag_name 需同时传或同时不传' } };
  const tag = hasTag ? Number(p.tag) : undefined;
  if (tag !== undefined && !TAG_NAMES[tag]) return { response: { success: false, error_code: 10000, error_msg: 'tag 取值 1红 2黄 3绿 4蓝 5紫' } };
  if (hasName && [...p.tag_name!].length > 3) return { response: { success: false, error_code: 10000, error_msg: 'tag_name 不能超过3个字' } };
  ctx.store.setMemo(o.orderId, p.note, tag, ctx.now());
  return { response: { success: true } };
}

function tokenRefresh(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  const check = ctx.tokens.checkRefresh(p.refresh_token, ctx.now());
  if (check !== 'ok') throw new PddError(10019, 'refresh_token已过期', '授权已失效，请商家重新授权');
  const now = ctx.now();
  const v = ctx.tokens.renew(now);
  return {
    pop_auth_token_refresh_response: {
      access_token: v.access, expires_in: ctx.tokens.expiresInS(now), expires_at: Math.floor((v.accessExpiresAt ?? now + 30 * 86_400_000) / 1000),
      refresh_token: v.refresh, refresh_token_expires_at: Math.floor((v.refreshExpiresAt ?? now + 60 * 86_400_000) / 1000),
      owner_id: ctx.shopId, owner_name: ctx.shopId, scope: ['pdd.order.number.list.increment.get'],
    },
  };
}

function decryptBatch(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  let list: Array<{ data_tag?: string; encrypted_data?: string }>;
  try { list = JSON.parse(p.data_list ?? '') as typeof list; } catch { throw new PddError(10000, '参数错误', 'data_list 应为 JSON 数组'); }
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) throw new PddError(10000, '参数错误', 'data_list 需 1–100 条');
  const scope = { shopId: ctx.shopId, clientId: ctx.credentials.client_id! };
  return {
    open_decrypt_batch_response: {
      data_decrypt_list: list.map((q) => {
        const o = q.data_tag ? ctx.store.get(q.data_tag) : undefined;
        const shown = o ? renderPddOrder(o, scope) : undefined;
        const r = o?.receiver;
        const pairs: Array<[unknown, number, string | undefined]> = [
          [shown?.receiver_name, 5, r?.name], [shown?.receiver_phone, 6, r?.phone],
          [shown?.address, 7, r ? `${r.province}${r.city}${r.district}${r.town ?? ''}${r.detail}` : undefined], [shown?.receiver_address, 8, r?.detail],
        ];
        const hit = pairs.find(([c]) => c !== '' && c === q.encrypted_data);
        if (!hit) return { data_tag: q.data_tag, encrypted_data: q.encrypted_data, error_code: 1001, decrypted_data: '' };
        return { data_tag: q.data_tag, data_type: hit[1], encrypted_data: q.encrypted_data, decrypted_data: hit[2], error_code: 0, virtual_number_type: 0 };
      }),
    },
  };
}

const APIS: Record<string, { token: boolean; run: (ctx: SimCtx, p: Record<string, string>, dup: boolean) => Record<string, unknown> }> = {
  'pdd.order.number.list.increment.get': { token: true, run: incrementGet },
  'pdd.order.information.get': { token: true, run: informationGet },
  'pdd.logistics.online.send': { token: true, run: onlineSend },
  'pdd.order.note.update': { token: true, run: noteUpdate },
  'pdd.open.decrypt.batch': { token: true, run: decryptBatch },
  'pdd.goods.quantity.update': { token: true, run: goodsQuantityUpdate },
  'pdd.pop.auth.token.refresh': { token: false, run: tokenRefresh },
};

export const PDD_PROTOCOL: SimProtocol = {
  platform: 'pdd',
  ids: PDD_IDS,
  tokenName: 'access_token',
  gatewayPath: '/api/router',
  appCredentials(seed) {
    const r = createRng(`pdd-credentials:${seed}`);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    return { client_id: hex(32), client_secret: hex(40) };
  },
  serves: (path) => path === '/api/router',
  render: (o, ctx) => renderPddOrder(o, { shopId: ctx.shopId, clientId: ctx.credentials.client_id! }),
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
    let p: Record<string, string> = {};
    try {
      if (req.method !== 'POST') throw new PddError(10001, '公共参数错误', 'HTTP GET is not accepted; POST a JSON or form body to /api/router');
      p = params(req);
      const api = APIS[p.type ?? ''];
      authenticate(ctx, p, api?.token ?? true);
      if (!api) throw new PddError(10001, '公共参数错误:type', `接口不存在:${p.type}`);
      if (fault === 'rate_limit') throw new PddError(52101, '接口被限流', '当前接口调用过于频繁，请稍后重试');
      if (fault === 'token_expired' && api.token) throw new PddError(10019, 'access_token已过期', '请刷新或重新授权');
      return reply(p.type!, p, api.run(ctx, p, fault === 'duplicate_page'));
    } catch (e) {
      if (!(e instanceof PddError)) throw e;
      return reply(p.type ?? '', p, { error_response: { error_code: e.code, error_msg: e.msg, sub_code: e.subCode, sub_msg: e.subMsg, request_id: requestId(ctx) } }, e.code);
    }
  },
};

