// The ordered key list (and count) behind the virtual table.
// - First paint: the newest page (queryPool, a keyset read of ~100 rows) shows at once; the
//   full key list (poolKeys) follows and makes every row reachable. At 200,000 orders the
//   full list takes seconds in Chromium's IndexedDB, the first page a few ms.
// - Live: any write to the orders table — here or in the ingest worker (Dexie relays those
//   over BroadcastChannel) — marks the list stale. It is re-read after a quiet spell, with a
//   ceiling so a long burst still moves the list, and never more often than the last re-read
//   took ×2 (×3 during a continuous burst), so a big pool cannot keep IndexedDB busy
//   re-reading while the ingest worker writes. (×8 was tried: ~6 % faster ingest at 200,000,
//   but the screen then took a minute, not 11 s, to show the end of a burst.)
import { startTransition, useEffect, useState } from 'react';
import Dexie from 'dexie';
import type { OrderRow } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { countPool, poolKeys, queryPool, type PoolFilter } from '../../store/pool';

export interface PoolKeysState {
  keys?: string[];
  /** keys holds only the first page so far; count says how many rows there are */
  partial: boolean;
  /** rows already read with the keys (the first page): shown without a second read */
  seed?: OrderRow[];
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
export const FIRST_PAGE = 100;

/** Calls `fn` whenever a transaction that touched `table` commits (any tab or worker). */
export function onTableChange(db: WharfDB, table: string, fn: () => void): () => void {
  const prefix = `idb://${db.name}/${table}/`;
  const listener = (parts: Record<string, unknown>) => {
    for (const k in parts) if (k.startsWith(prefix)) { fn(); return; }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

export function usePoolKeys(db: WharfDB, filter: PoolFilter, timing: RefreshTiming = DEFAULT_REFRESH): PoolKeysState {
  const [state, setState] = useState<PoolKeysState>({ version: 0, loading: true, partial: false });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const f: PoolFilter = JSON.parse(filterKey);
    let cancelled = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let staleSince = 0;
    let lastCost = 0;
    // a transition: re-rendering the table for a refresh yields to input and never holds the
    // main thread for long during an ingest burst
    const set = (fn: (s: PoolKeysState) => PoolKeysState) => { if (!cancelled) startTransition(() => setState(fn)); };

    const load = async (first: boolean) => {
      if (running) { again = true; return; }
      running = true;
      const started = Date.now();
      set((s) => (s.loading ? s : { ...s, loading: true }));
      try {
        if (first) {
          const page = await queryPool(db, f, FIRST_PAGE);
          set((s) => ({ ...s, keys: page.rows.map((r) => r.key), seed: page.rows, partial: !!page.next, version: s.version + 1 }));
        }
        // count comes from index counts: the scrollbar is right before the full list arrives
        const countP = countPool(db, f).then((count) => set((s) => ({ ...s, count })));
        const keys = await poolKeys(db, f);
        await countP;
        set((s) => ({ keys, seed: undefined, partial: false, count: keys.length, version: s.version + 1, loading: false }));
      } catch (error) {
        set((s) => ({ ...s, loading: false, error }));
      } finally {
        lastCost = Date.now() - started;
        running = false;
        if (again && !cancelled) { again = false; schedule(); }
      }
    };

    const schedule = () => {
      const now = Date.now();
      staleSince ||= now;
      clearTimeout(timer);
      const quiet = Math.max(timing.debounceMs, lastCost * 2);
      const ceiling = Math.max(timing.maxWaitMs, lastCost * 3);
      const wait = Math.max(0, Math.min(quiet, staleSince + ceiling - now));
      timer = setTimeout(() => { staleSince = 0; void load(false); }, wait);
    };

    setState((s) => ({ ...s, keys: undefined, seed: undefined, partial: false, count: undefined, error: undefined }));
    void load(true);
    const off = onTableChange(db, 'orders', schedule);
    return () => { cancelled = true; clearTimeout(timer); off(); };
  }, [db, filterKey, timing.debounceMs, timing.maxWaitMs]);

  return state;
}
