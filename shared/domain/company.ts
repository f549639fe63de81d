// The company-setup file: one documented JSON format for the demo company and a real one
// (loaded in Settings or with WHARF_SEED=path). Later issues add stock, blacklists, rules.
import { z } from 'zod';
import { FloorSettings } from '../floor/settings';
import { BlacklistEntry, OnHand, Platform, Role, SignMethod, Sku, Warehouse } from './types';
import { SkuMapping } from '../decide/types';
import { DecisionSettings, parseDecisionSettings } from '../decide/settings';
import { sha256Hex } from '../hash';

export const COMPANY_FORMAT = 'wharf.company/1';

export const CompanySetup = z.object({
  format: z.literal(COMPANY_FORMAT),
  company: z.object({ name: z.string().min(1) }),
  warehouses: z.array(Warehouse).min(1),
  skus: z.array(Sku),
  shops: z.array(z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'shop id: letters, digits, - or _'),
    platform: Platform,
    name: z.string().min(1),
    gatewayUrl: z.string().default(''),
    appKey: z.string().default(''),
    signMethod: SignMethod.default('md5'),
    pullIntervalMin: z.number().int().min(1).max(1440).default(15),
    /** a demo shop is connected to the built-in simulator at start-up */
    demo: z.boolean().default(false),
  })),
  users: z.array(z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    role: Role,
    /** 4–8 digits; hashed on load, never stored in clear */
    pin: z.string().regex(/^\d{4,8}$/, 'PIN: 4 to 8 digits').optional(),
    pinHash: z.string().optional(),
    pinSalt: z.string().optional(),
    badge: z.string().optional(),
  }).refine((u) => u.pin || (u.pinHash && u.pinSalt), 'each user needs a pin (or pinHash + pinSalt)')).min(1),
  /** on-hand per SKU × warehouse (until the stock ledger: the source allocation reads) */
  onHand: z.array(OnHand).default([]),
  blacklist: z.array(BlacklistEntry).default([]),
  /** remembered platform item → SKU links */
  mappings: z.array(SkuMapping).default([]),
  /** rules r1–r12, matching thresholds, allocation policy and overrides; missing parts take the defaults */
  decisions: z.unknown().optional(),
  /** the floor: own waybill number ranges per carrier, wave sizes (shared/floor/settings.ts) */
  floor: FloorSettings.optional(),
}).superRefine((c, ctx) => {
  const dup = (xs: string[], path: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [path, i], message: `duplicate ${path} id "${x}"` });
      seen.add(x);
    });
  };
  dup(c.warehouses.map((w) => w.code), 'warehouses');
  dup(c.skus.map((s) => s.code), 'skus');
  dup(c.shops.map((s) => s.id), 'shops');
  dup(c.users.map((u) => u.id), 'users');
  const skus = new Set(c.skus.map((s) => s.code));
  const whs = new Set(c.warehouses.map((w) => w.code));
  c.skus.forEach((s, i) => s.components.forEach((k, j) => {
    if (!skus.has(k.code)) ctx.addIssue({ code: 'custom', path: ['skus', i, 'components', j, 'code'], message: `kit component "${k.code}" is not a SKU of this file` });
    if (k.code === s.code) ctx.addIssue({ code: 'custom', path: ['skus', i, 'components', j, 'code'], message: 'a kit cannot contain itself' });
  }));
  c.onHand.forEach((r, i) => {
    if (!skus.has(r.sku)) ctx.addIssue({ code: 'custom', path: ['onHand', i, 'sku'], message: `"${r.sku}" is not a SKU of this file` });
    if (!whs.has(r.warehouse)) ctx.addIssue({ code: 'custom', path: ['onHand', i, 'warehouse'], message: `"${r.warehouse}" is not a warehouse of this file` });
  });
  c.mappings.forEach((m, i) => { if (!skus.has(m.sku)) ctx.addIssue({ code: 'custom', path: ['mappings', i, 'sku'], message: `"${m.sku}" is not a SKU of this file` }); });
  if (c.decisions !== undefined) {
    const r = DecisionSettings.safeParse(safeSettings(c.decisions));
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['decisions', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message });
  }
  if (!c.users.some((u) => u.role === 'admin' || u.role === 'ops_lead')) {
    ctx.addIssue({ code: 'custom', path: ['users'], message: 'at least one admin or ops_lead is needed to manage shops and users' });
  }
});
export type CompanySetup = z.infer<typeof CompanySetup>;

/** The file's decision settings merged over the defaults, rule by rule (an unparsable part shows as an issue). */
function safeSettings(raw: unknown): unknown {
  try { return parseDecisionSettings(raw); } catch { return raw; }
}

export function hashPin(pin: string, salt: string): string {
  return sha256Hex(`wharf-pin\u0000${salt}\u0000${pin}`);
}

export function checkPin(pin: string, user: { pinHash: string; pinSalt: string }): boolean {
  return hashPin(pin, user.pinSalt) === user.pinHash;
}

/** Formats zod issues as "path: message" lines, so a bad setup file says where to fix it. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('\n');
}
