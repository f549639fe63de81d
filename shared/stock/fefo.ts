// First-expiry-first-out: which batches of a SKU in one warehouse an order should take. Expired
// batches are never proposed; a shop may demand a minimum remaining shelf life (a buyer should
// not receive yoghurt that expires tomorrow). Each skipped batch says why.
import { formatShanghai } from '../time';
import { sellableOfRow, type StockRow } from './projection';

const DAY = 86_400_000;

export interface FefoOptions {
  now: number;
  /** a batch with fewer days left than this is not proposed (0: any unexpired batch) */
  minRemainingDays?: number;
}

export interface BatchTake { batch: string; qty: number; expiresAt?: number }
export interface BatchSkip { batch: string; reason: string }

export interface FefoResult {
  takes: BatchTake[];
  /** units no eligible batch could give */
  short: number;
  skipped: BatchSkip[];
}

const day = (ms: number) => formatShanghai(ms).slice(0, 10);

/** Earliest expiry first; batches without an expiry last; then older production, then name. */
export function fefoOrder(a: StockRow, b: StockRow): number {
  const ea = a.expiresAt ?? Infinity;
  const eb = b.expiresAt ?? Infinity;
  if (ea !== eb) return ea - eb;
  const pa = a.producedAt ?? Infinity;
  const pb = b.producedAt ?? Infinity;
  if (pa !== pb) return pa - pb;
  return a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0;
}

export function proposeBatches(rows: readonly StockRow[], qty: number, opts: FefoOptions): FefoResult {
  const minMs = (opts.minRemainingDays ?? 0) * DAY;
  const takes: BatchTake[] = [];
  const skipped: BatchSkip[] = [];
  let left = qty;
  const sorted = rows.length > 1 ? [...rows].sort(fefoOrder) : rows;
  for (const r of sorted) {
    if (left <= 0) break;
    const free = sellableOfRow(r);
    if (free <= 0) continue;
    if (r.expiresAt !== undefined) {
      if (r.expiresAt <= opts.now) { skipped.push({ batch: r.batch, reason: `批次 ${r.batch} 已于 ${day(r.expiresAt)} 过期` }); continue; }
      if (minMs > 0 && r.expiresAt - opts.now < minMs) {
        skipped.push({ batch: r.batch, reason: `批次 ${r.batch} 剩余保质期 ${Math.floor((r.expiresAt - opts.now) / DAY)} 天，少于要求的 ${opts.minRemainingDays} 天` });
        continue;
      }
    }
    const take = Math.min(free, left);
    takes.push({ batch: r.batch, qty: take, ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}) });
    left -= take;
  }
  return { takes, short: Math.max(0, left), skipped };
}
