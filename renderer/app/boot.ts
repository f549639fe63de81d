// Start-up, in order: transport (connection banner follows its state), persistent storage
// request, the local database, then host sync (mirrors company + shops, ingests pulled
// batches in the worker, streams events to the journal) and the host's app info.
// Nothing here reloads or redirects the page: a failure is shown and retried in place.
import { host, onHostEvent, startTransport } from '../transport/client';
import type { Transport } from '../transport/types';
import { getDb, type WharfDB } from '../store/db';
import { journalNotifier, startHostSync, type HostSyncDeps } from '../store/hostSync';
import { createWorkerIngest } from '../store/ingestClient';
import { installDiagnostics } from '../store/diagnostics';
import { startScanService } from '../features/scan';
import { setJournalNotifier, useOperatorStore } from '../features/operator';
import { checkJournalOffer } from '../features/settings';
import { useAppState } from './appState';
import { requestPersistentStorage } from './storage';

export interface Booted { db: WharfDB; stop(): void }

/** Local events are pushed to the journal at most this often (ms), coalescing bursts. */
const JOURNAL_NUDGE_MS = 300;

function coalesce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => { timer = undefined; fn(); }, ms);
  };
}

/** Runs a host request now; if it fails (host unreachable), again at every reconnect until it succeeds. */
function untilAnswered(transport: Transport, what: string, fn: () => Promise<unknown>): () => void {
  let done = false;
  const attempt = () => {
    fn().then(() => { done = true; off(); }, (err: unknown) => console.warn(`[wharf] ${what} failed; retrying after reconnect`, err));
  };
  const off = transport.onState((s) => { if (s === 'open' && !done) attempt(); });
  attempt();
  return off;
}

async function boot(): Promise<Booted> {
  const transport = startTransport();
  const app = useAppState.getState();
  app.setConnection(transport.state);
  const offs: (() => void)[] = [transport.onState((s) => useAppState.getState().setConnection(s))];

  void requestPersistentStorage().then((s) => useAppState.getState().setStorage(s));

  const db = getDb();
  await db.open();
  // counted before sync starts ingesting: an empty store at start is what makes a replay useful
  const localEmpty = (await db.events.count()) === 0;
  // read-only window.wharfDiagnostics for support tools and the benchmarks
  installDiagnostics(db);

  startScanService();
  setJournalNotifier(coalesce(journalNotifier(db, host), JOURNAL_NUDGE_MS));
  offs.push(startHostSync({
    db,
    host,
    transport,
    startIngest: (out) => createWorkerIngest(out),
    onEvent: onHostEvent as unknown as HostSyncDeps['onEvent'],
    onError: (what, err) => console.error(`[wharf] sync: ${what}`, err),
    operator: () => {
      const o = useOperatorStore.getState();
      return o.user ? { userId: o.user.id, device: o.device } : undefined;
    },
  }));
  offs.push(untilAnswered(transport, 'app.info', () => host['app.info']({}).then((info) => useAppState.getState().setInfo(info))));
  offs.push(untilAnswered(transport, 'journal.info', () => checkJournalOffer(localEmpty, host)));
  return { db, stop: () => offs.forEach((off) => off()) };
}

let booting: Promise<Booted> | undefined;

/** Boots once; after a failure the next call tries again (the "retry" button). */
export function bootOnce(): Promise<Booted> {
  booting ??= boot().catch((err: unknown) => {
    booting = undefined;
    throw err;
  });
  return booting;
}
