// The count sheet's lines as data: a scan adds one unit to the newest line of that SKU (a person
// counts one unit after another), or opens a line on the batch the shelf holds of it — the
// earliest-expiring one when it holds several; the batch stays editable.
import { fefoOrder, type StockRow } from '../../../shared/stock';

export interface CountSheetLine { id: number; sku: string; batch: string; qty: number }

export function defaultBatch(rows: readonly StockRow[], sku: string, location: string): string {
  const here = rows.filter((r) => r.sku === sku && (r.locations[location] ?? 0) > 0).sort(fefoOrder);
  if (here.length) return here[0]!.batch;
  // not on this shelf: the SKU's only batch in the warehouse, else none (typed by the counter)
  const batches = [...new Set(rows.filter((r) => r.sku === sku && r.onHand > 0).map((r) => r.batch))];
  return batches.length === 1 ? batches[0]! : '';
}

export function addCounted(lines: readonly CountSheetLine[], sku: string, batch: string, nextId: number): { lines: CountSheetLine[]; qty: number } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.sku !== sku) continue;
    const next = [...lines];
    next[i] = { ...l, qty: l.qty + 1 };
    return { lines: next, qty: l.qty + 1 };
  }
  return { lines: [...lines, { id: nextId, sku, batch, qty: 1 }], qty: 1 };
}
