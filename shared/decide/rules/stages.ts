// Rules that read what an earlier stage found: r8 duplicate, r9 unmapped, r10 stock, r12 scalping.
import type { RuleSettings } from '../settings';
import type { Hit, RuleInput } from './input';

export function possibleDuplicate(input: RuleInput, s: RuleSettings['r8']): Hit | undefined {
  const d = input.dedup.duplicate;
  if (!d || d.hoursApart > s.windowHours) return undefined;
  return {
    values: { duplicateOf: d.of, matchedBy: d.matchedBy, hoursApart: d.hoursApart, products: d.products },
    threshold: { windowHours: s.windowHours },
    message: `疑似重复：与 ${d.of} 收货人相同（${d.matchedBy.join('；')}）、商品相同，相隔 ${d.hoursApart} 小时`,
  };
}

export function unmappedSku(input: RuleInput, _s: RuleSettings['r9']): Hit | undefined {
  const lines = input.lines.filter((l) => !l.sku && l.units > 0);
  if (!lines.length) return undefined;
  const titles = lines.map((l) => input.order.lines.find((x) => x.lineId === l.lineId)?.title ?? l.lineId);
  return {
    values: { lines: lines.map((l) => ({ lineId: l.lineId, itemKey: l.itemKey, suggestions: l.suggestions.slice(0, 3).map((s) => s.sku) })) },
    message: `商品未匹配到 SKU：${titles.map((t) => (t.length > 24 ? `${t.slice(0, 24)}…` : t)).join('；')}`,
  };
}

export function insufficientStock(input: RuleInput, _s: RuleSettings['r10']): Hit | undefined {
  const short = input.allocation?.short ?? [];
  // an unmapped line is r9's; r10 speaks only of SKUs Wharf knows
  const known = short.filter((x) => x.sku);
  if (!known.length) return undefined;
  return {
    values: { short: known },
    message: `库存不足：${known.map((x) => `${x.sku} 需 ${x.need}${x.best ? `，最多 ${x.best.warehouse} 可发 ${x.best.sellable}` : ''}`).join('；')}`,
  };
}

export function scalping(input: RuleInput, s: RuleSettings['r12']): Hit | undefined {
  const n = input.dedup.sameReceiverInWindow.length;
  if (n < s.maxOrders) return undefined;
  return {
    values: { orders: input.dedup.sameReceiverInWindow.map((o) => o.key), count: n },
    threshold: { maxOrders: s.maxOrders, windowHours: s.windowHours },
    message: `同一收货人 ${s.windowHours} 小时内 ${n} 单（≥ ${s.maxOrders}），疑似刷单`,
  };
}
