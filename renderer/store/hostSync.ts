// Keeps the local store in step with the host: company data and shops mirrored into Dexie,
// pulled batches ingested (worker) then acknowledged, new events streamed to the journal.
import type { Client } from '../../shared/contract';
import type { InboxBatch } from '../../shared/contract';
import type { WharfDB } from './db';
import type { Ingestor } from './ingestClient';
import type { Transport } from '../transport/types';
import { pumpJournal } from './journal';

/** Largest merged ingest transaction, in orders. */
export const MERGE_LIMIT = 2000;

export interface HostSyncDeps {
  db: WharfDB;
  host: Client;
  transport: Transport;
  ingestor: Ingestor;
  onEvent: <N extends 'inbox.batch' | 'shops.changed' | 'company.changed'>(name: N, h: (p: never) => void) => () => void;
  onError?: (what: string, err: unknown) => void;
}

export async function mirrorCompany(db: WharfDB, host: Client): Promise<void> {
  const snap = await host['company.snapshot']({});
  await db.transaction('rw', [db.skus, db.warehouses, db.users, db.cursors], async () => {
    await Promise.all([db.skus.clear(), db.warehouses.clear(), db.users.clear()]);
    await db.skus.bulkPut(snap.skus);
    await db.warehouses.bulkPut(snap.warehouses);
    await db.users.bulkPut(snap.users);
    await db.cursors.put({ key: 'company', value: { name: snap.name, revision: snap.revision } });
  });
}

export async function mirrorShops(db: WharfDB, shops: Awaited<ReturnType<Client['shops.list']>>): Promise<void> {
  await db.transaction('rw', db.shops, async () => {
    await db.shops.clear();
    await db.shops.bulkPut(shops);
  });
}

export function startHostSync(d: HostSyncDeps): () => void {
  const report = d.onError ?? ((what, err) => console.error(`[wharf] ${what}`, err));
  const pump = guardedJournalPump(d.db, d.host, (e) => report('journal', e));
  // Batches are ingested in arrival order. Those that queue up while the worker is busy are
  // merged into one transaction (up to MERGE_LIMIT orders): a promotion burst of small pages
  // costs a few large writes instead of hundreds of small ones. Each is acked after commit.
  const queue: InboxBatch[] = [];
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (queue.length) {
        const take: InboxBatch[] = [];
        let n = 0;
        while (queue.length && (take.length === 0 || n + queue[0]!.orders.length <= MERGE_LIMIT)) {
          const b = queue.shift()!;
          if (take.some((t) => t.batchId === b.batchId)) continue;
          take.push(b);
          n += b.orders.length;
        }
        const merged: InboxBatch = { ...take[0]!, orders: take.flatMap((b) => b.orders), quarantine: take.flatMap((b) => b.quarantine) };
        try {
          await d.ingestor.ingest(merged);
          await d.host['inbox.ack']({ batchIds: take.map((b) => b.batchId) });
          pump();
        } catch (e) {
          // not acked: the host keeps it and re-delivers on the next connect or redeliver
          report(`ingest of batches ${take.map((b) => b.batchId).join(', ')}`, e);
        }
      }
    } finally {
      draining = false;
    }
  };
  const onBatch = (b: InboxBatch) => {
    queue.push(b);
    void drain();
  };
  const refresh = async () => {
    try {
      await mirrorCompany(d.db, d.host);
      await mirrorShops(d.db, await d.host['shops.list']({}));
      await d.host['inbox.redeliver']({});
      pump();
    } catch (e) { report('refresh from host', e); }
  };
  const offs = [
    d.onEvent('inbox.batch', onBatch as (p: never) => void),
    d.onEvent('shops.changed', ((p: { shops: Awaited<ReturnType<Client['shops.list']>> }) => { void mirrorShops(d.db, p.shops); }) as (p: never) => void),
    d.onEvent('company.changed', (() => { void mirrorCompany(d.db, d.host).catch((e) => report('company', e)); }) as (p: never) => void),
    d.transport.onState((s) => { if (s === 'open') void refresh(); }),
  ];
  if (d.transport.state === 'open') void refresh();
  return () => offs.forEach((o) => o());
}

/**
 * One journal push at a time per database, whoever asks (ingest, local mutators): a request
 * made while a push runs is folded into one more push after it.
 */
const pumps = new WeakMap<WharfDB, () => void>();
function guardedJournalPump(db: WharfDB, host: Client, report: (e: unknown) => void): () => void {
  const existing = pumps.get(db);
  if (existing) return existing;
  let running = false;
  let again = false;
  const pump = () => {
    if (running) { again = true; return; }
    running = true;
    pumpJournal(db, host).catch(report).finally(() => {
      running = false;
      if (again) { again = false; pump(); }
    });
  };
  pumps.set(db, pump);
  return pump;
}

/** Lets local mutators ask for a journal push after they write. */
export function journalNotifier(db: WharfDB, host: Client): () => void {
  return guardedJournalPump(db, host, (e) => console.error('[wharf] journal', e));
}
