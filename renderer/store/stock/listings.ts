// The platform listings (item × SKU of a shop) Wharf has seen in orders and the SKU each sells:
// what the stock push addresses. Learnt as orders are decided — a listing's first decided line
// names it — so no catalogue download is needed. Only new or re-mapped listings are written: a
// per-database cache of known keys keeps the ingest transaction from re-writing thousands of
// unchanged rows, and what the push wrote on a row (last quantity, state) is kept.
import type { Transaction } from 'dexie';
import { OWN_CHANNEL, type OrderRow } from '../../../shared/domain/types';
import type { Decision } from '../../../shared/decide/types';
import type { WharfDB } from '../db';

export interface ListingRow {
  /** shopId|itemId|skuId */
  key: string;
  shopId: string;
  platform: string;
  itemId: string;
  skuId?: string;
  outerSkuId?: string;
  title: string;
  skuText: string;
  /** the internal SKU (or kit) this listing sells */
  sku: string;
  /** SKU units per platform unit */
  units: number;
  seenAt: number;
  /** the last quantity the platform confirmed, and when */
  pushed?: number;
  pushedAt?: number;
  /** the quantity on its way in the outbox, if any */
  queued?: number;
  /** the platform refused this listing the last time: its words */
  pushError?: string;
}

export const listingKey = (shopId: string, itemId: string, skuId?: string) => `${shopId}|${itemId}|${skuId ?? ''}`;

type OrderLike = Pick<OrderRow, 'shopId' | 'platform' | 'lines' | 'modifiedAt'> & { decision?: Decision };

/** The listings one decided order names (lines mapped to a SKU, with the platform's item id). */
export function listingsOf(row: OrderLike): ListingRow[] {
  if (!row.decision || row.platform === OWN_CHANNEL) return [];
  const byLine = new Map(row.decision.lines.map((l) => [l.lineId, l]));
  const out: ListingRow[] = [];
  for (const line of row.lines) {
    const d = byLine.get(line.lineId);
    if (!d?.sku || !line.itemId || line.qty <= 0) continue;
    out.push({
      key: listingKey(row.shopId, line.itemId, line.platformSkuId),
      shopId: row.shopId,
      platform: row.platform,
      itemId: line.itemId,
      ...(line.platformSkuId ? { skuId: line.platformSkuId } : {}),
      ...(line.outerSkuId ? { outerSkuId: line.outerSkuId } : {}),
      title: line.title,
      skuText: line.skuText,
      sku: d.sku,
      units: Math.max(1, Math.round(d.units / line.qty)),
      seenAt: row.modifiedAt,
    });
  }
  return out;
}

const known = new WeakMap<WharfDB, Map<string, string>>();
const sig = (l: Pick<ListingRow, 'sku' | 'units'>) => `${l.sku}×${l.units}`;

/**
 * Writes the listings these rows name that are new or now sell another SKU. Call inside a
 * transaction that includes db.listings.
 */
export async function learnListings(db: WharfDB, rows: Iterable<OrderLike>): Promise<number> {
  let cache = known.get(db);
  if (!cache) {
    cache = new Map();
    await db.listings.each((l) => { cache!.set(l.key, sig(l)); });
    known.set(db, cache);
  }
  const fresh = new Map<string, ListingRow>();
  for (const r of rows) for (const l of listingsOf(r)) if (cache.get(l.key) !== sig(l)) fresh.set(l.key, l);
  if (!fresh.size) return 0;
  // another thread (the ingest worker, this window) may have written some since the cache was filled
  const stored = await db.listings.bulkGet([...fresh.keys()]);
  const put: ListingRow[] = [];
  for (const [i, l] of [...fresh.values()].entries()) {
    const was = stored[i];
    if (was && sig(was) === sig(l)) { cache.set(l.key, sig(l)); continue; }
    // a re-mapped listing keeps what the platform was last told: the next push corrects it
    put.push(was ? { ...was, sku: l.sku, units: l.units, seenAt: l.seenAt, title: l.title, skuText: l.skuText } : l);
  }
  if (put.length) await db.listings.bulkPut(put);
  for (const l of put) cache.set(l.key, sig(l));
  return put.length;
}

/** Schema v4 upgrade: the listings of every order decided before listings were kept. */
export async function learnListingsFromOrders(tx: Transaction): Promise<void> {
  const found = new Map<string, ListingRow>();
  await tx.table('orders').each((o: OrderLike) => { for (const l of listingsOf(o)) { const was = found.get(l.key); if (!was || was.seenAt <= l.seenAt) found.set(l.key, l); } });
  if (found.size) await tx.table('listings').bulkPut([...found.values()]);
}
