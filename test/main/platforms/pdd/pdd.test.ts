// Pinduoduo connector against its simulator over loopback HTTP: the real protocol both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import { PDD_PROTOCOL, PDD_SIGN_ERROR_CODE } from '../../../../main/services/platforms/pdd/simProtocol';
import { createPddConnector, PDD_MANDATED_DELAY_MS } from '../../../../main/services/platforms/pdd/client';
import { mapPddOrder } from '../../../../main/services/platforms/pdd/map';
import { signPdd } from '../../../../main/services/platforms/pdd/sign';
import { PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';
import { ManualClock, OffsetClock } from '../../../../shared/clock';

let sim: PlatformSimulator;
// a stopped clock: the truth a pull is compared with cannot move between the pull and the check
beforeAll(async () => { sim = await startPlatformSimulator(PDD_PROTOCOL, { seed: 11, orders: 150, backlogSpanMs: 24 * 3600_000, arrivalsPerMin: 0.5, clock: new OffsetClock(new ManualClock(Math.floor(Date.now() / 1000) * 1000)), faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } }); });
afterAll(async () => { await sim?.close(); });

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  const c = sim.credentials();
  return { shopId: sim.shopId, platform: 'pdd', gatewayUrl: sim.gatewayUrl, appKey: c.client_id!, secret: c.client_secret!, session: c.access_token!, refreshToken: sim.tokens.refresh, signMethod: 'md5', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });

/** Pulls like the sync engine: a pull that gives up (every retry failed) is run again. */
async function pullAll(c = creds()) {
  const got = new Map<string, RawOrder>();
  const conn = createPddConnector(c, deps());
  const now = sim.clock.now();
  for (let run = 1; ; run++) {
    try {
      await conn.pull({ start: now - 26 * 3600_000, end: now, onPage: async (orders) => { for (const o of orders) got.set(o.orderId, o); } });
      return got;
    } catch (e) {
      if (run >= 5) throw e;
    }
  }
}

/** what the platform holds that a pull up to now − 3 min must have seen */
function truth() {
  const horizon = sim.clock.now() - PDD_MANDATED_DELAY_MS;
  return sim.simOrders().filter((o) => o.paidAt !== undefined && o.modifiedAt < Math.floor(horizon / 1000) * 1000);
}

async function post(body: Record<string, string>, json = true) {
  const res = await fetch(sim.gatewayUrl, { method: 'POST', headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' }, body: json ? JSON.stringify(body) : new URLSearchParams(body).toString() });
  return res.json() as Promise<Record<string, any>>;
}

describe('Pinduoduo simulator protocol', () => {
  const base = () => ({ type: 'pdd.order.information.get', client_id: sim.credentials().client_id!, access_token: sim.credentials().access_token!, timestamp: String(Math.floor(sim.clock.now() / 1000)), data_type: 'JSON', order_sn: sim.simOrders().find((o) => o.paidAt)!.orderId });

  it('accepts a JSON body and a form body signed MD5 UPPER', async () => {
    for (const json of [true, false]) {
      const p = base();
      const r = await post({ ...p, sign: signPdd(p, sim.credentials().client_secret!) }, json);
      expect(r.order_info_get_response.order_info.order_sn).toBe(p.order_sn);
    }
  });

  it('refuses a lower-case or wrong signature with its own error envelope', async () => {
    const p = base();
    const r = await post({ ...p, sign: signPdd(p, sim.credentials().client_secret!).toLowerCase() });
    expect(r.error_response).toMatchObject({ error_code: PDD_SIGN_ERROR_CODE });
    expect(typeof r.error_response.request_id).toBe('string');
  });

  it('refuses an unknown token as expired (10019) and a window over 30 min', async () => {
    const p = { ...base(), access_token: 'nope' };
    expect((await post({ ...p, sign: signPdd(p, sim.credentials().client_secret!) })).error_response.error_code).toBe(10019);
    const now = Math.floor(sim.clock.now() / 1000);
    const q = { ...base(), type: 'pdd.order.number.list.increment.get', start_updated_at: String(now - 1801 - 600), end_updated_at: String(now - 600) };
    expect((await post({ ...q, sign: signPdd(q, sim.credentials().client_secret!) })).error_response).toMatchObject({ error_code: 10000, sub_msg: expect.stringContaining('30分钟') });
  });

  it('keeps an empty page\'s list as []', async () => {
    const now = Math.floor(sim.clock.now() / 1000);
    const q = { ...base(), type: 'pdd.order.number.list.increment.get', start_updated_at: String(now - 40 * 86400), end_updated_at: String(now - 40 * 86400 + 60) };
    const r = await post({ ...q, sign: signPdd(q, sim.credentials().client_secret!) });
    expect(r.order_sn_increment_get_response).toMatchObject({ order_sn_list: [], total_count: 0, has_next: false });
  });
});

describe('Pinduoduo connector', () => {
  it('pulls every paid order up to 3 minutes before server time, and maps each', async () => {
    const got = await pullAll();
    const want = truth();
    expect([...got.keys()].sort()).toEqual(want.map((o) => o.orderId).sort());
    for (const o of want) {
      const mapped = mapPddOrder(got.get(o.orderId)!.payload, sim.shopId);
      expect(mapped.paymentFen).toBe(o.paymentFen);
      expect(mapped.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(mapped.orderId).toBe(o.orderId);
      expect(mapped.channelStatus).toBe({ paid: 'paid', partial: 'paid', shipped: 'shipped', completed: 'completed', closed: o.shippedAt ? (o.completedAt ? 'completed' : 'shipped') : 'closed', unpaid: 'x' }[o.state]);
    }
    // never asks for windows ending inside the last 3 minutes
    const horizon = Math.floor((sim.clock.now() - PDD_MANDATED_DELAY_MS) / 1000);
    for (const c of sim.calls().filter((x) => x.api === 'pdd.order.number.list.increment.get')) expect(Number(c.params.end_updated_at)).toBeLessThanOrEqual(horizon);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every order exactly once`, async () => {
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      try {
        const got = await pullAll();
        expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('renews a lapsed token with the refresh token (which rotates) and reports the new pair', async () => {
    const c = creds();
    const renewed: string[] = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    const conn = createPddConnector(c, { ...deps(), onTokens: (t) => renewed.push(t.session) });
    await conn.test();
    expect(renewed).toEqual([sim.tokens.access]);
    expect(c.refreshToken).toBe(sim.tokens.refresh);
  });

  it('asks for re-authorization when the refresh token lapsed too', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    const conn = createPddConnector(creds(), deps());
    const err = await conn.test().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).reauthorize).toBe(true);
    expect((err as PlatformCallError).message).toMatch(/authorize it again/);
    sim.tokens.renew(sim.clock.now());
    sim.tokens.refreshExpiresAt = null;
  });

  it('ships through pdd.logistics.online.send and writes the memo and flag back', async () => {
    const o = sim.simOrders().find((x) => x.state === 'paid' && !x.hold && x.lines.every((l) => l.refund === 'none'))!;
    const conn = createPddConnector(creds(), deps());
    await conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: o.orderId, memo: '加急', flag: 1 });
    const after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines[0]!.trackingNo).toBe('75312345678901');
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急', 1]);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no PDD logistics_id/);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: '50002' });
  });

  it('reveals the receiver of an order waiting to ship through pdd.open.decrypt.batch', async () => {
    const o = sim.simOrders().find((x) => x.state === 'paid' && !x.hold && x.lines.every((l) => l.refund === 'none'))!;
    const plain = await createPddConnector(creds(), deps()).revealReceiver({ orderId: o.orderId, mergeKey: '', scene: '' });
    expect(plain).toMatchObject({ name: o.receiver.name, mobile: o.receiver.phone, address: o.receiver.detail });
  });
});
