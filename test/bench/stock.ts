// stock.rederive_ms: the pure reducers in Node re-deriving every stock projection (rows per SKU ×
// warehouse × batch with locations, locks, transit) from 1,000,000 movements held in memory.
// The ledger is a company's life, not noise: 2,000 SKUs in 3 warehouses, batches with expiry,
// receipts, orders reserved by FEFO (a tenth of them unpaid, some lapsing), paid, picked and
// shipped, cancellations, freezes, transfers and cycle counts — written through the same
// planners the store uses. Goal < 2,000 ms; the figure is the median of three folds.
import { collectGarbage, log, median, round, type Bench } from './harness';
import { rederive } from '../../shared/stock';
import { companyLedger } from './companyLedger';

const TARGET = Number(process.env.BENCH_STOCK_MOVEMENTS ?? 1_000_000);

export const stockRederiveBench: Bench = {
  figures: ['stock.rederive_ms'],
  async run({ emit, signal }) {
    const t = performance.now();
    // the ledger as the store reads it back (IndexedDB, the journal): freshly deserialized
    // objects, not the ones the generator left scattered among its own garbage
    const ledger = structuredClone(companyLedger(TARGET));
    const kinds = new Map<string, number>();
    for (const m of ledger) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    log(`stock: ${ledger.length} movements built in ${Math.round(performance.now() - t)} ms — ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // one warm fold, so the figure is the optimized reducer a running desk executes
    rederive(ledger.slice(0, 100_000));
    const runs: number[] = [];
    for (let i = 0; i < 3 && !signal.aborted; i++) {
      collectGarbage();
      const t0 = performance.now();
      const s = rederive(ledger);
      runs.push(performance.now() - t0);
      if (i === 0) log(`stock: ${s.rows.size} rows, ${s.locks.size} locks, ${s.transit.size} transit rows`);
    }
    const ms = median(runs);
    log(`stock: rederive ${runs.map((r) => Math.round(r)).join(' / ')} ms (median ${round(ms)})`);
    emit({ name: 'stock.rederive_ms', value: round(ms), unit: 'ms' });
  },
};
