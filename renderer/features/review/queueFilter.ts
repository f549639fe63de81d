// Which held orders the review queue shows: any of the chosen reasons, one shop, an order id.
import type { OrderRow } from '../../../shared/domain/types';
import { SHANGHAI_OFFSET_MS } from '../../../shared/time';
import { isOpen, reasonOf, reasonsOf } from './reasons';

export interface QueueFilter {
  /** empty: every reason */
  reasons: string[];
  shopId?: string;
  search: string;
}

export function matchesQueue(row: OrderRow, f: QueueFilter): boolean {
  if (f.shopId && row.shopId !== f.shopId) return false;
  const q = f.search.trim();
  if (q && !row.orderId.includes(q)) return false;
  if (!f.reasons.length) return true;
  const mine = reasonsOf(row);
  return f.reasons.some((r) => mine.has(r));
}

/** Open holds per reason across the queue, and how many of them were raised today (Shanghai). */
export function reasonCounts(rows: readonly OrderRow[], todayStart: number): Map<string, { open: number; today: number }> {
  const out = new Map<string, { open: number; today: number }>();
  for (const row of rows) {
    const seen = new Map<string, boolean>();
    for (const h of row.holds) {
      if (!isOpen(h)) continue;
      const r = reasonOf(h);
      seen.set(r, (seen.get(r) ?? false) || h.at >= todayStart);
    }
    for (const [r, today] of seen) {
      const c = out.get(r) ?? { open: 0, today: 0 };
      c.open += 1;
      if (today) c.today += 1;
      out.set(r, c);
    }
  }
  return out;
}

const DAY = 86_400_000;
/** Midnight in Asia/Shanghai, as epoch ms. */
export const shanghaiDayStart = (now: number) => Math.floor((now + SHANGHAI_OFFSET_MS) / DAY) * DAY - SHANGHAI_OFFSET_MS;
