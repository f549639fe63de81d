// The ingest worker: its own Dexie connection, so a promotion burst of thousands of orders
// never blocks scanning or scrolling on the main thread.
/// <reference lib="webworker" />
import { z } from 'zod';
import { WharfDB } from './db';
import { ingestBatch, type IngestResult } from './ingest';
import type { InboxBatch } from '../../shared/contract';

export type WorkerRequest = { id: number; batch: unknown; dbName?: string };
export type WorkerResponse = { id: number; ok: true; result: IngestResult } | { id: number; ok: false; error: string };

// strict CSP: no new Function in the worker either
z.config({ jitless: true });

const dbs = new Map<string, WharfDB>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, batch, dbName } = e.data;
  try {
    // validated against the contract when it arrived on the main thread; not parsed twice
    const parsed = batch as InboxBatch;
    const name = dbName ?? 'wharf';
    let db = dbs.get(name);
    if (!db) dbs.set(name, (db = new WharfDB(name)));
    const result = await ingestBatch(db, parsed);
    scope.postMessage({ id, ok: true, result } satisfies WorkerResponse);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse);
  }
};
