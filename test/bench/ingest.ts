// ingest.orders_per_s: 20,000 fetched Taobao payloads through the product's ingest path
// (host inbox → map + hash → WebSocket → renderer validation → worker → one Dexie transaction
// per merged batch → ack → inbox trimmed), against a raw IndexedDB bulk put of the same 20,000
// order rows, in the same page and profile, into a store with the pool's indexes.
import { fetchedPayloads } from './payloads';
import { openBenchApp } from './app';
import { log, round, type Bench } from './harness';

/** BENCH_INGEST_ORDERS: a smaller run while working on the product (the figure is defined at 20,000) */
const ORDERS = Number(process.env.BENCH_INGEST_ORDERS ?? 20_000);
/** the Taobao connector's page size: one inbox entry per fetched page */
const BATCH = 40;
const SEED = 20_251_125;
const SHOP = 'bench-taobao';

export const ingestBench: Bench = {
  figures: ['ingest.orders_per_s'],
  async run({ emit, cleanup, signal }) {
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    let t = performance.now();
    const { raws } = fetchedPayloads({ seed: SEED, count: ORDERS, spanMs: 30 * 86_400_000, now, shopId: SHOP });
    log(`ingest: ${raws.length} payloads generated in ${Math.round(performance.now() - t)} ms`);

    const app = await openBenchApp(cleanup, signal);
    t = performance.now();
    const entries = app.writeBatches(SHOP, raws, BATCH);
    const batches = entries.length;
    log(`ingest: ${batches} inbox entries of ${BATCH} written in ${Math.round(performance.now() - t)} ms`);

    const t0 = performance.now();
    app.deliver(entries);
    const t1 = await app.waitAcked(entries, 170_000, signal);
    const productS = (t1 - t0) / 1000;
    const value = ORDERS / productS;
    log(`ingest: product path ${round(productS, 2)} s for ${ORDERS} orders`);

    const stored = await app.page.evaluate(async () => {
      const d = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { count(): Promise<number> }; events: { count(): Promise<number> } } } }).wharfDiagnostics;
      return { orders: await d.db.orders.count(), events: await d.db.events.count() };
    });
    if (stored.orders !== ORDERS) throw new Error(`the app stored ${stored.orders} orders, expected ${ORDERS}`);
    log(`ingest: app holds ${stored.orders} orders, ${stored.events} events`);
    // the app streams its new events to the host journal after ingesting: let that finish, so
    // the baseline does not share the disk and the page with it
    const journal = await app.journalQuiet(stored.events, 60_000, signal).catch((e: Error) => { log(`ingest: ${e.message}; measuring the baseline anyway`); return -1; });
    log(`ingest: journal holds ${journal} events`);

    // Baseline: the app's own rows, in the order they were ingested, put one by one into a
    // fresh database with the pool's indexes, one transaction per batch of the same size.
    t = performance.now();
    const { ms: baselineMs, indexes } = await app.page.evaluate(async ({ batch }) => {
      type Row = { key: string; modifiedAt: number };
      type IndexSpec = { name: string; keyPath: string | string[]; unique?: boolean; multi?: boolean };
      const d = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { toArray(): Promise<Row[]>; schema: { primKey: { keyPath: string }; indexes: IndexSpec[] } } } } }).wharfDiagnostics;
      const rows = (await d.db.orders.toArray()).sort((a, b) => a.modifiedAt - b.modifiedAt || (a.key < b.key ? -1 : 1));
      // the same indexes as the app's orders table (renderer/store/db.ts), read from its schema
      const { primKey, indexes } = d.db.orders.schema;
      const name = `wharf-bench-baseline-${Date.now()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          const s = req.result.createObjectStore('orders', { keyPath: primKey.keyPath });
          for (const ix of indexes) s.createIndex(ix.name, ix.keyPath, { unique: !!ix.unique, multiEntry: !!ix.multi });
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const t0 = performance.now();
      for (let i = 0; i < rows.length; i += batch) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('orders', 'readwrite');
          const store = tx.objectStore('orders');
          for (const r of rows.slice(i, i + batch)) store.put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('baseline transaction aborted'));
        });
      }
      const ms = performance.now() - t0;
      db.close();
      await new Promise<void>((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => resolve(); });
      return { ms, indexes: indexes.map((ix) => ix.name) };
    }, { batch: BATCH });
    const baseline = ORDERS / (baselineMs / 1000);
    log(`ingest: raw IndexedDB baseline (indexes ${indexes.join(', ')}) ${round(baselineMs / 1000, 2)} s (${round((performance.now() - t) / 1000, 1)} s with reading the rows back)`);
    emit({ name: 'ingest.orders_per_s', value: round(value, 0), unit: 'orders/s', baseline: round(baseline, 0), ratio: round(value / baseline, 3) });
  },
};
