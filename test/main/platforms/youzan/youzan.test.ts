// Youzan connector against its simulator over loopback HTTP: the real protocol both ways. The sim
// clock is frozen (advanced by hand) so "everything up to 30 s before server time" is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../../shared/clock';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import { YOUZAN_INDEX_LAG_MAX_MS, YOUZAN_PROTOCOL } from '../../../../main/services/platforms/youzan/simProtocol';
import { YOUZAN_GW } from '../../../../main/services/platforms/youzan/api';
import { createYouzanConnector, YOUZAN_MANDATED_DELAY_MS, type YouzanConnectorOptions } from '../../../../main/services/platforms/youzan/client';
import { mapYouzanOrder } from '../../../../main/services/platforms/youzan/map';
import { MapError, PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import type { SimOrder } from '../../../../main/services/platforms/simkit/model';

let sim: PlatformSimulator;
beforeAll(async () => {
  const clock = new OffsetClock(new ManualClock(Date.UTC(2026, 10, 25, 4, 0, 0)));
  sim = await startPlatformSimulator(YOUZAN_PROTOCOL, { seed: 11, orders: 150, backlogSpanMs: 72 * 3600_000, arrivalsPerMin: 0.5, clock, faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } });
});
afterAll(async () => { await sim?.close(); });

const SPAN = 80 * 3600_000;

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  // Youzan shops need only the access token; client_id/secret (appKey/secret) are for refresh and left empty
  return { shopId: sim.shopId, platform: 'youzan', gatewayUrl: sim.gatewayUrl, appKey: '', secret: '', session: sim.credentials().access_token!, refreshToken: sim.tokens.refresh, signMethod: 'md5', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });

/**
 * Pulls like the sync engine: a pull that gives up (every retry failed) is run again. Returns what
 * the pull that completed delivered, and how many deliveries it made (one per trade expected).
 */
async function pullAll(options: YouzanConnectorOptions = {}) {
  const conn = createYouzanConnector(creds(), deps(), options);
  const now = sim.clock.now();
  for (let run = 1; ; run++) {
    const got = new Map<string, RawOrder>();
    let deliveries = 0;
    try {
      await conn.pull({ start: now - SPAN, end: now, onPage: async (orders) => { for (const o of orders) { got.set(o.orderId, o); deliveries++; } } });
      return { got, deliveries };
    } catch (e) {
      if (run >= 5) throw e;
    }
  }
}

/** what the platform holds that a pull of [now − 26 h, now − 30 s) must have seen */
function truth(): SimOrder[] {
  const now = sim.clock.now();
  return sim.simOrders().filter((o) => o.modifiedAt >= now - SPAN && o.modifiedAt < now - YOUZAN_MANDATED_DELAY_MS);
}

async function post(api: string, body: unknown, token: string | null = sim.credentials().access_token!, headers: Record<string, string> = {}) {
  const q = token === null ? '' : `?access_token=${encodeURIComponent(token)}`;
  const res = await fetch(`${sim.url}/api/${api}${q}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(res.status).toBe(200); // Youzan answers refusals with HTTP 200 too
  return res.json() as Promise<Record<string, any>>;
}
const t = (ms: number) => formatShanghai(ms);
const LIST = 'youzan.trades.sold.get/4.0.4';

describe('Youzan simulator protocol', () => {
  it('renders trades as sold.get 4.0.4 does: E-tids, yuan strings, Beijing times, $…$1$ ciphertext', () => {
    const entry = sim.orders()[0]! as any;
    const f = entry.full_order_info;
    expect(f.order_info.tid).toMatch(/^E\d{23}$/);
    expect(f.order_info.update_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(f.pay_info.payment).toMatch(/^\d+\.\d{2}$/);
    expect(f.address_info.receiver_tel).toMatch(/^\$[A-Za-z0-9+/=]+\$1\$$/);
    expect(f.buyer_info.buyer_phone).toBe(f.address_info.receiver_tel);
    expect(typeof f.orders[0].oid).toBe('string');
  });

  it('refuses a missing, unknown or expired token with its gateway error', async () => {
    const q = { start_update: t(sim.clock.now() - 3600_000), end_update: t(sim.clock.now() - 60_000) };
    expect((await post(LIST, q, null)).gw_err_resp).toMatchObject({ err_code: YOUZAN_GW.noToken, err_msg: '非法的请求凭证' });
    // a token in the Authorization header counts as none
    expect((await post(LIST, q, null, { authorization: `Bearer ${sim.credentials().access_token}` })).gw_err_resp.err_code).toBe(4201);
    expect((await post(LIST, q, 'nope')).gw_err_resp).toMatchObject({ err_code: YOUZAN_GW.tokenUnknown });
    const old = sim.credentials().access_token!;
    sim.tokens.renew(sim.clock.now());
    const r = await post(LIST, q, old);
    expect(r.gw_err_resp).toMatchObject({ err_code: YOUZAN_GW.tokenExpired, err_msg: '请求凭证过期' });
    expect(typeof r.gw_err_resp.trace_id).toBe('string');
    expect((await post(LIST, q)).success).toBe(true);
    expect((await post('youzan.trades.sold.get/9.9.9', q)).gw_err_resp.err_code).toBe(YOUZAN_GW.badApi);
  });

  it('refuses a window over 3 months, a date without a time, and page_size over 100', async () => {
    const now = sim.clock.now();
    const long = await post(LIST, { start_update: t(now - 100 * 86_400_000), end_update: t(now - 60_000) });
    expect(long).toMatchObject({ success: false, code: 5000, message: expect.stringContaining('3个月') });
    // a failed answer still carries an empty list: only `success` tells
    expect(long.data.full_order_info_list).toEqual([]);
    expect((await post(LIST, { start_update: '2026-11-01', end_update: t(now) })).gw_err_resp.err_code).toBe(5001);
    expect(await post(LIST, { page_size: 101 })).toMatchObject({ success: false, code: 5000, message: '每页最多显示100条数据' });
  });

  it('keeps an empty page\'s list as []', async () => {
    const at = sim.clock.now() - 40 * 86_400_000;
    const r = await post(LIST, { start_update: t(at), end_update: t(at + 60_000), page_no: 1, page_size: 100 });
    expect(r).toMatchObject({ success: true, code: 200, data: { full_order_info_list: [], total_results: 0 } });
  });

  it('lists a changed trade only some seconds later (the index lags under 30 s)', async () => {
    const ids = sim.upsert(Array.from({ length: 6 }, () => ({})));
    const now = sim.clock.now();
    const listed = async () => {
      const r = await post(LIST, { start_update: t(now - 5_000), end_update: t(sim.clock.now()), page_size: 100 });
      return (r.data.full_order_info_list as any[]).map((x) => x.full_order_info.order_info.tid as string).filter((x) => ids.includes(x));
    };
    expect((await listed()).length).toBeLessThan(ids.length);
    sim.advance(YOUZAN_INDEX_LAG_MAX_MS + 1000);
    expect((await listed()).sort()).toEqual([...ids].sort());
  });
});

describe('Youzan connector', () => {
  it('pulls every trade up to 30 s before server time, and maps money and status', async () => {
    const before = sim.calls().length;
    const { got } = await pullAll({ pageSize: 40 });
    const want = truth();
    expect(want.length).toBeGreaterThan(100);
    expect([...got.keys()].sort()).toEqual(want.map((o) => o.orderId).sort());
    const statuses = new Set<string>();
    for (const o of want) {
      const m = mapYouzanOrder(got.get(o.orderId)!.payload, sim.shopId);
      statuses.add(m.channelStatus);
      expect(m.orderId).toBe(o.orderId);
      expect([m.paymentFen, m.postFeeFen, m.totalFen, m.discountFen]).toEqual([o.paymentFen, o.postFeeFen, o.goodsFen, o.discountFen]);
      expect(m.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      if (o.postFeeFen === 0) expect(m.lines.map((l) => l.paymentFen)).toEqual(o.lines.map((l) => l.paymentFen));
      expect(m.lines.map((l) => [l.lineId, l.qty, l.priceFen, l.trackingNo])).toEqual(o.lines.map((l) => [l.lineId, l.qty, l.priceFen, l.trackingNo]));
      expect(m.channelStatus).toBe({ unpaid: 'awaiting_payment', paid: 'paid', partial: 'paid', shipped: 'shipped', completed: 'completed', closed: 'closed' }[o.state]);
      expect(m.channelHolds).toEqual(o.state === 'paid' && o.hold ? ['platform_awaiting_confirm'] : []);
      expect(m.refunding).toBe(o.lines.some((l) => l.refund === 'open'));
      // Youzan writes whole seconds (the kit's lifecycle can leave ms on a refunded single line)
      expect([m.sellerMemo, m.sellerFlag, m.buyerMessage, m.modifiedAt]).toEqual([o.sellerMemo, o.sellerFlag, o.buyerMessage, Math.floor(o.modifiedAt / 1000) * 1000]);
      expect(m.receiver.cipher.mobile).toMatch(/^\$.+\$1\$$/);
      expect(m.receiver.phoneTail).toBe(o.receiver.phone.slice(-4));
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['awaiting_payment', 'closed', 'completed', 'paid', 'shipped']));
    // never asks for windows ending inside the last 30 s
    const horizon = sim.clock.now() - YOUZAN_MANDATED_DELAY_MS;
    const lists = sim.calls().slice(before).filter((c) => c.api === 'youzan.trades.sold.get');
    expect(lists.length).toBeGreaterThan(0);
    // end_update is inclusive to the whole second: its last instant must lie before the horizon
    for (const c of lists) expect(parseShanghai(String(c.params.end_update)) + 999).toBeLessThan(horizon);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every trade exactly once`, async () => {
      const before = sim.calls().length;
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      try {
        const { got, deliveries } = await pullAll({ pageSize: 30 });
        expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
        expect(deliveries).toBe(got.size);
        expect(sim.calls().slice(before).some((c) => c.fault === kind)).toBe(true);
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('delivers each trade once within a pull, and splits a window deeper than 100 pages', async () => {
    const before = sim.calls().length;
    const { got, deliveries } = await pullAll({ pageSize: 1 });
    expect(deliveries).toBe(got.size);
    expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
    const windows = new Set(sim.calls().slice(before).map((c) => `${String(c.params.start_update)}|${String(c.params.end_update)}`));
    expect(windows.size).toBeGreaterThan(2);
  });

  it('takes the bare host (the shop form\'s https://open.youzanyun.com) or …/api as the gateway', async () => {
    for (const gatewayUrl of [sim.url, `${sim.url}/`, sim.gatewayUrl]) await createYouzanConnector(creds({ gatewayUrl }), deps()).test();
  });

  it('renews a lapsed token with the refresh token (which rotates) and reports the new pair', async () => {
    const c = creds();
    const renewed: string[] = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    const conn = createYouzanConnector(c, { ...deps(), onTokens: (x) => renewed.push(x.session) });
    await conn.test();
    expect(renewed).toEqual([sim.tokens.access]);
    expect(c.refreshToken).toBe(sim.tokens.refresh);
    expect(sim.calls().filter((x) => x.api === 'auth/token').at(-1)!.params).toMatchObject({ authorize_type: 'refresh_token' });
  });

  it('asks for re-authorization when the refresh token lapsed too', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    const err = await createYouzanConnector(creds(), deps()).test().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).reauthorize).toBe(true);
    expect((err as PlatformCallError).message).toMatch(/authorize it again/);
    sim.tokens.renew(sim.clock.now());
    sim.tokens.refreshExpiresAt = null;
  });

  const shippable = (o: SimOrder) => o.state === 'paid' && !o.hold && o.lines.every((l) => l.refund === 'none');

  it('ships through youzan.logistics.online.confirm and writes the memo and star back', async () => {
    const o = sim.simOrders().find(shippable)!;
    const conn = createYouzanConnector(creds(), deps());
    await conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: o.orderId, memo: '加急', flag: 3 });
    const after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines.map((l) => [l.trackingNo, l.carrierCode])).toEqual(o.lines.map(() => ['75312345678901', 'ZTO']));
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急', 3]);
    const shown = (sim.orders() as any[]).find((x) => x.full_order_info.order_info.tid === o.orderId);
    expect(shown.full_order_info.remark_info).toMatchObject({ trade_memo: '加急', star: 3 });
    expect(shown.full_order_info.order_info.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no Youzan express id/);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: '102570007' });
  });

  it('ships only the named lines (oids) of a multi-line trade', async () => {
    const o = sim.simOrders().find((x) => shippable(x) && x.lines.length > 1)!;
    await createYouzanConnector(creds(), deps()).ship({ orderId: o.orderId, lineIds: [o.lines[0]!.lineId], carrierCode: 'SF', trackingNo: 'SF1234567890' });
    const after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('partial');
    expect(after.lines.map((l) => l.trackingNo ?? null)).toEqual(o.lines.map((_, i) => (i === 0 ? 'SF1234567890' : null)));
  });

  it('reveals the receiver through youzan.cloud.secret.decrypt.batch', async () => {
    const o = sim.simOrders().find(shippable)!;
    const plain = await createYouzanConnector(creds(), deps()).revealReceiver({ orderId: o.orderId, mergeKey: '', scene: '' });
    const r = o.receiver;
    expect(plain).toMatchObject({ name: r.name, mobile: r.phone, address: `${r.town ?? ''}${r.detail}`, province: r.province, city: r.city, district: r.district });
  });
});

describe('mapYouzanOrder', () => {
  const sample = () => structuredClone(sim.orders().find((x: any) => x.full_order_info.order_info.status === 'WAIT_SELLER_SEND_GOODS')!) as any;
  const where = (payload: unknown) => {
    try { mapYouzanOrder(payload, 's'); } catch (e) { if (e instanceof MapError) return e.where; throw e; }
    return 'mapped';
  };

  it('rejects malformed payloads with a MapError naming the field', () => {
    expect(where(sample())).toBe('mapped');
    const cases: Array<[(p: any) => void, string]> = [
      [(p) => { p.full_order_info.order_info.status = 'TRADE_SOMETHING_NEW'; }, 'full_order_info.order_info.status'],
      [(p) => { p.full_order_info.pay_info.payment = '12.345'; }, 'full_order_info.pay_info.payment'],
      [(p) => { p.full_order_info.order_info.tid = 12345678901234567890; }, 'full_order_info.order_info.tid'],
      [(p) => { p.full_order_info.order_info.update_time = '2026/11/25 12:00'; }, 'full_order_info.order_info.update_time'],
      [(p) => { p.full_order_info.orders = []; }, 'full_order_info.orders'],
      [(p) => { p.full_order_info.orders[0].num = 'two'; }, 'full_order_info.orders[0].num'],
      [(p) => { p.full_order_info.remark_info.star = 9; }, 'full_order_info.remark_info.star'],
      [(p) => { delete p.full_order_info.pay_info; }, 'full_order_info.pay_info'],
      [(p) => { p.full_order_info = null; }, 'full_order_info'],
    ];
    for (const [spoil, field] of cases) {
      const p = sample();
      spoil(p);
      expect(where(p)).toBe(field);
    }
  });

  it('holds WAIT_CONFIRM (group forming / awaiting acceptance) as paid but not to ship', () => {
    const p = sample();
    p.full_order_info.order_info.status = 'WAIT_CONFIRM';
    expect(mapYouzanOrder(p, 's')).toMatchObject({ channelStatus: 'paid', channelHolds: ['platform_awaiting_confirm'] });
  });

  it('serves a simulator override as is, and the pull still delivers it for quarantine', async () => {
    const [id] = sim.upsert([{ modifiedAt: sim.clock.now() - 120_000, overrides: { full_order_info: { order_info: { status: 'TRADE_ODD' } } } }]);
    const { got } = await pullAll();
    expect(() => mapYouzanOrder(got.get(id!)!.payload, 's')).toThrow(MapError);
  });
});
