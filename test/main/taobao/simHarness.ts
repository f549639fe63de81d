// Shared helpers for the Taobao simulator and connector tests: a simulator on a frozen clock,
// hand-signed TOP calls, and a connector pointed at the simulator.
import { ManualClock, OffsetClock } from '../../../shared/clock';
import type { SignMethod } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import type { RawOrder } from '../../../main/services/platforms/types';
import type { RequestBudget } from '../../../main/services/platforms/budget';
import { createTaobaoConnector, type TaobaoConnectorOptions } from '../../../main/services/platforms/taobao/client';
import { signTop } from '../../../main/services/platforms/taobao/sign';
import { startTaobaoSimulator, type TaobaoSimulator, type TaobaoSimulatorOptions } from '../../../main/services/platforms/taobao/simulator';

export const FIXED_NOW = Date.UTC(2026, 10, 25, 4, 0, 0); // 12:00 in Shanghai

/** A simulator whose clock stands still unless the test moves it. */
export function startFixedSim(opts: TaobaoSimulatorOptions = {}): Promise<TaobaoSimulator> {
  return startTaobaoSimulator({ clock: new OffsetClock(new ManualClock(FIXED_NOW)), arrivalsPerMin: 0, ...opts });
}

export interface CallOptions {
  /** form: all in the body; query: all in the URL (POST); split: system params in the URL, app params in the body; get: GET */
  via?: 'form' | 'query' | 'split' | 'get';
  signMethod?: SignMethod;
  secret?: string;
  /** replace params after signing (e.g. a wrong session that was signed correctly) */
  sign?: (sign: string) => string;
}

export function signedParams(sim: TaobaoSimulator, method: string, app: Record<string, string>, overrides: Record<string, string> = {}, opts: CallOptions = {}): Record<string, string> {
  const signMethod = opts.signMethod ?? 'md5';
  const params: Record<string, string> = {
    method, app_key: sim.credentials.app_key, session: sim.credentials.session, timestamp: formatShanghai(sim.clock.now()),
    v: '2.0', format: 'json', simplify: 'true', sign_method: signMethod, ...app, ...overrides,
  };
  const sign = signTop(params, opts.secret ?? sim.credentials.app_secret, signMethod);
  params.sign = opts.sign ? opts.sign(sign) : sign;
  return params;
}

const SYSTEM = new Set(['method', 'app_key', 'session', 'timestamp', 'v', 'format', 'simplify', 'sign_method', 'sign']);

export async function rawCall(sim: TaobaoSimulator, params: Record<string, string>, via: CallOptions['via'] = 'form', signal?: AbortSignal): Promise<{ status: number; text: string }> {
  const form = 'application/x-www-form-urlencoded;charset=utf-8';
  let res: Response;
  if (via === 'get') res = await fetch(`${sim.routerUrl}?${new URLSearchParams(params)}`, { signal });
  else if (via === 'query') res = await fetch(`${sim.routerUrl}?${new URLSearchParams(params)}`, { method: 'POST', signal });
  else if (via === 'split') {
    const sys = Object.fromEntries(Object.entries(params).filter(([k]) => SYSTEM.has(k)));
    const app = Object.fromEntries(Object.entries(params).filter(([k]) => !SYSTEM.has(k)));
    res = await fetch(`${sim.routerUrl}?${new URLSearchParams(sys)}`, { method: 'POST', headers: { 'content-type': form }, body: new URLSearchParams(app).toString(), signal });
  } else res = await fetch(sim.routerUrl, { method: 'POST', headers: { 'content-type': form }, body: new URLSearchParams(params).toString(), signal });
  return { status: res.status, text: await res.text() };
}

/** A signed call; returns the parsed JSON body (errors included). */
export async function top(sim: TaobaoSimulator, method: string, app: Record<string, string>, overrides: Record<string, string> = {}, opts: CallOptions = {}): Promise<Record<string, any>> {
  const { text } = await rawCall(sim, signedParams(sim, method, app, overrides, opts), opts.via);
  return JSON.parse(text) as Record<string, any>;
}

export async function admin(sim: TaobaoSimulator, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

export function connectorFor(sim: TaobaoSimulator, deps: { timeoutMs?: number; signMethod?: SignMethod; secret?: string; session?: string; budget?: RequestBudget } = {}, options: TaobaoConnectorOptions = {}) {
  return createTaobaoConnector({
    shopId: sim.shopId, platform: 'taobao', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key,
    secret: deps.secret ?? sim.credentials.app_secret, session: deps.session ?? sim.credentials.session, signMethod: deps.signMethod ?? 'md5',
  }, { clock: sim.clock, sleep: async () => {}, timeoutMs: deps.timeoutMs ?? 2000, budget: deps.budget }, options);
}

/** What a sync engine would store: every delivered version, plus checks on how it came. */
export class Sink {
  readonly deliveries: RawOrder[] = [];
  readonly pageSizes: number[] = [];
  private inFlight = 0;
  maxInFlight = 0;

  onPage = async (orders: RawOrder[]): Promise<void> => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, 1));
    this.deliveries.push(...orders);
    this.pageSizes.push(orders.length);
    this.inFlight--;
  };

  /** newest delivered version per order id */
  latest(): Map<string, RawOrder> {
    const m = new Map<string, RawOrder>();
    for (const d of this.deliveries) {
      const prev = m.get(d.orderId);
      if (!prev || prev.modifiedAt <= d.modifiedAt) m.set(d.orderId, d);
    }
    return m;
  }

  /** (orderId, modifiedAt) pairs delivered more than once */
  doubled(from = 0): string[] {
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const d of this.deliveries.slice(from)) {
      const k = `${d.orderId}@${d.modifiedAt}`;
      if (seen.has(k)) dup.push(k);
      seen.add(k);
    }
    return dup;
  }
}
