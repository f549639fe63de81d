// stock.reserve_per_s and stock.selfcheck_ms: the store's own stock code in Chromium on real
// IndexedDB (the app's page, origin and on-disk profile), through a bundle of stockPage.ts.
//
//  stock.reserve_per_s  — 50,000 orders over 2,000 SKUs locked with FEFO batch choice, 250 per
//                         transaction; baseline = raw Dexie writes of the same records in the same
//                         transactions; ratio = product / baseline (goal ≥ 0.5).
//  stock.selfcheck_ms   — the self-check over 200,000 movements (a company's life from the same
//                         generator as stock.rederive_ms) and the projections they fold to; no goal.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openBenchApp } from './app';
import { log, median, round, type Bench } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ORDERS = Number(process.env.BENCH_RESERVE_ORDERS ?? 50_000);
const SKUS = 2_000;
const CHECK_MOVEMENTS = Number(process.env.BENCH_SELFCHECK_MOVEMENTS ?? 200_000);
const PER_TX = 250;

async function pageBundle(): Promise<string> {
  const out = path.join(root, 'out', 'bench', 'stockPage.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await build({ entryPoints: [path.join(root, 'test', 'bench', 'stockPage.ts')], outfile: out, bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', logLevel: 'error', minify: true });
  return fs.readFileSync(out, 'utf8');
}

type Api = {
  reserve(o: { orders: number; skus: number; perTx: number; seed: number }): Promise<{ productMs: number; baselineMs: number; orders: number; locked: number; short: number; movements: number; batches: number }>;
  seedLedger(movements: number): Promise<{ movements: number; rows: number; locks: number; ms: number }>;
  selfCheck(): Promise<{ ms: number; movements: number; drifts: number; firstDrift?: string }>;
  dropSelfCheck(): Promise<void>;
};

async function openStockPage(cleanup: Parameters<Bench['run']>[0]['cleanup'], signal: AbortSignal) {
  const script = await pageBundle();
  const app = await openBenchApp(cleanup, signal);
  // evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses inline tags
  await app.page.evaluate(script);
  await app.page.waitForFunction(() => !!(globalThis as { wharfStockBench?: unknown }).wharfStockBench);
  return app;
}

export const stockReserveBench: Bench = {
  figures: ['stock.reserve_per_s'],
  async run({ emit, cleanup, signal }) {
    const app = await openStockPage(cleanup, signal);
    {
      // 250 orders per transaction: the ingest queue merges the pages that wait while a write runs
      const r = await app.page.evaluate((o) => (globalThis as unknown as { wharfStockBench: Api }).wharfStockBench.reserve(o), { orders: ORDERS, skus: SKUS, perTx: PER_TX, seed: 20_261_202 });
      log(`stock: reserve ${r.orders} orders (${r.locked} locked, ${r.short} stock short) in ${r.batches} transactions, ${r.movements} movements: product ${round(r.productMs / 1000, 2)} s, raw Dexie writes of the same records ${round(r.baselineMs / 1000, 2)} s`);
      const value = r.orders / (r.productMs / 1000);
      const baseline = r.orders / (r.baselineMs / 1000);
      emit({ name: 'stock.reserve_per_s', value: round(value, 0), unit: 'orders/s', baseline: round(baseline, 0), ratio: round(value / baseline, 3) });
    }
  },
};

export const stockSelfCheckBench: Bench = {
  figures: ['stock.selfcheck_ms'],
  async run({ emit, cleanup, signal }) {
    const app = await openStockPage(cleanup, signal);
    {
      const seeded = await app.page.evaluate((n) => (globalThis as unknown as { wharfStockBench: Api }).wharfStockBench.seedLedger(n), CHECK_MOVEMENTS);
      log(`stock: self-check ledger of ${seeded.movements} movements (${seeded.rows} rows, ${seeded.locks} locks) built and stored in the page in ${Math.round(seeded.ms)} ms`);
      const runs: number[] = [];
      for (let i = 0; i < 3 && !signal.aborted; i++) {
        const r = await app.page.evaluate(() => (globalThis as unknown as { wharfStockBench: Api }).wharfStockBench.selfCheck());
        if (r.drifts) throw new Error(`the self-check found ${r.drifts} differences in a consistent ledger: ${r.firstDrift}`);
        runs.push(r.ms);
      }
      await app.page.evaluate(() => (globalThis as unknown as { wharfStockBench: Api }).wharfStockBench.dropSelfCheck());
      log(`stock: self-check ${runs.map((x) => Math.round(x)).join(' / ')} ms over ${seeded.movements} movements`);
      emit({ name: 'stock.selfcheck_ms', value: round(median(runs)), unit: 'ms' });
    }
  },
};
