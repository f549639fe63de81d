// r4 a buyer message or seller memo: somebody wrote something a packer must read.
import type { RuleSettings } from '../settings';
import type { Hit, RuleInput } from './input';

export function hasNotes(input: RuleInput, s: RuleSettings['r4']): Hit | undefined {
  const meaningful = (t: string) => {
    const x = t.trim();
    return x.length > 0 && !s.ignoreWords.some((w) => x === w || x.replace(/[，。!！~\s]/g, '') === w);
  };
  const message = s.buyerMessage && meaningful(input.order.buyerMessage) ? input.order.buyerMessage.trim() : '';
  const memo = s.sellerMemo && meaningful(input.order.sellerMemo) ? input.order.sellerMemo.trim() : '';
  if (!message && !memo) return undefined;
  const parts = [message && `买家留言「${message}」`, memo && `卖家备注「${memo}」`].filter(Boolean);
  return { values: { buyerMessage: message, sellerMemo: memo }, message: `有${parts.join('、')}` };
}
