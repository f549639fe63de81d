// Stage 2: each platform line → an internal SKU, in the issue's order of trust: a remembered
// platform SKU id, the merchant code (outer id) — remembered or naming a SKU directly — a
// remembered confirmation of the same text, a merchant code written in the title, and last the
// title + spec matcher. Kits expand to their components here, so later stages count real units.
import type { NormalizedOrder, OrderLine, Sku } from '../domain/types';
import type { DecideContext } from './context';
import { mappingKey, type LineDecision, type SkuMapping } from './types';

/** Upper case, full-width folded, separators dropped: "ty001", "TY 001" and "TY-001" compare equal. */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

/** Where a confirmation for this line is remembered, most specific first. */
export function itemKeyOf(platform: string, line: OrderLine, textKey: string): string {
  if (line.platformSkuId) return mappingKey({ kind: 'platform_sku', value: `${platform}:${line.platformSkuId}` });
  const outer = line.outerSkuId || line.outerItemId;
  if (outer) return mappingKey({ kind: 'outer_id', value: normalizeCode(outer) });
  return mappingKey({ kind: 'text', value: textKey });
}

/** What a SKU ships as: itself, or its kit components (units multiplied through). */
export function componentsOf(sku: Sku | undefined, code: string, units: number, skus: ReadonlyMap<string, Sku>, path: ReadonlySet<string> = new Set()): Array<{ sku: string; qty: number }> {
  // a kit already on the way down (kits that contain each other) ships under its own code
  if (!sku || sku.components.length === 0 || path.has(sku.code)) return [{ sku: code, qty: units }];
  const inside = new Set(path).add(sku.code);
  const out = new Map<string, number>();
  for (const c of sku.components) {
    // a kit of kits expands once more; a component missing from the master still ships under its code
    const inner = skus.get(c.code);
    for (const x of inner && inner.components.length && !inside.has(inner.code) ? componentsOf(inner, c.code, c.qty * units, skus, inside) : [{ sku: c.code, qty: c.qty * units }]) {
      out.set(x.sku, (out.get(x.sku) ?? 0) + x.qty);
    }
  }
  return [...out].map(([s, qty]) => ({ sku: s, qty }));
}

function mapped(ctx: DecideContext, line: OrderLine, itemKey: string, code: string, units: number, method: LineDecision['method'], confidence: number, reason: string, suggestions: LineDecision['suggestions'] = []): LineDecision {
  const total = line.qty * units;
  return { lineId: line.lineId, sku: code, units: total, components: componentsOf(ctx.skus.get(code), code, total, ctx.skus), method, confidence, reason, itemKey, suggestions };
}

function remembered(ctx: DecideContext, key: string): SkuMapping | undefined {
  const m = ctx.mappings.get(key);
  return m && ctx.skus.has(m.sku) ? m : undefined;
}

export function mapLine(platform: string, line: OrderLine, ctx: DecideContext): LineDecision {
  const text = { title: line.title, skuText: line.skuText };
  const textKey = ctx.matcher.textKey(text);
  const itemKey = itemKeyOf(platform, line, textKey);

  if (line.platformSkuId) {
    const m = remembered(ctx, mappingKey({ kind: 'platform_sku', value: `${platform}:${line.platformSkuId}` }));
    if (m) return mapped(ctx, line, itemKey, m.sku, m.units, 'platform_sku', 1, `platform SKU ${line.platformSkuId} → ${m.sku}${m.units > 1 ? ` ×${m.units}` : ''} (confirmed)`);
  }
  for (const outer of [line.outerSkuId, line.outerItemId]) {
    if (!outer) continue;
    const code = normalizeCode(outer);
    const m = remembered(ctx, mappingKey({ kind: 'outer_id', value: code }));
    if (m) return mapped(ctx, line, itemKey, m.sku, m.units, 'outer_id', 1, `outer id ${outer} → ${m.sku}${m.units > 1 ? ` ×${m.units}` : ''} (confirmed)`);
    const direct = ctx.skuByCode.get(code);
    if (direct) return mapped(ctx, line, itemKey, direct, 1, 'outer_id', 1, `outer id ${outer}`);
  }
  const byText = remembered(ctx, mappingKey({ kind: 'text', value: textKey }));
  if (byText) return mapped(ctx, line, itemKey, byText.sku, byText.units, 'confirmed_text', 1, `same text as confirmed for ${byText.sku}`);

  const r = ctx.matcher.match(text);
  const suggestions = r.suggestions.slice(0, 5).map((s) => ({ sku: s.code, score: Math.round(s.score * 100) / 100, why: s.why }));
  if (r.decision === 'mapped' && r.code && ctx.skus.has(r.code)) {
    const method = r.reasons.some((x) => x.startsWith('code ')) ? 'code_in_text' : 'title';
    const sku = ctx.skus.get(r.code)!;
    const reason = method === 'code_in_text' ? r.reasons.find((x) => x.startsWith('code ')) ?? `code ${r.code} in title` : `title ${r.confidence.toFixed(2)} ≈ ${sku.name} ${r.code}`;
    return mapped(ctx, line, itemKey, r.code, 1, method, r.confidence, reason, suggestions);
  }
  const why = r.decision === 'ask' ? `待确认：${r.reasons.join('; ')}` : (r.reasons[0] ?? '没有相似的 SKU');
  return { lineId: line.lineId, units: line.qty, components: [], method: 'none', confidence: r.confidence, reason: why, itemKey, suggestions };
}

/** Maps every line that is still to ship (a line refunded in full ships nothing). */
export function mapLines(order: Pick<NormalizedOrder, 'platform' | 'lines'>, ctx: DecideContext): LineDecision[] {
  return order.lines.map((l) => mapLine(order.platform, l, ctx));
}

/** The product set dedup compares: SKU codes where mapped, item keys where not. */
export function productSet(lines: readonly LineDecision[]): string[] {
  return [...new Set(lines.filter((l) => l.units > 0).map((l) => l.sku ?? l.itemKey))].sort();
}
