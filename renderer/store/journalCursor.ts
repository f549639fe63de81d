// Where the journal stream stands: every event with seq ≤ the cursor is in the host's journal
// (streamed from here, or written by the host itself when it was acknowledged).
import type { WharfDB } from './db';

export const JOURNAL_CURSOR = 'journal.sentSeq';

/**
 * Inside an ingest transaction, after adding events the host journals itself: if nothing
 * before them was waiting to be streamed, the cursor moves past them (no read-back at all).
 */
export async function skipHostJournaled(db: WharfDB, seqBefore: number, seqAfter: number): Promise<void> {
  const cur = ((await db.cursors.get(JOURNAL_CURSOR))?.value as number | undefined) ?? 0;
  if (cur >= seqBefore) await db.cursors.put({ key: JOURNAL_CURSOR, value: seqAfter });
}
