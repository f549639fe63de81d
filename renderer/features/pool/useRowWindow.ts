// Fetches only the rows the virtual table shows (plus a margin), by key. Rows already read
// stay cached while scrolling; when the key list is re-read (version bump) the visible rows
// are fetched again and replace the old ones only when they arrive, so nothing flickers.
import { startTransition, useEffect, useRef, useState } from 'react';
import type { OrderRow } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { rowsByKeys } from '../../store/pool';

/** rows read beyond the visible window on each side */
const MARGIN = 30;
/** cached rows kept before the cache is trimmed to the window */
const CACHE_MAX = 3000;

/** null = the key no longer exists (deleted between the key read and the row read) */
export type RowCache = ReadonlyMap<string, OrderRow | null>;

export function useRowWindow(db: WharfDB, keys: readonly string[] | undefined, version: number, start: number, end: number, seed?: readonly OrderRow[]): RowCache {
  const [rows, setRows] = useState<RowCache>(new Map());
  const cache = useRef({ version: -1, fetching: -1, map: new Map<string, OrderRow | null>(), pending: new Set<string>() });

  // rows that came with the keys start this version's cache: no read, no wait
  useEffect(() => {
    if (!seed?.length) return;
    const c = cache.current;
    c.map = new Map(seed.map((r) => [r.key, r]));
    c.version = version;
    c.fetching = version;
    c.pending.clear();
    setRows(new Map(c.map));
  }, [seed, version]);

  useEffect(() => {
    if (!keys?.length || end < start) return;
    const lo = Math.max(0, start - MARGIN);
    const hi = Math.min(keys.length, end + MARGIN + 1);
    const wanted = keys.slice(lo, hi);
    const c = cache.current;
    const stale = c.version !== version;
    if (stale && c.fetching !== version) { c.pending.clear(); c.fetching = version; }
    const missing = wanted.filter((k) => (stale || !c.map.has(k)) && !c.pending.has(k));
    if (!missing.length) return;
    missing.forEach((k) => c.pending.add(k));
    void rowsByKeys(db, missing).then((found) => {
      const cur = cache.current;
      // an answer for a key list that has since been re-read would bring back old rows
      if (cur.fetching !== version) return;
      if (stale && cur.version !== version) {
        // first answer for the new version: old rows go, except those still on screen
        // (they are replaced as their own answers arrive)
        const keep = new Map<string, OrderRow | null>();
        for (const k of wanted) if (cur.map.has(k)) keep.set(k, cur.map.get(k)!);
        cur.map = keep;
        cur.version = version;
      }
      const byKey = new Map(found.map((r) => [r.key, r]));
      for (const k of missing) {
        cur.pending.delete(k);
        cur.map.set(k, byKey.get(k) ?? null);
      }
      if (cur.map.size > CACHE_MAX) {
        const trimmed = new Map<string, OrderRow | null>();
        for (const k of wanted) if (cur.map.has(k)) trimmed.set(k, cur.map.get(k)!);
        cur.map = trimmed;
      }
      const next = new Map(cur.map);
      startTransition(() => setRows(next));
    }, (err) => {
      missing.forEach((k) => cache.current.pending.delete(k));
      console.error('[wharf] pool rows', err);
    });
  }, [db, keys, version, start, end]);

  return rows;
}
