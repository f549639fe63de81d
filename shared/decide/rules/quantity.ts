// r5 abnormal quantity: a line over the limit, or many times what this SKU usually sells per line.
import type { RuleSettings } from '../settings';
import type { Hit, RuleInput } from './input';

export function abnormalQuantity(input: RuleInput, s: RuleSettings['r5']): Hit | undefined {
  const found: Array<{ lineId: string; sku?: string; qty: number; usual?: number; why: string }> = [];
  for (const l of input.lines) {
    const line = input.order.lines.find((x) => x.lineId === l.lineId);
    const qty = line?.qty ?? 0;
    if (qty > s.maxQty) { found.push({ lineId: l.lineId, sku: l.sku, qty, why: `数量 ${qty} > ${s.maxQty}` }); continue; }
    const usual = l.sku ? input.usualQty(l.sku) : undefined;
    if (usual && usual.n >= s.minHistory && usual.mean > 0 && qty >= Math.max(2, s.usualFactor * usual.mean)) {
      found.push({ lineId: l.lineId, sku: l.sku, qty, usual: Math.round(usual.mean * 100) / 100, why: `${l.sku} 数量 ${qty} ≥ 平常 ${usual.mean.toFixed(1)} 的 ${s.usualFactor} 倍` });
    }
  }
  if (!found.length) return undefined;
  return { values: { lines: found }, threshold: { maxQty: s.maxQty, usualFactor: s.usualFactor, minHistory: s.minHistory }, message: `数量异常：${found.map((f) => f.why).join('；')}` };
}
