// The ingest worker: its own Dexie connection, so a promotion burst of thousands of orders
// never blocks scanning or scrolling on the main thread. It receives inbox.batch frames as the
// host sent them (text): parsing and zod validation happen here, not on the UI thread.
/// <reference lib="webworker" />
import { z } from 'zod';
import { decodeEventFrame } from '../../shared/contract';
import { describeIssues } from '../../shared/domain/company';
import { WharfDB } from './db';
import { createIngestQueue } from './ingestQueue';
import type { IngestResult } from './ingest';

export type WorkerRequest = { kind: 'open'; dbName: string } | { kind: 'frame'; text: string };
export type WorkerResponse =
  | { kind: 'ingested'; batchIds: string[]; result: IngestResult }
  | { kind: 'failed'; batchIds: string[]; error: string }
  | { kind: 'rejected'; error: string };

// strict CSP: no new Function in the worker either
z.config({ jitless: true });

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerResponse) => scope.postMessage(m);
let queue: ReturnType<typeof createIngestQueue> | undefined;

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.kind === 'open') {
    queue = createIngestQueue(new WharfDB(m.dbName), {
      done: (batchIds, result) => post({ kind: 'ingested', batchIds, result }),
      failed: (batchIds, err) => post({ kind: 'failed', batchIds, error: err instanceof Error ? err.message : String(err) }),
    });
    return;
  }
  try {
    if (!queue) throw new Error('the ingest worker got a batch before its database was opened');
    queue.push(decodeEventFrame(m.text, 'inbox.batch'));
  } catch (err) {
    // a frame that does not match the contract is never acked: it is reported, not stored
    const msg = err instanceof z.ZodError ? describeIssues(err.issues) : err instanceof Error ? err.message : String(err);
    post({ kind: 'rejected', error: `inbox.batch from the host failed validation: ${msg}` });
  }
};
