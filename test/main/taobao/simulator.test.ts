import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShanghai, parseShanghai } from '../../../shared/time';
import type { TaobaoSimulator } from '../../../main/services/platforms/taobao/simulator';
import { mapTaobaoTrade } from '../../../main/services/platforms/taobao/map';
import { admin, FIXED_NOW, rawCall, signedParams, startFixedSim, top } from './simHarness';

const INC = 'taobao.trades.sold.increment.get';
const FULL = 'taobao.trade.fullinfo.get';
const HOUR = 3600_000;

function windowParams(from: number, to: number, extra: Record<string, string> = {}): Record<string, string> {
  return { fields: 'tid,tid_str,status,modified', start_modified: formatShanghai(from), end_modified: formatShanghai(to), ...extra };
}

describe('Taobao simulator: the TOP gateway checks', () => {
  let sim: TaobaoSimulator;
  beforeAll(async () => { sim = await startFixedSim({ seed: 11, orders: 120, backlogSpanMs: 6 * HOUR }); });
  afterAll(() => sim.close());

  const probe = () => windowParams(FIXED_NOW - HOUR, FIXED_NOW, { page_size: '1' });

  it('answers a correctly signed call with every sign method', async () => {
    for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) {
      const r = await top(sim, INC, probe(), {}, { signMethod });
      expect(r.error_response, signMethod).toBeUndefined();
      expect(typeof r.total_results).toBe('number');
    }
  });

  it('rejects a wrong signature with 25, exactly in TOP\'s error shape', async () => {
    const r = await top(sim, INC, probe(), {}, { secret: 'not-the-secret' });
    expect(Object.keys(r.error_response)).toEqual(['code', 'msg', 'sub_code', 'sub_msg', 'request_id']);
    expect(r.error_response).toMatchObject({ code: 25, msg: 'Invalid signature' });
  });

  it('compares the sign case-sensitively (a lower-case hex sign fails)', async () => {
    const r = await top(sim, INC, probe(), {}, { sign: (s) => s.toLowerCase() });
    expect(r.error_response.code).toBe(25);
  });

  it('rejects a missing sign with 24, a wrong session with 27, a wrong app key with 29, an unknown method with 22', async () => {
    expect((await top(sim, INC, probe(), {}, { sign: () => '' })).error_response.code).toBe(24);
    expect((await top(sim, INC, probe(), { session: 'expired-session' })).error_response).toMatchObject({ code: 27, msg: 'Invalid session' });
    expect((await top(sim, INC, probe(), { app_key: '999' })).error_response.code).toBe(29);
    expect((await top(sim, 'taobao.trades.nonsense.get', probe())).error_response.code).toBe(22);
  });

  it('checks the timestamp against the sim clock: 10 minutes either way, Shanghai text or epoch ms', async () => {
    const at = (ms: number) => top(sim, INC, probe(), { timestamp: formatShanghai(ms) });
    expect((await at(FIXED_NOW - 11 * 60_000)).error_response.code).toBe(31);
    expect((await at(FIXED_NOW + 11 * 60_000)).error_response.code).toBe(31);
    expect((await at(FIXED_NOW - 9 * 60_000)).error_response).toBeUndefined();
    expect((await top(sim, INC, probe(), { timestamp: String(FIXED_NOW + 60_000) })).error_response).toBeUndefined();
    expect((await top(sim, INC, probe(), { timestamp: String(FIXED_NOW - 3600_000) })).error_response.code).toBe(31);
    expect((await top(sim, INC, probe(), { timestamp: 'yesterday' })).error_response.code).toBe(31);
  });

  it('checks in TOP order: a bad method wins over a bad sign, a bad sign over a bad session', async () => {
    const p = signedParams(sim, INC, probe(), { session: 'wrong' });
    p.sign = 'BAD';
    expect(JSON.parse((await rawCall(sim, p)).text).error_response.code).toBe(25);
    p.method = 'taobao.nope';
    expect(JSON.parse((await rawCall(sim, p)).text).error_response.code).toBe(22);
  });

  it('takes params from the form body, the query string, both, or a GET', async () => {
    for (const via of ['form', 'query', 'split', 'get'] as const) {
      const r = await top(sim, INC, probe(), {}, { via });
      expect(r.error_response, via).toBeUndefined();
      expect(r.total_results, via).toBeGreaterThan(0);
    }
  });
});

describe('Taobao simulator: trades APIs', () => {
  let sim: TaobaoSimulator;
  beforeAll(async () => { sim = await startFixedSim({ seed: 12, orders: 150, backlogSpanMs: 3 * HOUR }); });
  afterAll(() => sim.close());

  it('lists a window newest first, pages it, and totals it', async () => {
    const from = FIXED_NOW - 3 * HOUR;
    const truth = sim.orders().filter((t) => parseShanghai(t.modified) >= from && parseShanghai(t.modified) <= FIXED_NOW);
    expect(truth.length).toBeGreaterThan(80);
    const seen: Array<{ tid: string; m: number }> = [];
    let page = 1;
    for (;;) {
      const r = await top(sim, INC, windowParams(from, FIXED_NOW, { page_no: String(page), page_size: '25' }));
      expect(r.total_results).toBe(truth.length);
      seen.push(...r.trades.map((t: any) => ({ tid: t.tid_str, m: parseShanghai(t.modified) })));
      if (!r.has_next) break;
      page++;
    }
    expect(page).toBe(Math.ceil(truth.length / 25));
    expect(seen.map((s) => s.tid).sort()).toEqual(truth.map((t) => t.tid).sort());
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.m).toBeGreaterThanOrEqual(seen[i]!.m);
  });

  it('keeps trades: [] on an empty page, with a total of 0', async () => {
    const r = await top(sim, INC, windowParams(FIXED_NOW - 30 * HOUR, FIXED_NOW - 29 * HOUR));
    expect(r).toMatchObject({ trades: [], total_results: 0, has_next: false });
    const beyond = await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW, { page_no: '999' }));
    expect(beyond.trades).toEqual([]);
  });

  it('answers has_next without total_results when use_has_next=true', async () => {
    const r = await top(sim, INC, windowParams(FIXED_NOW - 3 * HOUR, FIXED_NOW, { use_has_next: 'true', page_size: '10' }));
    expect(r.total_results).toBeUndefined();
    expect(r.has_next).toBe(true);
    expect(r.trades).toHaveLength(10);
  });

  it('validates the list arguments with codes 40 and 41', async () => {
    const { end_modified: _, ...noEnd } = windowParams(FIXED_NOW - HOUR, FIXED_NOW);
    expect((await top(sim, INC, noEnd)).error_response).toMatchObject({ code: 40, msg: 'Missing required arguments:end_modified' });
    expect((await top(sim, INC, windowParams(FIXED_NOW - 25 * HOUR, FIXED_NOW))).error_response.code).toBe(41);
    expect((await top(sim, INC, windowParams(FIXED_NOW, FIXED_NOW - HOUR))).error_response.code).toBe(41);
    expect((await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW, { page_size: '101' }))).error_response.code).toBe(41);
    expect((await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW, { page_size: '0' }))).error_response.code).toBe(41);
    expect((await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW, { page_no: '0' }))).error_response.code).toBe(41);
  });

  it('serves fullinfo with tid as an int64 JSON number next to tid_str, and only the fields asked', async () => {
    const t = sim.orders()[0]!;
    const p = signedParams(sim, FULL, { tid: t.tid, fields: 'tid,tid_str,status,orders.oid,orders.title' });
    const { text } = await rawCall(sim, p);
    expect(text).toContain(`"tid":${t.tid},`);
    expect(text).toContain(`"tid_str":"${t.tid}"`);
    const body = JSON.parse(text);
    expect(Object.keys(body.trade).sort()).toEqual(['orders', 'status', 'tid', 'tid_str']);
    expect(Object.keys(body.trade.orders[0]).sort()).toEqual(['oid', 'title']);
    expect(body.request_id).toMatch(/^sim/);
  });

  it('gives an oaid only when the five receiver fields are requested too (§1.6)', async () => {
    const t = sim.orders()[0]!;
    const without = await top(sim, FULL, { tid: t.tid, fields: 'tid_str,oaid' });
    expect(without.trade.oaid).toBeUndefined();
    const all = await top(sim, FULL, { tid: t.tid, fields: 'tid_str,oaid,receiver_name,receiver_address,created,receiver_mobile,receiver_phone' });
    expect(all.trade.oaid).toBe(t.oaid);
    expect(all.trade.receiver_name).toMatch(/^~.+~.+~1~~$/);
    expect(all.trade.receiver_mobile).toMatch(/^\$.+\$.+\$1\$\$$/);
  });

  it('answers an unknown tid with 15 isv.trade-not-exist', async () => {
    const r = await top(sim, FULL, { tid: '3800000000000000001', fields: 'tid_str' });
    expect(r.error_response).toMatchObject({ code: 15, sub_code: 'isv.trade-not-exist' });
  });

  it('wraps the root and lists XML-style when simplify=false', async () => {
    const t = sim.orders()[0]!;
    const r = await top(sim, FULL, { tid: t.tid, fields: 'tid_str,orders' }, { simplify: 'false' });
    expect(Array.isArray(r.trade_fullinfo_get_response.trade.orders.order)).toBe(true);
    const list = await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW), { simplify: 'false' });
    expect(Array.isArray(list.trades_sold_increment_get_response.trades.trade)).toBe(true);
  });

  it('ships a trade with taobao.logistics.offline.send and refuses to ship it twice', async () => {
    const t = sim.orders().find((x) => x.status === 'WAIT_SELLER_SEND_GOODS')!;
    const r = await top(sim, 'taobao.logistics.offline.send', { tid: t.tid, out_sid: 'SF1234567890123', company_code: 'SF' });
    expect(r).toMatchObject({ shipping: { is_success: true } });
    const after = sim.orders().find((x) => x.tid === t.tid)!;
    expect(after.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
    expect(after.orders[0]).toMatchObject({ invoice_no: 'SF1234567890123', logistics_company: '顺丰速运' });
    expect(after.modified).toBe(formatShanghai(FIXED_NOW));
    const again = await top(sim, 'taobao.logistics.offline.send', { tid: t.tid, out_sid: 'SF1', company_code: 'SF' });
    expect(again.error_response.code).toBe(15);
  });

  it('updates stock with taobao.item.quantity.update (full and incremental)', async () => {
    const line = sim.orders()[0]!.orders[0]!;
    const full = await top(sim, 'taobao.item.quantity.update', { num_iid: line.num_iid, sku_id: line.sku_id!, quantity: '7' });
    expect(full.item.skus).toEqual([{ sku_id: line.sku_id, quantity: 7, modified: formatShanghai(FIXED_NOW) }]);
    const inc = await top(sim, 'taobao.item.quantity.update', { num_iid: line.num_iid, sku_id: line.sku_id!, quantity: '-2', type: '2' });
    expect(inc.item.skus[0].quantity).toBe(5);
    const below = await top(sim, 'taobao.item.quantity.update', { num_iid: line.num_iid, sku_id: line.sku_id!, quantity: '-9', type: '2' });
    expect(below.error_response.code).toBe(15);
    const unknown = await top(sim, 'taobao.item.quantity.update', { num_iid: '1', quantity: '1' });
    expect(unknown.error_response.sub_code).toBe('isv.item-not-exist:invalid-numIid-or-iid');
  });
});

describe('Taobao simulator: admin API', () => {
  let sim: TaobaoSimulator;
  beforeAll(async () => { sim = await startFixedSim({ seed: 13, orders: 20, backlogSpanMs: HOUR, shopId: 'shop-x' }); });
  afterAll(() => sim.close());

  it('GET /__sim/info is the CLI line', async () => {
    const { json } = await admin(sim, 'GET', '/__sim/info');
    expect(json).toEqual({ platform: 'taobao', url: sim.url, credentials: sim.credentials, shopId: 'shop-x' });
    expect(Object.keys(json.credentials)).toEqual(['app_key', 'app_secret', 'session']);
  });

  it('GET /__sim/orders lists full trades with text ids', async () => {
    const { json } = await admin(sim, 'GET', '/__sim/orders');
    expect(json.orders).toHaveLength(20);
    for (const t of json.orders) {
      expect(typeof t.tid).toBe('string');
      expect(t.tid_str).toBe(t.tid);
      expect(t.receiver_plain).toBeUndefined();
      expect(t.oaid).toBeTruthy();
    }
  });

  it('POST /__sim/orders encrypts and masks a plain receiver, scopes the oaid, and stamps modified', async () => {
    const plain = { name: '王小明', phone: '13912345678', province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山路1号' };
    const line = { title: '测试商品', num: 1, price: '10.00', payment: '10.00' };
    const { json } = await admin(sim, 'POST', '/__sim/orders', {
      orders: [
        { tid: '3811111111111111111', status: 'WAIT_SELLER_SEND_GOODS', payment: '10.00', orders: [line], receiver_plain: plain },
        { tid: '3811111111111111112', status: 'WAIT_SELLER_SEND_GOODS', payment: '10.00', orders: [line], receiver_plain: plain },
        { tid: '3811111111111111113', status: 'WAIT_SELLER_SEND_GOODS', payment: '10.00', orders: [line], receiver_plain: { ...plain, detail: '中山路2号' }, merge_key: 'same-buyer', modified: '2026-11-25 11:00:00' },
      ],
    });
    expect(json.upserted).toEqual(['3811111111111111111', '3811111111111111112', '3811111111111111113']);
    const [a, b, c] = json.upserted.map((id: string) => sim.orders().find((t) => t.tid === id)!);
    expect(a).toMatchObject({ receiver_name_mask: '王**', receiver_mobile_mask: '139****5678', receiver_state: '江苏省', modified: formatShanghai(FIXED_NOW) });
    expect(a.receiver_name).toMatch(/^~/);
    expect(JSON.stringify(a)).not.toContain('13912345678');
    expect(a.oaid).toBe(b.oaid); // same receiver, same shop: same merge key
    expect(c.oaid).not.toBe(a.oaid);
    expect(c.modified).toBe('2026-11-25 11:00:00');
    const other = await startFixedSim({ seed: 13, orders: 0, shopId: 'shop-y' });
    try {
      other.upsert([{ tid: '3811111111111111111', orders: [line as any], receiver_plain: plain }]);
      expect(other.orders()[0]!.oaid).not.toBe(a.oaid); // another shop: another oaid
    } finally { await other.close(); }
  });

  it('POST /__sim/orders refuses a tid sent as a JSON number (its digits are already gone)', async () => {
    const res = await fetch(`${sim.url}/__sim/orders`, { method: 'POST', body: '{"orders":[{"tid":3811111111111111999}]}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/send tid\/oid as strings/);
  });

  it('POST /__sim/generate adds trades; POST /__sim/clock moves time; GET /__sim/calls logs API calls', async () => {
    const { json: gen } = await admin(sim, 'POST', '/__sim/generate', { count: 5, seed: 99 });
    expect(gen.generated).toHaveLength(5);
    const { json: c1 } = await admin(sim, 'POST', '/__sim/clock', { advanceMs: 60_000 });
    expect(c1.now).toBe(FIXED_NOW + 60_000);
    const { json: c2 } = await admin(sim, 'POST', '/__sim/clock', { now: '2026-11-25 12:00:00' });
    expect(c2.now).toBe(FIXED_NOW);
    const before = sim.calls().length;
    await top(sim, INC, windowParams(FIXED_NOW - HOUR, FIXED_NOW), { session: 'bad' });
    const { json } = await admin(sim, 'GET', '/__sim/calls');
    const last = json.calls.at(-1);
    expect(json.calls.length).toBe(before + 1);
    expect(last).toMatchObject({ at: FIXED_NOW, api: INC, status: 200, error_code: 27 });
    expect(last.params.sign).toBeUndefined();
    expect(last.params.start_modified).toBe(formatShanghai(FIXED_NOW - HOUR));
  });

  it('POST /__sim/faults accepts exactly the known kinds and a rate from 0 to 1', async () => {
    expect((await admin(sim, 'POST', '/__sim/faults', { rate: 0.5, kinds: ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'late_modify', 'malformed'] })).status).toBe(200);
    expect((await admin(sim, 'POST', '/__sim/faults', { rate: 0.5, kinds: ['gremlins'] })).status).toBe(400);
    expect((await admin(sim, 'POST', '/__sim/faults', { rate: 2, kinds: ['5xx'] })).status).toBe(400);
    const { json } = await admin(sim, 'POST', '/__sim/faults', { rate: 0, kinds: [] });
    expect(json).toEqual({ rate: 0, kinds: [] });
  });
});

describe('Taobao simulator: privacy modes', () => {
  it('serves ciphertext plus masked twins by default, or masked text alone in "masked" mode', async () => {
    const cipher = await startFixedSim({ seed: 14, orders: 3 });
    const masked = await startFixedSim({ seed: 14, orders: 3, privacy: 'masked' });
    try {
      const a = cipher.orders()[0]!;
      const b = masked.orders()[0]!;
      expect(a.tid).toBe(b.tid);
      expect(a.receiver_name).toMatch(/^~/);
      expect(a.receiver_name_mask).toMatch(/^.\*\*$/);
      expect(b.receiver_name).toBe(a.receiver_name_mask);
      expect(b.receiver_mobile).toBe(a.receiver_mobile_mask);
      expect(b.receiver_name_mask).toBeUndefined();
      expect(mapTaobaoTrade(b, 's').receiver).toMatchObject({ nameMasked: a.receiver_name_mask, phoneTail: a.receiver_mobile_mask!.slice(-4), cipher: {} });
      expect(mapTaobaoTrade(a, 's').receiver.cipher).toMatchObject({ name: a.receiver_name, mobile: a.receiver_mobile, address: a.receiver_address });
    } finally {
      await cipher.close();
      await masked.close();
    }
  });
});

describe('Taobao simulator: time moves the shop', () => {
  it('pays or closes unpaid trades, ships paid ones, and bumps modified to when it happened', async () => {
    const sim = await startFixedSim({ seed: 21, orders: 300, backlogSpanMs: 2 * HOUR });
    try {
      const unpaid = sim.orders().filter((t) => t.status === 'WAIT_BUYER_PAY');
      const paid = sim.orders().filter((t) => t.status === 'WAIT_SELLER_SEND_GOODS');
      expect(unpaid.length).toBeGreaterThan(0);
      sim.advance(31 * 60_000);
      const after = new Map(sim.orders().map((t) => [t.tid, t]));
      for (const t of unpaid) {
        const now = after.get(t.tid)!;
        expect(['WAIT_SELLER_SEND_GOODS', 'PAID_FORBID_CONSIGN', 'TRADE_CLOSED_BY_TAOBAO']).toContain(now.status);
        expect(parseShanghai(now.modified)).toBeGreaterThan(parseShanghai(t.modified));
        expect(parseShanghai(now.modified)).toBeLessThanOrEqual(FIXED_NOW + 31 * 60_000);
      }
      sim.advance(3 * 24 * HOUR);
      const later = new Map(sim.orders().map((t) => [t.tid, t]));
      const shipped = paid.filter((t) => ['WAIT_BUYER_CONFIRM_GOODS', 'TRADE_FINISHED'].includes(later.get(t.tid)!.status));
      expect(shipped.length).toBeGreaterThan(paid.length / 2);
    } finally { await sim.close(); }
  });

  it('lets new trades arrive over sim time, the same ones for the same seed and clock', async () => {
    const run = async (looks: number) => {
      const sim = await startFixedSim({ seed: 22, orders: 10, backlogSpanMs: HOUR, arrivalsPerMin: 2 });
      try {
        // looking in between (each look moves the shop to the clock) must not change what arrives
        for (let i = 0; i < looks; i++) { sim.advance(30 * 60_000 / looks); sim.orders(); }
        return sim.orders();
      } finally { await sim.close(); }
    };
    const a = await run(1);
    const b = await run(6);
    expect(a.length).toBeGreaterThan(10 + 30);
    expect(a.length).toBeLessThan(10 + 120);
    expect(b).toEqual(a);
    const fresh = a.filter((t) => parseShanghai(t.created) > FIXED_NOW);
    expect(fresh.length).toBe(a.length - 10);
  });
});
