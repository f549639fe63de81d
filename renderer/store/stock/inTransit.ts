// Goods on their way between warehouses: the transit rows still holding units, each with the
// time it was sent (its newest transfer_out movement, found walking that row's ledger from the
// newest end — a transfer in transit is recent, so the walk is short).
import type { TransitRow } from '../../../shared/stock';
import type { WharfDB } from '../db';

export interface InTransitLine extends TransitRow { sentAt?: number }

export async function inTransitLines(db: WharfDB, to?: string): Promise<InTransitLine[]> {
  const rows = (to ? await db.transit.where('to').equals(to).toArray() : await db.transit.toArray()).filter((t) => t.qty > 0);
  const lines = await Promise.all(rows.map(async (t): Promise<InTransitLine> => {
    const sent = await db.movements.where('[sku+warehouse]').equals([t.sku, t.from]).reverse()
      .filter((m) => m.kind === 'transfer_out' && m.transfer === t.transfer && (m.batch ?? '') === t.batch).first();
    return sent ? { ...t, sentAt: sent.at } : { ...t };
  }));
  return lines.sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0) || (a.transfer < b.transfer ? -1 : a.transfer > b.transfer ? 1 : a.key < b.key ? -1 : 1));
}

/** 'sku|warehouse' → units in transit to it. */
export function transitTotals(rows: readonly TransitRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of rows) if (t.qty > 0) out.set(`${t.sku}|${t.to}`, (out.get(`${t.sku}|${t.to}`) ?? 0) + t.qty);
  return out;
}
