// The simulator's Kuaishou gateway (platforms.md §5, §13.5): /open/<method with / for .>, GET or
// POST (system params in the query, `param` in a form body or the query), checks in the gateway's
// order (appkey, method = path, version, signMethod, ms timestamp, sign exact, access_token), and
// the UNCONFIRMED envelope `{"result":1,…}` / `{"result":<code>,"error_msg":…}` from ./wire.
// open.order.cursor.list pages with a keyset cursor in (updateTime, oid) order, so an order that
// changes mid-scan moves to the end instead of shifting the rest; "nomore" marks the last page.
import { formatShanghai } from '../../../../shared/time';
import { parseJsonKeepingBigInts } from '../json';
import { CARRIERS } from '../simkit/people';
import { createRng } from '../simkit/prng';
import type { IdScheme } from '../simkit/ids';
import type { SimOrder } from '../simkit/model';
import type { ProtocolFault, SimApiReply, SimCtx, SimHttpRequest, SimProtocol } from '../simkit/protocol';
import { carrierCodeOfKuaishou } from './carriers';
import { kuaishouCiphers, renderKuaishouOrder } from './render';
import { signKuaishou } from './sign';
import { idParam, int, KsError } from './simShared';
import { STOCK_APIS } from './simStock';
import {
  KUAISHOU_CODES as C, KUAISHOU_CURSOR_END, KUAISHOU_FLAG_GREY, KUAISHOU_MAX_HISTORY_MS, KUAISHOU_MAX_PAGE_SIZE, KUAISHOU_MAX_WINDOW_MS,
  KUAISHOU_NOTE_JOIN, KUAISHOU_NOTE_MAX, KUAISHOU_OK, KUAISHOU_QUERY_BY_CREATE, KUAISHOU_QUERY_BY_UPDATE, KUAISHOU_REFRESH_PATH,
  KUAISHOU_SORT_ASC, KUAISHOU_SORT_DESC, kuaishouJson, kuaishouPath,
} from './wire';

/** UNCONFIRMED: how far the timestamp may be from server time */
const TOLERANCE_MS = 10 * 60_000;
const DAY = 86_400_000;

export const KUAISHOU_IDS: IdScheme = {
  // 2606120123456789: yyMMdd of creation (Beijing) then 10 digits — 16 digits, a JSON long
  orderId: (rng, createdAt) => `${formatShanghai(createdAt).slice(2, 10).replace(/-/g, '')}${rng.digits(10)}`,
  lineId: (rng) => `1${rng.digits(15)}`,
};

type Params = Record<string, string>;

function params(req: SimHttpRequest): Params {
  const out: Params = Object.fromEntries(req.query);
  if (req.body.trim() !== '') for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  return out;
}

function reply(api: string, p: Params, value: unknown, errorCode: number | null): SimApiReply {
  const { sign: _s, access_token: _t, app_secret: _a, refresh_token: _r, ...logged } = p;
  return { status: 200, body: kuaishouJson(value), api, params: logged, errorCode };
}

const ok = (data: unknown) => ({ result: KUAISHOU_OK, data });

function authenticate(ctx: SimCtx, p: Params, path: string): void {
  if (!p.appkey) throw new KsError(C.badParam, '缺少系统参数 appkey');
  if (p.appkey !== ctx.credentials.appkey) throw new KsError(C.badAppKey, `appkey 不存在: ${p.appkey}`);
  if (!p.method) throw new KsError(C.badParam, '缺少系统参数 method');
  if (kuaishouPath(p.method) !== path) throw new KsError(C.badParam, `method ${p.method} 与请求路径 ${path} 不符 (路径为 method 中的 . 换成 /)`);
  if (p.version !== '1') throw new KsError(C.badParam, 'version 应为 1');
  if (p.signMethod !== 'MD5' && p.signMethod !== 'HMAC_SHA256') throw new KsError(C.badParam, 'signMethod 应为 MD5 或 HMAC_SHA256');
  const ts = /^\d{13}$/.test(p.timestamp ?? '') ? Number(p.timestamp) : NaN;
  if (!(Math.abs(ts - ctx.now()) <= TOLERANCE_MS)) throw new KsError(C.badParam, `timestamp 应为毫秒时间戳，且与服务器时间相差不超过10分钟 (server ${ctx.now()})`);
  if (!p.sign) throw new KsError(C.badParam, '缺少系统参数 sign');
  if (signKuaishou(p, ctx.credentials.signSecret!) !== p.sign) throw new KsError(C.badSign, '签名验证失败 (MD5 小写十六进制 / HMAC_SHA256 Base64，密钥为 signSecret)');
  const check = ctx.tokens.check(p.access_token, ctx.now());
  if (check !== 'ok') throw new KsError(C.tokenExpired, check === 'expired' ? 'access_token 已过期，请刷新' : 'access_token 无效，请重新授权');
}

function bizParam(p: Params): Record<string, unknown> {
  if (p.param === undefined || p.param === '') return {};
  let v: unknown;
  try { v = parseJsonKeepingBigInts(p.param); } catch { throw new KsError(C.badParam, 'param 不是合法的 JSON'); }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new KsError(C.badParam, 'param 应为 JSON 对象');
  return v as Record<string, unknown>;
}

function orderOf(ctx: SimCtx, b: Record<string, unknown>, name: string): SimOrder {
  const id = idParam(b, name);
  const o = ctx.store.get(id);
  if (!o) throw new KsError(C.orderNotFound, `订单不存在: ${id}`);
  return o;
}

/** (updateTime|createTime, oid) order; oids compared as numbers of any length */
type Key = [number, string];
const cmpId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const cmpKey = (a: Key, b: Key) => a[0] - b[0] || cmpId(a[1], b[1]);
const encodeCursor = (k: Key) => Buffer.from(`${k[0]}_${k[1]}`).toString('base64url');
function decodeCursor(c: string): Key | null {
  if (c === '') return null;
  const m = /^(\d+)_(\d+)$/.exec(Buffer.from(c, 'base64url').toString());
  if (!m) throw new KsError(C.badParam, `cursor 无效: ${c}`);
  return [Number(m[1]), m[2]!];
}

function cursorList(ctx: SimCtx, b: Record<string, unknown>, duplicate: boolean) {
  const begin = int(b, 'beginTime', null, 1, 9_999_999_999_999);
  const end = int(b, 'endTime', null, 1, 9_999_999_999_999);
  if (end < begin) throw new KsError(C.badParam, 'endTime 不能早于 beginTime');
  if (end - begin > KUAISHOU_MAX_WINDOW_MS) throw new KsError(C.windowTooLong, 'SEARCH TIME RANGE EXPAND 7 DAYS');
  if (begin < ctx.now() - KUAISHOU_MAX_HISTORY_MS) throw new KsError(C.tooOld, 'CAN NOT SEARCH BEFORE 90 DAYS');
  const queryType = int(b, 'queryType', KUAISHOU_QUERY_BY_CREATE, 1, 2);
  const sort = int(b, 'sort', KUAISHOU_SORT_DESC, 1, 2);
  const size = int(b, 'pageSize', 20, 1, KUAISHOU_MAX_PAGE_SIZE);
  // orderViewStatus: only 1 (全部) is modelled; other values are UNCONFIRMED and refused
  if (int(b, 'orderViewStatus', 1, 1, 1) !== 1) throw new KsError(C.badParam, 'orderViewStatus');
  const cursor = typeof b.cursor === 'string' ? b.cursor : '';
  const keyOf = (o: SimOrder): Key => [queryType === KUAISHOU_QUERY_BY_UPDATE ? o.modifiedAt : o.createdAt, o.orderId];
  const dir = sort === KUAISHOU_SORT_ASC ? 1 : -1;
  const rows = ctx.store.all().filter((o) => { const t = keyOf(o)[0]; return t >= begin && t <= end; }).sort((x, y) => dir * cmpKey(keyOf(x), keyOf(y)));
  let list: SimOrder[] = [];
  let next = KUAISHOU_CURSOR_END;
  if (cursor !== KUAISHOU_CURSOR_END) {
    const after = decodeCursor(cursor);
    const rest = after ? rows.filter((o) => dir * cmpKey(keyOf(o), after) > 0) : rows;
    list = rest.slice(0, size);
    if (rest.length > size) next = encodeCursor(keyOf(list[list.length - 1]!));
  }
  // duplicate_page: a follow-on page answered with the page served before it in the same scan
  const memoKey = `list:${begin}:${end}:${queryType}:${sort}:${size}`;
  const prev = ctx.memo.get(memoKey) as { cursor: string; list: SimOrder[] } | undefined;
  if (duplicate && cursor !== '' && prev && prev.cursor !== cursor) list = prev.list;
  else ctx.memo.set(memoKey, { cursor, list });
  for (const o of list) ctx.store.served.add(o.orderId);
  return ok({ cursor: next, orderList: list.map((o) => renderKuaishouOrder(o, { shopId: ctx.shopId })) });
}

function detail(ctx: SimCtx, b: Record<string, unknown>) {
  const o = orderOf(ctx, b, 'oid');
  ctx.store.served.add(o.orderId);
  return ok(renderKuaishouOrder(o, { shopId: ctx.shopId }));
}

function deliver(ctx: SimCtx, b: Record<string, unknown>) {
  const o = orderOf(ctx, b, 'orderId');
  const expressNo = typeof b.expressNo === 'string' ? b.expressNo.trim() : '';
  if (!expressNo) throw new KsError(C.badParam, '缺少参数 expressNo');
  const code = carrierCodeOfKuaishou(int(b, 'expressCode', null, 0, 1_000_000));
  if (!code) throw new KsError(C.badParam, `expressCode ${String(b.expressCode)} 不是已知的快递公司编码`);
  if (o.state !== 'paid' && o.state !== 'partial') throw new KsError(C.orderState, '订单状态不是待发货，不能发货');
  if (o.lines.some((l) => l.refund === 'open')) throw new KsError(C.orderState, '订单售后处理中，暂不能发货');
  ctx.store.ship(o.orderId, expressNo, CARRIERS.find((c) => c.code === code)!, ctx.now());
  return ok(null);
}

/** §13.5: the note is APPENDED (an empty note is allowed); flag 0 leaves the flag, 6 GREY is "no colour" */
function noteAdd(ctx: SimCtx, b: Record<string, unknown>) {
  const o = orderOf(ctx, b, 'orderId');
  const note = b.note === undefined || b.note === null ? '' : b.note;
  if (typeof note !== 'string') throw new KsError(C.badParam, 'note 应为字符串');
  if ([...note].length > KUAISHOU_NOTE_MAX) throw new KsError(C.badParam, `note 不能超过${KUAISHOU_NOTE_MAX}字`);
  const flag = int(b, 'flag', 0, 0, KUAISHOU_FLAG_GREY);
  const memo = note === '' ? undefined : o.sellerMemo ? `${o.sellerMemo}${KUAISHOU_NOTE_JOIN}${note}` : note;
  ctx.store.setMemo(o.orderId, memo, flag === 0 ? undefined : flag === KUAISHOU_FLAG_GREY ? 0 : flag, ctx.now());
  return ok(null);
}

function decryptBatch(ctx: SimCtx, b: Record<string, unknown>) {
  const list = b.batchDecryptList;
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) throw new KsError(C.badParam, 'batchDecryptList 需 1–100 条');
  return ok({
    decryptList: list.map((q: Record<string, unknown>) => {
      const bizId = typeof q?.bizId === 'number' ? String(q.bizId) : typeof q?.bizId === 'string' ? q.bizId : '';
      const cipher = typeof q?.encryptedData === 'string' ? q.encryptedData : '';
      const o = ctx.store.get(bizId);
      const refuse = (msg: string) => ({ bizId, encryptedData: cipher, decryptedData: '', errorCode: C.decryptRefused, errorMsg: msg });
      if (!o) return refuse('订单不存在');
      if (o.state === 'completed' && o.completedAt !== undefined && ctx.now() - o.completedAt > 14 * DAY) return refuse('交易成功超过14天的订单不可解密');
      const c = kuaishouCiphers(o, ctx.shopId);
      const plain = cipher === c.encryptedConsignee ? o.receiver.name : cipher === c.encryptedMobile ? o.receiver.phone : cipher === c.encryptedAddress ? o.receiver.detail : undefined;
      if (plain === undefined) return refuse('密文与订单不匹配');
      return { bizId, encryptedData: cipher, decryptedData: plain, errorCode: 0, errorMsg: '' };
    }),
  });
}

/** §5.3: app_id + app_secret + refresh_token → a new access token AND a new refresh token */
function refresh(ctx: SimCtx, p: Params) {
  if (p.grant_type !== 'refresh_token') throw new KsError(C.badParam, 'grant_type 应为 refresh_token');
  if (p.app_id !== ctx.credentials.appkey || p.app_secret !== ctx.credentials.appSecret) throw new KsError(C.badAppKey, 'app_id 或 app_secret 错误');
  if (ctx.tokens.checkRefresh(p.refresh_token, ctx.now()) !== 'ok') throw new KsError(C.refreshInvalid, 'refresh_token 已失效，请商家重新授权');
  const now = ctx.now();
  const v = ctx.tokens.renew(now);
  return {
    result: KUAISHOU_OK, access_token: v.access, refresh_token: v.refresh, expires_in: ctx.tokens.expiresInS(now),
    refresh_token_expires_in: v.refreshExpiresAt === null ? 180 * 86_400 : Math.max(0, Math.round((v.refreshExpiresAt - now) / 1000)),
    open_id: ctx.shopId, scopes: ['merchant_order', 'merchant_logistics'],
  };
}

const APIS: Record<string, (ctx: SimCtx, b: Record<string, unknown>, dup: boolean) => unknown> = {
  'open.order.cursor.list': cursorList,
  'open.order.detail': detail,
  'open.seller.order.goods.deliver': deliver,
  'open.seller.order.note.add': noteAdd,
  'open.order.decrypt.batch': decryptBatch,
  ...STOCK_APIS,
};

export const KUAISHOU_PROTOCOL: SimProtocol = {
  platform: 'kuaishou',
  ids: KUAISHOU_IDS,
  tokenName: 'access_token',
  // the gateway is the host itself; every API has its own path
  gatewayPath: '',
  appCredentials(seed) {
    const r = createRng(`kuaishou-credentials:${seed}`);
    const pick = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[r.int(0, alphabet.length - 1)]).join('');
    const an = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    return { appkey: `ks${pick(18, '0123456789')}`, appSecret: pick(22, an), signSecret: pick(32, '0123456789abcdef') };
  },
  serves: (path) => path.startsWith('/open/') || path === KUAISHOU_REFRESH_PATH,
  render: (o, ctx) => renderKuaishouOrder(o, { shopId: ctx.shopId }),
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply {
    let p: Params = {};
    const api = req.path === KUAISHOU_REFRESH_PATH ? 'oauth2.refresh_token' : req.path.slice(1).replace(/\//g, '.');
    try {
      p = params(req);
      if (fault === 'rate_limit') throw new KsError(C.rateLimited, '调用频率超过限制，请稍后重试');
      if (req.path === KUAISHOU_REFRESH_PATH) return reply(api, p, refresh(ctx, p), null);
      authenticate(ctx, p, req.path);
      const run = APIS[p.method!];
      if (!run) throw new KsError(C.badParam, `接口不存在: ${p.method}`);
      if (fault === 'token_expired') throw new KsError(C.tokenExpired, 'access_token 已过期，请刷新');
      return reply(api, { ...p }, run(ctx, bizParam(p), fault === 'duplicate_page'), null);
    } catch (e) {
      if (!(e instanceof KsError)) throw e;
      return reply(api, p, { result: e.code, error_msg: e.message }, e.code);
    }
  },
};
