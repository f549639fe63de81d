// The unpaid-lock timer: sleeps on the injected clock until the next unpaid lock runs out, then
// releases every lock due, dated at its own lapse. Locks and their times live in the store, so
// the timer picks up after a restart or a night offline exactly where it left off (a lock that
// ran out while the PC was off is released as of when it ran out).
import type { Clock } from '../../../shared/clock';
import type { WharfDB } from '../db';
import { StockTx, stockTables } from './ledgerTx';
import { lapseIfDue } from './orderLocks';

/** Look again at least this often: locks written by the ingest worker meanwhile are noticed. */
export const LAPSE_POLL_MS = 60_000;

/** Releases every unpaid lock due by `now`. Returns the order keys released. */
export async function releaseLapsedLocks(db: WharfDB, now: number): Promise<string[]> {
  return db.transaction('rw', [db.orders, ...stockTables(db)], async () => {
    const due = await db.locks.where('unpaidUntil').belowOrEqual(now).toArray();
    if (!due.length) return [];
    const tx = new StockTx(db);
    await tx.loadLocks(due.map((l) => l.id));
    const released = due.filter((l) => lapseIfDue(tx, l.id, now)).map((l) => l.id);
    await tx.save();
    // the order's allocation no longer holds stock: its detail says why
    const rows = (await db.orders.bulkGet(released)).filter((r) => !!r);
    await db.orders.bulkPut(rows.map((r) => {
      const d = r!.decision;
      if (!d?.allocation?.committed) return r!;
      return { ...r!, decision: { ...d, allocation: { ...d.allocation, committed: false }, reasons: [...d.reasons, '未付款超时：锁定库存已自动释放'] } };
    }));
    return released;
  });
}

export interface LapseTimer { stop(): void; /** look now (after a write that may have added a lock) */ poke(): void }

export function startLapseTimer(db: WharfDB, clock: Clock, onError: (e: unknown) => void = (e) => console.error('[wharf] stock lapse', e), onReleased?: (keys: string[]) => void): LapseTimer {
  let cancel: (() => void) | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;
  const run = async () => {
    cancel?.();
    cancel = undefined;
    try {
      const keys = await releaseLapsedLocks(db, clock.now());
      if (keys.length) onReleased?.(keys);
      const next = (await db.locks.orderBy('unpaidUntil').first())?.unpaidUntil;
      if (stopped) return;
      const wait = next === undefined ? LAPSE_POLL_MS : Math.min(LAPSE_POLL_MS, Math.max(0, next - clock.now()));
      cancel = clock.after(wait, () => { running = run(); });
    } catch (e) {
      onError(e);
      if (!stopped) cancel = clock.after(LAPSE_POLL_MS, () => { running = run(); });
    }
  };
  running = run();
  return {
    stop() { stopped = true; cancel?.(); },
    poke() { void (running ?? Promise.resolve()).then(() => { if (!stopped) running = run(); }); },
  };
}
