// The shared simulator harness: an HTTP server on 127.0.0.1 that hands platform API paths to a
// protocol and answers the admin API under /__sim/ (info, orders, generate, faults, calls,
// clock, stock, token) the same way for every platform. Transport faults (timeout, 5xx, slow, malformed)
// and late modifications happen here; the protocol answers rate limits, token expiry and
// duplicated pages in its own words. The clock runs in real time until /__sim/clock moves it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { OffsetClock } from '../../../../shared/clock';
import type { Platform } from '../../../../shared/domain/types';
import { parseShanghai } from '../../../../shared/time';
import { DEFAULT_CATALOG, type CatalogItem } from './catalog';
import { DEFAULT_FAULT_TIMING, FaultPlan, parseFaultConfig, type FaultConfig, type FaultTiming } from './faults';
import type { SimOrder } from './model';
import type { SimCtx, SimProtocol } from './protocol';
import { SimStore, type SimOrderInput } from './store';
import { parseStockInput, StockBook, type SimStockView } from './stock';
import { TokenBook, type TokenOptions } from './tokens';

export interface SimOptions {
  port?: number;
  seed?: number;
  /** backlog generated at start */
  orders?: number;
  backlogSpanMs?: number;
  clock?: OffsetClock;
  catalog?: readonly CatalogItem[];
  arrivalsPerMin?: number;
  shopId?: string;
  /** override app credentials or the initial access token (under the platform's names) */
  credentials?: Record<string, string>;
  tokens?: Partial<TokenOptions>;
  faultTiming?: Partial<FaultTiming>;
}

export interface SimCall {
  at: number;
  api: string;
  params: Record<string, unknown>;
  /** HTTP status; 0 when the call was left hanging (timeout fault) */
  status: number;
  error_code: number | string | null;
  fault: string | null;
}

export interface SimInfo { platform: Platform; url: string; credentials: Record<string, string>; shopId: string }

export interface PlatformSimulator {
  platform: Platform;
  url: string;
  /** what a connector's gatewayUrl should be */
  gatewayUrl: string;
  shopId: string;
  clock: OffsetClock;
  /** app credentials plus the current access token, under the platform's names */
  credentials(): Record<string, string>;
  tokens: TokenBook;
  info(): SimInfo;
  advance(ms: number): number;
  setNow(ms: number): number;
  /** the shop's orders as the platform's detail API renders them, at the sim clock */
  orders(): Record<string, unknown>[];
  /** the neutral truth behind them */
  simOrders(): SimOrder[];
  upsert(orders: SimOrderInput[]): string[];
  generate(count: number, seed?: number, spanMs?: number): string[];
  setFaults(config: FaultConfig): FaultConfig;
  calls(): SimCall[];
  /** every listing's stock as the platform holds it */
  stock(): SimStockView[];
  /** the listings' stock, what GET /__sim/stock and POST /__sim/stock serve */
  stockBook: StockBook;
  close(): Promise<void>;
}

const MAX_CALL_LOG = 10_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const DEFAULT_BACKLOG_MS = 3 * 24 * 3600_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body over 2 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startPlatformSimulator(protocol: SimProtocol, opts: SimOptions = {}): Promise<PlatformSimulator> {
  const seed = opts.seed ?? 42;
  const clock = opts.clock ?? new OffsetClock();
  const shopId = opts.shopId ?? `${protocol.platform}-sim-${seed}`;
  const { [protocol.tokenName]: tokenOverride, ...appOverride } = opts.credentials ?? {};
  const credentials = { ...protocol.appCredentials(seed), ...appOverride };
  const tokens = new TokenBook(seed, { accessTtlMs: null, refreshTtlMs: null, rotateRefresh: true, prefix: '', ...opts.tokens }, clock.now());
  if (tokenOverride) tokens.access = tokenOverride;
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  const store = new SimStore({ seed, ids: protocol.ids, catalog, arrivalsPerMin: opts.arrivalsPerMin ?? 2 }, clock.now());
  const stock = new StockBook(catalog, clock.now());
  store.addGenerated(seed, opts.orders ?? 500, clock.now(), opts.backlogSpanMs ?? DEFAULT_BACKLOG_MS);
  const faults = new FaultPlan(seed, { ...DEFAULT_FAULT_TIMING, ...opts.faultTiming });
  const ctx: SimCtx = { seed, shopId, store, stock, tokens, credentials, faults, now: () => clock.now(), memo: new Map() };
  const callLog: SimCall[] = [];
  const hanging = new Set<NodeJS.Timeout>();
  let generateRuns = 0;

  const current = (): SimStore => { store.advanceTo(clock.now()); return store; };
  const logCall = (c: SimCall) => { callLog.push(c); if (callLog.length > MAX_CALL_LOG) callLog.splice(0, callLog.length - MAX_CALL_LOG); };
  const allCredentials = () => ({ ...credentials, [protocol.tokenName]: tokens.access });

  const api = {
    upsert: (orders: SimOrderInput[]) => { const s = current(); return orders.map((o) => s.upsert(o, clock.now())); },
    generate: (count: number, genSeed?: number, spanMs = 3600_000) => current().addGenerated(genSeed ?? seed * 1000 + ++generateRuns, count, clock.now(), spanMs),
  };

  const wait = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { hanging.delete(t); resolve(); }, ms);
    hanging.add(t);
  });

  async function apiCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req) : '';
    current();
    const fault = faults.roll();
    if (fault === 'timeout') {
      logCall({ at: clock.now(), api: url.pathname, params: {}, status: 0, error_code: 'timeout', fault });
      const t = setTimeout(() => { hanging.delete(t); req.socket.destroy(); }, faults.timing.timeoutHangMs);
      hanging.add(t);
      return;
    }
    if (fault === '5xx') {
      logCall({ at: clock.now(), api: url.pathname, params: {}, status: 502, error_code: 502, fault });
      const html = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';
      res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    if (fault === 'late_modify') store.lateModify(clock.now(), faults.int(0, 1_000_000), faults.int(60, 600));
    const own = fault === 'rate_limit' || fault === 'token_expired' || fault === 'duplicate_page' ? fault : null;
    const reply = protocol.handle(ctx, { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }, own);
    logCall({ at: clock.now(), api: reply.api, params: reply.params, status: reply.status, error_code: reply.errorCode, fault });
    let text = reply.body;
    if (fault === 'slow') await wait(faults.int(...faults.timing.slowMs));
    if (fault === 'malformed') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    if (res.destroyed) return;
    const type = reply.contentType ?? 'application/json;charset=UTF-8';
    res.writeHead(reply.status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
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
      case 'GET /__sim/orders':
        return sendJson(res, 200, url.searchParams.get('view') === 'neutral' ? { orders: sim.simOrders() } : { orders: sim.orders() });
      case 'POST /__sim/orders': {
        const b = await body();
        if (!Array.isArray(b.orders)) throw new Error('POST /__sim/orders needs {"orders":[…]} (neutral orders: orderId, state, lines, receiver, sellerMemo, overrides…)');
        return sendJson(res, 200, { upserted: api.upsert(b.orders as SimOrderInput[]) });
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
      case 'GET /__sim/clock': return sendJson(res, 200, { now: clock.now() });
      case 'POST /__sim/clock': {
        const b = await body();
        if (typeof b.advanceMs === 'number') sim.advance(b.advanceMs);
        else if (typeof b.now === 'number') sim.setNow(b.now);
        else if (typeof b.now === 'string') sim.setNow(parseShanghai(b.now));
        else throw new Error('POST /__sim/clock needs {"now": epoch ms or "yyyy-MM-dd HH:mm:ss"} or {"advanceMs": ms}');
        return sendJson(res, 200, { now: clock.now() });
      }
      case 'GET /__sim/stock': return sendJson(res, 200, { stock: stock.view() });
      case 'POST /__sim/stock': return sendJson(res, 200, { stock: stock.upsert(parseStockInput(await body()), clock.now()) });
      case 'GET /__sim/token': return sendJson(res, 200, tokens.view());
      case 'POST /__sim/token': {
        const b = await body();
        if (b.expire === 'access') tokens.expireAccess(clock.now());
        else if (b.expire === 'all') tokens.expireAll(clock.now());
        else throw new Error('POST /__sim/token needs {"expire":"access"} (refresh still works) or {"expire":"all"} (the shop must re-authorize)');
        return sendJson(res, 200, tokens.view());
      }
      default:
        return sendJson(res, 404, { error: `no admin route ${route}; see GET /__sim/info, /__sim/orders, /__sim/calls, /__sim/clock, /__sim/faults, /__sim/stock, /__sim/token` });
    }
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname.startsWith('/__sim/') ? adminCall(req, res, url)
      : protocol.serves(url.pathname) && (req.method === 'GET' || req.method === 'POST') ? apiCall(req, res, url)
        : Promise.resolve(sendJson(res, 404, { error: `not found: ${req.method} ${url.pathname}; the ${protocol.platform} API is under ${protocol.gatewayPath}` }));
    handle.catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 400, { error: (e as Error).message });
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address after listen');
  const url = `http://127.0.0.1:${address.port}`;

  const sim: PlatformSimulator = {
    platform: protocol.platform,
    url,
    gatewayUrl: `${url}${protocol.gatewayPath}`,
    shopId,
    clock,
    tokens,
    credentials: allCredentials,
    info: () => ({ platform: protocol.platform, url, credentials: allCredentials(), shopId }),
    advance(ms) { clock.advance(ms); return clock.now(); },
    setNow(ms) { clock.set(ms); return clock.now(); },
    orders: () => current().all().map((o) => protocol.render(o, ctx)),
    simOrders: () => current().all().map((o) => structuredClone(o)),
    upsert: api.upsert,
    generate: api.generate,
    setFaults: (config) => faults.set(parseFaultConfig(config)),
    calls: () => callLog.map((c) => ({ ...c })),
    stock: () => stock.view(),
    stockBook: stock,
    close: () => new Promise<void>((resolve) => {
      for (const t of hanging) clearTimeout(t);
      hanging.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
  return sim;
}
