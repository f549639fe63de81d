// The map-SKU queue: platform items waiting for a SKU, one entry per item key however many orders
// carry it, so one confirmation settles them all.
import type { OrderLine, OrderRow } from '../../../shared/domain/types';
import type { Suggestion } from '../../../shared/decide/types';
import { paidTime } from './orderText';

export interface WaitingItem {
  itemKey: string;
  title: string;
  skuText: string;
  platform: string;
  priceFen: number;
  shopIds: string[];
  orderKeys: string[];
  /** best score per SKU across the waiting lines, highest first */
  suggestions: Suggestion[];
  /** paid time of the oldest waiting order: the one waiting longest */
  since: number;
}

const MAX_SUGGESTIONS = 5;

export function waitingItems(rows: readonly OrderRow[]): WaitingItem[] {
  const items = new Map<string, WaitingItem & { best: Map<string, Suggestion> }>();
  for (const row of rows) {
    if (row.cancelled || !row.um?.length) continue;
    const byLine = new Map<string, OrderLine>(row.lines.map((l) => [l.lineId, l]));
    for (const key of new Set(row.um)) {
      const ld = row.decision?.lines.find((l) => l.itemKey === key && !l.sku);
      const line = ld ? byLine.get(ld.lineId) : undefined;
      let it = items.get(key);
      if (!it) {
        it = { itemKey: key, title: line?.title ?? key, skuText: line?.skuText ?? '', platform: row.platform, priceFen: line?.priceFen ?? 0, shopIds: [], orderKeys: [], suggestions: [], since: paidTime(row), best: new Map() };
        items.set(key, it);
      }
      if (!it.shopIds.includes(row.shopId)) it.shopIds.push(row.shopId);
      it.orderKeys.push(row.key);
      it.since = Math.min(it.since, paidTime(row));
      for (const s of ld?.suggestions ?? []) {
        const had = it.best.get(s.sku);
        if (!had || s.score > had.score) it.best.set(s.sku, s);
      }
    }
  }
  return [...items.values()]
    .map(({ best, ...it }) => ({ ...it, suggestions: [...best.values()].sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS) }))
    // most orders first (one confirmation frees the most), then the longest waiting
    .sort((a, b) => b.orderKeys.length - a.orderKeys.length || a.since - b.since || a.itemKey.localeCompare(b.itemKey));
}

/** Guess for "units per platform item" from the listing text ("2只装", "3件套", "x6"); 1 if none. */
export function unitsHint(text: string): number {
  const m = /(\d{1,3})\s*(只|个|件|支|瓶|盒|包|袋|罐|条|片|双|卷)\s*(装|套)/.exec(text) ?? /[x×*]\s*(\d{1,3})\b/i.exec(text);
  const n = m ? Number(m[1]) : 1;
  return Number.isInteger(n) && n >= 1 && n <= 999 ? n : 1;
}
