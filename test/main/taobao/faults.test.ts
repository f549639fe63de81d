import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCallError, type PullOptions } from '../../../main/services/platforms/types';
import { createTaobaoConnector, type TaobaoConnector } from '../../../main/services/platforms/taobao/client';
import { mapTaobaoTrade } from '../../../main/services/platforms/taobao/map';
import type { FaultKind } from '../../../main/services/platforms/simkit/faults';
import type { TaobaoSimulator } from '../../../main/services/platforms/taobao/simulator';
import { parseShanghai } from '../../../shared/time';
import { connectorFor, FIXED_NOW, rawCall, signedParams, Sink, startFixedSim } from './simHarness';

const HOUR = 3600_000;
const START = FIXED_NOW - 2 * HOUR;
const END = FIXED_NOW + 1000;
/** test-sized fault timings: a "timeout" hangs past the client's 100–150 ms, "slow" stays under it */
const FAULT_TIMING = { timeoutHangMs: 300, slowMs: [5, 30] as [number, number] };

let sim: TaobaoSimulator | undefined;
afterEach(async () => { await sim?.close(); sim = undefined; });

/** What a sync engine does: a pull that fails with a retryable error is simply run again later. */
async function pullUntilDone(conn: TaobaoConnector, sink: Sink, maxRuns = 5): Promise<{ retried: PlatformCallError[]; lastRunFrom: number }> {
  const retried: PlatformCallError[] = [];
  for (let run = 0; run < maxRuns; run++) {
    const from = sink.deliveries.length;
    try {
      await conn.pull({ start: START, end: END, onPage: sink.onPage } satisfies PullOptions);
      return { retried, lastRunFrom: from };
    } catch (e) {
      if (!(e instanceof PlatformCallError) || !e.retryable) throw e;
      retried.push(e);
    }
  }
  throw new Error(`pull did not complete in ${maxRuns} runs: ${retried.map((e) => e.message).join('; ')}`);
}

function expectComplete(s: TaobaoSimulator, sink: Sink): void {
  const truth = s.orders().filter((t) => parseShanghai(t.modified) >= START && parseShanghai(t.modified) < END);
  expect(truth.length).toBeGreaterThan(30);
  const latest = sink.latest();
  expect([...latest.keys()].sort(), 'nothing missing, nothing extra').toEqual(truth.map((t) => t.tid).sort());
  for (const t of truth) {
    const got = latest.get(t.tid)!;
    expect(got.modifiedAt, `${t.tid} is the newest version`).toBe(parseShanghai(t.modified));
    expect(mapTaobaoTrade(got.payload, s.shopId)).toEqual(mapTaobaoTrade(t, s.shopId));
  }
}

describe('Taobao connector against a misbehaving gateway (rate 0.3 per call)', () => {
  const kinds: Array<[FaultKind, number]> = [['5xx', 51], ['timeout', 52], ['rate_limit', 53], ['slow', 54], ['duplicate_page', 55], ['malformed', 56]];
  it.each(kinds)('%s: the union of pulled orders is exactly the simulator\'s truth', async (kind, seed) => {
    sim = await startFixedSim({ seed, orders: 45, backlogSpanMs: 2 * HOUR, faultTiming: FAULT_TIMING });
    sim.setFaults({ rate: 0.3, kinds: [kind] });
    const sink = new Sink();
    // small pages so every window has several (duplicate_page needs a previous page to repeat)
    const conn = connectorFor(sim, { timeoutMs: kind === 'timeout' ? 100 : 2000 }, { pageSize: 10 });
    const { lastRunFrom } = await pullUntilDone(conn, sink);
    expect(sim.calls().filter((c) => c.fault === kind).length, `${kind} was injected`).toBeGreaterThan(3);
    expectComplete(sim, sink);
    expect(sink.doubled(lastRunFrom), 'no version delivered twice in one pull').toEqual([]);
  });

  it('late_modify: changes while it pages are caught; changes that land behind a finished pull need the overlap', async () => {
    sim = await startFixedSim({ seed: 57, orders: 60, backlogSpanMs: 2 * HOUR });
    sim.setFaults({ rate: 0.3, kinds: ['late_modify'] });
    const sink = new Sink();
    const conn = connectorFor(sim, {}, { pageSize: 10 });
    await pullUntilDone(conn, sink);
    const lateDuringPull = sim.orders().filter((t) => t.seller_memo?.includes('客服补记'));
    expect(lateDuringPull.length, 'late changes happened during the pull').toBeGreaterThan(3);
    expectComplete(sim, sink); // re-listing the window caught them

    // later, the platform back-dates more changes into time the pull already covered
    sim.advance(5 * 60_000);
    sim.setFaults({ rate: 1, kinds: ['late_modify'] });
    for (let i = 0; i < 6; i++) await conn.test();
    sim.setFaults({ rate: 0, kinds: [] });
    const now = sim.clock.now();
    const behind = sim.orders().filter((t) => parseShanghai(t.modified) < END && (sink.latest().get(t.tid)?.modifiedAt ?? 0) < parseShanghai(t.modified));
    expect(behind.length, 'changes landed before the end of the finished pull').toBeGreaterThan(0);

    const next = new Sink();
    await conn.pull({ start: END, end: now + 1000, onPage: next.onPage }); // no overlap: blind to them
    expect(next.deliveries.filter((d) => behind.some((t) => t.tid === d.orderId))).toEqual([]);

    const overlapFrom = sink.deliveries.length;
    await conn.pull({ start: END - 10 * 60_000, end: now + 1000, onPage: sink.onPage }); // overlap ≥ the lag
    const latest = sink.latest();
    for (const t of behind) expect(latest.get(t.tid)!.modifiedAt).toBe(parseShanghai(t.modified));
    expect(sink.doubled(overlapFrom)).toEqual([]);
  });

  it('token_expired: surfaces TOP code 27 as not retryable, and a pull after re-authorising completes', async () => {
    sim = await startFixedSim({ seed: 58, orders: 60, backlogSpanMs: 2 * HOUR });
    sim.setFaults({ rate: 0.3, kinds: ['token_expired'] });
    const sink = new Sink();
    const conn = connectorFor(sim, {}, { pageSize: 10 });
    const e = await conn.pull({ start: START, end: END, onPage: sink.onPage }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(PlatformCallError);
    expect(e).toMatchObject({ code: '27', retryable: false, subCode: 'invalid-sessionkey' });
    const calls = sim.calls();
    expect(calls.at(-1)!.error_code).toBe(27); // stopped right there: no retry of a dead token
    sim.setFaults({ rate: 0, kinds: [] });
    await conn.pull({ start: START, end: END, onPage: sink.onPage });
    expectComplete(sim, sink);
  });

  it('all kinds but token_expired together still give the exact truth', async () => {
    sim = await startFixedSim({ seed: 59, orders: 45, backlogSpanMs: 2 * HOUR, faultTiming: FAULT_TIMING });
    sim.setFaults({ rate: 0.3, kinds: ['5xx', 'timeout', 'rate_limit', 'slow', 'duplicate_page', 'malformed', 'late_modify'] });
    const sink = new Sink();
    const conn = connectorFor(sim, { timeoutMs: 150 }, { pageSize: 10 });
    await pullUntilDone(conn, sink);
    sim.setFaults({ rate: 0, kinds: [] });
    await conn.pull({ start: START, end: END, onPage: sink.onPage }); // the overlapping pull
    expectComplete(sim, sink);
  });
});

describe('how each fault looks to the connector (rate 1)', () => {
  async function alwaysFailing(kind: FaultKind, timeoutMs = 2000) {
    sim = await startFixedSim({ seed: 60, orders: 5, faultTiming: FAULT_TIMING });
    sim.setFaults({ rate: 1, kinds: [kind] });
    const sleeps: number[] = [];
    const conn = createTaobaoConnector(
      { shopId: sim.shopId, platform: 'taobao', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key, secret: sim.credentials.app_secret, session: sim.credentials.session, signMethod: 'hmac-sha256' },
      { clock: sim.clock, sleep: async (ms) => { sleeps.push(ms); }, timeoutMs },
    );
    const e = await conn.test().then(() => null, (x: unknown) => x);
    return { e: e as PlatformCallError, sleeps, calls: sim.calls() };
  }

  it.each([
    ['5xx', 'http_502'],
    ['rate_limit', '7'],
    ['malformed', 'malformed'],
  ] as const)('%s is retried 5 times with growing waits, then reported as %s (retryable)', async (kind, code) => {
    const { e, sleeps, calls } = await alwaysFailing(kind);
    expect(e).toBeInstanceOf(PlatformCallError);
    expect(e).toMatchObject({ code, retryable: true });
    expect(calls).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
    for (let i = 1; i < sleeps.length; i++) expect(sleeps[i]!).toBeGreaterThanOrEqual(sleeps[i - 1]!);
    expect(sleeps.at(-1)!).toBeGreaterThan(sleeps[0]!);
    if (kind === 'rate_limit') expect(sleeps[0]).toBeGreaterThanOrEqual(1000); // "This ban will last for 1 more seconds"
  });

  it('timeout: the client gives up at its own timeout and retries', async () => {
    const t0 = Date.now();
    const { e, calls } = await alwaysFailing('timeout', 100);
    expect(e).toMatchObject({ code: 'timeout', retryable: true });
    expect(calls).toHaveLength(5);
    expect(Date.now() - t0).toBeLessThan(FAULT_TIMING.timeoutHangMs * 5); // it did not wait for the server to hang up
  });

  it('malformed sends a truncated JSON body; duplicate_page repeats the previous page of the same query', async () => {
    sim = await startFixedSim({ seed: 61, orders: 30, backlogSpanMs: HOUR });
    const list = (page: number) => signedParams(sim!, 'taobao.trades.sold.increment.get', {
      fields: 'tid_str,modified', start_modified: '2026-11-25 11:00:00', end_modified: '2026-11-25 12:00:00', page_size: '5', page_no: String(page),
    });
    const page1 = JSON.parse((await rawCall(sim, list(1))).text);
    sim.setFaults({ rate: 1, kinds: ['duplicate_page'] });
    const dup = JSON.parse((await rawCall(sim, list(2))).text);
    expect(dup.trades).toEqual(page1.trades);
    sim.setFaults({ rate: 1, kinds: ['malformed'] });
    const bad = await rawCall(sim, list(1));
    expect(bad.status).toBe(200);
    expect(() => JSON.parse(bad.text)).toThrow();
    expect(JSON.stringify(page1).startsWith(bad.text.slice(0, 20))).toBe(true);
  });
});
