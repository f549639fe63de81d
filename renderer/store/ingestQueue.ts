// Batches are ingested in arrival order. Those that queue up while a write runs are merged
// into one transaction (up to MERGE_LIMIT orders): a promotion burst of small pages costs a few
// large writes instead of hundreds of small ones. Runs inside the ingest worker (or in-thread
// where there are no workers); the caller acks each merged set after it commits.
import type { InboxBatch } from '../../shared/contract';
import type { WharfDB } from './db';
import { ingestBatch, type IngestResult } from './ingest';

/** Largest merged ingest transaction, in orders. */
export const MERGE_LIMIT = 2000;

export interface IngestQueueEvents {
  /** committed: these batches may be acknowledged to the host */
  done(batchIds: string[], result: IngestResult): void;
  /** not committed: not acked, so the host keeps them and re-delivers on the next connect */
  failed(batchIds: string[], error: unknown): void;
}

export function createIngestQueue(db: WharfDB, on: IngestQueueEvents): { push(b: InboxBatch): void; idle(): Promise<void> } {
  const queue: InboxBatch[] = [];
  let draining: Promise<void> | undefined;

  const drain = async () => {
    while (queue.length) {
      const take: InboxBatch[] = [];
      let n = 0;
      while (queue.length && (take.length === 0 || n + queue[0]!.orders.length <= MERGE_LIMIT)) {
        const b = queue.shift()!;
        if (take.some((t) => t.batchId === b.batchId)) continue;
        take.push(b);
        n += b.orders.length;
      }
      const ids = take.map((b) => b.batchId);
      try {
        const result = await ingestBatch(db, { orders: take.flatMap((b) => b.orders), quarantine: take.flatMap((b) => b.quarantine) });
        on.done(ids, result);
      } catch (e) {
        on.failed(ids, e);
      }
    }
  };

  return {
    push(b) {
      queue.push(b);
      draining ??= drain().finally(() => { draining = undefined; });
    },
    idle: async () => { while (draining) await draining; },
  };
}
