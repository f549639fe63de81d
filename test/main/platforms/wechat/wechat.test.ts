// WeChat Channels connector against its simulator over loopback HTTP: the real protocol both ways.
// The sim clock is frozen (only the tests move it), so "every order exactly once" is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffsetClock, systemClock, type Clock } from '../../../../shared/clock';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../main/services/platforms/simkit/server';
import {
  WECHAT_EXPIRED_TOKEN_CODE, WECHAT_INVALID_ARGS_CODE, WECHAT_INVALID_SECRET_CODE, WECHAT_INVALID_TOKEN_CODE, WECHAT_MISSING_TOKEN_CODE,
  WECHAT_ORDER_STATE_CODE, WECHAT_PROTOCOL, WECHAT_REQUIRE_POST_CODE, WECHAT_WINDOW_TOO_LONG_CODE, wechatSimAppCredentials,
} from '../../../../main/services/platforms/wechat/simProtocol';
import { createWechatConnector } from '../../../../main/services/platforms/wechat/client';
import { mapWechatOrder } from '../../../../main/services/platforms/wechat/map';
import { MapError, PlatformCallError, type RawOrder, type ShopCredentials } from '../../../../main/services/platforms/types';
import type { SimOrder } from '../../../../main/services/platforms/simkit/model';

const SEED = 11;
const T0 = Math.floor(Date.now() / 1000) * 1000 + 500;
const frozen: Clock = { now: () => T0, after: (ms, fn) => systemClock.after(ms, fn) };
const app = wechatSimAppCredentials(SEED);

let sim: PlatformSimulator;
beforeAll(async () => {
  sim = await startPlatformSimulator(WECHAT_PROTOCOL, { seed: SEED, orders: 120, backlogSpanMs: 24 * 3600_000, arrivalsPerMin: 0.5, clock: new OffsetClock(frozen), faultTiming: { slowMs: [20, 60], timeoutHangMs: 450 } });
});
afterAll(async () => { await sim?.close(); });

function creds(over: Partial<ShopCredentials> = {}): ShopCredentials {
  return { shopId: sim.shopId, platform: 'wechat', gatewayUrl: sim.gatewayUrl, appKey: app.appid, secret: app.secret, session: sim.credentials().access_token!, signMethod: 'md5', ...over };
}
const deps = () => ({ clock: sim.clock, sleep: async () => undefined, timeoutMs: 300 });

/** Pulls like the sync engine: a pull that gives up (every retry failed) is run again. */
async function pullAll(c = creds()) {
  const got = new Map<string, RawOrder>();
  let seen: string[] = [];
  // small pages so paging (and duplicate_page) is exercised; 8 order/get calls in flight
  const conn = createWechatConnector(c, deps(), { pageSize: 40, concurrency: 8 });
  const now = sim.clock.now();
  for (let run = 1; ; run++) {
    seen = []; // a failed run is thrown away whole, as the engine does
    try {
      await conn.pull({ start: now - 26 * 3600_000, end: now, onPage: async (orders) => { for (const o of orders) { got.set(o.orderId, o); seen.push(`${o.orderId}@${o.modifiedAt}`); } } });
      return { got, seen };
    } catch (e) {
      if (run >= 5) throw e;
    }
  }
}

/**
 * What a pull up to now must see. Unlike PDD, order/list/get lists every status — 10 待付款 and
 * 250 cancelled-unpaid included — so nothing is left out for being unpaid; only a change at or
 * after the pull's end would be (none here: the clock stands still).
 */
const truth = () => sim.simOrders().filter((o) => o.modifiedAt < sim.clock.now());

const expectedStatus = (o: SimOrder) => ({ unpaid: 'awaiting_payment', paid: 'paid', partial: 'partially_shipped', shipped: 'shipped', completed: 'completed', closed: 'closed' }[o.state]);

async function post(path: string, body: unknown, token: string | null = sim.credentials().access_token!) {
  const q = token === null ? '' : `?access_token=${encodeURIComponent(token)}`;
  const res = await fetch(`${sim.gatewayUrl}${path}${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json() as Promise<Record<string, any>>;
}
const nowS = () => Math.floor(sim.clock.now() / 1000);
const LIST = '/channels/ec/order/list/get';

describe('WeChat Channels simulator protocol', () => {
  it('refuses a missing (41001), unknown (40001) and superseded (42001) access_token in its envelope', async () => {
    const body = { update_time_range: { start_time: nowS() - 60, end_time: nowS() } };
    expect((await post(LIST, body, null)).errcode).toBe(WECHAT_MISSING_TOKEN_CODE);
    const bad = await post(LIST, body, 'nope');
    expect(bad).toMatchObject({ errcode: WECHAT_INVALID_TOKEN_CODE, errmsg: expect.stringMatching(/invalid credential.* rid: /) });
    const old = sim.tokens.access;
    sim.tokens.renew(sim.clock.now());
    expect((await post(LIST, body, old)).errcode).toBe(WECHAT_EXPIRED_TOKEN_CODE);
    expect((await post(LIST, body)).errcode).toBe(0);
  });

  it('answers GET on a POST API with 43002 and bad JSON with 47001', async () => {
    const res = await fetch(`${sim.gatewayUrl}${LIST}?access_token=${sim.credentials().access_token}`);
    expect((await res.json()).errcode).toBe(WECHAT_REQUIRE_POST_CODE);
    const raw = await fetch(`${sim.gatewayUrl}${LIST}?access_token=${sim.credentials().access_token}`, { method: 'POST', body: '{"update_time_range":' });
    expect((await raw.json()).errcode).toBe(47001);
  });

  it('refuses a window over 7 days, no window at all, and page_size over 100', async () => {
    const s = nowS() - 8 * 86400;
    expect((await post(LIST, { update_time_range: { start_time: s, end_time: s + 7 * 86400 } })).errcode).toBe(0);
    const r = await post(LIST, { update_time_range: { start_time: s, end_time: s + 7 * 86400 + 1 } });
    expect(r).toMatchObject({ errcode: WECHAT_WINDOW_TOO_LONG_CODE, errmsg: expect.stringContaining('7天') });
    expect((await post(LIST, { create_time_range: { start_time: s, end_time: s + 8 * 86400 } })).errcode).toBe(WECHAT_WINDOW_TOO_LONG_CODE);
    expect((await post(LIST, { page_size: 10 })).errcode).toBe(WECHAT_INVALID_ARGS_CODE);
    expect((await post(LIST, { update_time_range: { start_time: s, end_time: s + 60 }, page_size: 101 })).errcode).toBe(WECHAT_INVALID_ARGS_CODE);
  });

  it('keeps an empty page\'s list as [] and pages with next_key + has_more', async () => {
    const s = nowS() - 40 * 86400;
    expect(await post(LIST, { update_time_range: { start_time: s, end_time: s + 60 } })).toMatchObject({ errcode: 0, order_id_list: [], has_more: false });
    const range = { start_time: nowS() - 26 * 3600, end_time: nowS() };
    const ids: string[] = [];
    let key = '';
    for (let i = 0; i < 50; i++) {
      const r = await post(LIST, { update_time_range: range, page_size: 30, ...(key ? { next_key: key } : {}) });
      expect(r.errcode).toBe(0);
      ids.push(...r.order_id_list);
      key = r.next_key;
      if (!r.has_more) break;
    }
    expect(ids.every((id) => typeof id === 'string' && /^\d{19}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(truth().map((o) => o.orderId).sort());
  });

  it('issues a new access_token for the right appid + secret only (/cgi-bin/token)', async () => {
    const get = async (appid: string, secret: string) => (await fetch(`${sim.gatewayUrl}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`)).json() as Promise<Record<string, any>>;
    expect((await get(app.appid, 'wrong')).errcode).toBe(WECHAT_INVALID_SECRET_CODE);
    const old = sim.tokens.access;
    const t = await get(app.appid, app.secret);
    expect(t).toEqual({ access_token: sim.tokens.access, expires_in: 7200 });
    expect(t.access_token).not.toBe(old);
    // the replaced token keeps working for 5 minutes, then it is refused as expired
    const body = { update_time_range: { start_time: nowS() - 60, end_time: nowS() } };
    expect((await post(LIST, body, old)).errcode).toBe(0);
    sim.advance(5 * 60_000);
    expect((await post(LIST, body, old)).errcode).toBe(WECHAT_EXPIRED_TOKEN_CODE);
    // stable_token hands out the current token unless asked to force a refresh
    const stable = async (force: boolean) => (await fetch(`${sim.gatewayUrl}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret, force_refresh: force }) })).json() as Promise<Record<string, any>>;
    expect((await stable(false)).access_token).toBe(t.access_token);
    expect((await stable(true)).access_token).toBe(sim.tokens.access);
    expect(sim.tokens.access).not.toBe(t.access_token);
  });
});

describe('WeChat Channels connector', () => {
  it('pulls every order (unpaid and cancelled included) and maps each', async () => {
    const { got, seen } = await pullAll();
    const want = truth();
    expect(want.some((o) => o.state === 'unpaid') && want.some((o) => o.state === 'closed')).toBe(true);
    expect([...got.keys()].sort()).toEqual(want.map((o) => o.orderId).sort());
    expect(new Set(seen).size).toBe(seen.length); // handed on once per (order_id, update_time)
    for (const o of want) {
      const raw = got.get(o.orderId)!;
      expect(raw.modifiedAt).toBe(o.modifiedAt);
      const m = mapWechatOrder(raw.payload, sim.shopId);
      expect(m.orderId).toBe(o.orderId);
      expect([m.paymentFen, m.postFeeFen, m.totalFen, m.discountFen]).toEqual([o.paymentFen, o.postFeeFen, o.goodsFen, o.discountFen]);
      expect(m.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(m.channelStatus).toBe(expectedStatus(o));
      expect(m.refunding).toBe(o.lines.some((l) => l.refund === 'open'));
      expect([m.createdAt, m.paidAt, m.modifiedAt]).toEqual([o.createdAt, o.paidAt, o.modifiedAt]);
      expect(m.lines.map((l) => l.trackingNo ?? '')).toEqual(o.lines.map((l) => l.trackingNo ?? ''));
      expect(m.receiver.phoneTail).toBe(o.receiver.phone.slice(-4));
      expect(m.receiver.mergeKey).toMatch(/^[0-9a-f]{32}$/);
      expect([m.sellerMemo, m.buyerMessage]).toEqual([o.sellerMemo, o.buyerMessage]);
    }
    // the same receiver in this shop shares hash_code
    const byPerson = new Map<string, Set<string>>();
    for (const o of want) {
      const k = JSON.stringify(o.receiver);
      byPerson.set(k, (byPerson.get(k) ?? new Set()).add(mapWechatOrder(got.get(o.orderId)!.payload, sim.shopId).receiver.mergeKey));
    }
    for (const keys of byPerson.values()) expect(keys.size).toBe(1);
    // every list call stayed within 7 days
    for (const c of sim.calls().filter((x) => x.api === LIST && x.error_code === null)) {
      const r = c.params.update_time_range as { start_time: number; end_time: number };
      expect(r.end_time - r.start_time).toBeLessThanOrEqual(7 * 86400);
    }
  });

  it('splits a longer pull into windows of at most 7 days', async () => {
    const conn = createWechatConnector(creds(), deps());
    const before = sim.calls().length;
    const now = sim.clock.now();
    await conn.pull({ start: now - 15 * 86_400_000, end: now, onPage: async () => undefined });
    const lists = sim.calls().slice(before).filter((c) => c.api === LIST).map((c) => c.params.update_time_range as { start_time: number; end_time: number });
    expect(new Set(lists.map((r) => r.start_time)).size).toBe(3);
    for (const r of lists) expect(r.end_time - r.start_time).toBeLessThanOrEqual(7 * 86400);
  });

  for (const kind of ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'malformed'] as const) {
    it(`a pull through "${kind}" faults still sees every order exactly once`, async () => {
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      try {
        const { got, seen } = await pullAll();
        expect([...got.keys()].sort()).toEqual(truth().map((o) => o.orderId).sort());
        expect(new Set(seen).size).toBe(seen.length);
        expect(sim.calls().some((c) => c.fault === kind)).toBe(true);
      } finally { sim.setFaults({ rate: 0, kinds: [] }); }
    });
  }

  it('renews a lapsed token from appid + secret (no refresh token) and reports it', async () => {
    const c = creds();
    const renewed: string[] = [];
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
    const conn = createWechatConnector(c, { ...deps(), onTokens: (t) => renewed.push(t.session) });
    await conn.test();
    expect(renewed).toEqual([sim.tokens.access]);
    expect(c.session).toBe(sim.tokens.access);
    expect(c.refreshToken).toBeUndefined();
    const tokenCalls = sim.calls().filter((x) => x.api === '/cgi-bin/token');
    expect(tokenCalls.at(-1)!.params).toEqual({ grant_type: 'client_credential', appid: app.appid }); // the secret is never logged
  });

  it('asks for re-authorization when the app credentials are refused, or missing', async () => {
    await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
    try {
      for (const c of [creds(), creds({ secret: '' })]) {
        const err = await createWechatConnector(c, deps()).test().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PlatformCallError);
        expect((err as PlatformCallError).reauthorize).toBe(true);
        expect((err as PlatformCallError).message).toMatch(/authorize it again/);
      }
    } finally {
      sim.tokens.refreshExpiresAt = null;
      sim.tokens.renew(sim.clock.now());
    }
  });

  it('ships through order/delivery/send (whole order, then by line) and writes the memo back', async () => {
    const conn = createWechatConnector(creds(), deps());
    const open = sim.simOrders().filter((x) => x.state === 'paid' && x.lines.every((l) => l.refund === 'none'));
    const one = open.find((x) => x.lines.length === 1)!;
    sim.advance(60_000);
    await conn.ship({ orderId: one.orderId, carrierCode: 'ZTO', trackingNo: '75312345678901' });
    await conn.setMemo({ orderId: one.orderId, memo: '加急', flag: 1 });
    const after = sim.simOrders().find((x) => x.orderId === one.orderId)!;
    expect(after.state).toBe('shipped');
    expect(after.lines[0]).toMatchObject({ trackingNo: '75312345678901', carrierCode: 'ZTO' });
    expect(after.sellerMemo).toBe('加急');
    expect(after.modifiedAt).toBe(Math.floor(sim.clock.now() / 1000) * 1000);
    const shown = sim.orders().find((x) => x.order_id === one.orderId) as any;
    expect(shown.status).toBe(30);
    expect(shown.order_detail.ext_info.merchant_notes).toBe('加急');
    expect(shown.order_detail.delivery_info.delivery_product_info[0]).toMatchObject({ waybill_id: '75312345678901', delivery_id: 'ZTO' });
    await expect(conn.ship({ orderId: one.orderId, carrierCode: 'NOPE', trackingNo: '1' })).rejects.toThrow(/no WeChat delivery_id/);
    await expect(conn.ship({ orderId: one.orderId, carrierCode: 'ZTO', trackingNo: '1' })).rejects.toMatchObject({ code: String(WECHAT_ORDER_STATE_CODE) });

    const multi = open.find((x) => x.lines.length > 1 && new Set(x.lines.map((l) => l.skuId)).size === x.lines.length)!;
    await conn.ship({ orderId: multi.orderId, lineIds: [multi.lines[0]!.skuId], carrierCode: 'SF', trackingNo: 'SF1234567890123' });
    const part = sim.simOrders().find((x) => x.orderId === multi.orderId)!;
    expect(part.state).toBe('partial');
    expect(part.lines.map((l) => l.trackingNo ?? '')).toEqual(part.lines.map((_, i) => (i === 0 ? 'SF1234567890123' : '')));
    expect((sim.orders().find((x) => x.order_id === multi.orderId) as any).status).toBe(21);
  });

  it('reveals the receiver through order/sensitiveinfo/decode', async () => {
    const o = sim.simOrders().find((x) => x.state === 'paid')!;
    const plain = await createWechatConnector(creds(), deps()).revealReceiver({ orderId: o.orderId, mergeKey: '', scene: '' });
    expect(plain).toMatchObject({ name: o.receiver.name, mobile: o.receiver.phone, province: o.receiver.province, district: o.receiver.district });
    expect(plain.address).toContain(o.receiver.detail);
    const unpaid = sim.simOrders().find((x) => x.state === 'unpaid');
    if (unpaid) await expect(createWechatConnector(creds(), deps()).revealReceiver({ orderId: unpaid.orderId, mergeKey: '', scene: '' })).rejects.toMatchObject({ code: String(WECHAT_ORDER_STATE_CODE) });
  });
});

describe('mapWechatOrder', () => {
  const sample = () => structuredClone(sim.orders().find((x) => (x as any).order_detail.product_infos.length > 0)!) as any;
  const where = (payload: unknown) => {
    try { mapWechatOrder(payload, 'shop'); } catch (e) { if (e instanceof MapError) return e.where; throw e; }
    return 'mapped';
  };

  it('rejects malformed payloads naming the field', () => {
    expect(where(sample())).toBe('mapped');
    expect(where(null)).toBe('order');
    expect(where({ ...sample(), order_id: undefined })).toBe('order_id');
    expect(where({ ...sample(), order_id: 3705115058471208928 })).toBe('order_id'); // a JSON number past 2^53
    expect(where({ ...sample(), status: 999 })).toBe('status');
    expect(where({ ...sample(), create_time: '2026-11-25' })).toBe('create_time');
    const s1 = sample(); s1.order_detail.price_info.order_price = '12.50';
    expect(where(s1)).toBe('order_detail.price_info.order_price');
    const s2 = sample(); s2.order_detail.product_infos = [];
    expect(where(s2)).toBe('order_detail.product_infos');
    const s3 = sample(); s3.order_detail.product_infos[0].sku_cnt = -1;
    expect(where(s3)).toBe('order_detail.product_infos[0].sku_cnt');
    const s4 = sample(); delete s4.order_detail;
    expect(where(s4)).toBe('order_detail');
  });

  it('serves overrides as they are: an unknown status reaches the client and map quarantines it', async () => {
    const id = sim.upsert([{ overrides: { status: 999 } }])[0]!;
    const { got } = await pullAll();
    expect(got.has(id)).toBe(true);
    expect(() => mapWechatOrder(got.get(id)!.payload, sim.shopId)).toThrow(MapError);
    expect(where(got.get(id)!.payload)).toBe('status');
  });
});
