// Pulls every shop on its schedule (injectable clock): window by window from the shop's
// cursor, each page into the inbox (fsync) and delivered; the cursor moves only after a
// window's pages are all in the inbox. Errors keep the platform's own code and message.
import type { Clock } from '../../../shared/clock';
import type { ShopSyncStatus, PlatformError } from '../../../shared/contract';
import { WharfError } from '../../../shared/contract';
import type { Connector, ShopCredentials } from '../platforms/types';
import { PlatformCallError } from '../platforms/types';
import type { Inbox, InboxEntry } from '../store/inbox';
import type { CursorStore } from '../store/cursors';
import type { ShopStore } from '../store/shops';

export interface SyncDeps {
  clock: Clock;
  shops: ShopStore;
  inbox: Inbox;
  cursors: CursorStore;
  connectorFor: (creds: ShopCredentials) => Connector;
  deliver: (entry: InboxEntry) => void;
  onStatus: (s: ShopSyncStatus) => void;
  initialLookbackMs: number;
  overlapMs: number;
  log?: (msg: string) => void;
}

interface ShopRun {
  running?: Promise<void>;
  queued?: Promise<void>;
  cancelTimer?: () => void;
  lastPullAt?: number;
  lastSuccessAt?: number;
  nextPullAt?: number;
  lastPulled: number;
  totalPulled: number;
  error?: PlatformError;
}

/** Taobao keeps 3 months of trades; nobody keeps more. */
const MAX_HISTORY_MS = 90 * 86_400_000;

export function toPlatformError(e: unknown, at: number): PlatformError {
  if (e instanceof PlatformCallError) return { code: e.code, subCode: e.subCode, message: e.platformMessage, at, api: e.api, ...(e.reauthorize ? { reauthorize: true } : {}) };
  if (e instanceof WharfError) return { code: e.code, message: e.message, at };
  return { code: 'host', message: e instanceof Error ? e.message : String(e), at };
}

export class SyncEngine {
  private runs = new Map<string, ShopRun>();
  private stopped = false;

  constructor(private readonly d: SyncDeps) {}

  private run(shopId: string): ShopRun {
    let r = this.runs.get(shopId);
    if (!r) this.runs.set(shopId, (r = { lastPulled: 0, totalPulled: 0 }));
    return r;
  }

  /** Starts the schedule: every shop pulls now, then every pullIntervalMin. */
  start(): void {
    this.stopped = false;
    for (const s of this.d.shops.all()) void this.pull(s.id);
  }

  /** Stops the schedule and waits for pulls in flight (they stop at the next window). */
  async stop(): Promise<void> {
    this.stopped = true;
    const inFlight: Promise<void>[] = [];
    for (const r of this.runs.values()) {
      r.cancelTimer?.();
      if (r.running) inFlight.push(r.running);
    }
    await Promise.allSettled(inFlight);
  }

  /** Re-reads the shop list (after save/remove): new shops pull now, removed ones stop. */
  refreshShops(): void {
    const ids = new Set(this.d.shops.all().map((s) => s.id));
    for (const [id, r] of this.runs) if (!ids.has(id)) { r.cancelTimer?.(); this.runs.delete(id); }
    for (const id of ids) if (!this.runs.has(id)) void this.pull(id);
  }

  forget(shopId: string): void {
    this.runs.get(shopId)?.cancelTimer?.();
    this.runs.delete(shopId);
    this.d.cursors.delete(shopId);
  }

  status(): ShopSyncStatus[] {
    return this.d.shops.all().map((s) => this.statusOf(s.id)).filter((x): x is ShopSyncStatus => !!x);
  }

  statusOf(shopId: string): ShopSyncStatus | undefined {
    const s = this.d.shops.get(shopId);
    if (!s) return undefined;
    const r = this.run(shopId);
    const cursor = this.d.cursors.get(shopId);
    return {
      shopId, platform: s.platform, name: s.name, running: !!r.running,
      lastPullAt: r.lastPullAt, lastSuccessAt: r.lastSuccessAt, nextPullAt: r.nextPullAt,
      lagMs: cursor === undefined ? undefined : Math.max(0, this.d.clock.now() - cursor),
      lastPulled: r.lastPulled, totalPulled: r.totalPulled,
      pendingBatches: this.d.inbox.pendingCount(shopId), intervalMin: s.pullIntervalMin, error: r.error,
    };
  }

  private emit(shopId: string): void {
    const st = this.statusOf(shopId);
    if (st) this.d.onStatus(st);
  }

  /** Pulls one shop now (or all). A pull already running for that shop runs once more after. */
  pullNow(shopId?: string): string[] {
    const ids = shopId ? [shopId] : this.d.shops.all().map((s) => s.id);
    for (const id of ids) {
      if (!this.d.shops.get(id)) throw new WharfError('not_found', `shop "${id}" does not exist`);
      void this.pull(id);
    }
    return ids;
  }

  /**
   * Pulls one shop now. If a pull is already running, one more runs right after it (a "pull
   * now" during a pull must see changes made since it began); the promise covers that re-run.
   */
  pull(shopId: string): Promise<void> {
    const r = this.run(shopId);
    if (this.stopped) return Promise.resolve();
    if (r.running) {
      r.queued ??= r.running.then(() => { r.queued = undefined; return this.pull(shopId); });
      return r.queued;
    }
    r.cancelTimer?.();
    r.running = this.pullOnce(shopId).finally(() => {
      r.running = undefined;
      if (this.stopped || !this.d.shops.get(shopId)) return;
      if (!r.queued) this.schedule(shopId);
      this.emit(shopId);
    });
    this.emit(shopId);
    return r.running;
  }

  private schedule(shopId: string): void {
    const s = this.d.shops.get(shopId);
    if (!s) return;
    const r = this.run(shopId);
    const ms = Math.max(1, s.pullIntervalMin) * 60_000;
    r.nextPullAt = this.d.clock.now() + ms;
    r.cancelTimer = this.d.clock.after(ms, () => { void this.pull(shopId); });
  }

  private async pullOnce(shopId: string): Promise<void> {
    const r = this.run(shopId);
    const now = this.d.clock.now();
    r.lastPullAt = now;
    r.lastPulled = 0;
    try {
      const creds = this.d.shops.credentials(shopId);
      const connector = this.d.connectorFor(creds);
      const cursor = this.d.cursors.get(shopId) ?? now - this.d.initialLookbackMs;
      let from = Math.max(cursor - this.d.overlapMs, now - MAX_HISTORY_MS);
      // the platform's own "stop short" rule: windows never reach past what it has indexed
      const horizon = now - (connector.mandatedDelayMs ?? 0);
      while (from < horizon && !this.stopped) {
        const to = Math.min(from + connector.maxWindowMs, horizon);
        await connector.pull({
          start: from,
          end: to,
          onPage: async (orders) => {
            if (!orders.length) return;
            const entry = this.d.inbox.append({ shopId, platform: creds.platform, fetchedAt: this.d.clock.now(), raw: orders });
            r.lastPulled += orders.length;
            r.totalPulled += orders.length;
            this.d.deliver(entry);
          },
        });
        // the window's pages are all durable in the inbox: only now may the cursor move
        if (to > (this.d.cursors.get(shopId) ?? -Infinity)) this.d.cursors.set(shopId, to);
        from = to;
        this.emit(shopId);
      }
      r.error = undefined;
      r.lastSuccessAt = this.d.clock.now();
    } catch (e) {
      r.error = toPlatformError(e, this.d.clock.now());
      this.d.log?.(`pull of shop ${shopId} failed: ${r.error.code} ${r.error.message}`);
    }
  }
}
