// r6 price below the SKU's floor, or a discount deeper than allowed against the list price.
import type { RuleSettings } from '../settings';
import { yuan, type Hit, type RuleInput } from './input';

export function lowPrice(input: RuleInput, s: RuleSettings['r6']): Hit | undefined {
  const found: Array<{ lineId: string; sku: string; unitPaidFen: number; floorFen?: number; listFen?: number; why: string }> = [];
  for (const l of input.lines) {
    const line = input.order.lines.find((x) => x.lineId === l.lineId);
    if (!line || !l.sku || l.units <= 0 || line.qty <= 0) continue;
    const sku = input.skus.get(l.sku);
    if (!sku) continue;
    // price per SKU unit actually paid (a "2只装" platform unit is two SKU units)
    const unitPaid = Math.floor(line.paymentFen / l.units);
    if (sku.minPriceFen > 0 && unitPaid < sku.minPriceFen) {
      found.push({ lineId: l.lineId, sku: l.sku, unitPaidFen: unitPaid, floorFen: sku.minPriceFen, why: `${l.sku} 实付单价 ${yuan(unitPaid)} 低于底价 ${yuan(sku.minPriceFen)}` });
      continue;
    }
    const list = line.priceFen > 0 ? line.priceFen : 0;
    if (list > 0 && line.paymentFen < Math.round(list * line.qty * (1 - s.maxDiscount))) {
      const off = 1 - line.paymentFen / (list * line.qty);
      found.push({ lineId: l.lineId, sku: l.sku, unitPaidFen: unitPaid, listFen: list, why: `${l.sku} 折扣 ${(off * 100).toFixed(0)}% 超过 ${(s.maxDiscount * 100).toFixed(0)}%` });
    }
  }
  if (!found.length) return undefined;
  return { values: { lines: found }, threshold: { maxDiscount: s.maxDiscount }, message: `价格异常：${found.map((f) => f.why).join('；')}` };
}
