// Stage 4: the rule library. Each enabled rule runs; a hit carries the rule id, its action
// (hold or flag only), priority, the values seen and the threshold. Hits are sorted by priority,
// so the first one is the headline answer to "why is this order held?".
import { RULE_IDS, type RuleId, type RuleSettings } from '../settings';
import type { RuleHit } from '../types';
import type { Hit, RuleInput } from './input';
import { highAmount } from './amount';
import { regionProblem, remoteRegion, vagueAddress } from './address';
import { hasNotes } from './notes';
import { abnormalQuantity } from './quantity';
import { lowPrice } from './price';
import { onBlacklist } from './blacklist';
import { insufficientStock, possibleDuplicate, scalping, unmappedSku } from './stages';

export type { RuleInput, RegionFacts } from './input';
export { goodsPaidFen } from './amount';

type Check<K extends RuleId> = (input: RuleInput, s: RuleSettings[K]) => Hit | undefined;

export const RULE_CHECKS: { [K in RuleId]: Check<K> } = {
  r1: highAmount, r2: vagueAddress, r3: regionProblem, r4: hasNotes, r5: abnormalQuantity, r6: lowPrice,
  r7: onBlacklist, r8: possibleDuplicate, r9: unmappedSku, r10: insufficientStock, r11: remoteRegion, r12: scalping,
};

export function evaluateRules(input: RuleInput, rules: RuleSettings, only?: ReadonlySet<RuleId>): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const id of RULE_IDS) {
    const s = rules[id];
    if (!s.enabled || (only && !only.has(id))) continue;
    const hit = (RULE_CHECKS[id] as Check<typeof id>)(input, s as never);
    if (hit) hits.push({ rule: id, action: s.action, priority: s.priority, values: hit.values, ...(hit.threshold !== undefined ? { threshold: hit.threshold } : {}), message: hit.message });
  }
  return hits.sort((a, b) => a.priority - b.priority || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));
}
