// ui.burst_long_tasks: the pool screen is open and idle when a promotion burst of 10,000 orders
// arrives through the inbox route; a PerformanceObserver counts main-thread tasks over 100 ms
// from the first delivered batch until every batch is acknowledged and the pool has caught up.
import { fetchedPayloads } from './payloads';
import { openBenchApp } from './app';
import { log, round, type Bench } from './harness';

const ORDERS = 10_000;
const BATCH = 40;
const SEED = 20_251_126;
const SHOP = 'bench-taobao';
const LONG_MS = 100;

interface LongTaskWindow { __longTasks: { start: number; duration: number }[] }

export const burstBench: Bench = {
  figures: ['ui.burst_long_tasks'],
  async run({ emit, cleanup, signal }) {
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const { raws } = fetchedPayloads({ seed: SEED, count: ORDERS, spanMs: 2 * 3_600_000, now, shopId: SHOP });
    const app = await openBenchApp(cleanup, signal, { needPool: true });
    const entries = app.writeBatches(SHOP, raws, BATCH);
    const batches = entries.length;

    await app.page.evaluate(() => {
      const w = globalThis as unknown as LongTaskWindow;
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    // anything long before the burst is the app settling, not the burst
    await app.page.waitForTimeout(500);
    const startedAt = await app.page.evaluate(() => performance.now());

    const t0 = performance.now();
    app.deliver(entries);
    const t1 = await app.waitAcked(entries, 150_000, signal);
    log(`burst: ${ORDERS} orders acknowledged in ${round((t1 - t0) / 1000, 2)} s`);
    // the pool re-reads its keys after a quiet spell (usePoolKeys): wait until it shows them all
    await app.page.waitForFunction((n) => document.querySelector('[data-testid="pool-count"]')?.textContent?.trim() === String(n), ORDERS, { timeout: 30_000, polling: 100 })
      .catch(async () => { throw new Error(`pool-count never reached ${ORDERS} (shows ${await app.page.locator('[data-testid="pool-count"]').textContent()})`); });
    await app.page.waitForTimeout(1000);

    const tasks = await app.page.evaluate((since) => (globalThis as unknown as LongTaskWindow).__longTasks.filter((t) => t.start >= since), startedAt);
    const long = tasks.filter((t) => t.duration > LONG_MS);
    log(`burst: ${tasks.length} long tasks (>50 ms) during the burst; ${long.length} over ${LONG_MS} ms${long.length ? `: ${long.map((t) => Math.round(t.duration)).join(', ')} ms` : ''}`);
    emit({ name: 'ui.burst_long_tasks', value: long.length, unit: 'tasks' });
  },
};
