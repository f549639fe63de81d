// JD JOS connector against its simulator over loopback HTTP: the real protocol both ways.
// The sim clock is frozen (an OffsetClock over a ManualClock) so "what JD holds" cannot move
// between the pull and the comparison: JD has no mandated delay to hide that race behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../../shared/clock';
import { formatShanghai } from '../../../../shared/time';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import { JD_BIZ, JD_CODES, JD_MAX_PAGE_SIZE, JD_PROTOCOL } from '../../../../main/services/platforms/jd/simProtocol';
import { createJdConnector, JD_PULL_FIELDS, type JdConnectorOptions } from '../../../../main/services/platforms/jd/client';
import { mapJdOrder } from '../../../../main/services/platforms/jd/map';
import { signJd } from '../../../../main/services/platforms/jd/sign';
import { MapError, PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';

let sim: PlatformSimulator;
// half past a whole second: an order modified "now" sits inside a pull that ends now
const start = Math.floor(Date.now() / 1000) * 1000 + 500;
beforeAll(async () => {
  sim = await startPlatformSimulator(JD_PROTOCOL, { seed: 13, orders: 150, backlogSpanMs: 24 * 3600_000, arrivalsPerMin: 0.5, clock: new OffsetClock(new ManualClock(start)), faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } });
});
afterAll(async () => { await sim?.close(); });

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  const c = sim.credentials();
  return { shopId: sim.shopId, platform: 'jd', gatewayUrl: sim.gatewayUrl, appKey: c.app_key!, secret: c.app_secret!, session: c.access_token!, refreshToken: sim.tokens.refresh, signMethod: 'md5', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });

/** Pulls like the sync engine: a pull that gives up (every retry failed) is run again. */
async function pullAll(c = creds(), options: JdConnectorOptions = {}) {
  const got = new Map<string, RawOrder>();
  const conn = createJdConnector(c, deps(), options);
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

/** JD lists SOP orders only once paid (§4.5): never-paid ones (closed after 30 min) do not exist for the search */
const truth = () => sim.simOrders().filter((o) => o.paidAt !== undefined);

async function post(p: Record<string, string>) {
  const res = await fetch(sim.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(p).toString() });
  return { text: await res.text(), get json() { return JSON.parse(this.text) as Record<string, any>; } };
}
const signed = (p: Record<string, string>) => ({ ...p, sign: signJd(p, sim.credentials().app_secret!) });

describe('JD simulator protocol', () => {
  const base = (biz: Record<string, unknown>, method = 'jingdong.pop.order.search') => ({
    method, app_key: sim.credentials().app_key!, access_token: sim.credentials().access_token!, timestamp: formatShanghai(sim.clock.now()), v: '2.0', '360buy_param_json': JSON.stringify(biz),
  });
  const window = (fromAgoMs: number, toAgoMs: number, extra: Record<string, unknown> = {}) => ({
    start_date: formatShanghai(sim.clock.now() - fromAgoMs), end_date: formatShanghai(sim.clock.now() - toAgoMs), optional_fields: 'orderId,orderState,modified', page: '1', page_size: '50', ...extra,
  });

  it('answers a signed form POST under the …_responce key, orderId as a JSON number', async () => {
    const r = await post(signed(base(window(3600_000, 0))));
    const body = r.json.jingdong_pop_order_search_responce;
    expect(body.searchorderinfo_result.apiResult).toMatchObject({ success: true, numberCode: JD_BIZ.ok });
    expect(body.searchorderinfo_result.orderInfoList.length).toBeGreaterThan(0);
    expect(r.text).toMatch(/"orderId":\d+[,}]/);
    // the same call as a GET with the parameters in the query string
    const get = await fetch(`${sim.gatewayUrl}?${new URLSearchParams(signed(base(window(3600_000, 0))))}`).then((x) => x.json() as Promise<Record<string, any>>);
    expect(get.jingdong_pop_order_search_responce.searchorderinfo_result.orderTotal).toBe(body.searchorderinfo_result.orderTotal);
    // only the fields in optional_fields come back
    expect(Object.keys(body.searchorderinfo_result.orderInfoList[0]).sort()).toEqual(['modified', 'orderId', 'orderState']);
  });

  it('accepts the official vector\'s timestamp form and refuses a UTC wall clock (Beijing time only)', async () => {
    const ms = sim.clock.now();
    const official = formatShanghai(ms) + '.' + String(ms % 1000).padStart(3, '0') + '+0800';
    expect((await post(signed({ ...base(window(60_000, 0)), timestamp: official }))).json.jingdong_pop_order_search_responce).toBeDefined();
    const utc = new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    expect((await post(signed({ ...base(window(60_000, 0)), timestamp: utc }))).json.error_response).toMatchObject({ code: JD_CODES.invalidTimestamp });
  });

  it('refuses a lower-case or wrong signature with JD\'s error_response (code 12)', async () => {
    const p = base(window(60_000, 0));
    const lower = await post({ ...p, sign: signJd(p, sim.credentials().app_secret!).toLowerCase() });
    expect(lower.json.error_response).toMatchObject({ code: JD_CODES.invalidSign, en_desc: 'Invalid Signature' });
    expect((await post({ ...p, sign: signJd(p, 'wrong-secret') })).json.error_response.code).toBe(JD_CODES.invalidSign);
  });

  it('refuses an unknown token (19), a window over one month, a missing optional_fields and page_size over 50', async () => {
    expect((await post(signed({ ...base(window(60_000, 0)), access_token: 'nope' }))).json.error_response.code).toBe(JD_CODES.tokenExpired);
    const result = async (biz: Record<string, unknown>) => (await post(signed(base(biz)))).json.jingdong_pop_order_search_responce.searchorderinfo_result;
    expect((await result(window(32 * 86_400_000, 0))).apiResult).toMatchObject({ success: false, numberCode: JD_BIZ.windowTooLong, chineseErrCode: expect.stringContaining('一个月') });
    expect((await result({ ...window(60_000, 0), optional_fields: undefined })).apiResult).toMatchObject({ success: false, numberCode: JD_BIZ.noOptionalFields });
    expect((await result(window(60_000, 0, { page_size: String(JD_MAX_PAGE_SIZE + 1) }))).apiResult.success).toBe(false);
  });

  it('keeps an empty page\'s list as []', async () => {
    const r = (await post(signed(base(window(40 * 86_400_000, 40 * 86_400_000 - 60_000))))).json;
    expect(r.jingdong_pop_order_search_responce.searchorderinfo_result).toMatchObject({ orderInfoList: [], orderTotal: 0 });
  });

  it('masks the consignee in search and encrypts it in enSearch', async () => {
    const biz = window(24 * 3600_000, 0, { optional_fields: 'orderId,consigneeInfo' });
    const plain = (await post(signed(base(biz)))).json.jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList[0];
    const en = (await post(signed(base(biz, 'jingdong.pop.order.enSearch')))).json.jingdong_pop_order_enSearch_responce.searchorderinfo_result.orderInfoList[0];
    expect(plain.consigneeInfo.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(en.consigneeInfo.mobile).toMatch(/^\$.+\$\$$/);
    expect(en.consigneeInfo.fullname).toMatch(/^~.+~~$/);
  });
});

describe('JD connector', () => {
  it('pulls every listed order exactly as JD holds it, and maps money, status and holds', async () => {
    const got = await pullAll();
    const want = truth();
    expect([...got.keys()].sort()).toEqual(want.map((o) => o.orderId).sort());
    const held = want.filter((o) => o.hold && o.state === 'paid');
    for (const o of want) {
      const mapped = mapJdOrder(got.get(o.orderId)!.payload, sim.shopId);
      expect(mapped.orderId).toBe(o.orderId);
      expect(mapped.paymentFen).toBe(o.paymentFen);
      expect(mapped.postFeeFen).toBe(o.postFeeFen);
      expect(mapped.discountFen).toBe(o.discountFen);
      expect(mapped.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(mapped.receiver.cipher.mobile).toBeTruthy();
      expect(mapped.channelStatus).toBe({ paid: 'paid', partial: 'paid', shipped: 'shipped', completed: 'completed', closed: o.shippedAt ? (o.completedAt ? 'completed' : 'shipped') : 'closed', unpaid: 'x' }[o.state]);
      expect(mapped.channelHolds.length > 0).toBe(held.includes(o));
      expect([mapped.sellerMemo, mapped.sellerFlag]).toEqual([o.sellerMemo, o.sellerFlag]);
    }
    // never asks for more than 50 a page
    for (const c of sim.calls().filter((x) => x.api === 'jingdong.pop.order.enSearch')) expect(Number(JSON.parse(String(c.params['360buy_param_json'])).page_size)).toBeLessThanOrEqual(50);
  });

  it('keeps an orderId past 2^53 (a JSON number on the wire) as exact text', async () => {
    const big = '98765432109876543210';
    sim.upsert([{ orderId: big }]);
    const got = await pullAll();
    expect(got.has(big)).toBe(true);
    // on the wire it is a bare number that plain JSON.parse would round
    const c = sim.credentials();
    const p = { method: 'jingdong.pop.order.search', app_key: c.app_key!, access_token: c.access_token!, timestamp: formatShanghai(sim.clock.now()), v: '2.0', '360buy_param_json': JSON.stringify({ start_date: formatShanghai(sim.clock.now() - 5000), end_date: formatShanghai(sim.clock.now()), optional_fields: 'orderId' }) };
    expect((await post(signed(p))).text).toContain(`"orderId":${big}`);
    expect(mapJdOrder(got.get(big)!.payload, sim.shopId).orderId).toBe(big);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every order exactly once`, async () => {
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      const seen = new Map<string, number>();
      const logged = sim.calls().length;
      try {
        // 10 a page: ~15 pages, so every fault kind meets the paging more than once
        const got = await pullAll(creds(), { pageSize: 10 });
        expect(sim.calls().slice(logged).filter((c) => c.fault === kind).length).toBeGreaterThan(0);
        expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
        for (const id of got.keys()) seen.set(id, (seen.get(id) ?? 0) + 1);
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('delivers each (order, modified) once within one pull, even through duplicated pages', async () => {
    sim.setFaults({ rate: 0.5, kinds: ['duplicate_page'] });
    const ids: string[] = [];
    try {
      await createJdConnector(creds(), deps()).pull({ start: sim.clock.now() - 26 * 3600_000, end: sim.clock.now(), onPage: async (orders) => { ids.push(...orders.map((o) => o.orderId)); } });
    } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renews a lapsed token through /oauth2/refresh_token (JD keeps the token value) and reports it', async () => {
    const c = creds();
    const before = c.session;
    const renewed: string[] = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    await createJdConnector(c, { ...deps(), onTokens: (t) => renewed.push(t.session) }).test();
    expect(renewed).toEqual([sim.tokens.access]);
    expect(sim.tokens.access).toBe(before);
    expect(c.refreshToken).toBe(sim.tokens.refresh);
  });

  it('asks for re-authorization when the refresh token lapsed too', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    const err = await createJdConnector(creds(), deps()).test().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).reauthorize).toBe(true);
    expect((err as PlatformCallError).message).toMatch(/authorize it again/);
    sim.tokens.renew(sim.clock.now());
    sim.tokens.refreshExpiresAt = null;
  });

  it('ships through jingdong.pop.order.shipment and writes memo and flag through modifyVenderRemark', async () => {
    const o = truth().find((x) => x.state === 'paid' && !x.hold)!;
    const conn = createJdConnector(creds(), deps());
    await conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: o.orderId, memo: '加急', flag: 3 });
    const after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines.every((l) => l.trackingNo === '75312345678901' && l.carrierCode === 'ZTO')).toBe(true);
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急', 3]);
    // and the next pull shows it: waybill, carrier id, memo and flag
    const mapped = mapJdOrder((await pullAll()).get(o.orderId)!.payload, sim.shopId);
    expect(mapped).toMatchObject({ channelStatus: 'shipped', sellerMemo: '加急', sellerFlag: 3 });
    expect(mapped.lines[0]).toMatchObject({ trackingNo: '75312345678901', carrier: '1499' });
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no JD logiCoprId/);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: String(JD_BIZ.badState) });
    await expect(conn.setMemo({ orderId: o.orderId, memo: 'x'.repeat(501) })).rejects.toMatchObject({ code: String(JD_BIZ.remarkTooLong) });
    await expect(conn.setMemo({ orderId: '111111111111', memo: 'x' })).rejects.toMatchObject({ code: String(JD_BIZ.noOrder) });
  });

  it('reveals the receiver through jingdong.jos.order.oaid.decrypt, with or without the oaid at hand', async () => {
    const o = truth().find((x) => x.state === 'paid' && !x.hold && x.orderId !== '98765432109876543210')!;
    const conn = createJdConnector(creds(), deps());
    const mergeKey = mapJdOrder((await pullAll()).get(o.orderId)!.payload, sim.shopId).receiver.mergeKey;
    expect(mergeKey).not.toBe('');
    for (const key of [mergeKey, '']) {
      const plain = await conn.revealReceiver({ orderId: o.orderId, mergeKey: key, scene: '' });
      expect(plain).toMatchObject({ name: o.receiver.name, mobile: o.receiver.phone, province: o.receiver.province, district: o.receiver.district, address: o.receiver.detail });
    }
    await expect(conn.revealReceiver({ orderId: o.orderId, mergeKey: 'not-the-oaid', scene: '' })).rejects.toMatchObject({ code: 'not_decrypted' });
  });
});

describe('JD map', () => {
  const sample = () => structuredClone(sim.orders().find((o) => o.orderState === 'WAIT_SELLER_STOCK_OUT')!) as Record<string, any>;

  it('holds LOCKED / PAUSE / POP_ORDER_PAUSE orders as paid-but-not-to-ship', () => {
    expect(mapJdOrder({ ...sample(), orderState: 'LOCKED' }, 's')).toMatchObject({ channelStatus: 'paid', channelHolds: ['platform_locked'] });
    expect(mapJdOrder({ ...sample(), orderState: 'PAUSE' }, 's')).toMatchObject({ channelStatus: 'paid', channelHolds: ['platform_paused'] });
    expect(mapJdOrder({ ...sample(), orderState: 'POP_ORDER_PAUSE' }, 's').channelHolds).toEqual(['platform_paused']);
    expect(mapJdOrder({ ...sample(), orderState: 'TRADE_CANCELED' }, 's').channelStatus).toBe('closed');
  });

  it('rejects malformed payloads with a MapError naming the field', () => {
    const bad: Array<[string, (o: Record<string, any>) => unknown]> = [
      ['orderState', (o) => ({ ...o, orderState: 'SOMETHING_NEW' })],
      ['orderPayment', (o) => ({ ...o, orderPayment: '12.345' })],
      ['orderPayment', (o) => ({ ...o, orderPayment: undefined })],
      ['orderId', (o) => ({ ...o, orderId: 98765432109876543210 })],
      ['orderId', (o) => ({ ...o, orderId: 'JD-1' })],
      ['modified', (o) => ({ ...o, modified: '2026/11/25' })],
      ['itemInfoList', (o) => ({ ...o, itemInfoList: [] })],
      ['itemInfoList', (o) => ({ ...o, itemInfoList: undefined })],
      ['itemInfoList[0].jdPrice', (o) => ({ ...o, itemInfoList: [{ ...o.itemInfoList[0], jdPrice: 'free' }] })],
      ['itemInfoList[0].itemTotal', (o) => ({ ...o, itemInfoList: [{ ...o.itemInfoList[0], itemTotal: '1.5' }] })],
      ['venderRemarkFlag', (o) => ({ ...o, venderRemarkFlag: 9 })],
      ['consigneeInfo', (o) => ({ ...o, consigneeInfo: 'x' })],
      ['order', () => null],
    ];
    for (const [where, make] of bad) {
      let err: unknown;
      try { mapJdOrder(make(sample()), 's'); } catch (e) { err = e; }
      expect(err, where).toBeInstanceOf(MapError);
      expect((err as MapError).where).toBe(where);
    }
  });

  it('a malformed order served by the simulator reaches the client and is quarantined by map', async () => {
    const id = truth().find((o) => o.state === 'shipped')!.orderId;
    sim.upsert([{ orderId: id, overrides: { orderPayment: 'abc' } }]);
    const got = await pullAll();
    expect(() => mapJdOrder(got.get(id)!.payload, sim.shopId)).toThrow(MapError);
    sim.upsert([{ orderId: id, overrides: {} }]);
  });

  it('asks JD for every field the map reads', () => {
    for (const f of ['orderId', 'orderState', 'orderPayment', 'freightPrice', 'itemInfoList', 'consigneeInfo', 'modified', 'venderRemark', 'oaid', 'waybill', 'logisticsId']) expect(JD_PULL_FIELDS.split(',')).toContain(f);
  });
});
