// Taobao connector: signed TOP calls with retries, and the incremental pull by modified time.
//
// Pull strategy (platforms.md §1.4): windows of ≤ 30 min; in each, list pages from the LAST page
// back to page 1, because rows sorted by modified DESC move towards the front while we page, and
// backwards paging never skips a row when rows leave the window. After a pass the window is
// queried again; the pass is accepted when it saw exactly total_results distinct trades, the
// total and page 1 did not change meanwhile, and no trade showed two different modified times.
// Otherwise the window is listed again (bounded by maxPasses; after that the engine's overlapping
// pulls pick up what moved). Details are fetched once per (tid, modified) per pull, so listing
// again costs list calls only.
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import { parseShanghai, formatShanghai } from '../../../../shared/time';
import { parseJsonKeepingBigInts } from '../json';
import { mapTaobaoTrade } from './map';
import { formatTopTimestamp, signTop } from './sign';
import { pushTaobaoStock } from './stock';

export const TAOBAO_MAX_WINDOW_MS = 30 * 60_000;

/** The list call only needs identity and modified time; details come from fullinfo. */
export const LIST_FIELDS = 'tid,tid_str,status,modified';

/** Everything map.ts reads. receiver_name/address/mobile/phone + created are also what oaid needs. */
export const FULLINFO_FIELDS = [
  'tid', 'tid_str', 'status', 'type', 'created', 'modified', 'pay_time', 'consign_time', 'end_time',
  'payment', 'total_fee', 'post_fee', 'discount_fee', 'adjust_fee', 'received_payment', 'num',
  'buyer_nick', 'buyer_open_uid', 'seller_nick', 'buyer_message', 'has_buyer_message', 'seller_memo', 'seller_flag', 'shipping_type',
  'receiver_name', 'receiver_mobile', 'receiver_phone', 'receiver_address', 'receiver_state', 'receiver_city',
  'receiver_district', 'receiver_town', 'receiver_zip', 'receiver_country',
  'receiver_name_mask', 'receiver_mobile_mask', 'receiver_phone_mask', 'receiver_address_mask', 'oaid', 'orders',
].join(',');

export interface TaobaoConnectorOptions {
  /** list page size; TOP allows 1–100 and recommends 40–50 */
  pageSize?: number;
  /** tries per call, counting the first */
  maxAttempts?: number;
  /** listings of one window before it is accepted as it stands (overlapping pulls catch the rest) */
  maxPasses?: number;
}

export interface TaobaoConnector extends Connector {
  /** one signed TOP call; resolves to the response body (root wrapper removed) */
  call(method: string, params: Record<string, string>, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Gateway codes worth retrying: quota/frequency limits and "service unavailable" (§1.10). */
const RETRYABLE_CODES = new Set([7, 8, 10]);

function topErrorRetryable(code: number, subCode: string | undefined): boolean {
  if (RETRYABLE_CODES.has(code)) return true;
  // isp.* = the platform's own trouble; isv.* and everything else = ours, retrying cannot help
  return subCode?.startsWith('isp.') ?? false;
}

function backoffMs(attempt: number, err: PlatformCallError): number {
  const base = Math.min(16_000, 500 * 2 ** (attempt - 1));
  // code 7 tells how long the ban lasts: "This ban will last for 1 more seconds"
  const ban = err.code === '7' ? /(\d+) more seconds?/.exec(err.platformMessage) : null;
  return ban ? Math.min(60_000, Math.max(base, Number(ban[1]) * 1000)) : base;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ListRow { tid: string; modified: number }
interface ListPage { rows: ListRow[]; total: number; sig: string }

export function createTaobaoConnector(creds: ShopCredentials, deps: ConnectorDeps, options: TaobaoConnectorOptions = {}): TaobaoConnector {
  if (creds.platform !== 'taobao') throw new Error(`createTaobaoConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? defaultSleep;
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const pageSize = options.pageSize ?? 40;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxPasses = options.maxPasses ?? 4;

  /** One HTTP round trip; every failure becomes a PlatformCallError saying whether to retry. */
  async function once(method: string, appParams: Record<string, string>, signal?: AbortSignal): Promise<Obj> {
    await deps.budget?.take(signal);
    const params: Record<string, string> = {
      method, app_key: creds.appKey, session: creds.session, timestamp: formatTopTimestamp(deps.clock.now()),
      v: '2.0', format: 'json', simplify: 'true', sign_method: creds.signMethod, ...appParams,
    };
    params.sign = signTop(params, creds.secret, creds.signMethod);
    const timeout = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const res = await doFetch(creds.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      if (timeout.aborted) throw new PlatformCallError(method, 'timeout', `no answer within ${timeoutMs} ms`, true);
      throw new PlatformCallError(method, 'network', `${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause?: Error }).cause!.message})` : ''}`, true);
    }
    let body: unknown;
    try {
      body = parseJsonKeepingBigInts(text);
    } catch {
      if (status >= 500) throw new PlatformCallError(method, `http_${status}`, text.slice(0, 200), true, undefined, status);
      if (status !== 200) throw new PlatformCallError(method, `http_${status}`, text.slice(0, 200), false, undefined, status);
      throw new PlatformCallError(method, 'malformed', `response is not complete JSON (${text.length} bytes): ${text.slice(0, 120)}`, true, undefined, status);
    }
    if (isObj(body) && isObj(body.error_response)) {
      const er = body.error_response;
      const code = Number(er.code);
      const subCode = typeof er.sub_code === 'string' ? er.sub_code : undefined;
      const msg = [er.msg, er.sub_msg].filter((x) => typeof x === 'string' && x !== '').join(': ');
      throw new PlatformCallError(method, String(er.code), msg, topErrorRetryable(code, subCode), subCode, status);
    }
    if (status >= 500) throw new PlatformCallError(method, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body)) throw new PlatformCallError(method, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    // simplify=false answers wrap everything in "<api>_response"; accept both shapes
    const keys = Object.keys(body);
    const root = keys.find((k) => k.endsWith('_response'));
    return root && keys.length === 1 && isObj(body[root]) ? body[root] : body;
  }

  async function call(method: string, params: Record<string, string>, signal?: AbortSignal): Promise<Obj> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, params, signal);
      } catch (e) {
        if (!(e instanceof PlatformCallError) || !e.retryable || attempt >= maxAttempts) throw e;
        await sleep(backoffMs(attempt, e));
      }
    }
  }

  const toText = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);

  /**
   * One list page, checked: rows must be inside the window, and a page identical to the one just
   * before it (a repeated page) is fetched again — both are signs the gateway served stale data.
   */
  async function listPage(query: Record<string, string>, pageNo: number, from: number, to: number, prevSig: string, signal?: AbortSignal): Promise<ListPage> {
    const method = 'taobao.trades.sold.increment.get';
    let page: ListPage | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const body = await call(method, { ...query, page_no: String(pageNo) }, signal);
      const total = Number(body.total_results);
      if (!Number.isInteger(total) || total < 0) throw new PlatformCallError(method, 'bad_response', `total_results missing or not a count: ${JSON.stringify(body.total_results)}`, true);
      const raw = Array.isArray(body.trades) ? body.trades : isObj(body.trades) && Array.isArray(body.trades.trade) ? body.trades.trade : [];
      const rows: ListRow[] = [];
      let outside = 0;
      for (const t of raw as unknown[]) {
        if (!isObj(t)) continue;
        const tid = toText(t.tid_str) ?? toText(t.tid);
        const modified = typeof t.modified === 'string' ? parseShanghai(t.modified) : NaN;
        if (!tid || Number.isNaN(modified)) throw new PlatformCallError(method, 'bad_response', `list row without tid_str/modified: ${JSON.stringify(t).slice(0, 120)}`, true);
        if (modified < from || modified > to) outside++;
        else rows.push({ tid, modified });
      }
      const sig = rows.map((r) => `${r.tid}@${r.modified}`).join(',');
      page = { rows, total, sig };
      const repeated = sig !== '' && sig === prevSig;
      if (outside === 0 && !repeated) return page;
      await sleep(backoffMs(attempt, new PlatformCallError(method, 'stale_page', '', true)));
    }
    return page!; // still odd after every retry: rows outside the window are dropped, the pass check decides
  }

  async function fullinfo(tid: string, signal?: AbortSignal): Promise<{ trade: Obj; modified: number }> {
    const method = 'taobao.trade.fullinfo.get';
    const body = await call(method, { fields: FULLINFO_FIELDS, tid }, signal);
    const trade = body.trade;
    if (!isObj(trade)) throw new PlatformCallError(method, 'bad_response', `no trade object for tid ${tid}`, true);
    const got = toText(trade.tid_str) ?? toText(trade.tid);
    if (got !== tid) throw new PlatformCallError(method, 'bad_response', `asked for tid ${tid}, got ${String(got)}`, true);
    const modified = typeof trade.modified === 'string' ? parseShanghai(trade.modified) : NaN;
    if (Number.isNaN(modified)) throw new PlatformCallError(method, 'bad_response', `trade ${tid} has no modified time`, false);
    return { trade, modified };
  }

  async function pullWindow(ws: number, we: number, delivered: Map<string, number>, opts: PullOptions): Promise<{ pages: number; orders: number }> {
    // TOP times are whole seconds and the bounds inclusive: [ws, we) = [ceil(ws), ceil(we) - 1 s]
    const from = Math.ceil(ws / 1000) * 1000;
    const to = Math.ceil(we / 1000) * 1000 - 1000;
    let pages = 0;
    let orders = 0;
    if (to < from) return { pages, orders };
    const query = {
      fields: LIST_FIELDS, start_modified: formatShanghai(from), end_modified: formatShanghai(to),
      page_size: String(pageSize), use_has_next: 'false',
    };
    // page 1 first, for total_results; the re-query after a pass is the next pass's probe
    let probe = await listPage(query, 1, from, to, '', opts.signal);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const lastPage = Math.max(1, Math.ceil(probe.total / pageSize));
      const seen = new Map<string, number>();
      let twoVersions = false;
      let prevSig = '';
      for (let p = lastPage; p >= 1; p--) {
        opts.signal?.throwIfAborted();
        const page = p === 1 && lastPage === 1 ? probe : await listPage(query, p, from, to, prevSig, opts.signal);
        prevSig = page.sig;
        const batch: RawOrder[] = [];
        for (const row of page.rows) {
          const before = seen.get(row.tid);
          if (before !== undefined && before !== row.modified) twoVersions = true;
          seen.set(row.tid, row.modified);
          if ((delivered.get(row.tid) ?? -1) >= row.modified) continue;
          const { trade, modified } = await fullinfo(row.tid, opts.signal);
          if ((delivered.get(row.tid) ?? -1) >= modified) continue;
          delivered.set(row.tid, modified);
          batch.push({ orderId: row.tid, modifiedAt: modified, payload: trade });
        }
        if (batch.length > 0) {
          await opts.onPage(batch); // the caller stores the page before we go on
          pages++;
          orders += batch.length;
        }
      }
      // re-query once the window is done: anything that arrived, left or moved to the front
      // while we paged shows up as a different total or a different page 1
      const after = await listPage(query, 1, from, to, '', opts.signal);
      const stable = after.total === probe.total && after.sig === prevSig && seen.size === probe.total && !twoVersions;
      if (stable) break;
      probe = after;
    }
    return { pages, orders };
  }

  return {
    platform: 'taobao',
    maxWindowMs: TAOBAO_MAX_WINDOW_MS,
    map: mapTaobaoTrade,
    call,
    async test() {
      const now = deps.clock.now();
      await call('taobao.trades.sold.increment.get', {
        fields: 'tid_str,modified', start_modified: formatShanghai(now - 60_000), end_modified: formatShanghai(now),
        page_no: '1', page_size: '1', use_has_next: 'true',
      });
    },
    async ship({ orderId, carrierCode, trackingNo }) {
      const body = await call('taobao.logistics.offline.send', { tid: orderId, out_sid: trackingNo, company_code: carrierCode });
      if (!isObj(body.shipping) || body.shipping.is_success !== true) throw new PlatformCallError('taobao.logistics.offline.send', 'not_success', `Taobao did not confirm the shipment: ${JSON.stringify(body).slice(0, 200)}`, false);
    },
    async setMemo({ orderId, memo, flag }) {
      if (new TextEncoder().encode(memo).length > 1000) throw new PlatformCallError('taobao.trade.memo.update', 'memo_too_long', 'Taobao takes at most 1000 bytes of memo (about 330 Chinese characters); shorten it', false);
      // flag is always sent: whether an omitted flag resets it is UNCONFIRMED (§13.1); an empty memo clears with reset
      const body = await call('taobao.trade.memo.update', { tid: orderId, flag: String(flag ?? 0), ...(memo === '' ? { reset: 'true' } : { memo }) });
      if (!isObj(body.trade)) throw new PlatformCallError('taobao.trade.memo.update', 'not_success', `Taobao did not confirm the memo: ${JSON.stringify(body).slice(0, 200)}`, false);
    },
    pushStock: ({ items }) => pushTaobaoStock((method, params) => call(method, params), items),
    async revealReceiver({ orderId, mergeKey, scene }) {
      if (!mergeKey) throw new PlatformCallError('taobao.top.oaid.decrypt', 'no_oaid', 'this order carries no oaid, so Taobao cannot decrypt it; pull it again with receiver fields', false);
      const body = await call('taobao.top.oaid.decrypt', { query_list: JSON.stringify([{ oaid: mergeKey, tid: orderId, scene }]) });
      const list = (body.receiver_list ?? (isObj(body.receiver_list) ? (body.receiver_list as Obj).receiver : undefined)) as Obj[] | undefined;
      const r = Array.isArray(list) ? list.find((x) => String(x.tid) === orderId) ?? list[0] : undefined;
      if (!r) throw new PlatformCallError('taobao.top.oaid.decrypt', 'empty', 'Taobao returned no receiver for this order', false);
      const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
      return { name: str(r.name), mobile: str(r.mobile), phone: str(r.phone), province: str(r.state), city: str(r.city), district: str(r.district), town: str(r.town), address: str(r.address_detail) };
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < opts.end; ws += TAOBAO_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(opts.end, ws + TAOBAO_MAX_WINDOW_MS), delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
  };
}
