// Douyin 抖店 connector against its simulator over loopback HTTP: the real protocol both ways.
// The sim clock stands still (tests move it) so the truth a pull is checked against cannot shift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../../shared/clock';
import { formatShanghai } from '../../../../shared/time';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import type { SimOrder } from '../../../../main/services/platforms/simkit/model';
import { DOUYIN_PROTOCOL, DOUYIN_SIM_MAX_WINDOW_S } from '../../../../main/services/platforms/douyin/simProtocol';
import { createDouyinConnector, DOUYIN_MAX_WINDOW_MS, type DouyinConnectorOptions } from '../../../../main/services/platforms/douyin/client';
import { mapDouyinOrder } from '../../../../main/services/platforms/douyin/map';
import { signDouyin, sortedParamJson, type DouyinSignMethod } from '../../../../main/services/platforms/douyin/sign';
import { parseJsonKeepingBigInts } from '../../../../main/services/platforms/json';
import { MapError, PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';

const SPAN_MS = 12 * 3600_000;
const PULL_MS = SPAN_MS + 3600_000;
let sim: PlatformSimulator;
beforeAll(async () => {
  const clock = new OffsetClock(new ManualClock(Date.UTC(2026, 10, 25, 4, 0, 0) + 123));
  sim = await startPlatformSimulator(DOUYIN_PROTOCOL, { seed: Number(process.env.DY_SEED), orders: 150, backlogSpanMs: SPAN_MS, arrivalsPerMin: 0.5, clock, faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } });
});
afterAll(async () => { await sim?.close(); });

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  const c = sim.credentials();
  return { shopId: sim.shopId, platform: 'douyin', gatewayUrl: sim.gatewayUrl, appKey: c.app_key!, secret: c.app_secret!, session: c.access_token!, refreshToken: sim.tokens.refresh, signMethod: 'hmac-sha256', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });

/**
 * Pulls like the sync engine: a pull that gives up (every retry failed) is run again. Returns
 * what the successful run delivered, in order, duplicates kept, so "exactly once" is checkable.
 */
async function pullAll(c = creds(), options: DouyinConnectorOptions = {}) {
  const conn = createDouyinConnector(c, deps(), options);
  const end = sim.clock.now();
  for (let run = 1; ; run++) {
    const got: RawOrder[] = [];
    try {
      await conn.pull({ start: end - PULL_MS, end, onPage: async (orders) => { got.push(...orders); } });
      return { got, end };
    } catch (e) {
      if (run >= 5) throw e;
    }
  }
}

const truth = (end: number) => sim.simOrders().filter((o) => o.modifiedAt < end);
const ids = (xs: Array<{ orderId: string }>) => xs.map((x) => x.orderId).sort();
const CHANNEL: Record<SimOrder['state'], string> = { unpaid: 'awaiting_payment', paid: 'paid', partial: 'partially_shipped', shipped: 'shipped', completed: 'completed', closed: 'closed' };
const shippable = (x: SimOrder) => x.state === 'paid' && !x.hold && x.lines.every((l) => l.refund === 'none');

interface Req { method: string; biz: Record<string, unknown>; ts?: string; signMethod?: DouyinSignMethod | null; token?: string | null; form?: 'body' | 'query' | 'both'; sign?: (s: string) => string; secret?: string }

/** one hand-built gateway call, in any of the forms the SDKs use */
async function call(r: Req): Promise<Record<string, any>> {
  const c = sim.credentials();
  const paramJson = sortedParamJson(r.biz);
  const timestamp = r.ts ?? String(Math.floor(sim.clock.now() / 1000));
  const signMethod = r.signMethod === undefined ? 'hmac-sha256' : r.signMethod;
  const sign = signDouyin({ appKey: c.app_key!, appSecret: r.secret ?? c.app_secret!, method: r.method, paramJson, timestamp }, signMethod ?? 'md5');
  const q = new URLSearchParams({ app_key: c.app_key!, method: r.method, timestamp, v: '2', sign: r.sign ? r.sign(sign) : sign });
  if (signMethod) q.set('sign_method', signMethod);
  const token = r.token === undefined ? c.access_token! : r.token;
  if (token !== null) q.set('access_token', token);
  const form = r.form ?? 'body';
  if (form !== 'body') q.set('param_json', paramJson);
  const url = `${sim.gatewayUrl}/${r.method.replace(/\./g, '/')}?${q}`;
  const res = form === 'query' ? await fetch(url) : await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-open-no-old-err-code': '1' }, body: paramJson });
  return parseJsonKeepingBigInts(await res.text()) as Record<string, any>;
}


describe('stress', () => {
  it('plain', async () => { const { got, end } = await pullAll(creds(), { pageSize: 7 }); expect(got.map((g) => g.orderId).sort()).toEqual(ids(truth(end))); });
  for (const kind of ['5xx', 'rate_limit', 'token_expired', 'duplicate_page', 'malformed'] as const) {
    it(kind, async () => {
      sim.setFaults({ rate: 0.4, kinds: [kind] });
      try { const { got, end } = await pullAll(creds(), { pageSize: 7 }); expect(got.map((g) => g.orderId).sort()).toEqual(ids(truth(end))); }
      finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }
  it('drift', async () => {
    const conn = createDouyinConnector(creds(), deps(), { pageSize: 4 });
    const end = sim.clock.now();
    const got: string[] = [];
    sim.setFaults({ rate: 0.3, kinds: ['duplicate_page', 'rate_limit'] });
    await conn.pull({ start: end - PULL_MS, end, onPage: async (orders) => { got.push(...orders.map((o) => o.orderId)); sim.advance(30_000); } });
    sim.setFaults({ rate: 0, kinds: [] });
    const stayed = sim.simOrders().filter((o) => o.modifiedAt < end);
    expect(got.filter((id) => stayed.some((o) => o.orderId === id)).sort()).toEqual(ids(stayed));
  });
});
