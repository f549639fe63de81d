// After packing: the label that printed, the shipment (stock out, the platform's tracking upload
// queued in the same transaction), an order set aside with its reason, and the carrier's
// manifest at pickup. Each a named mutator with the operator's permission checked.
import { WharfError } from '../../../shared/contract';
import { requirePermission } from '../../../shared/domain/permissions';
import { OWN_CHANNEL, type OrderRow } from '../../../shared/domain/types';
import { newEventId, type EventPayload } from '../../../shared/events/envelope';
import { checkManifest, type HandoverParcel, type ManifestCheck } from '../../../shared/floor';
import { FloorSettings, FLOOR_SETTINGS_KEY, nextOwnWaybill, parseFloorSettings, poolOfWaybill, POOL_USED_KEY, type NextWaybill } from '../../../shared/floor/settings';
import { applyTables } from '../apply';
import { commit, parse } from '../decisionMutators';
import type { WharfDB } from '../db';
import type { OperatorContext } from '../mutators';
import { requestWriteBack } from '../outbox';
import { interceptOf } from './pack';

export async function readFloorSettings(db: WharfDB): Promise<FloorSettings> {
  return parseFloorSettings((await db.settings.get(FLOOR_SETTINGS_KEY))?.value);
}

export async function saveFloorSettings(db: WharfDB, ctx: OperatorContext, raw: unknown): Promise<void> {
  await commit(db, ctx, 'settings.manage', 'floor.settingsSaved', { settings: parse(FloorSettings, raw, 'floor settings') });
}

/** The next own-label waybill number for a carrier (not taken until its label prints). */
export async function nextOwnWaybillNo(db: WharfDB, carrier: string, skip: ReadonlySet<string> = new Set()): Promise<NextWaybill> {
  const settings = await readFloorSettings(db);
  const used = { ...(((await db.settings.get(POOL_USED_KEY))?.value ?? {}) as Record<string, number>) };
  // numbers queued for printing but not printed yet are spoken for too
  for (let i = 0; i < 1000; i++) {
    const next = nextOwnWaybill(settings.waybillPools, carrier, used);
    if (!next.ok) return next;
    const taken = skip.has(next.waybillNo) || (await db.parcels.where('waybillNo').equals(next.waybillNo).count()) > 0;
    if (!taken) return next;
    const hit = poolOfWaybill(settings.waybillPools, carrier, next.waybillNo)!;
    used[hit.key] = hit.n;
  }
  return { ok: false, reason: 'exhausted' };
}

export async function recordLabel(db: WharfDB, ctx: OperatorContext, payload: EventPayload<'parcel.labelled'>): Promise<void> {
  const parcel = await db.parcels.get(payload.parcelId);
  if (!parcel?.packedAt) throw new WharfError('invalid_input', `label: parcel ${payload.parcelId} is not packed yet — verify its units first`);
  await commit(db, ctx, 'floor.ship', 'parcel.labelled', payload, parcel.orderKeys[0]);
}

/**
 * The parcel leaves: its locks ship (pick → ship) and, for a platform order, the tracking
 * upload enters the outbox — one transaction, so a crash leaves both or neither.
 */
export async function shipParcel(db: WharfDB, ctx: OperatorContext, parcelId: string): Promise<{ writeBacks: string[] }> {
  requirePermission(ctx.user.role, 'floor.ship');
  return db.transaction('rw', [...applyTables(db), db.outbox], async () => {
    const parcel = await db.parcels.get(parcelId);
    if (!parcel) throw new WharfError('not_found', `ship: parcel ${parcelId} is not on this PC`);
    if (parcel.state === 'shipped' || parcel.state === 'handed_over') return { writeBacks: [] };
    if (parcel.state !== 'labelled' || !parcel.waybillNo) throw new WharfError('invalid_input', `ship: parcel ${parcelId} has no label yet — print it first`);
    const rows = (await db.orders.bulkGet(parcel.orderKeys)).filter((r): r is OrderRow => !!r);
    const stop = interceptOf(rows);
    if (stop) throw new WharfError('invalid_input', `ship: the order was ${stop} after its label printed — take the parcel back, it must not leave`);
    await commit(db, ctx, 'floor.ship', 'parcel.shipped', { parcelId }, parcel.orderKeys[0]);
    const writeBacks: string[] = [];
    for (const r of rows) {
      if (r.platform === OWN_CHANNEL) continue;
      writeBacks.push(await requestWriteBack(db, ctx, r.key, { op: 'ship', orderId: r.orderId, carrierCode: parcel.carrier, trackingNo: parcel.waybillNo }));
    }
    return { writeBacks };
  });
}

export async function setAside(db: WharfDB, ctx: OperatorContext, orderKey: string, code: EventPayload<'parcel.setAside'>['code'], note: string): Promise<void> {
  await commit(db, ctx, 'floor.ship', 'parcel.setAside', { orderKey, code, note }, orderKey);
}

/**
 * A warehouse's parcels as a pickup judges them: the labelled and shipped ones (shipped = ready
 * to leave), plus whatever else was scanned (handed over before, not packed…), found by waybill.
 */
export async function handoverParcels(db: WharfDB, warehouse: string, scans: readonly string[] = []): Promise<HandoverParcel[]> {
  const open = (await db.parcels.where('state').anyOf(['labelled', 'shipped']).toArray()).filter((p) => p.warehouse === warehouse && p.waybillNo);
  const have = new Set(open.map((p) => p.waybillNo));
  const more = (await Promise.all([...new Set(scans.map((c) => c.trim()))].filter((c) => c && !have.has(c)).map((c) => db.parcels.where('waybillNo').equals(c).toArray()))).flat();
  const list = [...open, ...more];
  const rows = new Map(((await db.orders.bulkGet([...new Set(list.flatMap((p) => p.orderKeys))])).filter((r): r is OrderRow => !!r)).map((r) => [r.key, r]));
  return list.map((p): HandoverParcel => {
    const intercept = interceptOf(p.orderKeys.map((k) => rows.get(k)).filter((r): r is OrderRow => !!r));
    return { waybillNo: p.waybillNo, orderKeys: p.orderKeys, carrier: p.carrier, ready: p.state === 'shipped', ...(intercept ? { intercept } : {}), ...(p.handoverId ? { handedOver: p.handoverId } : {}) };
  });
}

/** Closes a carrier's manifest: what was scanned leaves with the driver; missing and extra are kept. */
export async function closeHandover(db: WharfDB, ctx: OperatorContext, carrier: string, warehouse: string, scans: readonly string[]): Promise<ManifestCheck & { handoverId: string }> {
  requirePermission(ctx.user.role, 'floor.ship');
  if (!scans.length) throw new WharfError('invalid_input', 'handover: no parcel was scanned — scan each parcel as it goes onto the truck');
  const parcels = await handoverParcels(db, warehouse, scans);
  const check = checkManifest(carrier, parcels, scans);
  const handoverId = newEventId();
  await commit(db, ctx, 'floor.ship', 'handover.closed', {
    handoverId, carrier, warehouse, waybills: check.accepted.map((p) => p.waybillNo), missing: check.missed.map((p) => p.waybillNo),
    extra: check.extra.map((x) => ({ code: x.code, verdict: x.verdict })),
  });
  return { ...check, handoverId };
}
