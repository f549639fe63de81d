// Reads the quarantined orders again through the host's mappers (after a status table edit,
// say): the ones that map now join the pool in one transaction and leave the quarantine; the
// rest stay, with today's reason.
import type { Client } from '../../shared/contract';
import type { WharfDB } from './db';
import { ingestBatch } from './ingest';
import { decideTables } from './decide/batch';

const CHUNK = 500;

export async function remapQuarantine(db: WharfDB, host: Pick<Client, 'quarantine.remap'>): Promise<{ fixed: number; still: number }> {
  const all = await db.quarantine.toArray();
  let fixed = 0;
  let still = 0;
  for (let i = 0; i < all.length; i += CHUNK) {
    const entries = all.slice(i, i + CHUNK);
    const r = await host['quarantine.remap']({ entries });
    const byId = new Map(entries.map((e) => [e.id, e]));
    // the orders that map now are decided as they land, so the transaction spans the decision tables
    await db.transaction('rw', [db.events, db.quarantine, db.cursors, ...decideTables(db)], async () => {
      if (r.orders.length) await ingestBatch(db, { orders: r.orders.map((o) => ({ order: o.order, payloadHash: o.payloadHash })), quarantine: [] });
      await db.quarantine.bulkDelete(r.orders.map((o) => o.id));
      await db.quarantine.bulkPut(r.still.map((s) => ({ ...byId.get(s.id)!, reason: s.reason, where: s.where })));
    });
    fixed += r.orders.length;
    still += r.still.length;
  }
  return { fixed, still };
}
