// Kuaishou connector against its simulator over loopback HTTP: the real protocol both ways. The
// sim clock is frozen (a ManualClock base), so the shop holds still while a pull runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../../shared/clock';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import { KUAISHOU_PROTOCOL } from '../../../../main/services/platforms/kuaishou/simProtocol';
import { createKuaishouConnector } from '../../../../main/services/platforms/kuaishou/client';
import { mapKuaishouOrder } from '../../../../main/services/platforms/kuaishou/map';
import { signKuaishou } from '../../../../main/services/platforms/kuaishou/sign';
import { KUAISHOU_CODES, KUAISHOU_CURSOR_END, kuaishouJson } from '../../../../main/services/platforms/kuaishou/wire';
import { MapError, PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';
import type { SimOrder } from '../../../../main/services/platforms/simkit/model';

const BIG_OID = '9223372036854775001'; // > 2^53: a JS number would round it
let sim: PlatformSimulator;
beforeAll(async () => {
  sim = await startPlatformSimulator(KUAISHOU_PROTOCOL, {
    seed: 17, orders: 150, backlogSpanMs: 24 * 3600_000, arrivalsPerMin: 0,
    clock: new OffsetClock(new ManualClock(Date.UTC(2026, 5, 12, 4, 0, 0))), faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 },
  });
  sim.upsert([{ orderId: BIG_OID, state: 'paid', paidAt: sim.clock.now() - 60_000 }]);
});
afterAll(async () => { await sim?.close(); });

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  const c = sim.credentials();
  return { shopId: sim.shopId, platform: 'kuaishou', gatewayUrl: sim.gatewayUrl, appKey: c.appkey!, secret: c.appSecret!, signSecret: c.signSecret!, session: c.access_token!, refreshToken: sim.tokens.refresh, signMethod: 'hmac-sha256', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });
const connector = (c = creds(), pageSize = 25) => createKuaishouConnector(c, deps(), { pageSize });

/** Pulls like the sync engine: a pull that gives up (every retry failed) is run again. */
async function pullAll(c = creds(), pageSize = 25) {
  const got = new Map<string, RawOrder>();
  const conn = connector(c, pageSize);
  const now = sim.clock.now();
  for (let run = 1; ; run++) {
    const once = new Set<string>(); // within one pull, a version is handed over once
    try {
      await conn.pull({
        start: now - 26 * 3600_000, end: now + 1,
        onPage: async (orders) => {
          for (const o of orders) {
            expect(once.has(`${o.orderId}@${o.modifiedAt}`)).toBe(false);
            once.add(`${o.orderId}@${o.modifiedAt}`);
            got.set(o.orderId, o);
          }
        },
      });
      return got;
    } catch (e) {
      if (run >= 5) throw e;
    }
  }
}

const truth = () => sim.simOrders().filter((o) => o.modifiedAt >= sim.clock.now() - 26 * 3600_000);
const expectedStatus = (o: SimOrder) => ({ unpaid: 'awaiting_payment', paid: 'paid', partial: 'paid', shipped: 'shipped', completed: 'completed', closed: 'closed' }[o.state]);

function signed(method: string, biz: Record<string, unknown>, over: Record<string, string> = {}) {
  const c = sim.credentials();
  const p: Record<string, string> = { appkey: c.appkey!, method, param: kuaishouJson(biz), signMethod: 'MD5', timestamp: String(sim.clock.now()), version: '1', access_token: c.access_token!, ...over };
  return { ...p, sign: signKuaishou(p, c.signSecret!) };
}
const path = (method: string) => `${sim.url}/${method.replace(/\./g, '/')}`;
async function get(method: string, p: Record<string, string>) {
  return (await fetch(`${path(method)}?${new URLSearchParams(p)}`)).text();
}
async function post(method: string, p: Record<string, string>) {
  const { param, ...query } = p;
  return (await fetch(`${path(method)}?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ param: param! }) })).text();
}
const window = (over: Record<string, unknown> = {}) => ({ queryType: 2, orderViewStatus: 1, sort: 2, pageSize: 100, beginTime: sim.clock.now() - 3600_000, endTime: sim.clock.now(), cursor: '', ...over });

describe('Kuaishou simulator protocol', () => {
  const anOrder = () => sim.simOrders().find((o) => o.orderId !== BIG_OID)!.orderId;

  it('answers GET (param in the query) and POST (param in a form body), signed MD5 or HMAC_SHA256', async () => {
    for (const signMethod of ['MD5', 'HMAC_SHA256']) {
      const p = signed('open.order.detail', { oid: anOrder() }, { signMethod });
      for (const r of [await get('open.order.detail', p), await post('open.order.detail', p)]) {
        expect(JSON.parse(r)).toMatchObject({ result: 1, data: { oid: Number(anOrder()) } });
      }
    }
  });

  it('refuses a wrong or upper-cased signature, an unknown token and a method that is not the path', async () => {
    const p = signed('open.order.detail', { oid: anOrder() });
    for (const sign of [p.sign.toUpperCase(), 'deadbeef']) {
      expect(JSON.parse(await get('open.order.detail', { ...p, sign }))).toMatchObject({ result: KUAISHOU_CODES.badSign, error_msg: expect.stringContaining('签名') });
    }
    expect(JSON.parse(await get('open.order.detail', signed('open.order.detail', { oid: anOrder() }, { access_token: 'nope' })))).toMatchObject({ result: KUAISHOU_CODES.tokenExpired });
    expect(JSON.parse(await get('open.order.detail', signed('open.order.cursor.list', window()))).result).toBe(KUAISHOU_CODES.badParam);
  });

  it('refuses a window over 7 days (300004) and one reaching back past 90 days (300005)', async () => {
    const now = sim.clock.now();
    const long = await get('open.order.cursor.list', signed('open.order.cursor.list', window({ beginTime: now - 7 * 86_400_000 - 1, endTime: now })));
    expect(JSON.parse(long)).toMatchObject({ result: 300_004, error_msg: 'SEARCH TIME RANGE EXPAND 7 DAYS' });
    const old = await get('open.order.cursor.list', signed('open.order.cursor.list', window({ beginTime: now - 91 * 86_400_000, endTime: now - 90 * 86_400_000 })));
    expect(JSON.parse(old).result).toBe(300_005);
  });

  it('answers an empty window with orderList [] and the end cursor', async () => {
    const now = sim.clock.now();
    const text = await get('open.order.cursor.list', signed('open.order.cursor.list', window({ beginTime: now - 40 * 86_400_000, endTime: now - 39 * 86_400_000 })));
    expect(text).toContain('"orderList":[]');
    expect(JSON.parse(text)).toEqual({ result: 1, data: { cursor: KUAISHOU_CURSOR_END, orderList: [] } });
  });

  it('writes an oid above 2^53 as a bare JSON number, digit for digit', async () => {
    const text = await get('open.order.detail', signed('open.order.detail', { oid: BIG_OID }));
    expect(text).toContain(`"oid":${BIG_OID},`);
  });
});

describe('Kuaishou connector', () => {
  it('pulls every order in the window and maps each to the simulator truth', async () => {
    const got = await pullAll();
    const want = truth();
    expect(want.length).toBeGreaterThan(100);
    expect([...got.keys()].sort()).toEqual(want.map((o) => o.orderId).sort());
    for (const o of want) {
      const raw = got.get(o.orderId)!;
      expect(raw.modifiedAt).toBe(o.modifiedAt);
      const m = mapKuaishouOrder(raw.payload, sim.shopId);
      expect(m).toMatchObject({ orderId: o.orderId, channelStatus: expectedStatus(o), paymentFen: o.paymentFen, postFeeFen: o.postFeeFen, discountFen: o.discountFen, createdAt: o.createdAt, paidAt: o.paidAt, sellerMemo: o.sellerMemo, sellerFlag: o.sellerFlag, buyerMessage: o.buyerMessage });
      expect(m.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(m.lines.map((l) => l.lineId)).toEqual(o.lines.map((l) => l.lineId));
      expect(m.refunding).toBe(o.lines.some((l) => l.refund === 'open'));
      expect(m.receiver.cipher.mobile).toMatch(/^\$/);
      expect(m.receiver.phoneTail).toBe(o.receiver.phone.slice(-4));
    }
    expect(got.get(BIG_OID)!.orderId).toBe(BIG_OID);
    expect(mapKuaishouOrder(got.get(BIG_OID)!.payload, sim.shopId).orderId).toBe(BIG_OID);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every order exactly once`, async () => {
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      const before = sim.calls().length;
      try {
        const c = creds();
        const got = await pullAll(c, 10); // small pages: more calls, more faults met
        expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
        expect(sim.calls().slice(before).filter((x) => x.fault === kind).length).toBeGreaterThan(0);
        if (kind === 'token_expired') expect(c.session).toBe(sim.tokens.access);
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('renews a lapsed token; the refresh token rotates and the old one stops working', async () => {
    const c = creds();
    const oldRefresh = c.refreshToken!;
    const renewed: Array<{ session: string; refreshToken?: string }> = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    await createKuaishouConnector(c, { ...deps(), onTokens: (t) => renewed.push(t) }).test();
    expect(renewed).toEqual([expect.objectContaining({ session: sim.tokens.access, refreshToken: sim.tokens.refresh })]);
    expect([c.session, c.refreshToken]).toEqual([sim.tokens.access, sim.tokens.refresh]);
    expect(c.refreshToken).not.toBe(oldRefresh);
    // a copy still holding the rotated-away refresh token must re-authorize
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    const err = await connector(creds({ session: 'stale', refreshToken: oldRefresh })).test().catch((e: unknown) => e);
    expect(err).toMatchObject({ reauthorize: true, code: String(KUAISHOU_CODES.refreshInvalid) });
    sim.tokens.renew(sim.clock.now());
  });

  it('asks for re-authorization when the refresh token lapsed too', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    const err = await connector().test().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).reauthorize).toBe(true);
    expect((err as PlatformCallError).message).toMatch(/authorize it again/);
    sim.tokens.renew(sim.clock.now());
    sim.tokens.refreshExpiresAt = null;
    sim.tokens.accessExpiresAt = null;
  });

  it('ships through open.seller.order.goods.deliver and appends the note and flag', async () => {
    const o = sim.simOrders().find((x) => x.state === 'paid' && x.lines.every((l) => l.refund === 'none') && x.sellerMemo === '' && x.orderId !== BIG_OID)!;
    const conn = connector(creds({ signMethod: 'md5' }));
    await conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: o.orderId, memo: '加急', flag: 1 });
    let after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines.every((l) => l.trackingNo === '75312345678901' && l.carrierCode === 'ZTO')).toBe(true);
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急', 1]);
    // Kuaishou appends: only the new part is sent; flag 0 becomes GREY (no colour)
    await conn.setMemo({ orderId: o.orderId, memo: '加急\n已电话确认', flag: 0 });
    after = sim.simOrders().find((x) => x.orderId === o.orderId)!;
    expect([after.sellerMemo, after.sellerFlag]).toEqual(['加急\n已电话确认', 0]);
    const notes = sim.calls().filter((c) => c.api === 'open.seller.order.note.add').map((c) => JSON.parse(String(c.params.param)));
    expect(notes.at(-1)).toEqual({ orderId: Number(o.orderId), note: '已电话确认', flag: 6 });
    const mapped = mapKuaishouOrder(sim.orders().find((x) => String(x.oid) === o.orderId), sim.shopId);
    expect(mapped).toMatchObject({ channelStatus: 'shipped', sellerMemo: '加急\n已电话确认', sellerFlag: 0 });
    expect(mapped.lines[0]).toMatchObject({ trackingNo: '75312345678901', carrier: 'ZTO' });
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no Kuaishou expressCode/);
    await expect(conn.ship({ orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: String(KUAISHOU_CODES.orderState) });
  });

  it('refuses credentials it cannot sign with, before any call', () => {
    expect(() => connector(creds({ signMethod: 'hmac' }))).toThrow(/MD5 or HMAC_SHA256/);
    expect(() => connector(creds({ signSecret: undefined }))).toThrow(/signSecret/);
  });

  it('reveals the receiver through open.order.decrypt.batch, also for an oid above 2^53', async () => {
    for (const id of [sim.simOrders().find((x) => x.state === 'paid' && x.orderId !== BIG_OID)!.orderId, BIG_OID]) {
      const o = sim.simOrders().find((x) => x.orderId === id)!;
      const plain = await connector().revealReceiver({ orderId: id, mergeKey: '', scene: '' });
      expect(plain).toMatchObject({ name: o.receiver.name, mobile: o.receiver.phone, address: o.receiver.detail, province: o.receiver.province });
    }
  });
});

describe('mapKuaishouOrder', () => {
  const good = () => sim.orders().find((o) => o.status === 30)!;
  const where = (payload: unknown) => { try { mapKuaishouOrder(payload, 's'); } catch (e) { return e instanceof MapError ? e.where : `not a MapError: ${String(e)}`; } return 'mapped'; };

  it('names the field it cannot book', () => {
    expect(where(good())).toBe('mapped');
    expect(where({ ...good(), status: 0 })).toBe('status');
    expect(where({ ...good(), status: 99 })).toBe('status');
    expect(where({ ...good(), totalFee: '12.50' })).toBe('totalFee');
    expect(where({ ...good(), oid: 9223372036854775000 })).toBe('oid');
    expect(where({ ...good(), oid: 'TB-1' })).toBe('oid');
    expect(where({ ...good(), updateTime: '2026-06-12 12:00:00' })).toBe('updateTime');
    expect(where({ ...good(), orderItemList: [] })).toBe('orderItemList');
    expect(where({ ...good(), orderItemList: [{ ...(good().orderItemList as object[])[0], num: -1 }] })).toBe('orderItemList[0].num');
    expect(where({ ...good(), encryptedMobile: '13812345678' })).toBe('encryptedMobile');
    expect(where({ ...good(), sellerFlag: 9 })).toBe('sellerFlag');
    expect(where([good()])).toBe('order');
  });

  it('quarantines an order the simulator serves with an unknown status, after the pull delivered it', async () => {
    const id = sim.upsert([{ state: 'paid', overrides: { status: 99 } }])[0]!;
    const got = await pullAll();
    expect(() => mapKuaishouOrder(got.get(id)!.payload, sim.shopId)).toThrow(MapError);
    sim.upsert([{ orderId: id, overrides: {} }]);
  });
});
