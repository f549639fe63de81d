// What the host sends the renderer for each inbox entry, remembered until it is acknowledged:
// on ack the host writes the batch's order.pulled events to the journal itself (the same
// deterministic events the renderer stored), so the renderer never streams pulled orders back
// over the socket — that stream cost as much as the ingest it followed.
import type { InboxBatch } from '../../../shared/contract';
import type { Platform } from '../../../shared/domain/types';
import { orderPulledEvent, type WharfEvent } from '../../../shared/events/envelope';
import type { Inbox, InboxEntry } from '../store/inbox';
import type { Journal } from '../store/journal';
import { entryToBatch, type MapFn } from './delivery';

/** Batches kept between delivery and ack; beyond this a late ack re-reads its entry. */
const REMEMBER = 256;

/** The events the renderer's ingest writes for a delivered batch (source 'api': from the inbox). */
export function pulledEvents(batch: Pick<InboxBatch, 'orders'>): WharfEvent[] {
  return batch.orders.map(({ order, payloadHash }) => orderPulledEvent(order, payloadHash, 'api'));
}

export class Deliveries {
  private readonly sent = new Map<string, InboxBatch>();

  constructor(private readonly inbox: Inbox, private readonly journal: Journal, private readonly mapFor: (p: Platform) => MapFn) {}

  /** The batch for an entry, as delivered (mapped once, remembered for its ack). */
  batch(entry: InboxEntry): InboxBatch {
    const known = this.sent.get(entry.batchId);
    if (known) return known;
    const b = entryToBatch(entry, this.mapFor);
    this.sent.set(entry.batchId, b);
    if (this.sent.size > REMEMBER) this.sent.delete(this.sent.keys().next().value!);
    return b;
  }

  /**
   * The renderer has committed these batches: journal their events (fsync), then trim the
   * inbox. A crash between the two re-delivers; the journal dedupes by event id.
   */
  ack(batchIds: readonly string[]): string[] {
    const events: WharfEvent[] = [];
    for (const id of batchIds) {
      const b = this.sent.get(id) ?? (() => { const e = this.inbox.read(id); return e && entryToBatch(e, this.mapFor); })();
      if (b) events.push(...pulledEvents(b));
    }
    if (events.length) this.journal.append(events);
    batchIds.forEach((id) => this.sent.delete(id));
    return this.inbox.ack(batchIds);
  }
}
