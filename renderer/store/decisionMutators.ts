// Named mutators of the decision desk. Each checks the operator's permission, validates its
// input (a clear error names the field), then records its event and applies it in one
// transaction (renderer/store/apply), so the effect and the audit trail never part.
import { WharfError } from '../../shared/contract';
import { requirePermission, type Permission } from '../../shared/domain/permissions';
import { BlacklistEntry, OnHand, Sku, Warehouse, type NormalizedOrder } from '../../shared/domain/types';
import { DecisionSettings } from '../../shared/decide/settings';
import { SkuMapping, mappingKey } from '../../shared/decide/types';
import { newEventId, orderPulledEvent, type EventPayload, type EventType, type WharfEvent } from '../../shared/events/envelope';
import { canonicalJson, sha256Hex } from '../../shared/hash';
import type { z } from 'zod';
import type { WharfDB } from './db';
import type { OperatorContext } from './mutators';
import { commitEvents } from './apply';
import { ingestBatch } from './ingest';
import { settingsRevision } from './decide/config';

export function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new WharfError('invalid_input', `${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, { issues });
  }
  return r.data;
}

export async function commit<T extends EventType>(db: WharfDB, ctx: OperatorContext, permission: Permission, type: T, payload: EventPayload<T>, orderKey?: string): Promise<WharfEvent> {
  requirePermission(ctx.user.role, permission);
  const ev: WharfEvent = { id: newEventId(), type, at: ctx.now(), actor: ctx.user.id, device: ctx.device, ...(orderKey ? { orderKey } : {}), payload };
  await commitEvents(db, [ev]);
  return ev;
}

const reason = (text: string, what: string) => {
  const t = text.trim();
  if (!t) throw new WharfError('invalid_input', `${what}: write a reason, so the next person knows why`);
  return t;
};

export const approveOrders = async (db: WharfDB, ctx: OperatorContext, orderKeys: string[], note = '') =>
  commit(db, ctx, 'orders.review', 'review.approved', { orderKeys, note }, orderKeys.length === 1 ? orderKeys[0] : undefined);

export const holdOrders = async (db: WharfDB, ctx: OperatorContext, orderKeys: string[], text: string) =>
  commit(db, ctx, 'orders.review', 'review.held', { orderKeys, reason: reason(text, 'hold') }, orderKeys.length === 1 ? orderKeys[0] : undefined);

export const cancelOrders = async (db: WharfDB, ctx: OperatorContext, orderKeys: string[], text: string) =>
  commit(db, ctx, 'orders.review', 'review.cancelled', { orderKeys, reason: reason(text, 'cancel') }, orderKeys.length === 1 ? orderKeys[0] : undefined);

export async function editAddress(db: WharfDB, ctx: OperatorContext, orderKey: string, a: { province: string; city: string; district: string; detail: string }) {
  if (!a.province.trim() || !a.detail.trim()) throw new WharfError('invalid_input', 'address: province and detail are needed (pick the region, then type the street and number)');
  return commit(db, ctx, 'orders.review', 'order.addressEdited', { orderKey, province: a.province.trim(), city: a.city.trim(), district: a.district.trim(), detail: a.detail.trim() }, orderKey);
}

/**
 * Remembers "this item is that SKU" under the item's key (platform SKU id, outer id or text),
 * and its text as well, then every order waiting for it is decided again.
 */
export async function confirmMapping(db: WharfDB, ctx: OperatorContext, input: { itemKey: string; sku: string; units?: number; textKey?: string }) {
  const [kind, ...rest] = input.itemKey.split('|');
  const mapping = parse(SkuMapping, { kind, value: rest.join('|'), sku: input.sku, units: input.units ?? 1, by: ctx.user.id, at: ctx.now() }, 'mapping');
  const alsoText = input.textKey && mappingKey({ kind: 'text', value: input.textKey }) !== input.itemKey ? input.textKey : undefined;
  return commit(db, ctx, 'orders.review', 'mapping.confirmed', { mapping, ...(alsoText ? { alsoText } : {}) });
}

export const removeMapping = async (db: WharfDB, ctx: OperatorContext, key: string) => commit(db, ctx, 'skus.manage', 'mapping.removed', { key });

export async function saveSku(db: WharfDB, ctx: OperatorContext, raw: unknown, created: boolean, opts: { aliasesEdited?: boolean } = {}) {
  const sku = parse(Sku, raw, 'SKU');
  const all = new Map((await db.skus.toArray()).map((s) => [s.code, s]));
  if (created && all.has(sku.code)) throw new WharfError('invalid_input', `SKU code ${sku.code} already exists: open it to edit, or choose another code`);
  for (const c of sku.components) {
    if (c.code === sku.code) throw new WharfError('invalid_input', `kit ${sku.code} cannot contain itself: remove ${c.code} from its components`);
    if (!all.has(c.code)) throw new WharfError('invalid_input', `kit component ${c.code} is not a SKU: create it first`);
  }
  // kits that contain each other would never finish expanding
  all.set(sku.code, sku);
  const reaches = (from: string, seen = new Set<string>()): boolean => from === sku.code || (!seen.has(from) && (seen.add(from), (all.get(from)?.components ?? []).some((c) => reaches(c.code, seen))));
  for (const c of sku.components) if (reaches(c.code)) throw new WharfError('invalid_input', `kit ${sku.code}: component ${c.code} contains ${sku.code} in turn; kits cannot contain each other`);
  return commit(db, ctx, 'skus.manage', 'sku.saved', { sku, created, ...(opts.aliasesEdited ? { aliasesEdited: true } : {}) });
}

export async function removeSku(db: WharfDB, ctx: OperatorContext, code: string) {
  const usedIn = (await db.skus.toArray()).filter((s) => s.components?.some((c) => c.code === code)).map((s) => s.code);
  if (usedIn.length) throw new WharfError('invalid_input', `SKU ${code} is a component of ${usedIn.join(', ')}: remove it from those kits first`);
  return commit(db, ctx, 'skus.manage', 'sku.removed', { code });
}

export async function importSkus(db: WharfDB, ctx: OperatorContext, fileName: string, skus: unknown[]) {
  const parsed = skus.map((s, i) => parse(Sku, s, `row ${i + 2}`));
  return commit(db, ctx, 'skus.manage', 'skus.imported', { fileName, skus: parsed });
}

export async function setStock(db: WharfDB, ctx: OperatorContext, rows: unknown[], why: string) {
  const parsed = rows.map((r, i) => parse(OnHand, r, `stock row ${i + 1}`));
  if (!parsed.length) throw new WharfError('invalid_input', 'stock: nothing to set: give at least one SKU × warehouse row with its quantity');
  return commit(db, ctx, 'skus.manage', 'stock.set', { rows: parsed, reason: reason(why, 'stock') });
}

export async function saveWarehouse(db: WharfDB, ctx: OperatorContext, raw: unknown, created: boolean) {
  const warehouse = parse(Warehouse, raw, 'warehouse');
  if (created && (await db.warehouses.get(warehouse.code))) throw new WharfError('invalid_input', `warehouse code ${warehouse.code} already exists: open it to edit, or choose another code`);
  return commit(db, ctx, 'settings.manage', 'warehouse.saved', { warehouse, created });
}

export async function removeWarehouse(db: WharfDB, ctx: OperatorContext, code: string) {
  if ((await db.warehouses.count()) <= 1) throw new WharfError('invalid_input', 'the last warehouse cannot be removed: add another first');
  return commit(db, ctx, 'settings.manage', 'warehouse.removed', { code });
}

export async function addBlacklist(db: WharfDB, ctx: OperatorContext, raw: unknown) {
  const entry = parse(BlacklistEntry, raw, 'blacklist entry');
  return commit(db, ctx, 'settings.manage', 'blacklist.added', { id: newEventId(), entry });
}

export const removeBlacklist = async (db: WharfDB, ctx: OperatorContext, id: string) => commit(db, ctx, 'settings.manage', 'blacklist.removed', { id });

export async function saveRules(db: WharfDB, ctx: OperatorContext, raw: unknown, opts: { redecide: boolean; dryRun?: EventPayload<'rules.saved'>['dryRun'] }) {
  const settings = parse(DecisionSettings, raw, 'rules');
  return commit(db, ctx, 'settings.manage', 'rules.saved', { settings, revision: settingsRevision(settings), redecide: opts.redecide, ...(opts.dryRun ? { dryRun: opts.dryRun } : {}) });
}

/** Ships these orders as one parcel; with `intoParcel`, the orders join that open parcel (its warehouse stays). */
export async function acceptMerge(db: WharfDB, ctx: OperatorContext, orderKeys: string[], warehouse: string, intoParcel?: string) {
  if (orderKeys.length < 2) throw new WharfError('invalid_input', 'merge: pick at least two orders');
  if (intoParcel) {
    const parcel = await db.parcels.get(intoParcel);
    if (!parcel) throw new WharfError('not_found', `merge: parcel ${intoParcel} does not exist`);
    if (parcel.state !== 'open') throw new WharfError('invalid_input', `merge: parcel ${intoParcel} is already ${parcel.state}; ship these orders as a new parcel`);
  }
  return commit(db, ctx, 'orders.review', 'merge.accepted', { parcelId: intoParcel ?? `merge-${newEventId()}`, orderKeys: [...new Set(orderKeys)].sort(), warehouse });
}

/** A phone a user decrypted: only its salted hash is kept, for finding the same buyer again. */
export async function rememberPhoneHash(db: WharfDB, ctx: OperatorContext, orderKey: string, phone: string, companySalt: string) {
  const digits = phone.replace(/-\d{1,6}$/, '').replace(/\D/g, '');
  // a virtual number (主号-分机) is per order and expires: it identifies nobody
  if (digits.length < 11 || /-\d{1,6}$/.test(phone.trim())) return undefined;
  const hash = sha256Hex(`wharf-phone\u0000${companySalt}\u0000${digits.slice(-11)}`).slice(0, 24);
  return commit(db, ctx, 'receiver.reveal', 'receiver.phoneHashed', { orderKey, hash }, orderKey);
}

/**
 * A manual order (reship, gift, phone or offline sale) in the own-channel shop. It is stored as
 * an `order.pulled` event with source manual, so it runs the same pipeline as a platform order.
 */
export async function createManualOrder(db: WharfDB, ctx: OperatorContext, order: NormalizedOrder): Promise<string> {
  requirePermission(ctx.user.role, 'orders.create');
  const payloadHash = sha256Hex(canonicalJson(order));
  const ev = orderPulledEvent(order, payloadHash, 'manual');
  await ingestBatch(db, { orders: [{ order, payloadHash }], quarantine: [] }, 'manual', ctx.now, { actor: ctx.user.id, device: ctx.device });
  return ev.orderKey!;
}
