// The simulator's Douyin 抖店 gateway (platforms.md §2): one path per API (`order.searchList` →
// POST /order/searchList), system params in the query (app_key, method, access_token,
// param_json, timestamp, v=2, sign, sign_method), business params as param_json in the query
// (Python SDK) and/or as the JSON body (Go SDK). The signature is compared exactly; timestamps
// are unix seconds or Beijing "yyyy-MM-dd HH:mm:ss" (both seen in SDKs). Answers use the new
// envelope {code, msg, sub_code, sub_msg, log_id, data}, 10000 = success.
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import { parseJsonKeepingBigInts } from '../json';
import { createRng } from '../simkit/prng';
import type { IdScheme } from '../simkit/ids';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { renderDouyinOrder } from './render';
import { signDouyin, type DouyinSignMethod } from './sign';
import { ORDER_APIS } from './simOrders';
import { STOCK_APIS } from './simStock';
import { DOUYIN_TIMESTAMP_TOLERANCE_MS, DouyinError, scopeOf, type Biz } from './simShared';

export { DOUYIN_SIM_MAX_DEPTH, DOUYIN_SIM_MAX_WINDOW_S, DOUYIN_TIMESTAMP_TOLERANCE_MS, DouyinError } from './simShared';
export { DOUYIN_REMARK_MAX_CHARS } from './simOrders';
/** "refreshing > 1 h before expiry returns the same tokens" (§2.3) */
const SAME_TOKENS_BEFORE_MS = 3600_000;

export const DOUYIN_IDS: IdScheme = {
  // 19 digits like 6936476692437472563
  orderId: (rng) => `6${rng.digits(18)}`,
  // UNCONFIRMED: a single-SKU order's sku order id is the shop order id itself
  lineId: (rng, orderId, _i, single) => (single ? orderId : `6${rng.digits(18)}`),
};

interface Call { sys: Record<string, string>; method: string; paramJson: string; biz: Biz }

function readCall(req: SimHttpRequest): Call {
  const sys: Record<string, string> = Object.fromEntries(req.query);
  const method = req.path.replace(/^\//, '').replace(/\//g, '.');
  // the Go SDK sends param_json only as the body, the Python SDK in the query too; the query wins
  const paramJson = sys.param_json ?? (req.method === 'POST' && req.body.trim() !== '' ? req.body : '{}');
  let biz: unknown;
  try { biz = parseJsonKeepingBigInts(paramJson); } catch { biz = undefined; }
  if (typeof biz !== 'object' || biz === null || Array.isArray(biz)) {
    throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', 'param_json 不是合法的 JSON 对象');
  }
  return { sys, method, paramJson, biz: biz as Biz };
}

function timestampOf(raw: string): number {
  if (/^\d{10}$/.test(raw)) return Number(raw) * 1000;
  try { return parseShanghai(raw); } catch { return NaN; }
}

function authenticate(ctx: SimCtx, c: Call, needsToken: boolean): void {
  const p = c.sys;
  const missing = (name: string, sub: string) => { if (!p[name]) throw new DouyinError(40001, '缺少参数', sub, `缺少系统参数 ${name}`); };
  missing('app_key', 'isv.app-key-missing');
  missing('method', 'isv.method-missing');
  missing('timestamp', 'isv.timestamp-missing');
  missing('sign', 'isv.signature-missing');
  if (p.app_key !== ctx.credentials.app_key) throw new DouyinError(40003, '非法参数', 'isv.app-key-invalid', `app_key 不存在:${p.app_key}`);
  if (p.method !== c.method) throw new DouyinError(40003, '非法参数', 'isv.method-invalid', `method ${p.method} 与请求路径 /${c.method.replace(/\./g, '/')} 不一致`);
  if ((p.v ?? '') !== '2') throw new DouyinError(40003, '非法参数', 'isv.version-invalid', 'v 必须为 2');
  const ts = timestampOf(p.timestamp!);
  if (!(Math.abs(ts - ctx.now()) <= DOUYIN_TIMESTAMP_TOLERANCE_MS)) {
    throw new DouyinError(40003, '非法参数', 'isv.timestamp-invalid', `timestamp 应为 unix 秒或北京时间 yyyy-MM-dd HH:mm:ss，且与服务器时间相差不超过10分钟 (server ${formatShanghai(ctx.now())})`);
  }
  const signMethod = (p.sign_method ?? 'md5') as DouyinSignMethod; // the legacy default when absent
  if (signMethod !== 'md5' && signMethod !== 'hmac-sha256') throw new DouyinError(40003, '非法参数', 'isv.sign-method-invalid', 'sign_method 取值 hmac-sha256 或 md5');
  const want = signDouyin({ appKey: p.app_key!, appSecret: ctx.credentials.app_secret!, method: p.method!, paramJson: c.paramJson, timestamp: p.timestamp!, v: p.v }, signMethod);
  if (want !== p.sign) throw new DouyinError(40003, '非法参数', 'isv.signature-invalid', `签名校验失败 (${signMethod} of app_secret + app_key…method…param_json…timestamp…v2 + app_secret, lower hex)`);
  if (!needsToken) return;
  if (!p.access_token) throw new DouyinError(40001, '缺少参数', 'isv.access-token-missing', '缺少 access_token');
  const check = ctx.tokens.check(p.access_token, ctx.now());
  if (check === 'expired') throw new DouyinError(40003, '非法参数', 'isv.access-token-expired', 'access_token已过期');
  if (check === 'invalid') throw new DouyinError(40003, '非法参数', 'isv.access-token-no-existed', 'access_token不存在');
}

function tokenRefresh(ctx: SimCtx, b: Biz): Record<string, unknown> {
  if (b.grant_type !== 'refresh_token') throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', 'grant_type 应为 refresh_token');
  const now = ctx.now();
  const check = ctx.tokens.checkRefresh(typeof b.refresh_token === 'string' ? b.refresh_token : '', now);
  if (check === 'expired') throw new DouyinError(50001, 'token生成失败', 'dop.token-generate-failed:token-expired', 'refresh_token已过期，请商家重新授权');
  if (check === 'invalid') throw new DouyinError(50001, 'token生成失败', 'dop.token-generate-failed:token-invalid', 'refresh_token无效，请商家重新授权');
  const exp = ctx.tokens.accessExpiresAt;
  // far from expiry Douyin hands back the same pair; near or past it, a new one
  // (the old access token should stay valid 1 h near expiry; TokenBook retires it at once)
  const v = exp !== null && exp - now <= SAME_TOKENS_BEFORE_MS ? ctx.tokens.renew(now) : ctx.tokens.view();
  return {
    access_token: v.access, expires_in: ctx.tokens.expiresInS(now), refresh_token: v.refresh, scope: 'SCOPE',
    shop_id: scopeOf(ctx).shopId, shop_name: ctx.shopId, authority_id: ctx.shopId, auth_subject_type: '',
  };
}

type Api = { token: boolean; run: (ctx: SimCtx, b: Biz, dup: boolean) => Record<string, unknown> };
const APIS: Record<string, Api> = { ...ORDER_APIS, ...STOCK_APIS, 'token.refresh': { token: false, run: tokenRefresh } };

function logId(ctx: SimCtx): string {
  const n = ((ctx.memo.get('log') as number | undefined) ?? 0) + 1;
  ctx.memo.set('log', n);
  return `${formatShanghai(ctx.now()).replace(/\D/g, '')}${String(n).padStart(6, '0')}`;
}

function reply(ctx: SimCtx, api: string, logged: Record<string, unknown>, code: number, msg: string, subCode: string, subMsg: string, data: unknown): SimApiReply {
  const body = { code, msg, sub_code: subCode, sub_msg: subMsg, log_id: logId(ctx), data };
  return { status: 200, body: JSON.stringify(body), api, params: logged, errorCode: code === 10000 ? null : code };
}

export const DOUYIN_PROTOCOL: SimProtocol = {
  platform: 'douyin',
  ids: DOUYIN_IDS,
  tokenName: 'access_token',
  gatewayPath: '',
  appCredentials(seed) {
    const r = createRng(`douyin-credentials:${seed}`);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    return { app_key: `7${r.digits(18)}`, app_secret: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}` };
  },
  serves: (path) => /^\/[A-Za-z]+\/[A-Za-z]+$/.test(path),
  render: (o, ctx) => renderDouyinOrder(o, scopeOf(ctx)),
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
    let api = req.path.replace(/^\//, '').replace(/\//g, '.');
    let logged: Record<string, unknown> = {};
    try {
      const c = readCall(req);
      api = c.method;
      const { sign: _s, access_token: _t, param_json: _p, ...sys } = c.sys;
      logged = { ...sys, ...c.biz };
      const spec = APIS[c.method];
      authenticate(ctx, c, spec?.token ?? true);
      if (!spec) throw new DouyinError(40003, '非法参数', 'isv.method-invalid', `接口不存在:${c.method}`);
      if (fault === 'rate_limit') throw new DouyinError(60000, '触发限流', '', '请求过于频繁，请稍后重试');
      if (fault === 'token_expired' && spec.token) throw new DouyinError(40003, '非法参数', 'isv.access-token-expired', 'access_token已过期');
      return reply(ctx, api, logged, 10000, 'success', '', '', spec.run(ctx, c.biz, fault === 'duplicate_page'));
    } catch (e) {
      if (!(e instanceof DouyinError)) throw e;
      return reply(ctx, api, logged, e.code, e.msg, e.subCode, e.subMsg, e.data);
    }
  },
};
