// Turns an inbox entry into the batch the renderer ingests: each raw payload mapped to an
// Order (or quarantined with its reason — the rest of the batch still lands) and hashed.
import '../nativeHash';
import type { InboxBatch } from '../../../shared/contract';
import type { NormalizedOrder, Platform, QuarantineEntry } from '../../../shared/domain/types';
import { canonicalJson, sha256Hex } from '../../../shared/hash';
import { MapError } from '../platforms/types';
import type { InboxEntry } from '../store/inbox';

export type MapFn = (payload: unknown, shopId: string) => NormalizedOrder;

export function entryToBatch(entry: InboxEntry, mapFor: (p: Platform) => MapFn): InboxBatch {
  const map = mapFor(entry.platform);
  const orders: InboxBatch['orders'] = [];
  const quarantine: QuarantineEntry[] = [];
  entry.raw.forEach((raw, i) => {
    const rawText = canonicalJson(raw.payload);
    const payloadHash = sha256Hex(rawText);
    try {
      orders.push({ order: map(raw.payload, entry.shopId), payloadHash });
    } catch (e) {
      const where = e instanceof MapError ? e.where : `order ${raw.orderId || `#${i + 1}`}`;
      quarantine.push({
        id: `${entry.platform}:${entry.shopId}:${raw.orderId || 'unknown'}:${payloadHash.slice(0, 16)}`,
        shopId: entry.shopId,
        platform: entry.platform,
        orderId: raw.orderId || undefined,
        reason: e instanceof Error ? e.message : String(e),
        where,
        at: entry.fetchedAt,
        raw: rawText.slice(0, 20_000),
      });
    }
  });
  return { batchId: entry.batchId, shopId: entry.shopId, platform: entry.platform, fetchedAt: entry.fetchedAt, orders, quarantine };
}
