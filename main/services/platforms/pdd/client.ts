// Pinduoduo connector (platforms.md §3). Pull: windows of ≤ 30 min that end at least 3 min
// before PDD's clock (the increment index lags, §3.4), each listed from the LAST page back to
// page 1 (rows sorted newest first drift towards the front while we page; backwards paging never
// skips one). A pass is accepted when it saw total_count distinct orders and page 1 still says
// the same total; otherwise the window is listed again (bounded; overlapping pulls catch the
// rest). The increment list carries full orders, so there is no detail call per order.
import { createAuthKeeper } from '../auth';
import { createPlatformHttp, isObj, parseBody, type Obj } from '../http';
import { parseJsonKeepingBigInts } from '../json';
import { PlatformCallError, type Connector, type ConnectorDeps, type PullOptions, type RawOrder, type ShopCredentials } from '../types';
import { parseShanghai } from '../../../../shared/time';
import { mapPddOrder } from './map';
import { signPdd } from './sign';
import { PDD_LOGISTICS_IDS, pddLogisticsId } from './carriers';
import { pushPddStock } from './stock';

const TAG_NAMES: Record<number, string> = { 1: '红', 2: '黄', 3: '绿', 4: '蓝', 5: '紫' };

export const PDD_MAX_WINDOW_MS = 30 * 60_000;
/** "end_updated_at not later than PDD server time − 3 min" (§3.4) */
export const PDD_MANDATED_DELAY_MS = 3 * 60_000;
const LIST_API = 'pdd.order.number.list.increment.get';

/** §3.9: limited / unavailable / too frequent are worth another try */
const RETRYABLE = new Set(['52101', '52102', '52103', '70031']);

export interface PddConnectorOptions { pageSize?: number; maxAttempts?: number; maxPasses?: number }

export interface PddConnector extends Connector {
  call(type: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<Obj>;
}

function readEnvelope(api: string) {
  return (status: number, text: string): Obj => {
    const body = parseBody(api, status, text, parseJsonKeepingBigInts);
    if (isObj(body) && isObj(body.error_response)) {
      const er = body.error_response;
      const code = String(er.error_code ?? '');
      const msg = [er.error_msg, er.sub_msg].filter((x) => typeof x === 'string' && x !== '').join(': ');
      throw new PlatformCallError(api, code, msg, RETRYABLE.has(code), typeof er.sub_code === 'string' ? er.sub_code : undefined, status);
    }
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200 || !isObj(body)) throw new PlatformCallError(api, `http_${status}`, `unexpected answer: ${text.slice(0, 200)}`, false, undefined, status);
    return body;
  };
}

export function createPddConnector(creds: ShopCredentials, deps: ConnectorDeps, options: PddConnectorOptions = {}): PddConnector {
  if (creds.platform !== 'pdd') throw new Error(`createPddConnector: shop ${creds.shopId} is a ${creds.platform} shop`);
  const http = createPlatformHttp(deps, options.maxAttempts ?? 5);
  const pageSize = options.pageSize ?? 100;
  const maxPasses = options.maxPasses ?? 4;

  /** one signed call; business objects and arrays travel as JSON strings (§3.1) */
  async function raw(type: string, biz: Record<string, unknown>, withToken: boolean, signal?: AbortSignal): Promise<Obj> {
    return http.call(type, () => {
      const params: Record<string, string> = { type, client_id: creds.appKey, timestamp: String(Math.floor(deps.clock.now() / 1000)), data_type: 'JSON', version: 'V1' };
      if (withToken) params.access_token = creds.session;
      for (const [k, v] of Object.entries(biz)) if (v !== undefined) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
      params.sign = signPdd(params, creds.secret);
      return { url: creds.gatewayUrl, method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify(params) };
    }, readEnvelope(type), signal) as Promise<Obj>;
  }

  const keeper = createAuthKeeper({
    platform: 'Pinduoduo', creds, deps,
    isLapsed: (e) => e.code === '10019',
    renew: async (refreshToken) => {
      const body = await raw('pdd.pop.auth.token.refresh', { refresh_token: refreshToken }, false);
      const r = body.pop_auth_token_refresh_response;
      if (!isObj(r) || typeof r.access_token !== 'string') throw new PlatformCallError('pdd.pop.auth.token.refresh', 'bad_response', 'no access_token in the refresh answer', false);
      return { session: r.access_token, refreshToken: typeof r.refresh_token === 'string' ? r.refresh_token : undefined, expiresAt: typeof r.expires_at === 'number' ? r.expires_at * 1000 : undefined };
    },
  });

  const call = (type: string, biz: Record<string, unknown>, signal?: AbortSignal) => keeper.authed(() => raw(type, biz, true, signal));

  interface Page { rows: Array<{ sn: string; modified: number; order: Obj }>; total: number; sig: string }

  async function listPage(query: Record<string, unknown>, page: number, from: number, to: number, prevSig: string, signal?: AbortSignal): Promise<Page> {
    let last: Page | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const body = await call(LIST_API, { ...query, page }, signal);
      const r = body.order_sn_increment_get_response;
      if (!isObj(r)) throw new PlatformCallError(LIST_API, 'bad_response', 'no order_sn_increment_get_response in the answer', true);
      const total = Number(r.total_count);
      if (!Number.isInteger(total) || total < 0) throw new PlatformCallError(LIST_API, 'bad_response', `total_count missing or not a count: ${JSON.stringify(r.total_count)}`, true);
      const list = Array.isArray(r.order_sn_list) ? r.order_sn_list : [];
      const rows: Page['rows'] = [];
      let outside = 0;
      for (const o of list as unknown[]) {
        if (!isObj(o)) continue;
        const sn = typeof o.order_sn === 'string' ? o.order_sn : '';
        let modified = NaN;
        try { modified = typeof o.updated_at === 'string' ? parseShanghai(o.updated_at) : NaN; } catch { /* malformed: kept, map quarantines it */ }
        if (!sn) continue; // no id at all: nothing to file it under; the pass check will notice the gap
        if (!Number.isNaN(modified) && (modified < from || modified > to + 999)) { outside++; continue; }
        rows.push({ sn, modified: Number.isNaN(modified) ? from : modified, order: o });
      }
      const sig = rows.map((x) => `${x.sn}@${x.modified}`).join(',');
      last = { rows, total, sig };
      if (outside === 0 && !(sig !== '' && sig === prevSig)) return last;
      await http.sleep(500 * attempt); // a stale or repeated page: ask again
    }
    return last!;
  }

  async function pullWindow(ws: number, we: number, delivered: Map<string, number>, opts: PullOptions) {
    // unix seconds, both ends inclusive: [ws, we) = [ceil(ws), ceil(we) - 1 s]
    const from = Math.ceil(ws / 1000) * 1000;
    const to = Math.ceil(we / 1000) * 1000 - 1000;
    let pages = 0;
    let orders = 0;
    if (to < from) return { pages, orders };
    const query = { start_updated_at: from / 1000, end_updated_at: to / 1000, order_status: 5, refund_status: 5, page_size: pageSize, use_has_next: false };
    let probe = await listPage(query, 1, from, to, '', opts.signal);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const lastPage = Math.max(1, Math.ceil(probe.total / pageSize));
      const seen = new Set<string>();
      let prevSig = '';
      for (let p = lastPage; p >= 1; p--) {
        opts.signal?.throwIfAborted();
        const page = p === 1 && lastPage === 1 ? probe : await listPage(query, p, from, to, prevSig, opts.signal);
        prevSig = page.sig;
        const batch: RawOrder[] = [];
        for (const row of page.rows) {
          seen.add(row.sn);
          if ((delivered.get(row.sn) ?? -1) >= row.modified) continue;
          delivered.set(row.sn, row.modified);
          batch.push({ orderId: row.sn, modifiedAt: row.modified, payload: row.order });
        }
        if (batch.length > 0) {
          await opts.onPage(batch);
          pages++;
          orders += batch.length;
        }
      }
      const after = await listPage(query, 1, from, to, '', opts.signal);
      if (after.total === probe.total && seen.size >= probe.total) break;
      probe = after;
    }
    return { pages, orders };
  }

  return {
    platform: 'pdd',
    maxWindowMs: PDD_MAX_WINDOW_MS,
    mandatedDelayMs: PDD_MANDATED_DELAY_MS,
    map: mapPddOrder,
    call,
    async test() {
      const now = Math.floor((deps.clock.now() - PDD_MANDATED_DELAY_MS) / 1000);
      await call(LIST_API, { start_updated_at: now - 60, end_updated_at: now, page: 1, page_size: 1, use_has_next: true });
    },
    async pull(opts) {
      if (!(opts.end >= opts.start)) throw new Error(`pull: end (${opts.end}) is before start (${opts.start})`);
      const end = Math.min(opts.end, deps.clock.now() - PDD_MANDATED_DELAY_MS);
      const delivered = new Map<string, number>();
      let pages = 0;
      let orders = 0;
      for (let ws = opts.start; ws < end; ws += PDD_MAX_WINDOW_MS) {
        const r = await pullWindow(ws, Math.min(end, ws + PDD_MAX_WINDOW_MS), delivered, opts);
        pages += r.pages;
        orders += r.orders;
      }
      return { pages, orders };
    },
    async ship({ orderId, carrierCode, trackingNo }) {
      const logisticsId = pddLogisticsId(carrierCode);
      if (logisticsId === undefined) throw new PlatformCallError('pdd.logistics.online.send', 'unknown_carrier', `carrier ${carrierCode} has no PDD logistics_id in Wharf yet; known: ${Object.keys(PDD_LOGISTICS_IDS).join(', ')}`, false);
      const body = await call('pdd.logistics.online.send', { order_sn: orderId, logistics_id: logisticsId, tracking_number: trackingNo });
      const r = body.logistics_online_send_response;
      if (!isObj(r) || r.is_success !== true) throw new PlatformCallError('pdd.logistics.online.send', 'not_success', `PDD did not confirm the shipment: ${JSON.stringify(body).slice(0, 200)}`, false);
    },
    async setMemo({ orderId, memo, flag }) {
      // tag and tag_name go together or not at all (§13.3); PDD has no "no flag" value
      const tag = flag ? { tag: flag, tag_name: TAG_NAMES[flag] } : {};
      const body = await call('pdd.order.note.update', { order_sn: orderId, note: memo, ...tag });
      const r = body.response;
      if (!isObj(r) || r.success !== true) {
        const e = isObj(r) ? r : {};
        throw new PlatformCallError('pdd.order.note.update', String(e.error_code ?? 'not_success'), String(e.error_msg ?? `PDD did not confirm the memo: ${JSON.stringify(body).slice(0, 200)}`), false);
      }
    },
    pushStock: ({ items }) => pushPddStock((type, biz) => call(type, biz), items),
    async revealReceiver({ orderId }) {
      const info = await call('pdd.order.information.get', { order_sn: orderId });
      const o = isObj(info.order_info_get_response) && isObj(info.order_info_get_response.order_info) ? info.order_info_get_response.order_info : undefined;
      if (!o) throw new PlatformCallError('pdd.order.information.get', 'bad_response', `no order_info for ${orderId}`, false);
      const fields = { name: o.receiver_name, mobile: o.receiver_phone, address: o.receiver_address } as Record<string, unknown>;
      const data = Object.entries(fields).filter(([, v]) => typeof v === 'string' && v !== '').map(([, v]) => ({ data_tag: orderId, encrypted_data: v }));
      if (data.length === 0) throw new PlatformCallError('pdd.open.decrypt.batch', 'no_cipher', 'PDD only serves receiver ciphertext while an order waits to ship and is not under review; this one has none to decrypt', false);
      const body = await call('pdd.open.decrypt.batch', { data_list: data });
      const list = isObj(body.open_decrypt_batch_response) && Array.isArray(body.open_decrypt_batch_response.data_decrypt_list) ? body.open_decrypt_batch_response.data_decrypt_list as Obj[] : [];
      const plain = (cipher: unknown) => {
        const hit = list.find((x) => x.encrypted_data === cipher && x.error_code === 0);
        return typeof hit?.decrypted_data === 'string' ? hit.decrypted_data : '';
      };
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      return { name: plain(fields.name), mobile: plain(fields.mobile), phone: '', province: s(o.province), city: s(o.city), district: s(o.town), town: '', address: plain(fields.address) };
    },
  };
}
