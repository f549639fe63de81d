// Events of the decision desk: what reviewers did to orders, and every change to what decisions
// read (SKU master, mappings, stock, warehouses, blacklist, rule settings). Each is applied by one
// function in the renderer's store (renderer/store/apply), at the time and again on replay, so a
// rebuilt store decides as the original did.
import { z } from 'zod';
import { BlacklistEntry, OnHand, Sku, Warehouse } from '../domain/types';
import { RuleId } from '../decide/settings';
import { SkuMapping } from '../decide/types';

const OrderKeys = z.array(z.string()).min(1);

export const DECISION_EVENT_PAYLOADS = {
  /** approved anyway: the listed rule holds are cleared (a false hold, for the rule's statistics) */
  'review.approved': z.object({ orderKeys: OrderKeys, note: z.string().default('') }),
  /** a person held orders that passed (or holds them again) with a reason */
  'review.held': z.object({ orderKeys: OrderKeys, reason: z.string().min(1) }),
  /** cancelled in Wharf (the platform order is not touched) */
  'review.cancelled': z.object({ orderKeys: OrderKeys, reason: z.string().min(1) }),
  /** a corrected region/detail, then the order is decided again */
  'order.addressEdited': z.object({ orderKey: z.string(), province: z.string(), city: z.string(), district: z.string(), detail: z.string() }),
  /** a remembered link item → SKU; every order waiting for the item is decided again */
  'mapping.confirmed': z.object({ mapping: SkuMapping, alsoText: z.string().optional() }),
  'mapping.removed': z.object({ key: z.string() }),
  'sku.saved': z.object({ sku: Sku, created: z.boolean(), aliasesEdited: z.boolean().optional() }),
  'sku.removed': z.object({ code: z.string() }),
  /** a SKU master file: added or replaced by code (never removes what the file leaves out) */
  'skus.imported': z.object({ fileName: z.string(), skus: z.array(Sku) }),
  /** on-hand set by a person (count, receipt, correction); orders short of this SKU are decided again */
  'stock.set': z.object({ rows: z.array(OnHand).min(1), reason: z.string().default('') }),
  'warehouse.saved': z.object({ warehouse: Warehouse, created: z.boolean() }),
  'warehouse.removed': z.object({ code: z.string() }),
  'blacklist.added': z.object({ id: z.string(), entry: BlacklistEntry }),
  'blacklist.removed': z.object({ id: z.string() }),
  /** new rule settings, saved after a dry run; `redecide`: open orders decided again under them */
  'rules.saved': z.object({ settings: z.unknown(), revision: z.string(), redecide: z.boolean(), dryRun: z.object({ days: z.number(), orders: z.number(), changed: z.number(), perRule: z.record(z.string(), z.object({ before: z.number(), after: z.number() })) }).optional() }),
  /** the orders of one receiver ship in one parcel */
  'merge.accepted': z.object({ parcelId: z.string(), orderKeys: z.array(z.string()).min(2), warehouse: z.string() }),
  /** the company-setup file's decision data (SKUs, on-hand, warehouses, blacklist, rules, mappings) took over */
  'setup.applied': z.object({
    revision: z.string(), skus: z.array(Sku), warehouses: z.array(Warehouse), onHand: z.array(OnHand),
    blacklist: z.array(BlacklistEntry), mappings: z.array(SkuMapping), decisions: z.unknown().optional(),
    floor: z.unknown().optional(),
  }),
  /** a decrypted phone's salted hash, kept so duplicates can be found by it; never the phone */
  'receiver.phoneHashed': z.object({ orderKey: z.string(), hash: z.string() }),
} as const;

export type RuleIdList = z.infer<typeof RuleId>[];
