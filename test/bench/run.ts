// `npm run bench`: every benchmark in sequence, each on its own data dir and browser profile.
// stdout carries only the figures, one compact JSON object per line:
//   {"name":"ingest.orders_per_s","value":…,"unit":"orders/s","baseline":…,"ratio":…}
// A benchmark that fails prints {"name":…,"error":…} for its figures and the run goes on.
// Goals are reported, never asserted: the exit status is 0 unless the harness itself breaks (1).
//
//   BENCH_ONLY=ingest,pool.query_p95_ms   only these figures (full name or first segment)
//   BENCH_TIMEOUT_S=180                   every benchmark's time limit (default: 180 s each;
//                                         the 200,000-order pool store gets longer, see pool.ts)
import { Cleanup, emitError, emitFigure, log, type Bench } from './harness';
import { ingestBench } from './ingest';
import { poolBench } from './pool';
import { burstBench } from './burst';
import { syncBenches } from './sync';
import { decideBench } from './decide';
import { stockRederiveBench } from './stock';
import { stockReserveBench, stockSelfCheckBench } from './stockBrowser';
import { labelBench, scanBench } from './floor';

// anything a library prints goes to stderr: stdout is for figures only
console.log = console.error;
console.info = console.error;
console.debug = console.error;

const BENCHES: Bench[] = [decideBench, stockRederiveBench, stockReserveBench, stockSelfCheckBench, ingestBench, burstBench, scanBench, labelBench, ...syncBenches, poolBench];

function selector(): (name: string) => boolean {
  const raw = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!raw.length) return () => true;
  return (name) => raw.some((r) => r === name || r === name.split('.')[0]);
}

/** the figures a run still owes: name, or name|platform for multi-platform runs */
const key = (name: string, platform?: string) => (platform ? `${name}|${platform}` : name);

async function runOne(bench: Bench, wants: (n: string) => boolean, timeoutMs: number): Promise<void> {
  const owed = bench.figures.filter(wants);
  const pending = new Set(bench.platforms ? owed.flatMap((n) => bench.platforms!.map((p) => key(n, p))) : owed);
  const platformOf = (f: { platform?: string }) => (bench.platforms ? f.platform : undefined);
  const cleanup = new Cleanup();
  const ac = new AbortController();
  const started = performance.now();
  log(`── ${bench.figures.join(', ')}${bench.platform ? ` (${bench.platform})` : bench.platforms ? ` (${bench.platforms.join(', ')})` : ''}`);
  const owedError = (k: string, e: unknown) => {
    const [name, platform] = k.split('|') as [string, string | undefined];
    emitError(name, e, platform ?? bench.platform);
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(new Error(`did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  try {
    await Promise.race([
      bench.run({
        signal: ac.signal,
        cleanup,
        wants: (n) => owed.includes(n),
        emit(f) {
          const k = key(f.name, platformOf(f));
          if (!pending.has(k)) return;
          pending.delete(k);
          emitFigure(f);
          log(`${f.name}${f.platform ? ` (${f.platform})` : ''}: ${f.value} ${f.unit} (${Math.round((performance.now() - started) / 1000)} s)`);
        },
        fail(name, e, platform) {
          const k = key(name, bench.platforms ? platform : undefined);
          if (!pending.has(k)) return;
          pending.delete(k);
          owedError(k, e);
        },
      }),
      timeout,
    ]);
    for (const k of pending) owedError(k, new Error('the benchmark ended without this figure'));
  } catch (e) {
    log(`failed: ${(e as Error).stack ?? String(e)}`);
    for (const k of pending) owedError(k, e);
  } finally {
    clearTimeout(timer);
    ac.abort();
    await cleanup.run();
  }
}

async function main(): Promise<void> {
  const wants = selector();
  const override = process.env.BENCH_TIMEOUT_S ? Number(process.env.BENCH_TIMEOUT_S) * 1000 : undefined;
  const chosen = BENCHES.filter((b) => b.figures.some(wants));
  if (!chosen.length) log(`BENCH_ONLY=${process.env.BENCH_ONLY} matches no figure; known: ${[...new Set(BENCHES.flatMap((b) => b.figures))].join(', ')}`);
  for (const b of chosen) await runOne(b, wants, override ?? b.timeoutMs ?? 180_000);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(`harness error: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
