// Benchmark plumbing: figures to stdout (one compact JSON object per line), everything else to
// stderr, and cleanup that runs even when a benchmark times out.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** per-platform figures (sync.*) say which platform */
  platform?: string;
  mandated_delay_s?: number;
}

export function emitFigure(f: Figure): void {
  const out: Record<string, unknown> = { name: f.name, value: f.value, unit: f.unit };
  if (f.baseline !== undefined) out.baseline = f.baseline;
  if (f.ratio !== undefined) out.ratio = f.ratio;
  if (f.platform !== undefined) out.platform = f.platform;
  if (f.mandated_delay_s !== undefined) out.mandated_delay_s = f.mandated_delay_s;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

export function emitError(name: string, error: unknown, platform?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`${JSON.stringify({ name, ...(platform ? { platform } : {}), error: message.split('\n')[0]!.slice(0, 500) })}\n`);
}

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Median (lower middle for an even count) of a non-empty list: a noisy VM's figure over several passes. */
export const median = (values: readonly number[]) => percentile(values, 50);

/**
 * A full GC before a clock starts, so set-up garbage is not timed. The flag is set at run time
 * (no node option needed); where V8 refuses, nothing happens and the figure is just noisier.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (() => void) | undefined)?.();
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export { seededRandom } from './random';

/** Resources a benchmark opened; the runner closes them when it ends, fails or times out. */
export class Cleanup {
  private fns: (() => Promise<void> | void)[] = [];
  add(fn: () => Promise<void> | void): void { this.fns.push(fn); }
  async run(): Promise<void> {
    while (this.fns.length) {
      const fn = this.fns.pop()!;
      try { await fn(); } catch (e) { log(`cleanup: ${(e as Error).message}`); }
    }
  }
}

export interface BenchContext {
  /** prints a figure now (if it was asked for) */
  emit(f: Figure): void;
  cleanup: Cleanup;
  /** aborted when the benchmark runs out of time */
  signal: AbortSignal;
  /** prints this figure's error now (for one platform of a multi-platform run); the run goes on */
  fail(name: string, error: unknown, platform?: string): void;
  /** true when this figure is to be printed (BENCH_ONLY) */
  wants(name: string): boolean;
}

export interface Bench {
  /** the figures it prints, in order */
  figures: string[];
  /** for per-platform figures: the platform this run measures (printed with its error too) */
  platform?: string;
  /** or the platforms one run measures together: each figure is expected once per platform */
  platforms?: string[];
  /** its own time limit, ms (default 180 s; BENCH_TIMEOUT_S overrides every limit) */
  timeoutMs?: number;
  run(ctx: BenchContext): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` until it returns true; throws after timeoutMs or when the signal aborts. */
export async function until(fn: () => boolean | Promise<boolean>, opts: { timeoutMs: number; what: string; signal?: AbortSignal; intervalMs?: number }): Promise<void> {
  const end = Date.now() + opts.timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (opts.signal?.aborted) throw new Error(`aborted while waiting for ${opts.what}`);
    if (Date.now() > end) throw new Error(`timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for ${opts.what}`);
    await sleep(opts.intervalMs ?? 50);
  }
}
