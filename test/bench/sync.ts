// sync.* figures, per platform, through the product's whole pull path: a platform simulator on
// loopback → the host's sync engine (windows, paging, retries) → fsynced inbox → WebSocket →
// the ingest worker → Dexie in Chromium on an on-disk profile.
//
// sync.catchup_orders_per_s: a shop 6 hours behind at 2,000 orders/hour (12,000 orders), from the
//   shop's first pull to the last of them stored. Request budgets are lifted for this figure
//   (WHARF_RATE_<PLATFORM>): it measures Wharf; the budgets' own ceiling is logged beside it.
// sync.lag_p95_s: orders arriving continuously to every platform's shop in one Wharf, a 1-minute
//   schedule on the simulators' clock (8 simulated minutes in about 25 s of real time); lag = simulated seconds from the order's
//   creation (for PDD and JD, whose APIs list an order only once paid: its payment) to the start
//   of the pull that fetched it + real seconds until its row shows in Chromium.
// sync.lag_pull_now_p95_s: an order the platform's API already shows (its mandated delay has
//   passed), "Pull now" pressed: real seconds until its row shows, plus that delay.
import type { Platform } from '../../shared/domain/types';
import { ManualClock, OffsetClock } from '../../shared/clock';
import { formatShanghai, parseShanghai } from '../../shared/time';
import { startSimulator, type RunningSimulator } from '../../main/services/platforms/simulators';
import type { InboxBatch } from '../../shared/contract';
import { openBenchApp, type BenchApp } from './app';
import { log, percentile, round, sleep, until, type Bench } from './harness';

/** BENCH_PLATFORMS=pdd,jd: only these platforms' sync figures (while working on one connector) */
const PLATFORMS = (['taobao', 'douyin', 'pdd', 'jd', 'kuaishou', 'youzan', 'wechat'] as Platform[])
  .filter((p) => !process.env.BENCH_PLATFORMS || process.env.BENCH_PLATFORMS.split(',').includes(p));
const MANDATED_S: Partial<Record<Platform, number>> = { pdd: 180, youzan: 30 };
/** requests/s the default budgets allow, and the calls each order costs in a catch-up */
const BUDGET: Record<Platform, { perS: number; callsPerOrder: number }> = {
  taobao: { perS: 100, callsPerOrder: 1 }, douyin: { perS: 20, callsPerOrder: 0.01 }, pdd: { perS: 20, callsPerOrder: 0.01 }, jd: { perS: 8, callsPerOrder: 0.02 },
  kuaishou: { perS: 50, callsPerOrder: 0.01 }, youzan: { perS: 10, callsPerOrder: 0.01 }, wechat: { perS: 10, callsPerOrder: 1.01 },
};
const ADMIN = { userId: 'u-admin', device: 'bench' };
const lists = (p: Platform, o: { paidAt?: number }) => (p === 'pdd' || p === 'jd' ? o.paidAt !== undefined : true);

async function connect(app: BenchApp, sim: RunningSimulator, intervalMin: number): Promise<string> {
  const c = sim.shopCredentials();
  const shop = await app.serve.host.handlers['shops.save']({ actor: ADMIN, shop: {
    platform: sim.platform, name: `bench ${sim.platform}`, gatewayUrl: c.gatewayUrl, appKey: c.appKey, ...(c.secret ? { secret: c.secret } : {}),
    session: c.session, ...(c.refreshToken ? { refreshToken: c.refreshToken } : {}), ...(c.signSecret ? { signSecret: c.signSecret } : {}),
    signMethod: c.signMethod, pullIntervalMin: intervalMin,
  } });
  return shop.id;
}

const storedKeys = (app: BenchApp, shopId: string) => app.page.evaluate((id) => (globalThis as unknown as { wharfDiagnostics: { poolKeys(f: object): Promise<string[]> } }).wharfDiagnostics.poolKeys({ shopIds: [id] }), shopId);

function catchupBench(platform: Platform): Bench {
  return {
    figures: ['sync.catchup_orders_per_s'],
    platform,
    async run({ emit, cleanup, signal }) {
      const manual = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
      const clock = new OffsetClock(manual);
      const sim = await startSimulator(platform, { seed: 6200, orders: 12_000, backlogSpanMs: 6 * 3600_000, arrivalsPerMin: 0, clock });
      cleanup.add(() => sim.close());
      const truth = sim.kit
        ? sim.kit.simOrders().filter((o) => lists(platform, o) && o.modifiedAt < manual.now() - (MANDATED_S[platform] ?? 0) * 1000).length
        // a pull covers up to now, end excluded: a trade modified this very second is the next pull's
        : ((await (await fetch(`${sim.url}/__sim/orders`)).json()) as { orders: { modified: string }[] }).orders.filter((t) => parseShanghai(t.modified) < manual.now()).length;
      const app = await openBenchApp(cleanup, signal, { clock: manual, env: { WHARF_LOOKBACK_DAYS: '1', [`WHARF_RATE_${platform.toUpperCase()}`]: '1000' } });
      const t0 = performance.now();
      const shopId = await connect(app, sim, 15);
      let n = 0;
      let lastLog = performance.now();
      await until(async () => {
        n = (await storedKeys(app, shopId)).length;
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          const st = app.serve.host.sync.statusOf(shopId);
          log(`sync: ${platform} ${n}/${truth} stored, pulled ${st?.totalPulled}, behind ${Math.round((st?.lagMs ?? 0) / 60_000)} min, pending ${st?.pendingBatches}${st?.error ? `, error ${st.error.code} ${st.error.message}` : ''}`);
        }
        return n >= truth;
      }, { timeoutMs: 170_000, intervalMs: 1000, signal, what: `${truth} ${platform} orders in the store` });
      const s = (performance.now() - t0) / 1000;
      const b = BUDGET[platform];
      log(`sync: ${platform} caught up ${n} orders in ${round(s, 1)} s; under its default budget (${b.perS} calls/s) a catch-up is capped near ${Math.round(b.perS / b.callsPerOrder)} orders/s`);
      emit({ name: 'sync.catchup_orders_per_s', value: round(n / s, 1), unit: 'orders/s', platform });
    },
  };
}

interface LagShop {
  platform: Platform;
  sim: RunningSimulator;
  shopId: string;
  mandated: number;
  /** first delivery of each order: the pull's time (sim clock) and the real moment it was sent */
  fetched: Map<string, { sim: number; real: number }>;
  /** when each order's row first showed in Chromium (performance.now()) */
  shown: Map<string, number>;
}

/**
 * Every platform's shop in one Wharf at once, as a seller runs them: the seven schedules fire in
 * the same simulated minutes, so each platform's lag includes the others' pulls and ingest —
 * and the run costs one app and one 8-minute stretch instead of seven.
 */
function lagBench(platforms: Platform[]): Bench {
  return {
    figures: ['sync.lag_p95_s', 'sync.lag_pull_now_p95_s'],
    platforms,
    async run({ emit, fail, cleanup, signal }) {
      const manual = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
      const clock = new OffsetClock(manual);
      const app = await openBenchApp(cleanup, signal, { clock: manual, env: { WHARF_LOOKBACK_DAYS: '1' } });
      const shops: LagShop[] = [];
      for (const platform of platforms) {
        const sim = await startSimulator(platform, { seed: 6300, orders: 30, backlogSpanMs: 3600_000, arrivalsPerMin: 3, clock });
        cleanup.add(() => sim.close());
        shops.push({ platform, sim, shopId: '', mandated: MANDATED_S[platform] ?? 0, fetched: new Map(), shown: new Map() });
      }
      const byShop = new Map<string, LagShop>();
      const off = app.serve.host.subscribe((name, payload) => {
        if (name !== 'inbox.batch') return;
        const b = payload as InboxBatch;
        const shop = byShop.get(b.shopId);
        if (!shop) return;
        // the pull's own start on the simulators' clock (its page time would count real work 20× over)
        const pullAt = app.serve.host.sync.statusOf(b.shopId)?.lastPullAt ?? b.fetchedAt;
        for (const o of b.orders) if (!shop.fetched.has(o.order.orderId)) shop.fetched.set(o.order.orderId, { sim: pullAt, real: performance.now() });
      });
      cleanup.add(() => off());
      for (const shop of shops) {
        shop.shopId = await connect(app, shop.sim, 1);
        byShop.set(shop.shopId, shop);
      }
      const watch = async () => {
        const now = performance.now();
        for (const shop of shops) {
          for (const k of await storedKeys(app, shop.shopId)) { const id = k.split(':').slice(2).join(':'); if (!shop.shown.has(id)) shop.shown.set(id, now); }
        }
      };
      const idle = () => shops.every((s) => app.serve.host.sync.statusOf(s.shopId)?.running === false);
      await until(async () => { await watch(); return shops.every((s) => s.shown.size > 0) && idle(); }, { timeoutMs: 90_000, signal, what: 'every shop\'s first pull to land' });

      const start = manual.now();
      // 8 simulated minutes: 1 s of sim time every 50 ms of real time, the schedules firing every 60 s
      for (let i = 0; i < 480; i++) {
        signal.throwIfAborted();
        manual.advance(1000);
        await sleep(50);
        if (i % 10 === 0) await watch();
      }
      const end = manual.now();
      await until(async () => { await watch(); return idle(); }, { timeoutMs: 30_000, signal, what: 'the last scheduled pulls to finish' });
      await sleep(1500);
      await watch();
      for (const shop of shops) {
        const { platform, mandated } = shop;
        // orders that became listable during the run early enough for a scheduled pull to fetch them
        const listableAt = (o: { createdAt: number; paidAt?: number }) => (platform === 'pdd' || platform === 'jd' ? o.paidAt ?? Infinity : o.createdAt);
        const born = (await simOrders(shop.sim)).filter((o) => lists(platform, o) && listableAt(o) >= start && listableAt(o) < end - 60_000 - mandated * 1000);
        const lags: number[] = [];
        let missing = 0;
        for (const o of born) {
          const f = shop.fetched.get(o.orderId);
          const s = shop.shown.get(o.orderId);
          if (!f || !s) { missing++; continue; }
          lags.push(Math.max(0, f.sim - listableAt(o)) / 1000 + Math.max(0, s - f.real) / 1000);
        }
        if (!lags.length) {
          fail('sync.lag_p95_s', new Error(`no ${platform} order created during the run was fetched (${born.length} created, ${missing} never shown)`), platform);
          continue;
        }
        log(`sync: ${platform} schedule lag over ${lags.length} orders (${missing} not shown yet): p50 ${round(percentile(lags, 50), 1)} s, p95 ${round(percentile(lags, 95), 1)} s, mandated ${mandated} s`);
        emit({ name: 'sync.lag_p95_s', value: round(percentile(lags, 95), 1), unit: 's', platform, mandated_delay_s: mandated });
      }

      // Pull now, one shop at a time (a person presses one button): orders the platform's API
      // already shows (created its mandated delay + 1 s ago)
      for (const shop of shops) {
        const { platform, mandated, sim } = shop;
        const now = manual.now();
        const at = Math.floor((now - mandated * 1000 - 1000) / 1000) * 1000;
        const ids = sim.kit
          ? sim.kit.upsert(Array.from({ length: 5 }, () => ({ state: 'paid' as const, createdAt: at, paidAt: at, modifiedAt: at })))
          : await upsertTaobao(sim.url, 5, at);
        const pressed = performance.now();
        await app.serve.host.handlers['sync.pullNow']({ actor: ADMIN, shopId: shop.shopId });
        const watchOne = async () => { const t = performance.now(); for (const k of await storedKeys(app, shop.shopId)) { const id = k.split(':').slice(2).join(':'); if (!shop.shown.has(id)) shop.shown.set(id, t); } };
        await until(async () => { await watchOne(); return ids.every((id) => shop.shown.has(id)); }, { timeoutMs: 30_000, intervalMs: 50, signal, what: `the ${ids.length} new ${platform} orders to show after Pull now` });
        const nowLags = ids.map((id) => (now - at) / 1000 + (shop.shown.get(id)! - pressed) / 1000);
        emit({ name: 'sync.lag_pull_now_p95_s', value: round(percentile(nowLags, 95), 2), unit: 's', platform, mandated_delay_s: mandated });
      }
    },
  };
}

/** The orders as the simulator holds them: the kit's neutral truth, or Taobao's own trades. */
async function simOrders(sim: RunningSimulator): Promise<Array<{ orderId: string; createdAt: number; paidAt?: number }>> {
  if (sim.kit) return sim.kit.simOrders();
  const res = (await (await fetch(`${sim.url}/__sim/orders`)).json()) as { orders: { tid: string; created: string; pay_time?: string }[] };
  return res.orders.map((t) => ({ orderId: t.tid, createdAt: parseShanghai(t.created), paidAt: t.pay_time ? parseShanghai(t.pay_time) : undefined }));
}

/** Paid Taobao trades created at `at`, through the simulator's admin API (its own trade format). */
async function upsertTaobao(url: string, n: number, at: number): Promise<string[]> {
  const when = formatShanghai(at);
  const trades = Array.from({ length: n }, () => ({
    status: 'WAIT_SELLER_SEND_GOODS', created: when, modified: when, pay_time: when, payment: '59.00', total_fee: '59.00',
    orders: [{ title: '316不锈钢保温杯', num: 1, price: '59.00', total_fee: '59.00', payment: '59.00', num_iid: '600000000001' }],
  }));
  const res = await fetch(`${url}/__sim/orders`, { method: 'POST', body: JSON.stringify({ orders: trades }) });
  return ((await res.json()) as { upserted: string[] }).upserted;
}

export const syncBenches: Bench[] = [
  ...PLATFORMS.map(catchupBench),
  lagBench(PLATFORMS),
];
