// Rebuilding a cleared or new browser profile from the host's journal (under WHARF_DATA_DIR).
// Offered when the local event store was empty at start but the journal has events; replay is
// idempotent (event ids dedupe), read in pages and applied in small transactions with a pause
// between them, so the page keeps painting the progress bar.
import { create } from 'zustand';
import type { Client } from '../../../shared/contract';
import type { WharfDB } from '../../store/db';
import { replayEvents } from '../../store/journal';

export type ReplayState =
  | { phase: 'unknown' }
  | { phase: 'none' }
  | { phase: 'offer'; total: number }
  | { phase: 'running'; total: number; done: number }
  | { phase: 'done'; applied: number; read: number }
  | { phase: 'error'; error: unknown; total: number };

export const useJournalReplay = create<{ state: ReplayState; dismissed: boolean; dismiss(): void }>((set) => ({
  state: { phase: 'unknown' },
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

const set = (state: ReplayState) => useJournalReplay.setState({ state });

/** journal.read page size (the contract's maximum is 5000) and local transaction size */
export const PAGE = 2000;
export const CHUNK = 500;

/** Called at boot with whether the local event store was empty before sync started. */
export async function checkJournalOffer(localEmpty: boolean, host: Pick<Client, 'journal.info'>): Promise<void> {
  if (!localEmpty) { set({ phase: 'none' }); return; }
  const { total } = await host['journal.info']({});
  set(total > 0 ? { phase: 'offer', total } : { phase: 'none' });
}

const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/** Reads the whole journal and replays it; returns how many events were new here. */
export async function replayJournal(db: WharfDB, host: Pick<Client, 'journal.info' | 'journal.read'>): Promise<number> {
  const { total } = await host['journal.info']({});
  let done = 0;
  let applied = 0;
  set({ phase: 'running', total, done });
  try {
    let offset: number | null = 0;
    while (offset !== null) {
      const page = await host['journal.read']({ offset, limit: PAGE });
      for (let i = 0; i < page.events.length; i += CHUNK) {
        const chunk = page.events.slice(i, i + CHUNK);
        applied += await replayEvents(db, chunk);
        done += chunk.length;
        set({ phase: 'running', total: Math.max(total, done), done });
        await pause();
      }
      offset = page.events.length ? page.next : null;
    }
    set({ phase: 'done', applied, read: done });
    return applied;
  } catch (error) {
    set({ phase: 'error', error, total });
    throw error;
  }
}
