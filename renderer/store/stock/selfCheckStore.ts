// The self-check over the store: every stock projection (batch rows, locks, transit, the
// SKU × warehouse roll-up) re-derived from the movement ledger and compared. Read-only, in one
// read transaction, so it sees one consistent moment even while orders arrive.
import { selfCheck, type Drift } from '../../../shared/stock';
import type { WharfDB } from '../db';

export interface StockCheckReport {
  drifts: Drift[];
  movements: number;
  rows: number;
  locks: number;
  /** when it ran (epoch ms) and how long the re-derivation took */
  at: number;
  ms: number;
}

export async function checkStock(db: WharfDB, now: () => number = Date.now): Promise<StockCheckReport> {
  const t0 = performance.now();
  const [movements, rows, locks, transit, summary] = await db.transaction('r', [db.movements, db.stockRows, db.locks, db.transit, db.stock], () =>
    Promise.all([db.movements.toArray(), db.stockRows.toArray(), db.locks.toArray(), db.transit.toArray(), db.stock.toArray()]));
  const drifts = selfCheck({ rows, locks, transit, summary }, movements);
  return { drifts, movements: movements.length, rows: rows.length, locks: locks.length, at: now(), ms: Math.round(performance.now() - t0) };
}
