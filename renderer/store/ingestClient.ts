// Main-thread handle on the ingest worker. Falls back to ingesting on the main thread only
// where workers are unavailable (tests in Node).
import type { InboxBatch } from '../../shared/contract';
import type { IngestResult } from './ingest';
import type { WorkerRequest, WorkerResponse } from './ingestWorker';

export interface Ingestor { ingest(batch: InboxBatch): Promise<IngestResult> }

export function createWorkerIngestor(dbName?: string): Ingestor {
  const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url), { type: 'module', name: 'wharf-ingest' });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: IngestResult) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.ok) w.resolve(e.data.result);
    else w.reject(new Error(`ingest failed: ${e.data.error}`));
  };
  worker.onerror = (e) => {
    for (const [id, w] of waiting) { w.reject(new Error(`ingest worker crashed: ${e.message}`)); waiting.delete(id); }
  };
  return {
    ingest(batch) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, batch, dbName } satisfies WorkerRequest);
      });
    },
  };
}
