// Request budgets: a token bucket per platform app (platform + app key — an app's quota is
// shared by every shop it serves), so a long catch-up paces itself below the platform's rate
// limit instead of tripping it and backing off. Waits go through the injected sleep and read
// the injected clock, so tests and benchmarks never sleep for real.
import type { Clock } from '../../../shared/clock';
import type { Platform } from '../../../shared/domain/types';

export interface BudgetSpec {
  /** sustained requests per second */
  perSecond: number;
  /** requests allowed at once after a quiet spell */
  burst: number;
}

/**
 * Defaults kept under each platform's published or observed limit (platforms.md: Kuaishou
 * 300/s per app and per user [C]; JD 10/s from a mirror; the others publish none — UNCONFIRMED),
 * yet fast enough for the calls a first pull or catch-up makes: Taobao lists every 30-min window
 * (two calls even when empty) and reads every trade with fullinfo, so a 7-day first pull of a
 * shop with 2,000 orders a day is ~15,000 calls: 2.5 min at 100/s.
 * WHARF_RATE_<PLATFORM> (requests per second) overrides.
 */
export const DEFAULT_BUDGETS: Record<Platform, BudgetSpec> = {
  taobao: { perSecond: 100, burst: 100 },
  douyin: { perSecond: 20, burst: 20 },
  pdd: { perSecond: 20, burst: 20 },
  jd: { perSecond: 8, burst: 8 },
  kuaishou: { perSecond: 50, burst: 50 },
  youzan: { perSecond: 10, burst: 10 },
  wechat: { perSecond: 10, burst: 10 },
};

export class RequestBudget {
  private tokens: number;
  private at: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly spec: BudgetSpec, private readonly clock: Clock, private readonly sleep: (ms: number) => Promise<void>) {
    if (!(spec.perSecond > 0) || !(spec.burst >= 1)) throw new Error(`a request budget needs perSecond > 0 and burst ≥ 1 (got ${JSON.stringify(spec)})`);
    this.tokens = spec.burst;
    this.at = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.spec.burst, this.tokens + ((now - this.at) / 1000) * this.spec.perSecond);
    this.at = now;
  }

  /** Resolves when this request may go; callers queue in order. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      this.refill();
      if (this.tokens < 1) {
        const waitMs = Math.ceil(((1 - this.tokens) / this.spec.perSecond) * 1000);
        await this.sleep(waitMs);
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        // the sleep is this request's wait, credited once: a test's clock that does not move
        // cannot make it spin, and a real one is not counted twice
        this.tokens = Math.min(this.spec.burst, this.tokens + (waitMs / 1000) * this.spec.perSecond);
        this.at = this.clock.now();
      }
      this.tokens -= 1;
    });
    // a cancelled turn must not block the ones behind it
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

/** One budget per platform app, created on first use. */
export class BudgetBook {
  private readonly budgets = new Map<string, RequestBudget>();
  constructor(private readonly clock: Clock, private readonly sleep: (ms: number) => Promise<void>, private readonly overrides: Partial<Record<Platform, number>> = {}) {}

  for(platform: Platform, appKey: string): RequestBudget {
    const key = `${platform}:${appKey}`;
    let b = this.budgets.get(key);
    if (!b) {
      const o = this.overrides[platform];
      const spec = o ? { perSecond: o, burst: Math.max(1, Math.round(o)) } : DEFAULT_BUDGETS[platform];
      this.budgets.set(key, (b = new RequestBudget(spec, this.clock, this.sleep)));
    }
    return b;
  }
}

/** WHARF_RATE_TAOBAO=5 … : requests per second per platform app. */
export function budgetOverrides(env: NodeJS.ProcessEnv): Partial<Record<Platform, number>> {
  const out: Partial<Record<Platform, number>> = {};
  for (const p of Object.keys(DEFAULT_BUDGETS) as Platform[]) {
    const raw = env[`WHARF_RATE_${p.toUpperCase()}`];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new Error(`WHARF_RATE_${p.toUpperCase()}=${raw} is not valid: give requests per second, more than 0 and at most 1000`);
    out[p] = n;
  }
  return out;
}
