// Main-thread handle on the ingest worker: hands it inbox.batch frames as text and hears which
// batches committed (to ack them) or failed (left for the host to re-deliver).
import type { IngestResult } from './ingest';
import type { WorkerRequest, WorkerResponse } from './ingestWorker';

export interface IngestSink {
  /** an inbox.batch frame exactly as the host sent it */
  pushFrame(text: string): void;
}
export interface IngestOutcome {
  ingested(batchIds: string[], result: IngestResult): void;
  failed(what: string, error: unknown): void;
}

export function createWorkerIngest(out: IngestOutcome, dbName = 'wharf'): IngestSink {
  // written inline so the bundler sees and builds the worker
  const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url), { type: 'module', name: 'wharf-ingest' });
  worker.postMessage({ kind: 'open', dbName } satisfies WorkerRequest);
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const m = e.data;
    if (m.kind === 'ingested') out.ingested(m.batchIds, m.result);
    else if (m.kind === 'failed') out.failed(`ingest of batches ${m.batchIds.join(', ')}`, new Error(m.error));
    else out.failed('inbox batch', new Error(m.error));
  };
  worker.onerror = (e) => out.failed('ingest worker', new Error(`the ingest worker crashed: ${e.message}`));
  return { pushFrame: (text) => worker.postMessage({ kind: 'frame', text } satisfies WorkerRequest) };
}
