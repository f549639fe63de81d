// The ordered key list (and count) behind the virtual table. Any write to the orders table —
// here or in the ingest worker — marks it stale; it is re-read after a quiet spell (trailing
// debounce with a ceiling), so a burst of thousands of ingested orders costs a few re-reads,
// not one per batch, and the list still moves during a long burst.
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import type { WharfDB } from '../../store/db';
import { countPool, poolKeys, type PoolFilter } from '../../store/pool';

export interface PoolKeysState {
  keys?: string[];
  count?: number;
  /** bumps on every re-read: visible rows are re-fetched when it changes */
  version: number;
  loading: boolean;
  error?: unknown;
}

export interface RefreshTiming {
  /** quiet time after the last change before re-reading, ms */
  debounceMs: number;
  /** longest a change waits during a continuous burst, ms */
  maxWaitMs: number;
}

export const DEFAULT_REFRESH: RefreshTiming = { debounceMs: 400, maxWaitMs: 2500 };

export function usePoolKeys(db: WharfDB, filter: PoolFilter, timing: RefreshTiming = DEFAULT_REFRESH): PoolKeysState {
  const [state, setState] = useState<PoolKeysState>({ version: 0, loading: true });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const f: PoolFilter = JSON.parse(filterKey);
    let cancelled = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let staleSince = 0;

    const load = async () => {
      if (running) { again = true; return; }
      running = true;
      setState((s) => (s.loading ? s : { ...s, loading: true }));
      try {
        // countPool answers from index counts, so the number shows even while keys load
        const countP = countPool(db, f).then((count) => { if (!cancelled) setState((s) => ({ ...s, count })); });
        const keys = await poolKeys(db, f);
        await countP;
        if (!cancelled) setState((s) => ({ keys, count: s.count, version: s.version + 1, loading: false }));
      } catch (error) {
        if (!cancelled) setState((s) => ({ ...s, loading: false, error }));
      } finally {
        running = false;
        if (again && !cancelled) { again = false; schedule(); }
      }
    };

    const schedule = () => {
      const now = Date.now();
      staleSince ||= now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(timing.debounceMs, staleSince + timing.maxWaitMs - now));
      timer = setTimeout(() => { staleSince = 0; void load(); }, wait);
    };

    void load();
    let first = true;
    // count() reads the whole table's range, so every put/delete in orders re-runs it
    const sub = liveQuery(() => db.orders.count()).subscribe({
      next: () => { if (first) { first = false; return; } schedule(); },
      error: (e: unknown) => console.error('[wharf] pool live query', e),
    });
    return () => { cancelled = true; clearTimeout(timer); sub.unsubscribe(); };
  }, [db, filterKey, timing.debounceMs, timing.maxWaitMs]);

  return state;
}
