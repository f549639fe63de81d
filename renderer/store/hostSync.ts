// Keeps the local store in step with the host: company data and shops mirrored into Dexie,
// pulled batches ingested (worker) then acknowledged, new events streamed to the journal.
import type { Client } from '../../shared/contract';
import type { WharfDB } from './db';
import type { IngestOutcome, IngestSink } from './ingestClient';
import type { Transport } from '../transport/types';
import { pumpJournal } from './journal';
import { pumpOutbox } from './outbox';
import { commitEvents } from './apply';
import { backfillDecisions } from './decide/backfill';
import { startLapseTimer } from './stock/lapseTimer';
import { startStockPushTimer } from './stock/pushTimer';
import type { PushActor } from './stock/pushSchedule';
import { systemClock, type Clock } from '../../shared/clock';
import { SYSTEM_ACTOR, type WharfEvent } from '../../shared/events/envelope';
import { sha256Hex } from '../../shared/hash';

/** how often due outbox retries are looked for while connected */
const OUTBOX_TICK_MS = 5_000;

export interface HostSyncDeps {
  db: WharfDB;
  host: Client;
  transport: Transport;
  /** starts the ingest worker; it reports each committed (or failed) set of batches */
  startIngest: (out: IngestOutcome) => IngestSink;
  onEvent: <N extends 'shops.changed' | 'company.changed'>(name: N, h: (p: never) => void) => () => void;
  onError?: (what: string, err: unknown) => void;
  /** the unpaid-lock and stock-push timers' clock (tests inject one) */
  clock?: Clock;
  /** who is signed in at this PC: stock pushes go to the host on their behalf */
  operator?: () => PushActor | undefined;
}

export async function mirrorCompany(db: WharfDB, host: Client): Promise<void> {
  const snap = await host['company.snapshot']({});
  await db.transaction('rw', [db.users, db.cursors], async () => {
    await db.users.clear();
    await db.users.bulkPut(snap.users);
    await db.cursors.put({ key: 'company', value: { name: snap.name, revision: snap.revision } });
  });
  // the setup file's SKUs, stock, warehouses, lists and rules take over once per file revision;
  // edits made here since stay until a new file is loaded
  const applied = (await db.cursors.get('setup.revision'))?.value;
  if (applied === snap.revision) return;
  await commitEvents(db, [setupAppliedEvent(snap)]);
}

/** One event per setup revision (deterministic id), so two tabs or a replay apply it once. */
export function setupAppliedEvent(snap: Awaited<ReturnType<Client['company.snapshot']>>): WharfEvent {
  const h = sha256Hex(`setup\u0000${snap.revision}`);
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-9${h.slice(17, 20)}-${h.slice(20, 32)}`,
    type: 'setup.applied', at: Date.now(), actor: SYSTEM_ACTOR, device: 'host',
    payload: { revision: snap.revision, skus: snap.skus, warehouses: snap.warehouses, onHand: snap.onHand, blacklist: snap.blacklist, mappings: snap.mappings, ...(snap.decisions !== undefined ? { decisions: snap.decisions } : {}), ...(snap.floor ? { floor: snap.floor } : {}) },
  };
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
  // Inbox batches go to the worker as the host's own frame text (parsed and validated there,
  // merged into large transactions). Each committed set is acked; acks are not awaited before
  // the next write, and one that fails is harmless (the host re-delivers, event ids dedupe).
  const ingest = d.startIngest({
    ingested: (batchIds) => {
      d.host['inbox.ack']({ batchIds }).then(() => pump(), (e) => report(`ack of batches ${batchIds.join(', ')}`, e));
    },
    // not acked: the host keeps them and re-delivers on the next connect or redeliver
    failed: (what, e) => report(what, e),
  });
  const outbox = outboxNotifier(d.db, d.host, pump, (e) => report('outbox', e));
  const refresh = async () => {
    try {
      await mirrorCompany(d.db, d.host);
      // orders from before decisions existed are decided once, after the SKU master is in
      await backfillDecisions(d.db).catch((e) => report('deciding stored orders', e));
      await mirrorShops(d.db, await d.host['shops.list']({}));
      await d.host['inbox.redeliver']({});
      pump();
      outbox();
    } catch (e) { report('refresh from host', e); }
  };
  const tick = setInterval(() => { if (d.transport.state === 'open') outbox(); }, OUTBOX_TICK_MS);
  // unpaid locks lapse whether or not the host is reachable
  const lapse = startLapseTimer(d.db, d.clock ?? systemClock, (e) => report('stock lapse', e));
  // sellable figures go back to the channels through the outbox, which waits for the host
  const push = startStockPushTimer(d.db, d.clock ?? systemClock, { actor: d.operator ?? (() => undefined), queued: () => { if (d.transport.state === 'open') outbox(); }, onError: (e) => report('stock push', e) });
  const offs = [
    d.transport.onFrame('inbox.batch', (text) => ingest.pushFrame(text)),
    d.onEvent('shops.changed', ((p: { shops: Awaited<ReturnType<Client['shops.list']>> }) => { void mirrorShops(d.db, p.shops); }) as (p: never) => void),
    d.onEvent('company.changed', (() => { void mirrorCompany(d.db, d.host).catch((e) => report('company', e)); }) as (p: never) => void),
    d.transport.onState((s) => { if (s === 'open') void refresh(); }),
  ];
  if (d.transport.state === 'open') void refresh();
  return () => { clearInterval(tick); lapse.stop(); push.stop(); offs.forEach((o) => o()); };
}

/** One outbox pass at a time per database; a request during a pass runs one more after it. */
const outboxPumps = new WeakMap<WharfDB, () => void>();
export function outboxNotifier(db: WharfDB, host: Client, journal: () => void = () => undefined, report: (e: unknown) => void = (e) => console.error('[wharf] outbox', e)): () => void {
  const existing = outboxPumps.get(db);
  if (existing) return existing;
  let running = false;
  let again = false;
  const pump = () => {
    if (running) { again = true; return; }
    running = true;
    pumpOutbox(db, host, () => Date.now()).catch(report).finally(() => {
      running = false;
      journal(); // the pass recorded its answers as events: stream them to the host's journal
      if (again) { again = false; pump(); }
    });
  };
  outboxPumps.set(db, pump);
  return pump;
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
