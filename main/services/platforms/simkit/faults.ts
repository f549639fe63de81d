// Fault injection for the Taobao simulator: what goes wrong with a real gateway on a bad day.
// Each API call rolls once against `rate` with a seeded PRNG, so a failing run can be replayed.
import { createRng, type Rng } from './prng';

export const FAULT_KINDS = ['5xx', 'timeout', 'rate_limit', 'token_expired', 'slow', 'duplicate_page', 'late_modify', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig { rate: number; kinds: FaultKind[] }

export interface FaultTiming {
  /** how long a "timeout" call hangs before the socket is closed; must exceed the client's timeout */
  timeoutHangMs: number;
  /** a "slow" call waits a random time in this range, ms */
  slowMs: [number, number];
}

export const DEFAULT_FAULT_TIMING: FaultTiming = { timeoutHangMs: 20_000, slowMs: [1000, 2000] };

/** Parses an admin request body; throws a message naming the bad part. */
export function parseFaultConfig(body: unknown): FaultConfig {
  const b = (body ?? {}) as { rate?: unknown; kinds?: unknown };
  const rate = b.rate === undefined ? 0 : b.rate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new Error(`faults: "rate" must be a number from 0 to 1, got ${JSON.stringify(b.rate)}`);
  const kinds = b.kinds === undefined ? [] : b.kinds;
  if (!Array.isArray(kinds)) throw new Error('faults: "kinds" must be an array');
  for (const k of kinds) {
    if (!(FAULT_KINDS as readonly unknown[]).includes(k)) throw new Error(`faults: unknown kind ${JSON.stringify(k)}; use ${FAULT_KINDS.join(', ')}`);
  }
  if (rate > 0 && kinds.length === 0) throw new Error('faults: a rate above 0 needs at least one kind');
  return { rate, kinds: kinds as FaultKind[] };
}

export class FaultPlan {
  private rng: Rng;
  private config: FaultConfig = { rate: 0, kinds: [] };
  private generation = 0;
  constructor(private seed: number, readonly timing: FaultTiming) { this.rng = createRng(`faults:${seed}:0`); }

  set(config: FaultConfig): FaultConfig {
    this.config = { rate: config.rate, kinds: [...config.kinds] };
    // a fresh stream per configuration: the same sequence of calls meets the same faults
    this.rng = createRng(`faults:${this.seed}:${++this.generation}`);
    return this.get();
  }

  get(): FaultConfig { return { rate: this.config.rate, kinds: [...this.config.kinds] }; }

  /** One roll per API call: the fault to inject, or null. */
  roll(): FaultKind | null {
    if (this.config.rate <= 0 || this.config.kinds.length === 0) return null;
    const hit = this.rng.next() < this.config.rate;
    const kind = this.rng.pick(this.config.kinds);
    return hit ? kind : null;
  }

  /** deterministic extra randomness for a fault's details (delay, which trade) */
  int(min: number, max: number): number { return this.rng.int(min, max); }
}
