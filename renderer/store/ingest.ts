// Writes a batch of pulled orders: events + projections in ONE Dexie transaction, so a crash
// leaves either all of it or none; re-delivery is harmless (deterministic ids, eventIds check).
import type { WharfDB, StoredEvent } from './db';
import type { InboxBatch } from '../../shared/contract';
import type { OrderRow } from '../../shared/domain/types';
import { orderEnrichedEvent, orderPulledEvent, type OrderPulledPayload, type TypedEvent } from '../../shared/events/envelope';
import { reduceOrderPulled } from '../../shared/events/orderReducer';
import { skipHostJournaled } from './journalCursor';
import { decideTables } from './decide/batch';
import { decideIngested } from './decide/onIngest';

export interface IngestResult { orders: number; newEvents: number; changedOrders: number; quarantined: number }

/** Folds order.pulled events into rows. Pure apart from the rows map it is given. */
export function foldPulled(existing: Map<string, OrderRow>, events: TypedEvent<'order.pulled'>[]): { changed: Map<string, OrderRow>; fresh: TypedEvent<'order.pulled'>[] } {
  const changed = new Map<string, OrderRow>();
  const fresh: TypedEvent<'order.pulled'>[] = [];
  const seen = new Set<string>();
  for (const ev of events) {
    if (seen.has(ev.id)) continue;
    seen.add(ev.id);
    const key = ev.orderKey!;
    const prev = changed.get(key) ?? existing.get(key);
    if (prev?.eventIds.includes(ev.id)) continue;
    fresh.push(ev);
    changed.set(key, reduceOrderPulled(prev, ev));
  }
  return { changed, fresh };
}

export async function ingestBatch(db: WharfDB, batch: Pick<InboxBatch, 'orders' | 'quarantine'>, source: OrderPulledPayload['source'] = 'api', now: () => number = Date.now, by?: { actor: string; device: string }): Promise<IngestResult> {
  // an order a person entered (manual, import) names them as its actor
  const events = batch.orders.map(({ order, payloadHash }) => ({ ...orderPulledEvent(order, payloadHash, source), ...(by ?? {}) }));
  const keys = [...new Set(events.map((e) => e.orderKey!))];
  return db.transaction('rw', [db.events, db.quarantine, ...decideTables(db)], async () => {
    const rows = await db.orders.bulkGet(keys);
    const existing = new Map<string, OrderRow>();
    rows.forEach((r) => { if (r) existing.set(r.key, r); });
    const { changed, fresh } = foldPulled(existing, events);
    // imported orders seen through the API for the first time: one enriched event each
    const enriched = [...changed.values()].filter((r) => r.enrichedAt !== undefined && existing.get(r.key)?.enrichedAt === undefined && existing.has(r.key))
      .map((r) => orderEnrichedEvent(r.key, fresh.find((e) => e.orderKey === r.key && e.payload.source === 'api')?.id ?? '', r.enrichedAt!));
    if (fresh.length) {
      const before = ((await db.events.orderBy(':id').lastKey()) as number | undefined) ?? 0;
      const after = await db.events.bulkAdd(fresh as StoredEvent[]);
      // inbox batches are journaled by the host when acknowledged (journaledByHost)
      if (source === 'api') await skipHostJournaled(db, before, after);
    }
    // decisions for arrivals (and stock given back by shipped or closed orders), same transaction
    if (changed.size) await decideIngested(db, existing, changed, now());
    if (changed.size) await db.orders.bulkPut([...changed.values()]);
    // made here, not by the host: the journal pump streams them after the host-journaled range
    if (enriched.length) await db.events.bulkAdd(enriched as StoredEvent[]);
    if (batch.quarantine.length) await db.quarantine.bulkPut(batch.quarantine);
    return { orders: batch.orders.length, newEvents: fresh.length, changedOrders: changed.size, quarantined: batch.quarantine.length };
  });
}

/** Appends locally-made events (operator switches, shop edits…) to the log. */
export async function appendEvents(db: WharfDB, events: StoredEvent[]): Promise<void> {
  if (!events.length) return;
  await db.events.bulkAdd(events);
}
