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
  sim = await startPlatformSimulator(DOUYIN_PROTOCOL, { seed: 11, orders: 150, backlogSpanMs: SPAN_MS, arrivalsPerMin: 0.5, clock, faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } });
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

describe('Douyin simulator protocol', () => {
  const someId = () => sim.simOrders().find((o) => o.paidAt)!.orderId;
  const nowS = () => Math.floor(sim.clock.now() / 1000);

  it('accepts param_json in the body (Go SDK), in query and body (Python SDK) or query only, hmac-sha256 or md5, unix or Beijing timestamps', async () => {
    const id = someId();
    const forms: Array<Partial<Req>> = [
      { form: 'body' },
      { form: 'both', signMethod: 'md5', ts: formatShanghai(sim.clock.now()) },
      { form: 'query', signMethod: null }, // no sign_method: the legacy md5
    ];
    for (const f of forms) {
      const r = await call({ method: 'order.orderDetail', biz: { shop_order_id: id }, ...f });
      expect(r).toMatchObject({ code: 10000, msg: 'success', sub_code: '' });
      expect(r.data.shop_order_detail.order_id).toBe(id);
      expect(typeof r.log_id).toBe('string');
    }
  });

  it('refuses an upper-case or wrong-secret signature with 40003 isv.signature-invalid', async () => {
    for (const bad of [{ sign: (s: string) => s.toUpperCase() }, { secret: 'not-the-secret' }]) {
      const r = await call({ method: 'order.orderDetail', biz: { shop_order_id: someId() }, ...bad });
      expect(r).toMatchObject({ code: 40003, sub_code: 'isv.signature-invalid' });
      expect(typeof r.log_id).toBe('string');
    }
  });

  it('refuses a Beijing timestamp written in UTC (8 h off), an unknown, missing or expired token', async () => {
    const utcWall = new Date(sim.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
    expect(await call({ method: 'order.orderDetail', biz: { shop_order_id: someId() }, ts: utcWall })).toMatchObject({ code: 40003, sub_code: 'isv.timestamp-invalid' });
    expect(await call({ method: 'order.orderDetail', biz: { shop_order_id: someId() }, token: 'nope' })).toMatchObject({ code: 40003, sub_code: 'isv.access-token-no-existed' });
    expect(await call({ method: 'order.orderDetail', biz: { shop_order_id: someId() }, token: null })).toMatchObject({ code: 40001, sub_code: 'isv.access-token-missing' });
    const old = sim.tokens.access;
    sim.tokens.renew(sim.clock.now());
    expect(await call({ method: 'order.orderDetail', biz: { shop_order_id: someId() }, token: old })).toMatchObject({ code: 40003, sub_code: 'isv.access-token-expired' });
  });

  it(`refuses an update_time window over ${DOUYIN_SIM_MAX_WINDOW_S / 60} min and a size over 100`, async () => {
    const now = nowS();
    const r = await call({ method: 'order.searchList', biz: { update_time_start: now - DOUYIN_SIM_MAX_WINDOW_S - 1, update_time_end: now, page: 0, size: 10 } });
    expect(r).toMatchObject({ code: 40004, sub_code: 'isv.parameter-invalid', sub_msg: expect.stringContaining('分钟') });
    expect(await call({ method: 'order.searchList', biz: { update_time_start: now - 60, update_time_end: now, page: 0, size: 101 } })).toMatchObject({ code: 40004 });
  });

  it('keeps an empty page\'s list as [] and counts pages from 0', async () => {
    const start = nowS() - 40 * 86400;
    const r = await call({ method: 'order.searchList', biz: { update_time_start: start, update_time_end: start + 60, page: 0, size: 20 } });
    expect(r.data).toEqual({ page: 0, size: 20, total: 0, shop_order_list: [] });
  });

  it('renders ids as strings, fen amounts and unix-second times', async () => {
    const o = sim.simOrders().find((x) => x.state === 'shipped' && x.lines.length > 1) ?? sim.simOrders().find((x) => x.state === 'shipped')!;
    const d = (await call({ method: 'order.orderDetail', biz: { shop_order_id: o.orderId } })).data.shop_order_detail;
    expect(d).toMatchObject({ order_id: o.orderId, order_status: 3, main_status: 3, pay_amount: o.paymentFen, post_amount: o.postFeeFen, update_time: o.modifiedAt / 1000, seller_words: o.sellerMemo });
    expect(d.order_id).toMatch(/^\d{19}$/);
    expect(d.encrypt_post_tel).toMatch(/^\$\$.+\*.+\$1\$\$$/);
    expect(d.open_address_id).toMatch(/^#/);
    expect(d.logistics_info[0].tracking_no).toBe(o.lines[0]!.trackingNo);
    for (const s of d.sku_order_list) expect(typeof s.order_id).toBe('string');
  });

  it('answers token.refresh far from expiry with the same tokens', async () => {
    const before = sim.tokens.view();
    const r = await call({ method: 'token.refresh', biz: { grant_type: 'refresh_token', refresh_token: before.refresh }, token: null });
    expect(r).toMatchObject({ code: 10000, data: { access_token: before.access, refresh_token: before.refresh } });
  });
});

describe('Douyin connector', () => {
  it('pulls every order the shop has (unpaid ones too), and maps each with the right money and status', async () => {
    const { got, end } = await pullAll();
    const want = truth(end);
    expect(want.length).toBeGreaterThan(100);
    expect(ids(got)).toEqual(ids(want));
    const byId = new Map(got.map((g) => [g.orderId, g]));
    for (const o of want) {
      const mapped = mapDouyinOrder(byId.get(o.orderId)!.payload, sim.shopId);
      expect(mapped.orderId).toBe(o.orderId);
      expect(mapped.paymentFen).toBe(o.paymentFen);
      expect(mapped.postFeeFen).toBe(o.postFeeFen);
      expect(mapped.totalFen).toBe(o.goodsFen);
      expect(mapped.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(mapped.channelStatus).toBe(CHANNEL[o.state]);
      expect(mapped.refunding).toBe(o.lines.some((l) => l.refund === 'open'));
      expect([mapped.sellerMemo, mapped.sellerFlag]).toEqual([o.sellerMemo, o.sellerFlag]);
      // Douyin speaks whole seconds
      expect(mapped.modifiedAt).toBe(Math.floor(o.modifiedAt / 1000) * 1000);
      expect(mapped.receiver.mergeKey).toMatch(/^#/);
      expect(Object.keys(mapped.receiver.cipher).sort()).toEqual(['address', 'mobile', 'name']);
    }
    // every window asked for fits the connector's maximum
    for (const c of sim.calls().filter((x) => x.api === 'order.searchList' && x.error_code === null)) {
      expect(Number(c.params.update_time_end) - Number(c.params.update_time_start)).toBeLessThan(DOUYIN_MAX_WINDOW_MS / 1000);
    }
  });

  it('pages backwards through small pages and still sees each order once while the shop moves on', async () => {
    const conn = createDouyinConnector(creds(), deps(), { pageSize: 3 });
    const end = sim.clock.now();
    const got: string[] = [];
    await conn.pull({ start: end - PULL_MS, end, onPage: async (orders) => { got.push(...orders.map((o) => o.orderId)); sim.advance(20_000); } });
    // what changed during the pull left the range (its update_time is now past `end`): the next pull has it
    const stayed = sim.simOrders().filter((o) => o.modifiedAt < end);
    expect(got.filter((id) => stayed.some((o) => o.orderId === id)).sort()).toEqual(ids(stayed));
    expect(new Set(got).size).toBe(got.length);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every order exactly once`, async () => {
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      try {
        const { got, end } = await pullAll(creds(), { pageSize: 10 });
        expect(got.map((g) => g.orderId).sort()).toEqual(ids(truth(end)));
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('renews a lapsed token through token.refresh (which rotates) and reports the new pair', async () => {
    const c = creds();
    const renewed: string[] = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    const conn = createDouyinConnector(c, { ...deps(), onTokens: (t) => renewed.push(t.session) });
    await conn.test();
    expect(renewed).toEqual([sim.tokens.access]);
    expect(c.session).toBe(sim.tokens.access);
    expect(c.refreshToken).toBe(sim.tokens.refresh);
  });

  it('asks for re-authorization when the refresh token lapsed too', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    const err = await createDouyinConnector(creds(), deps()).test().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect(err).toMatchObject({ reauthorize: true, code: '50001' });
    expect((err as PlatformCallError).message).toMatch(/authorize it again/);
    sim.tokens.renew(sim.clock.now());
    sim.tokens.refreshExpiresAt = null;
  });

  it('ships through order.logisticsAdd and writes memo and star back through order.addOrderRemark', async () => {
    const o = sim.simOrders().find(shippable)!;
    const conn = createDouyinConnector(creds({ signMethod: 'md5' }), deps());
    await conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: o.orderId, memo: '加急', flag: 1 });
    let after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines.every((l) => l.trackingNo === '75312345678901' && l.carrierCode === 'ZTO')).toBe(true);
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急', 1]);
    expect(sim.orders().find((x) => x.order_id === o.orderId)).toMatchObject({ seller_words: '加急', seller_remark_stars: 5 }); // 5 = 红
    // without a flag the star stays; the memo is overwritten
    await conn.setMemo({ orderId: o.orderId, memo: '已电话确认' });
    after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['已电话确认', 1]);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no Douyin company_code/);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: '50002' });
    await expect(conn.setMemo({ orderId: o.orderId, memo: '长'.repeat(501) })).rejects.toMatchObject({ code: '50002', subCode: 'isv.business-failed:50056' });
    // pulled again, the order shows the write-backs
    const mapped = mapDouyinOrder(sim.orders().find((x) => x.order_id === o.orderId), sim.shopId);
    expect(mapped).toMatchObject({ channelStatus: 'shipped', sellerMemo: '已电话确认', sellerFlag: 1 });
    expect(mapped.lines[0]).toMatchObject({ trackingNo: '75312345678901', carrier: 'ZTO' });
  });

  it('reveals the receiver through order.batchDecrypt', async () => {
    const o = sim.simOrders().find(shippable)!;
    const plain = await createDouyinConnector(creds(), deps()).revealReceiver({ orderId: o.orderId, mergeKey: '', scene: '' });
    expect(plain).toMatchObject({ name: o.receiver.name, mobile: o.receiver.phone, address: o.receiver.detail, province: o.receiver.province, district: o.receiver.district });
  });
});

describe('Douyin map', () => {
  const sample = () => structuredClone(sim.orders().find((o) => (o.sku_order_list as unknown[]).length > 1)!) as Record<string, any>;

  it('keeps 19-digit ids exact even when they arrive as JSON numbers, and strips a merged "A"', () => {
    const s = sample();
    const text = JSON.stringify({ ...s, order_id: 'X' }).replace('"order_id":"X"', `"order_id":${s.order_id}`);
    expect(mapDouyinOrder(parseJsonKeepingBigInts(text), sim.shopId).orderId).toBe(s.order_id);
    expect(mapDouyinOrder({ ...s, order_id: `${s.order_id}A` }, sim.shopId).orderId).toBe(s.order_id);
  });

  const bad: Array<[string, (s: Record<string, any>) => unknown, string]> = [
    ['missing id', (s) => ({ ...s, order_id: undefined }), 'shop_order_id'],
    ['id as a rounded JSON number', (s) => ({ ...s, order_id: 6936476692437472563 }), 'order_id'],
    ['unknown status', (s) => ({ ...s, order_status: 99, main_status: 99 }), 'order_status'],
    ['yuan instead of fen', (s) => ({ ...s, pay_amount: '12.50' }), 'pay_amount'],
    ['update_time as text', (s) => ({ ...s, update_time: '2026-11-25 12:00:00' }), 'update_time'],
    ['sku list not a list', (s) => ({ ...s, sku_order_list: {} }), 'sku_order_list'],
    ['line price missing', (s) => ({ ...s, sku_order_list: [{ ...s.sku_order_list[0], origin_amount: undefined }] }), 'sku_order_list[0].origin_amount'],
    ['plaintext phone', (s) => ({ ...s, encrypt_post_tel: '13800138000' }), 'encrypt_post_tel'],
    ['star out of range', (s) => ({ ...s, seller_remark_stars: 7 }), 'seller_remark_stars'],
    ['not an object', () => [], 'order'],
  ];
  for (const [what, make, where] of bad) {
    it(`rejects ${what} with a MapError on ${where}`, () => {
      const err = (() => { try { mapDouyinOrder(make(sample()), sim.shopId); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(MapError);
      expect((err as MapError).where).toBe(where);
    });
  }

  it('quarantines an order the simulator serves with an unknown status (overrides)', async () => {
    const [id] = sim.upsert([{ overrides: { order_status: 42, main_status: 42 } }]);
    const r = await call({ method: 'order.orderDetail', biz: { shop_order_id: id } });
    expect(() => mapDouyinOrder(r.data.shop_order_detail, sim.shopId)).toThrow(MapError);
  });
});
