// The transfer sheet as data: a scan adds one unit to the newest line of that SKU, or opens a
// line on the batch allocation would take first (earliest expiry with free units, never an
// expired one) and the shelf holding most of it; every line leaves as a `transfer_out` of one
// transfer id.
import { proposeBatches, type StockRow } from '../../../shared/stock';

export interface TransferLine { id: number; sku: string; batch: string; location: string; qty: number }

export function mainLocation(row: StockRow | undefined): string {
  if (!row) return '';
  let best = '';
  let most = 0;
  for (const [loc, n] of Object.entries(row.locations)) if (n > most) { best = loc; most = n; }
  return best;
}

export function firstBatch(rows: readonly StockRow[], sku: string, now: number): StockRow | undefined {
  const mine = rows.filter((r) => r.sku === sku);
  const take = proposeBatches(mine, 1, { now }).takes[0];
  return take ? mine.find((r) => r.batch === take.batch) : undefined;
}

export function addTransferScan(lines: readonly TransferLine[], sku: string, rows: readonly StockRow[], now: number, nextId: number): { lines: TransferLine[]; qty: number } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.sku !== sku) continue;
    const next = [...lines];
    next[i] = { ...l, qty: l.qty + 1 };
    return { lines: next, qty: l.qty + 1 };
  }
  const row = firstBatch(rows, sku, now);
  return { lines: [...lines, { id: nextId, sku, batch: row?.batch ?? '', location: mainLocation(row), qty: 1 }], qty: 1 };
}

export function transferOut(lines: readonly TransferLine[], from: string, to: string, transfer: string) {
  return lines.map((l) => ({ kind: 'transfer_out' as const, sku: l.sku, warehouse: from, batch: l.batch, location: l.location, qty: l.qty, transfer, toWarehouse: to }));
}
