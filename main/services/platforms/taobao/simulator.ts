// A local Taobao Open Platform for tests and demo mode: the TOP router on /router/rest (real
// paths, params, signing, paging and error codes) plus an admin API under /__sim/ to inspect
// and steer it. Binds 127.0.0.1 only. The clock starts at wall time and runs in real time until
// /__sim/clock sets or advances it; the seed fixes the data, never the clock.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody, sendJson } from '../simkit/server';
import type { Socket } from 'node:net';
import { OffsetClock } from '../../../../shared/clock';
import { parseShanghai } from '../../../../shared/time';
import { DEFAULT_CATALOG, type CatalogItem } from '../simkit/catalog';
import { DEFAULT_SELLER_NICK } from './generate';
import { createRng } from '../simkit/prng';
import { DEFAULT_FAULT_TIMING, FaultPlan, parseFaultConfig, type FaultConfig, type FaultTiming } from '../simkit/faults';
import { handleTopCall, type GatewayContext, type SimCredentials } from './simGateway';
import { SimStore, type PrivacyMode } from './simStore';
import { parseStockInput, type SimListingInput, type SimStockView } from '../simkit/stock';
import type { TbTrade } from './trade';

export interface TaobaoSimulatorOptions {
  /** 0 = the OS picks a free port */
  port?: number;
  host?: '127.0.0.1';
  seed?: number;
  /** backlog generated at start */
  orders?: number;
  backlogSpanMs?: number;
  /** defaults to a fresh OffsetClock (wall time, real time) */
  clock?: OffsetClock;
  catalog?: readonly CatalogItem[];
  /** new trades per sim minute on average; 0 turns arrivals off */
  arrivalsPerMin?: number;
  credentials?: Partial<SimCredentials>;
  shopId?: string;
  sellerNick?: string;
  privacy?: PrivacyMode;
  /** how long timeout/slow faults take (tests shorten them) */
  faultTiming?: Partial<FaultTiming>;
}

export interface SimCall {
  at: number;
  api: string;
  params: Record<string, string>;
  /** HTTP status; 0 when the call was left hanging (timeout fault) */
  status: number;
  /** TOP error code, or the transport fault's name, or null */
  error_code: number | string | null;
  fault: string | null;
}

export interface SimInfo {
  platform: 'taobao';
  url: string;
  credentials: SimCredentials;
  shopId: string;
}

export interface TaobaoSimulator {
  /** base URL, http://127.0.0.1:PORT */
  url: string;
  /** the TOP router URL a connector's gatewayUrl points at */
  routerUrl: string;
  credentials: SimCredentials;
  shopId: string;
  clock: OffsetClock;
  /** the JSON line `npm run sim` prints and GET /__sim/info answers */
  info(): SimInfo;
  /** sim time moves forward (lifecycle events and arrivals happen on the next request) */
  advance(ms: number): number;
  setNow(ms: number): number;
  /** the shop's trades in the platform's own format, brought up to the sim clock */
  orders(): TbTrade[];
  upsert(orders: Array<Partial<TbTrade> & Record<string, unknown>>): string[];
  generate(count: number, seed?: number, spanMs?: number): string[];
  setFaults(config: FaultConfig): FaultConfig;
  calls(): SimCall[];
  /** every listing's stock as the platform holds it (GET /__sim/stock) */
  stock(): SimStockView[];
  /** add listings or change known ones (POST /__sim/stock) */
  setStock(listings: SimListingInput[]): SimStockView[];
  close(): Promise<void>;
}

const MAX_CALL_LOG = 10_000;
const DEFAULT_BACKLOG_MS = 3 * 24 * 3600_000;

/** Credentials derived from the seed, so a demo restarted with the same seed keeps its shop settings. */
function seededCredentials(seed: number): SimCredentials {
  const r = createRng(`credentials:${seed}`);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
  return { app_key: `2${r.digits(7)}`, app_secret: hex(32), session: `6100${hex(36)}` };
}

export async function startTaobaoSimulator(opts: TaobaoSimulatorOptions = {}): Promise<TaobaoSimulator> {
  const seed = opts.seed ?? 42;
  const clock = opts.clock ?? new OffsetClock();
  const credentials: SimCredentials = { ...seededCredentials(seed), ...opts.credentials };
  const shopId = opts.shopId ?? `taobao-sim-${seed}`;
  const store = new SimStore({
    seed, shopId, appKey: credentials.app_key, catalog: opts.catalog ?? DEFAULT_CATALOG,
    arrivalsPerMin: opts.arrivalsPerMin ?? 2, privacy: opts.privacy ?? 'cipher', sellerNick: opts.sellerNick ?? DEFAULT_SELLER_NICK,
  }, clock.now());
  const backlogSpanMs = opts.backlogSpanMs ?? DEFAULT_BACKLOG_MS;
  store.addGenerated(seed, opts.orders ?? 500, clock.now(), backlogSpanMs);
  const faults = new FaultPlan(seed, { ...DEFAULT_FAULT_TIMING, ...opts.faultTiming });
  const ctx: GatewayContext = { store, faults, credentials, now: () => clock.now() };
  const callLog: SimCall[] = [];
  let generateRuns = 0;
  const hanging = new Set<NodeJS.Timeout>();

  const current = (): SimStore => { store.advanceTo(clock.now()); return store; };
  const logCall = (c: SimCall) => { callLog.push(c); if (callLog.length > MAX_CALL_LOG) callLog.splice(0, callLog.length - MAX_CALL_LOG); };

  const api = {
    upsert(orders: Array<Partial<TbTrade> & Record<string, unknown>>): string[] {
      const s = current();
      return orders.map((o) => s.upsert(o, clock.now()));
    },
    generate(count: number, genSeed?: number, spanMs = 3600_000): string[] {
      const s = current();
      return s.addGenerated(genSeed ?? seed * 1000 + ++generateRuns, count, clock.now(), spanMs);
    },
  };

  async function routerCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (req.method === 'POST') {
      // form body; the official SDKs put system params in the query and app params here
      for (const [k, v] of new URLSearchParams(await readBody(req))) params[k] = v;
    }
    current();
    const reply = handleTopCall(ctx, params);
    const { sign: _sign, ...logged } = params;
    logCall({ at: clock.now(), api: params.method ?? '', params: logged, status: reply.status, error_code: reply.errorCode, fault: reply.fault });
    if (reply.hangMs !== undefined) {
      const t = setTimeout(() => { hanging.delete(t); req.socket.destroy(); }, reply.hangMs);
      hanging.add(t);
      return;
    }
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { hanging.delete(t); resolve(); }, reply.delayMs);
        hanging.add(t);
      });
    }
    if (res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  async function adminCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    const body = async (): Promise<Record<string, unknown>> => {
      const text = await readBody(req);
      if (!text.trim()) return {};
      const v = JSON.parse(text) as unknown;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('body must be a JSON object');
      return v as Record<string, unknown>;
    };
    switch (route) {
      case 'GET /__sim/info': return sendJson(res, 200, sim.info());
      case 'GET /__sim/orders': return sendJson(res, 200, { orders: current().all() });
      case 'POST /__sim/orders': {
        const b = await body();
        if (!Array.isArray(b.orders)) throw new Error('POST /__sim/orders needs {"orders":[…]}');
        return sendJson(res, 200, { upserted: api.upsert(b.orders as Array<Partial<TbTrade> & Record<string, unknown>>) });
      }
      case 'POST /__sim/generate': {
        const b = await body();
        const count = b.count ?? 10;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 100_000) throw new Error('"count" must be a whole number 0–100000');
        if (b.seed !== undefined && typeof b.seed !== 'number') throw new Error('"seed" must be a number');
        if (b.spanMs !== undefined && typeof b.spanMs !== 'number') throw new Error('"spanMs" must be a number (ms)');
        return sendJson(res, 200, { generated: api.generate(count, b.seed as number | undefined, b.spanMs as number | undefined) });
      }
      case 'GET /__sim/faults': return sendJson(res, 200, faults.get());
      case 'POST /__sim/faults': return sendJson(res, 200, faults.set(parseFaultConfig(await body())));
      case 'GET /__sim/calls': return sendJson(res, 200, { calls: callLog });
      case 'GET /__sim/stock': return sendJson(res, 200, { stock: sim.stock() });
      case 'POST /__sim/stock': return sendJson(res, 200, { stock: sim.setStock(parseStockInput(await body())) });
      case 'GET /__sim/clock': return sendJson(res, 200, { now: clock.now() });
      case 'POST /__sim/clock': {
        const b = await body();
        if (typeof b.advanceMs === 'number') sim.advance(b.advanceMs);
        else if (typeof b.now === 'number') sim.setNow(b.now);
        else if (typeof b.now === 'string') sim.setNow(parseShanghai(b.now));
        else throw new Error('POST /__sim/clock needs {"now": epoch ms or "yyyy-MM-dd HH:mm:ss"} or {"advanceMs": ms}');
        return sendJson(res, 200, { now: clock.now() });
      }
      default:
        return sendJson(res, 404, { error: `no admin route ${route}; see GET /__sim/info, /__sim/orders, /__sim/calls, /__sim/clock, /__sim/faults, /__sim/stock` });
    }
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname === '/router/rest' && (req.method === 'GET' || req.method === 'POST') ? routerCall(req, res, url)
      : url.pathname.startsWith('/__sim/') ? adminCall(req, res, url)
        : Promise.resolve(sendJson(res, 404, { error: `not found: ${req.method} ${url.pathname}; the TOP router is POST/GET /router/rest` }));
    handle.catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 400, { error: (e as Error).message });
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address after listen');
  const url = `http://127.0.0.1:${address.port}`;

  const sim: TaobaoSimulator = {
    url,
    routerUrl: `${url}/router/rest`,
    credentials,
    shopId,
    clock,
    info: () => ({ platform: 'taobao', url, credentials, shopId }),
    advance(ms) { clock.advance(ms); return clock.now(); },
    setNow(ms) { clock.set(ms); return clock.now(); },
    orders: () => current().all().map((t) => structuredClone(t)),
    upsert: api.upsert,
    generate: api.generate,
    setFaults: (config) => faults.set(parseFaultConfig(config)),
    calls: () => callLog.map((c) => ({ ...c })),
    stock: () => store.stock.view(),
    setStock: (listings) => store.stock.upsert(listings, clock.now()),
    close: () => new Promise<void>((resolve) => {
      for (const t of hanging) clearTimeout(t);
      hanging.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
  return sim;
}
