// The receiving sheet as data: lines added by scan (the same SKU and batch again adds a unit),
// dates typed as 年-月-日 and turned into China-time midnights, an expiry from the production
// date plus the SKU's shelf life when none is typed.
import type { Sku } from '../../../shared/domain/types';
import { parseShanghai } from '../../../shared/time';

export interface ReceiveLine { id: number; sku: string; qty: number; batch: string; produced: string; expires: string; location: string }

const DAY = 86_400_000;

export function addScanned(lines: readonly ReceiveLine[], sku: string, nextId: number): { lines: ReceiveLine[]; qty: number } {
  // the newest line of this SKU takes the unit (a person scans one carton after another)
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.sku !== sku) continue;
    const next = [...lines];
    next[i] = { ...l, qty: l.qty + 1 };
    return { lines: next, qty: l.qty + 1 };
  }
  const last = lines[lines.length - 1];
  // a new line carries the last line's location: receiving usually fills one shelf
  return { lines: [...lines, { id: nextId, sku, qty: 1, batch: '', produced: '', expires: '', location: last?.location ?? '' }], qty: 1 };
}

/** "2026-12-01" → that day's 00:00 in China; undefined for empty; throws on anything else. */
export function dayStart(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error(`not a date: ${t}`);
  return parseShanghai(`${t} 00:00:00`);
}

/** The movement input for one line (expiry from the SKU's shelf life when only production is given). */
export function toReceipt(l: ReceiveLine, warehouse: string, sku: Sku | undefined) {
  const producedAt = dayStart(l.produced);
  let expiresAt = dayStart(l.expires);
  if (expiresAt === undefined && producedAt !== undefined && sku && sku.shelfLifeDays > 0) expiresAt = producedAt + sku.shelfLifeDays * DAY;
  return {
    kind: 'receive' as const, sku: l.sku, warehouse, qty: l.qty, batch: l.batch.trim(), location: l.location.trim(),
    ...(producedAt !== undefined ? { producedAt } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}
