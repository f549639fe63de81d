// Streams new local events to the host's journal (under WHARF_DATA_DIR), so a lost or
// cleared browser profile can be rebuilt; and replays a journal into an empty store.
import type { Client } from '../../shared/contract';
import { journaledByHost, parseEventPayload, type TypedEvent, type WharfEvent } from '../../shared/events/envelope';
import { reduceWriteBackDone, reduceWriteBackFailed, reduceWriteBackRequested } from '../../shared/events/writeBackReducer';
import type { OrderRow } from '../../shared/domain/types';
import type { StoredEvent, WharfDB } from './db';
import { foldPulled } from './ingest';
import { JOURNAL_CURSOR as CURSOR } from './journalCursor';

// small requests: each one is validated and serialized in one main-thread task
const CHUNK = 200;

/**
 * Sends every event after the cursor that the host does not journal itself; returns how many
 * were sent. Ingest moves the cursor past pulled orders when nothing else is waiting, so this
 * usually reads only the few events made on this device.
 */
export async function pumpJournal(db: WharfDB, host: Pick<Client, 'journal.append'>): Promise<number> {
  let sent = 0;
  for (;;) {
    const cur = ((await db.cursors.get(CURSOR))?.value as number | undefined) ?? 0;
    const batch = await db.events.where('seq').above(cur).limit(CHUNK).toArray();
    if (!batch.length) return sent;
    const events = batch.filter((e) => !journaledByHost(e)).map(({ seq: _seq, ...ev }) => ev as WharfEvent);
    if (events.length) await host['journal.append']({ events });
    await db.cursors.put({ key: CURSOR, value: batch[batch.length - 1]!.seq });
    sent += events.length;
  }
}

/** Replays journal events into the store through the same reducers; idempotent. */
export async function replayEvents(db: WharfDB, events: WharfEvent[]): Promise<number> {
  const pulled = events.filter((e): e is TypedEvent<'order.pulled'> => e.type === 'order.pulled');
  const others = events.filter((e) => e.type !== 'order.pulled');
  return db.transaction('rw', [db.orders, db.events, db.cursors], async () => {
    const keys = [...new Set(pulled.map((e) => e.orderKey!))];
    const rows = await db.orders.bulkGet(keys);
    const existing = new Map<string, OrderRow>();
    rows.forEach((r) => { if (r) existing.set(r.key, r); });
    const { changed, fresh } = foldPulled(existing, pulled);
    const known = new Set((await db.events.where('id').anyOf(others.map((e) => e.id)).toArray()).map((e) => e.id));
    const newOthers = others.filter((e) => !known.has(e.id));
    const all = [...fresh, ...newOthers] as StoredEvent[];
    if (all.length) await db.events.bulkAdd(all);
    // write-backs fold onto the rows in journal order, so the detail shows what was sent
    for (const ev of newOthers) {
      if (!ev.type.startsWith('writeback.') || !ev.orderKey) continue;
      const row = changed.get(ev.orderKey) ?? existing.get(ev.orderKey) ?? (await db.orders.get(ev.orderKey));
      if (!row) continue;
      const parsed = parseEventPayload(ev);
      const next = ev.type === 'writeback.requested' ? reduceWriteBackRequested(row, parsed as TypedEvent<'writeback.requested'>)
        : ev.type === 'writeback.done' ? reduceWriteBackDone(row, parsed as TypedEvent<'writeback.done'>)
          : reduceWriteBackFailed(row, parsed as TypedEvent<'writeback.failed'>);
      changed.set(ev.orderKey, next);
    }
    if (changed.size) await db.orders.bulkPut([...changed.values()]);
    // replayed events are already in the journal: don't stream them back
    const last = await db.events.orderBy('seq').last();
    if (last?.seq) await db.cursors.put({ key: CURSOR, value: last.seq });
    return all.length;
  });
}
