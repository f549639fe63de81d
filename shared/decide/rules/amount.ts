// r1 high amount: what the buyer actually paid for the goods (line payments, freight excluded).
import type { RuleSettings } from '../settings';
import { yuan, type Hit, type RuleInput } from './input';

export function goodsPaidFen(input: Pick<RuleInput, 'order'>): number {
  return input.order.lines.reduce((sum, l) => sum + l.paymentFen, 0);
}

export function highAmount(input: RuleInput, s: RuleSettings['r1']): Hit | undefined {
  const paid = goodsPaidFen(input);
  if (paid <= s.minFen) return undefined;
  return { values: { goodsFen: paid }, threshold: { minFen: s.minFen }, message: `商品实付 ${yuan(paid)} 超过 ${yuan(s.minFen)}（不含运费）` };
}
