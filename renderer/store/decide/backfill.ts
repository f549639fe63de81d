// Orders stored before decisions existed (schema v1) have none. Once per store, the open ones
// are decided the way a new arrival would be, in chunks so the page keeps painting; a cursor
// row remembers it was done, so a 200,000-order store is not re-read at every start.
import type { WharfDB } from '../db';
import { decideInTx, decideTables } from './batch';

export const BACKFILL_KEY = 'decide.backfilled';
const CHUNK = 300;

export async function backfillDecisions(db: WharfDB, now: () => number = Date.now): Promise<number> {
  if ((await db.cursors.get(BACKFILL_KEY))?.value) return 0;
  let done = 0;
  for (const state of ['new', 'reviewing', 'on_hold', 'ready'] as const) {
    const keys = (await db.orders.where('[fulfilment+createdAt]').between([state, -Infinity], [state, Infinity]).primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += CHUNK) {
      done += await db.transaction('rw', decideTables(db), async () => {
        const rows = (await db.orders.bulkGet(keys.slice(i, i + CHUNK))).filter((r) => r && !r.decision);
        if (!rows.length) return 0;
        const { rows: changed } = await decideInTx(db, rows.map((row) => ({ row: row!, trigger: 'arrival' as const })), { now: now() });
        await db.orders.bulkPut([...changed.values()]);
        return changed.size;
      });
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  await db.cursors.put({ key: BACKFILL_KEY, value: true });
  return done;
}
