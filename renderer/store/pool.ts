// The pool's data source: keyset queries on compound indexes (never .offset()), newest first.
// One function answers "first N rows" fast; a window over the full ordered key list serves
// the virtual table's scrolling.
import type { Collection } from 'dexie';
import type { ChannelStatus, Fulfilment, OrderRow } from '../../shared/domain/types';
import type { WharfDB } from './db';

export interface PoolFilter {
  shopIds?: string[];
  channelStatuses?: ChannelStatus[];
  fulfilments?: Fulfilment[];
  /** created-time range, epoch ms, inclusive */
  from?: number;
  to?: number;
  /** order id (prefix ≥ 6 digits), tracking no, phone last 4, masked receiver name, merge key */
  search?: string;
  /** only orders carrying at least one open hold */
  heldOnly?: boolean;
}

export interface PoolCursor { createdAt: number; key: string }

const MIN = -Infinity;
const MAX = Infinity;
const SEARCH_CAP = 5000;

/** Which search-token prefixes a query string can mean. */
export function searchPrefixes(raw: string): { prefix: string; exact: boolean }[] {
  const q = raw.trim();
  if (!q) return [];
  const out: { prefix: string; exact: boolean }[] = [];
  if (/^\d{4}$/.test(q)) out.push({ prefix: `p:${q}`, exact: true });
  if (/^\d{6,}$/.test(q)) out.push({ prefix: `o:${q}`, exact: false });
  if (/^[A-Za-z0-9-]{6,}$/.test(q)) out.push({ prefix: `t:${q.toUpperCase()}`, exact: false });
  if (!/^\d+$/.test(q)) {
    out.push({ prefix: `n:${q}`, exact: false });
    out.push({ prefix: `m:${q}`, exact: true });
  }
  return out;
}

function matches(r: OrderRow, f: PoolFilter): boolean {
  if (f.shopIds?.length && !f.shopIds.includes(r.shopId)) return false;
  if (f.channelStatuses?.length && !f.channelStatuses.includes(r.channelStatus)) return false;
  if (f.fulfilments?.length && !f.fulfilments.includes(r.fulfilment)) return false;
  if (f.from !== undefined && r.createdAt < f.from) return false;
  if (f.to !== undefined && r.createdAt > f.to) return false;
  if (f.heldOnly && !r.holds.some((h) => !h.clearedAt)) return false;
  return true;
}

function newestFirst(a: OrderRow, b: OrderRow): number {
  return b.createdAt - a.createdAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

function afterCursor(r: OrderRow, c?: PoolCursor): boolean {
  return !c || r.createdAt < c.createdAt || (r.createdAt === c.createdAt && r.key < c.key);
}

/** The single index range that best narrows this filter, newest first. */
function indexCollections(db: WharfDB, f: PoolFilter, c?: PoolCursor, newestFirst = true): Collection<OrderRow, string>[] {
  const lo = f.from ?? MIN;
  const hi = Math.min(f.to ?? MAX, c?.createdAt ?? MAX);
  const dir = (c: Collection<OrderRow, string>) => (newestFirst ? c.reverse() : c);
  const byCompound = (index: string, values: readonly string[]) =>
    values.map((v) => dir(db.orders.where(index).between([v, lo], [v, hi], true, true)));
  if (f.channelStatuses?.length) return byCompound('[channelStatus+createdAt]', f.channelStatuses);
  if (f.fulfilments?.length) return byCompound('[fulfilment+createdAt]', f.fulfilments);
  if (f.shopIds?.length) return byCompound('[shopId+createdAt]', f.shopIds);
  return [dir(db.orders.where('createdAt').between(lo, hi, true, true))];
}

async function searchRows(db: WharfDB, f: PoolFilter): Promise<OrderRow[]> {
  const keys = new Set<string>();
  for (const { prefix, exact } of searchPrefixes(f.search ?? '')) {
    const coll = exact ? db.orders.where('terms').equals(prefix) : db.orders.where('terms').startsWith(prefix);
    for (const k of await coll.limit(SEARCH_CAP).primaryKeys()) keys.add(k);
  }
  const rows = await db.orders.bulkGet([...keys]);
  return rows.filter((r): r is OrderRow => !!r && matches(r, f)).sort(newestFirst);
}

/** First `limit` rows after the cursor (newest first). */
export async function queryPool(db: WharfDB, f: PoolFilter, limit = 50, after?: PoolCursor): Promise<{ rows: OrderRow[]; next?: PoolCursor }> {
  let rows: OrderRow[];
  if (f.search?.trim()) {
    rows = (await searchRows(db, f)).filter((r) => afterCursor(r, after)).slice(0, limit);
  } else if (!after && !needsRowFilter(f)) {
    // The index range is the whole filter: walk keys only (no row values cross into the page
    // for entries that are not shown), then read just the rows that are.
    const parts = await Promise.all(indexCollections(db, f).map((c) => c.limit(limit).primaryKeys()));
    rows = (await rowsByKeys(db, parts.flat())).sort(newestFirst).slice(0, limit);
  } else {
    const parts = await Promise.all(indexCollections(db, f, after).map((c) => c.filter((r) => afterCursor(r, after) && matches(r, f)).limit(limit).toArray()));
    rows = parts.flat().sort(newestFirst).slice(0, limit);
  }
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? { createdAt: last.createdAt, key: last.key } : undefined };
}

/** Needs the rows themselves to decide (filters beyond the chosen index)? */
function needsRowFilter(f: PoolFilter): boolean {
  const dims = [f.channelStatuses?.length, f.fulfilments?.length, f.shopIds?.length].filter(Boolean).length;
  return dims > 1 || !!f.heldOnly;
}

export async function countPool(db: WharfDB, f: PoolFilter): Promise<number> {
  if (f.search?.trim()) return (await searchRows(db, f)).length;
  const colls = indexCollections(db, f);
  if (needsRowFilter(f)) {
    const counts = await Promise.all(colls.map((c) => c.filter((r) => matches(r, f)).count()));
    return counts.reduce((a, b) => a + b, 0);
  }
  const counts = await Promise.all(colls.map((c) => c.count()));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The ordered primary keys of the whole result, for the virtual table: scrolling anywhere
 * bulk-gets just the visible window. Keys only, so 200k rows stay cheap.
 */
export async function poolKeys(db: WharfDB, f: PoolFilter): Promise<string[]> {
  if (f.search?.trim() || needsRowFilter(f)) {
    if (f.search?.trim()) return (await searchRows(db, f)).map((r) => r.key);
    const parts = await Promise.all(indexCollections(db, f).map((c) => c.filter((r) => matches(r, f)).toArray()));
    return parts.flat().sort(newestFirst).map((r) => r.key);
  }
  // Read keys in index order (forward: IndexedDB's native getAllKeys, fast) and reverse in
  // memory. A reversed read walks a cursor key by key: seconds at 200k rows, and it holds up
  // every other read of the store meanwhile.
  const colls = indexCollections(db, f, undefined, false);
  if (colls.length === 1) return (await colls[0]!.primaryKeys()).reverse();
  const lists = await Promise.all(colls.map(async (c) => {
    const [ks, pks] = await Promise.all([c.keys(), c.primaryKeys()]);
    return pks.map((k, i) => ({ key: k, createdAt: (ks[i] as unknown as [string, number])[1] }));
  }));
  return lists.flat().sort((a, b) => b.createdAt - a.createdAt || (a.key < b.key ? 1 : -1)).map((x) => x.key);
}

export async function rowsByKeys(db: WharfDB, keys: string[]): Promise<OrderRow[]> {
  const rows = await db.orders.bulkGet(keys);
  return rows.filter((r): r is OrderRow => !!r);
}

export async function orderTimeline(db: WharfDB, key: string) {
  return (await db.events.where('orderKey').equals(key).toArray()).sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
}
