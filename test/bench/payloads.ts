// Simulator payloads "already fetched": the Taobao simulator's own generator and store make a
// deterministic shop, and each trade is read through the simulator's TOP gateway exactly as the
// connector reads it (taobao.trade.fullinfo.get with the connector's fields, int64 ids on the
// wire, parsed keeping big integers) — without paying for HTTP or the list calls.
import { Inbox, type InboxEntry } from '../../main/services/store/inbox';
import type { RawOrder } from '../../main/services/platforms/types';
import { FULLINFO_FIELDS } from '../../main/services/platforms/taobao/client';
import { parseJsonKeepingBigInts } from '../../main/services/platforms/json';
import { formatTopTimestamp, signTop } from '../../main/services/platforms/taobao/sign';
import { DEFAULT_FAULT_TIMING, FaultPlan } from '../../main/services/platforms/simkit/faults';
import { handleTopCall, type GatewayContext } from '../../main/services/platforms/taobao/simGateway';
import { SimStore } from '../../main/services/platforms/taobao/simStore';
import { DEFAULT_CATALOG } from '../../main/services/platforms/simkit/catalog';
import { parseShanghai } from '../../shared/time';

export interface FetchedShop {
  shopId: string;
  raws: RawOrder[];
}

const CREDS = { app_key: '21000001', app_secret: '0123456789abcdef0123456789abcdef', session: '6100benchsession' };

export function fetchedPayloads(opts: { seed: number; count: number; spanMs: number; now: number; shopId: string; taken?: Set<string> }): FetchedShop {
  const store = new SimStore({
    seed: opts.seed, shopId: opts.shopId, appKey: CREDS.app_key, catalog: DEFAULT_CATALOG,
    arrivalsPerMin: 0, privacy: 'cipher',
  }, opts.now);
  // a chunk of a larger shop skips tids an earlier chunk already used (a 1-in-10^17 event)
  const tids = store.addGenerated(opts.seed, opts.count, opts.now, opts.spanMs).filter((tid) => !opts.taken?.has(tid));
  if (opts.taken) for (const tid of tids) opts.taken.add(tid);
  const ctx: GatewayContext = { store, faults: new FaultPlan(opts.seed, DEFAULT_FAULT_TIMING), credentials: CREDS, now: () => opts.now };
  const base = {
    method: 'taobao.trade.fullinfo.get', app_key: CREDS.app_key, session: CREDS.session, timestamp: formatTopTimestamp(opts.now),
    v: '2.0', format: 'json', simplify: 'true', sign_method: 'md5', fields: FULLINFO_FIELDS,
  };
  const raws: RawOrder[] = tids.map((tid) => {
    const params: Record<string, string> = { ...base, tid };
    params.sign = signTop(params, CREDS.app_secret, 'md5');
    const reply = handleTopCall(ctx, params);
    if (reply.status !== 200) throw new Error(`simulator gateway answered ${reply.status} for tid ${tid}: ${reply.body.slice(0, 200)}`);
    const body = parseJsonKeepingBigInts(reply.body) as { trade?: Record<string, unknown>; error_response?: unknown };
    if (!body.trade) throw new Error(`simulator gateway: no trade for tid ${tid}: ${reply.body.slice(0, 200)}`);
    return { orderId: tid, modifiedAt: parseShanghai(String(body.trade.modified)), payload: body.trade };
  });
  // the order a pull would see them: oldest modified first
  raws.sort((a, b) => a.modifiedAt - b.modifiedAt || (a.orderId < b.orderId ? -1 : 1));
  return { shopId: opts.shopId, raws };
}

/** Writes page-sized inbox entries, as the sync engine does for each fetched page. */
export function writeInbox(dataDir: string, shopId: string, raws: RawOrder[], batchSize: number, fetchedAt = Date.now()): InboxEntry[] {
  const inbox = new Inbox(dataDir);
  const entries: InboxEntry[] = [];
  for (let i = 0; i < raws.length; i += batchSize) {
    entries.push(inbox.append({ shopId, platform: 'taobao', fetchedAt, raw: raws.slice(i, i + batchSize) }));
  }
  return entries;
}
