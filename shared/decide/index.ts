// Wharf's decisions: map SKU → dedup → review (rules r1–r12) → allocate, each with its reasons.
export * from './types';
export * from './settings';
export type { DecideContext, ReceiverSeen, StockView, TextMatcher } from './context';
export { decideOrder, notDecidable, paidTime, regionFacts, clearedRules, type DecideInput, type DecideOutput } from './pipeline';
export { mapLine, mapLines, productSet, normalizeCode, itemKeyOf, componentsOf } from './mapLines';
export { receiverKeys, regionText, describeReceiverKey, type ReceiverKeys } from './receiver';
export { findDuplicates, type DedupResult, type DedupSubject } from './dedup';
export { allocate, type AllocateInput } from './allocate';
export { evaluateRules, RULE_CHECKS, goodsPaidFen, type RuleInput, type RegionFacts } from './rules';
export { buildTextMatcher, textKeyOf } from './textMatcher';
export { createMemoryContext, type MemoryContext, type MemoryContextInput } from './memoryContext';
