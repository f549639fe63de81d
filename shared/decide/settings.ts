// The decision settings a company tunes: the 12 review rules (enable, priority, action,
// thresholds), duplicate and scalping windows, the SKU-matching thresholds and the allocation
// policy. The defaults are what a new company gets; the company-setup file and the rules editor
// change them. One zod schema, so a bad file or a bad edit names the field to fix.
import { z } from 'zod';

export const RULE_IDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12'] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const RuleAction = z.enum(['hold', 'flag']);
export type RuleAction = z.infer<typeof RuleAction>;

const base = { enabled: z.boolean().default(true), priority: z.number().int().min(1).max(99), action: RuleAction.default('hold') };
const words = z.array(z.string().min(1)).default([]);

/** Rule-by-rule thresholds; each rule's schema states its own knobs. */
export const RuleSettings = z.object({
  /** r1 high amount: sum of qty × unit price paid, without freight, above this */
  r1: z.object({ ...base, minFen: z.number().int().positive() }),
  /** r2 vague address: a vague word, or a shop/landmark with no house number */
  r2: z.object({ ...base, vagueWords: words, landmarkWords: words, houseNumberPattern: z.string() }),
  /** r3 incomplete or inconsistent province / city / district */
  r3: z.object({ ...base }),
  /** r4 buyer message or seller memo present */
  r4: z.object({ ...base, buyerMessage: z.boolean().default(true), sellerMemo: z.boolean().default(true), ignoreWords: words }),
  /** r5 abnormal quantity: a line over maxQty, or k × the SKU's usual line quantity */
  r5: z.object({ ...base, maxQty: z.number().int().positive(), usualFactor: z.number().positive(), minHistory: z.number().int().nonnegative() }),
  /** r6 price below the SKU's floor, or paid below (1 − maxDiscount) of the list price */
  r6: z.object({ ...base, maxDiscount: z.number().min(0).max(1) }),
  /** r7 blacklist: receiver, address, buyer id, phone tail + name */
  r7: z.object({ ...base }),
  /** r8 possible duplicate across shops or platforms within windowHours of paid time */
  r8: z.object({ ...base, windowHours: z.number().positive() }),
  /** r9 a line with no internal SKU */
  r9: z.object({ ...base }),
  /** r10 no warehouse (or no split) can fill a line */
  r10: z.object({ ...base }),
  /** r11 remote or unserviceable region for the chosen warehouse's carrier */
  r11: z.object({ ...base, defaultRemote: z.array(z.string()).default([]) }),
  /** r12 scalping: at least maxOrders paid orders to one receiver within windowHours */
  r12: z.object({ ...base, maxOrders: z.number().int().min(2), windowHours: z.number().positive() }),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

export const AllocationPolicy = z.enum(['split', 'wait', 'nearest_most_lines']);
export type AllocationPolicy = z.infer<typeof AllocationPolicy>;

export const DecisionSettings = z.object({
  rules: RuleSettings,
  matching: z.object({
    /** map automatically at or above this score… */
    mapAt: z.number().min(0).max(1).default(0.85),
    /** …and only when the runner-up is at least this far behind */
    minLead: z.number().min(0).max(1).default(0.08),
  }).default({ mapAt: 0.85, minLead: 0.08 }),
  allocation: z.object({
    policy: AllocationPolicy.default('split'),
    /** shop id → warehouse codes it may ship from (in order of preference) */
    shopWarehouses: z.record(z.string(), z.array(z.string())).default({}),
    /** SKU code → the one warehouse that ships it */
    skuWarehouse: z.record(z.string(), z.string()).default({}),
  }).default({ policy: 'split', shopWarehouses: {}, skuWarehouse: {} }),
  /** locks on stock (issue 6) */
  stock: z.object({
    /** reserve at allocation for orders not yet paid (where the platform shows them) */
    reserveUnpaid: z.boolean().default(false),
    /** an unpaid order's lock lapses this long after the order was placed */
    unpaidLockMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
    /** shop id → minimum remaining shelf life (days) of the batches it may ship */
    minRemainingDays: z.record(z.string(), z.number().int().min(0)).default({}),
    /** batches expiring within this many days are listed as near expiry (sell first) */
    nearExpiryDays: z.number().int().min(1).max(3650).default(30),
    /** alert when a SKU's days of cover fall below this (per SKU in skuAlertDays) */
    alertDays: z.number().min(0).max(365).default(7),
    skuAlertDays: z.record(z.string(), z.number().min(0).max(365)).default({}),
    /** the replenishment list suggests buying up to this many days of cover */
    targetDays: z.number().min(1).max(730).default(30),
    /** sellable stock pushed back to the channels (platforms.md §13) */
    push: z.object({
      enabled: z.boolean().default(true),
      /** changes gathered this long before one push per shop */
      batchSeconds: z.number().int().min(0).max(3600).default(60),
      /** per shop: hold back units / a percentage of sellable, or no push at all */
      shops: z.record(z.string(), z.object({
        off: z.boolean().default(false),
        bufferUnits: z.number().int().min(0).default(0),
        bufferPercent: z.number().min(0).max(100).default(0),
      })).default({}),
    }).default({ enabled: true, batchSeconds: 60, shops: {} }),
  }).default({ reserveUnpaid: false, unpaidLockMinutes: 30, minRemainingDays: {}, nearExpiryDays: 30, alertDays: 7, skuAlertDays: {}, targetDays: 30, push: { enabled: true, batchSeconds: 60, shops: {} } }),
  /** own-channel (manual) orders: the shop they are entered under */
  ownShop: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]+$/), name: z.string().min(1) }).default({ id: 'own', name: '自有渠道（手工单）' }),
});
export type DecisionSettings = z.infer<typeof DecisionSettings>;
export type DecisionSettingsInput = z.input<typeof DecisionSettings>;

/** Vague words from the reference case; a company adds its own in the rules editor. */
export const DEFAULT_VAGUE_WORDS = ['附近', '旁边', '对面', '门口', '路口', '周边', '隔壁', '后面', '前面', '交叉口', '不详', '待定', '随便', '电话联系', '到了打电话', '打电话'];
/** A shop or landmark named where a house number should be. */
export const DEFAULT_LANDMARK_WORDS = ['超市', '便利店', '商店', '店', '饭店', '酒店', '宾馆', '网吧', '学校', '医院', '车站', '地铁站', '公交站', '广场', '市场', '公园', '银行', '加油站', '快递点', '驿站', '菜鸟驿站', '丰巢', '工地', '村口'];
/** 12号, 3栋, 5幢, 2单元, 801室, 18弄, 6楼, 3座, 2号楼, 12组, a bare room number "1203" */
export const DEFAULT_HOUSE_NUMBER = '(\\d+|[一二三四五六七八九十百]+)\\s*(号|栋|幢|单元|室|弄|楼|座|组|排|户|层)|\\d{3,}';
/** Where most carriers charge extra or do not deliver at standard terms. */
export const DEFAULT_REMOTE = ['新疆维吾尔自治区', '西藏自治区', '青海省'];

export const DEFAULT_RULES: RuleSettings = {
  r1: { enabled: true, priority: 10, action: 'hold', minFen: 500_000 },
  r2: { enabled: true, priority: 30, action: 'hold', vagueWords: DEFAULT_VAGUE_WORDS, landmarkWords: DEFAULT_LANDMARK_WORDS, houseNumberPattern: DEFAULT_HOUSE_NUMBER },
  r3: { enabled: true, priority: 20, action: 'hold' },
  r4: { enabled: true, priority: 60, action: 'hold', buyerMessage: true, sellerMemo: true, ignoreWords: [] },
  r5: { enabled: true, priority: 40, action: 'hold', maxQty: 20, usualFactor: 5, minHistory: 20 },
  r6: { enabled: true, priority: 35, action: 'hold', maxDiscount: 0.7 },
  r7: { enabled: true, priority: 5, action: 'hold' },
  r8: { enabled: true, priority: 8, action: 'hold', windowHours: 72 },
  r9: { enabled: true, priority: 15, action: 'hold' },
  r10: { enabled: true, priority: 25, action: 'hold' },
  r11: { enabled: true, priority: 50, action: 'hold', defaultRemote: DEFAULT_REMOTE },
  r12: { enabled: true, priority: 12, action: 'hold', maxOrders: 3, windowHours: 24 },
};

export function defaultDecisionSettings(): DecisionSettings {
  return DecisionSettings.parse({ rules: JSON.parse(JSON.stringify(DEFAULT_RULES)) });
}

/** Reads settings, filling what an older file leaves out from the defaults (rule by rule). */
export function parseDecisionSettings(raw: unknown): DecisionSettings {
  const r = (raw ?? {}) as { rules?: Record<string, unknown> };
  const rules: Record<string, unknown> = {};
  for (const id of RULE_IDS) rules[id] = { ...DEFAULT_RULES[id], ...((r.rules?.[id] as object | undefined) ?? {}) };
  return DecisionSettings.parse({ ...r, rules });
}
