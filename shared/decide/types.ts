// What a decision looks like once made: per line the SKU it maps to and why, the duplicate or
// merge found, every rule hit with the values seen and the threshold, and the warehouse chosen
// with its runner-up. Stored on the order row, so "why is this order here?" is always one read.
import { z } from 'zod';
import { RuleAction, RuleId } from './settings';

export const MAP_METHODS = ['platform_sku', 'outer_id', 'confirmed_text', 'code_in_text', 'title', 'none'] as const;
export const MapMethod = z.enum(MAP_METHODS);
export type MapMethod = z.infer<typeof MapMethod>;

/** A remembered link from a platform item to an internal SKU. */
export const SkuMapping = z.object({
  /** platform_sku: "<platform>:<sku id>"; outer_id: the merchant code as written; text: the normalized title + spec */
  kind: z.enum(['platform_sku', 'outer_id', 'text']),
  value: z.string().min(1),
  sku: z.string().min(1),
  /** units of the SKU per platform unit ("2只装" sold as one item = 2) */
  units: z.number().int().positive().default(1),
  by: z.string().default(''),
  at: z.number().int().default(0),
});
export type SkuMapping = z.infer<typeof SkuMapping>;
export const mappingKey = (m: Pick<SkuMapping, 'kind' | 'value'>) => `${m.kind}|${m.value}`;

export const Suggestion = z.object({ sku: z.string(), score: z.number(), why: z.array(z.string()) });
export type Suggestion = z.infer<typeof Suggestion>;

export const LineDecision = z.object({
  lineId: z.string(),
  /** internal SKU, undefined when unmapped */
  sku: z.string().optional(),
  /** platform quantity × mapping units */
  units: z.number().int().nonnegative(),
  /** what ships: the SKU itself, or a kit's components (units already multiplied) */
  components: z.array(z.object({ sku: z.string(), qty: z.number().int().nonnegative() })),
  method: MapMethod,
  confidence: z.number(),
  reason: z.string(),
  /** the key a confirmation is remembered under (the item waits in the map-SKU queue under it) */
  itemKey: z.string(),
  suggestions: z.array(Suggestion).default([]),
});
export type LineDecision = z.infer<typeof LineDecision>;

export const RuleHit = z.object({
  rule: RuleId,
  action: RuleAction,
  priority: z.number().int(),
  /** what was seen (amount, words, quantities, the other order…) */
  values: z.record(z.string(), z.unknown()),
  /** the threshold or list it was compared with */
  threshold: z.unknown().optional(),
  /** one human sentence: what and why */
  message: z.string(),
});
export type RuleHit = z.infer<typeof RuleHit>;

export const WarehouseChoice = z.object({
  warehouse: z.string(),
  distanceKm: z.number().optional(),
  /** lines this warehouse ships (all, unless split) */
  lineIds: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type WarehouseChoice = z.infer<typeof WarehouseChoice>;

export const Allocation = z.object({
  /** the chosen warehouse per part: one part unless the order is split by line */
  parts: z.array(WarehouseChoice),
  runnerUp: WarehouseChoice.optional(),
  /** lines no warehouse can fill (rule r10) */
  short: z.array(z.object({ lineId: z.string(), sku: z.string(), need: z.number().int(), best: z.object({ warehouse: z.string(), sellable: z.number().int() }).optional() })),
  policy: z.string(),
  reasons: z.array(z.string()),
  /** counted against sellable stock (the order passed) — released when it ships, closes or is held again */
  committed: z.boolean(),
});
export type Allocation = z.infer<typeof Allocation>;

export const DuplicateFinding = z.object({
  /** the earlier order of the pair (platform:shop:order) */
  of: z.string(),
  /** which receiver keys matched: merge key, phone tail + name + address, decrypted-phone hash */
  matchedBy: z.array(z.string()),
  hoursApart: z.number(),
  products: z.array(z.string()),
});
export type DuplicateFinding = z.infer<typeof DuplicateFinding>;

export const DECISION_TRIGGERS = ['arrival', 'paid', 'mapping', 'stock', 'rules', 'approve', 'address', 'manual', 'duplicate', 'reveal'] as const;
export const DecisionTrigger = z.enum(DECISION_TRIGGERS);
export type DecisionTrigger = z.infer<typeof DecisionTrigger>;

export const Decision = z.object({
  at: z.number().int(),
  trigger: DecisionTrigger,
  /** the settings revision it was made under */
  revision: z.string(),
  lines: z.array(LineDecision),
  duplicate: DuplicateFinding.optional(),
  /** same shop, same receiver, all paid and unshipped: one parcel suggested */
  mergeWith: z.array(z.string()).default([]),
  hits: z.array(RuleHit),
  allocation: Allocation.optional(),
  /** pass: to the floor; hold: the review queue; skip: nothing to decide (already shipped, closed…) */
  outcome: z.enum(['pass', 'hold', 'skip']),
  reasons: z.array(z.string()),
});
export type Decision = z.infer<typeof Decision>;
