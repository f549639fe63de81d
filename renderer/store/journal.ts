// Streams new local events to the host's journal (under WHARF_DATA_DIR), so a lost or
// cleared browser profile can be rebuilt; and replays a journal into an empty store.
import type { Client } from '../../shared/contract';
import { journaledByHost, parseEventPayload, type TypedEvent, type WharfEvent } from '../../shared/events/envelope';
import { reduceWriteBackDone, reduceWriteBackFailed, reduceWriteBackRequested } from '../../shared/events/writeBackReducer';
import type { OrderRow } from '../../shared/domain/types';
import type { StoredEvent, WharfDB } from './db';
import { foldPulled } from './ingest';
import { applyEvent, applyTables, isAppliedEvent } from './apply';
import { decideIngested } from './decide/onIngest';
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

/** Replays journal events into the store through the same reducers and appliers, in journal order; idempotent. */
export async function replayEvents(db: WharfDB, events: WharfEvent[], now: () => number = Date.now): Promise<number> {
  return db.transaction('rw', applyTables(db), async () => {
    const known = new Set((await db.events.where('id').anyOf(events.map((e) => e.id)).toArray()).map((e) => e.id));
    let added = 0;
    // runs of pulled orders fold (and are decided) together; every other event applies in turn,
    // so a SKU or rule change lands between the orders that came before and after it. A run is
    // cut where an order comes back: ingest decided its first version when it arrived, so the
    // replay must decide that version too, not only the last one
    for (let i = 0; i < events.length;) {
      if (events[i]!.type === 'order.pulled') {
        let j = i;
        const seen = new Set<string>();
        while (j < events.length && events[j]!.type === 'order.pulled' && !seen.has(events[j]!.orderKey!)) seen.add(events[j++]!.orderKey!);
        added += await replayPulled(db, events.slice(i, j) as TypedEvent<'order.pulled'>[], now());
        i = j;
        continue;
      }
      const ev = events[i++]!;
      if (known.has(ev.id)) continue;
      known.add(ev.id);
      await db.events.add(ev as StoredEvent);
      added++;
      if (isAppliedEvent(ev.type)) { await applyEvent(db, ev); continue; }
      if (!ev.type.startsWith('writeback.') || !ev.orderKey) continue;
      // write-backs fold onto the rows in journal order, so the detail shows what was sent
      const row = await db.orders.get(ev.orderKey);
      if (!row) continue;
      const parsed = parseEventPayload(ev);
      const next = ev.type === 'writeback.requested' ? reduceWriteBackRequested(row, parsed as TypedEvent<'writeback.requested'>)
        : ev.type === 'writeback.done' ? reduceWriteBackDone(row, parsed as TypedEvent<'writeback.done'>)
          : reduceWriteBackFailed(row, parsed as TypedEvent<'writeback.failed'>);
      await db.orders.put(next);
    }
    // replayed events are already in the journal: don't stream them back
    const last = await db.events.orderBy('seq').last();
    if (last?.seq) await db.cursors.put({ key: CURSOR, value: last.seq });
    return added;
  });
}

async function replayPulled(db: WharfDB, pulled: TypedEvent<'order.pulled'>[], now: number): Promise<number> {
  const keys = [...new Set(pulled.map((e) => e.orderKey!))];
  const rows = await db.orders.bulkGet(keys);
  const existing = new Map<string, OrderRow>();
  rows.forEach((r) => { if (r) existing.set(r.key, r); });
  const { changed, fresh } = foldPulled(existing, pulled);
  if (fresh.length) await db.events.bulkAdd(fresh as StoredEvent[]);
  if (changed.size) {
    await decideIngested(db, existing, changed, now);
    await db.orders.bulkPut([...changed.values()]);
  }
  return fresh.length;
}
