import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCallError } from '../../../main/services/platforms/types';
import { createTaobaoConnector } from '../../../main/services/platforms/taobao/client';
import { ManualClock } from '../../../shared/clock';
import { mapTaobaoTrade } from '../../../main/services/platforms/taobao/map';
import type { TaobaoSimulator } from '../../../main/services/platforms/taobao/simulator';
import type { TbTrade } from '../../../main/services/platforms/taobao/trade';
import { formatShanghai, parseShanghai } from '../../../shared/time';
import { connectorFor, FIXED_NOW, Sink, startFixedSim } from './simHarness';
import type { RequestBudget } from '../../../main/services/platforms/budget';

const HOUR = 3600_000;
const INC = 'taobao.trades.sold.increment.get';

let sim: TaobaoSimulator | undefined;
afterEach(async () => { await sim?.close(); sim = undefined; });

function truthIn(s: TaobaoSimulator, start: number, end: number): TbTrade[] {
  return s.orders().filter((t) => parseShanghai(t.modified) >= start && parseShanghai(t.modified) < end);
}

/** The sink holds exactly the truth: same orders, same versions, same content once mapped. */
function expectSinkEqualsTruth(sink: Sink, truth: TbTrade[], shopId: string): void {
  const latest = sink.latest();
  expect([...latest.keys()].sort()).toEqual(truth.map((t) => t.tid).sort());
  for (const t of truth) {
    const got = latest.get(t.tid)!;
    expect(got.modifiedAt, t.tid).toBe(parseShanghai(t.modified));
    expect(mapTaobaoTrade(got.payload, shopId), t.tid).toEqual(mapTaobaoTrade(t, shopId));
  }
}

function failure(p: Promise<unknown>): Promise<PlatformCallError> {
  return p.then(() => { throw new Error('expected a PlatformCallError'); }, (e: unknown) => {
    if (e instanceof PlatformCallError) return e;
    throw e;
  });
}

describe('Taobao connector: request budget', () => {
  it('takes a token from the app\'s budget before every HTTP call, retries included', async () => {
    sim = await startFixedSim({ seed: 33, orders: 120, backlogSpanMs: 2 * HOUR });
    let taken = 0;
    const budget = { take: async () => { taken++; } } as unknown as RequestBudget;
    sim.setFaults({ rate: 0.2, kinds: ['5xx'] });
    await connectorFor(sim, { budget }, { maxAttempts: 20 }).pull({ start: FIXED_NOW - 3 * HOUR, end: FIXED_NOW + 1000, onPage: new Sink().onPage });
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBe(sim.calls().length);
    expect(sim.calls().some((c) => c.status >= 500)).toBe(true);
  });
});

describe('Taobao connector: test()', () => {
  it('passes with the right credentials, for every sign method', async () => {
    sim = await startFixedSim({ seed: 30, orders: 5 });
    for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) await connectorFor(sim, { signMethod }).test();
    expect(sim.calls().filter((c) => c.error_code === null)).toHaveLength(3);
  });

  it('surfaces a bad session as TOP code 27, not retried', async () => {
    sim = await startFixedSim({ seed: 30, orders: 5 });
    const e = await failure(connectorFor(sim, { session: 'expired' }).test());
    expect(e).toMatchObject({ code: '27', subCode: 'invalid-sessionkey', retryable: false, api: INC });
    expect(sim.calls()).toHaveLength(1);
  });

  it('surfaces a bad secret as TOP code 25', async () => {
    sim = await startFixedSim({ seed: 30, orders: 5 });
    const e = await failure(connectorFor(sim, { secret: 'wrong' }).test());
    expect(e).toMatchObject({ code: '25', retryable: false });
  });

  it('surfaces a PC clock 15 minutes off as code 31', async () => {
    sim = await startFixedSim({ seed: 30, orders: 5 });
    const c = connectorFor(sim);
    const pcClock = new ManualClock(FIXED_NOW);
    const onPc = createTaobaoConnector(
      { shopId: sim.shopId, platform: 'taobao', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key, secret: sim.credentials.app_secret, session: sim.credentials.session, signMethod: 'md5' },
      { clock: pcClock, sleep: async () => {} },
    );
    await onPc.test();
    sim.advance(15 * 60_000); // the platform's clock moves on, the PC's does not
    expect((await failure(onPc.test())).code).toBe('31');
    await c.test(); // a connector on the simulator's clock is fine
  });
});

describe('Taobao connector: pull', () => {
  it('gets exactly the simulator\'s trades for a window, in ≤ 30 min windows paged from the last page back', async () => {
    sim = await startFixedSim({ seed: 31, orders: 300, backlogSpanMs: 2 * HOUR });
    const start = FIXED_NOW - 3 * HOUR;
    const end = FIXED_NOW + 1000;
    const sink = new Sink();
    const result = await connectorFor(sim).pull({ start, end, onPage: sink.onPage });
    const truth = truthIn(sim, start, end);
    expect(truth.length).toBeGreaterThan(250);
    expectSinkEqualsTruth(sink, truth, sim.shopId);
    expect(sink.doubled()).toEqual([]);
    expect(result).toEqual({ pages: sink.pageSizes.length, orders: truth.length });
    expect(sink.maxInFlight).toBe(1); // each page is stored before the next is fetched

    const lists = sim.calls().filter((c) => c.api === INC);
    const windows = new Map<string, number[]>();
    for (const c of lists) {
      const span = parseShanghai(c.params.end_modified!) - parseShanghai(c.params.start_modified!);
      expect(span).toBeLessThan(30 * 60_000);
      expect(c.params.page_size).toBe('40');
      const key = c.params.start_modified!;
      windows.set(key, [...(windows.get(key) ?? []), Number(c.params.page_no)]);
    }
    expect(windows.size).toBe(7); // 3 h + 1 s in 30-minute windows
    const busiest = [...windows.values()].sort((a, b) => b.length - a.length)[0]!;
    expect(busiest.length).toBeGreaterThanOrEqual(3);
    // probe page 1 for the total, then last page first, back to page 1
    const [probe, ...rest] = busiest;
    expect(probe).toBe(1);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(rest.at(-1)).toBe(1);
  });

  it('puts a trade on a window boundary in exactly one window, and leaves out the end itself', async () => {
    sim = await startFixedSim({ seed: 32, orders: 0 });
    const start = FIXED_NOW - HOUR;
    const at = (ms: number) => ({ modified: formatShanghai(ms), status: 'WAIT_SELLER_SEND_GOODS', payment: '1.00', created: formatShanghai(start - HOUR), orders: [{ title: 't', num: 1, price: '1.00', payment: '1.00' }] });
    sim.upsert([
      { tid: '3800000000000000001', ...at(start) },
      { tid: '3800000000000000002', ...at(start + 30 * 60_000 - 1000) },
      { tid: '3800000000000000003', ...at(start + 30 * 60_000) },
      { tid: '3800000000000000004', ...at(FIXED_NOW - 1000) },
      { tid: '3800000000000000005', ...at(FIXED_NOW) },
      { tid: '3800000000000000006', ...at(start - 1000) },
    ] as never);
    const sink = new Sink();
    await connectorFor(sim).pull({ start, end: FIXED_NOW, onPage: sink.onPage });
    expect(sink.deliveries.map((d) => d.orderId).sort()).toEqual(['3800000000000000001', '3800000000000000002', '3800000000000000003', '3800000000000000004']);
  });

  it('still gets everything when trades change and arrive while it pages', async () => {
    sim = await startFixedSim({ seed: 33, orders: 300, backlogSpanMs: HOUR });
    const s = sim;
    const start = FIXED_NOW - HOUR;
    const end = FIXED_NOW + 1000;
    const sink = new Sink();
    let pagesSeen = 0;
    const changed: string[] = [];
    const onPage = async (orders: Parameters<Sink['onPage']>[0]) => {
      await sink.onPage(orders);
      if (++pagesSeen > 3) return;
      // a few not-yet-delivered trades change (move to the front) and new ones arrive
      const delivered = new Set(sink.deliveries.map((d) => d.orderId));
      const victims = s.orders().filter((t) => !delivered.has(t.tid) && parseShanghai(t.modified) >= start).slice(0, 4);
      s.upsert(victims.map((t) => ({ tid: t.tid, seller_memo: `改地址${pagesSeen}` })));
      changed.push(...victims.map((t) => t.tid));
      s.generate(3, 500 + pagesSeen, 60_000);
    };
    await connectorFor(sim).pull({ start, end, onPage });
    expect(changed.length).toBeGreaterThan(0);
    expectSinkEqualsTruth(sink, truthIn(sim, start, end), sim.shopId);
    expect(sink.doubled()).toEqual([]);
    // the window that changed was listed more than once
    const probes = sim.calls().filter((c) => c.api === INC && c.params.page_no === '1');
    expect(probes.length).toBeGreaterThan(4);
  });

  it('stops at the first non-retryable error without retrying it', async () => {
    sim = await startFixedSim({ seed: 34, orders: 20, backlogSpanMs: HOUR });
    const sink = new Sink();
    const e = await failure(connectorFor(sim, { session: 'revoked' }).pull({ start: FIXED_NOW - HOUR, end: FIXED_NOW, onPage: sink.onPage }));
    expect(e).toMatchObject({ code: '27', retryable: false });
    expect(sim.calls()).toHaveLength(1);
    expect(sink.deliveries).toEqual([]);
  });

  it('honours an abort signal', async () => {
    sim = await startFixedSim({ seed: 35, orders: 20, backlogSpanMs: HOUR });
    const ac = new AbortController();
    ac.abort(new Error('user cancelled'));
    await expect(connectorFor(sim).pull({ start: FIXED_NOW - HOUR, end: FIXED_NOW, onPage: async () => {}, signal: ac.signal })).rejects.toThrow('user cancelled');
  });

  it('exposes map and a 30-minute maximum window', async () => {
    sim = await startFixedSim({ seed: 36, orders: 3 });
    const c = connectorFor(sim);
    expect(c.maxWindowMs).toBe(30 * 60_000);
    expect(c.platform).toBe('taobao');
    expect(c.map(sim.orders()[0], 's').orderId).toBe(sim.orders()[0]!.tid);
  });
});
