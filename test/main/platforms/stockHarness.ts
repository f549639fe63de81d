// What the per-platform stock push tests share: a simulator with no orders on a stopped clock,
// the connector a Wharf shop would build for it, and its admin views of stock and calls.
import { ManualClock, OffsetClock } from '../../../shared/clock';
import type { Platform } from '../../../shared/domain/types';
import { connectorFor } from '../../../main/services/platforms/registry';
import { startSimulator, type RunningSimulator } from '../../../main/services/platforms/simulators';
import { DEFAULT_CATALOG, resolveCatalogItem, type CatalogItem } from '../../../main/services/platforms/simkit/catalog';
import type { SimListingInput, SimStockView } from '../../../main/services/platforms/simkit/stock';
import type { Connector, ShopCredentials } from '../../../main/services/platforms/types';

export const NOW = Date.UTC(2026, 10, 25, 4, 0, 0);

const clocks = new WeakMap<RunningSimulator, OffsetClock>();

export async function startStockSim(platform: Platform, catalog?: readonly CatalogItem[]): Promise<RunningSimulator> {
  const clock = new OffsetClock(new ManualClock(NOW));
  const sim = await startSimulator(platform, { seed: 7, orders: 0, arrivalsPerMin: 0, catalog, clock });
  clocks.set(sim, clock);
  return sim;
}

export function credsOf(sim: RunningSimulator, over: Partial<ShopCredentials> = {}): ShopCredentials {
  return { shopId: sim.shopId, platform: sim.platform, ...sim.shopCredentials(), ...over };
}

export function connector(sim: RunningSimulator, over: Partial<ShopCredentials> = {}): Connector {
  return connectorFor(credsOf(sim, over), { clock: clocks.get(sim)!, sleep: async () => undefined, timeoutMs: 2000 });
}

/** The i-th catalog listing as the simulators hold it (12-digit item, 13-digit SKU ids). */
export function listing(i: number): { itemId: string; skuId: string; outerSkuId: string } {
  const r = resolveCatalogItem(DEFAULT_CATALOG[i]!, i);
  return { itemId: r.numIid, skuId: r.skuId, outerSkuId: r.outerSkuId };
}

/** ids past 2^53: they survive only if they never become a JS number */
export const BIG = { itemId: '3705115058471208928', skuId: '1847201938475610291' };

async function admin(sim: RunningSimulator, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sim.url}${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export const addListings = (sim: RunningSimulator, stock: SimListingInput[]): Promise<unknown> => admin(sim, 'POST', '/__sim/stock', { stock });

export async function stockOf(sim: RunningSimulator, itemId: string, skuId: string | null = null): Promise<SimStockView | undefined> {
  const { stock } = await admin(sim, 'GET', '/__sim/stock') as { stock: SimStockView[] };
  return stock.find((s) => s.itemId === itemId && s.skuId === skuId);
}

export interface LoggedCall { api: string; params: Record<string, any>; error_code: string | number | null }

export async function callsTo(sim: RunningSimulator, api: string): Promise<LoggedCall[]> {
  const { calls } = await admin(sim, 'GET', '/__sim/calls') as { calls: LoggedCall[] };
  return calls.filter((c) => c.api === api);
}
