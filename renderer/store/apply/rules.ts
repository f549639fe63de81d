// New rule settings (after their dry run), merging one receiver's orders into a parcel, and a
// decrypted phone's hash kept for duplicate finding.
import type { OrderRow } from '../../../shared/domain/types';
import type { TypedEvent } from '../../../shared/events/envelope';
import { parseDecisionSettings } from '../../../shared/decide/settings';
import type { WharfDB } from '../db';
import { bumpConfig, SETTINGS_KEY } from '../decide/config';
import { openOrders, redecide } from './redecide';

export async function applyRulesSaved(db: WharfDB, ev: TypedEvent<'rules.saved'>): Promise<void> {
  const settings = parseDecisionSettings(ev.payload.settings);
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
  await bumpConfig(db);
  if (ev.payload.redecide) await redecide(db, await openOrders(db), 'rules', ev.at);
}

export async function applyMergeAccepted(db: WharfDB, ev: TypedEvent<'merge.accepted'>): Promise<void> {
  const parcel = await db.parcels.get(ev.payload.parcelId);
  // a parcel already on its way takes nothing more; the orders stay loose and are suggested again
  if (parcel && parcel.state !== 'open') return;
  const inParcel = new Set(parcel?.orderKeys ?? []);
  const rows = (await db.orders.bulkGet(ev.payload.orderKeys)).filter((r): r is OrderRow => !!r && !r.cancelled && !inParcel.has(r.key) && (!r.mergedInto || r.mergedInto === ev.payload.parcelId));
  if (!parcel && rows.length < 2) return;
  if (!rows.length) return;
  const lines = rows.flatMap((r) => r.lines.filter((l) => l.qty > 0).map((l) => ({ orderKey: r.key, lineId: l.lineId, qty: l.qty })));
  await db.parcels.put(parcel
    ? { ...parcel, lines: [...parcel.lines, ...lines], orderKeys: [...parcel.orderKeys, ...rows.map((r) => r.key)] }
    : { id: ev.payload.parcelId, warehouse: ev.payload.warehouse, carrier: '', waybillNo: '', printData: '', state: 'open', lines, orderKeys: rows.map((r) => r.key) });
  await db.orders.bulkPut(rows.map((r) => ({ ...r, mergedInto: ev.payload.parcelId })));
}

export async function applyPhoneHashed(db: WharfDB, ev: TypedEvent<'receiver.phoneHashed'>): Promise<void> {
  const have = await db.phoneHashes.get(ev.payload.orderKey);
  if (have?.hashes.includes(ev.payload.hash)) return;
  await db.phoneHashes.put({ orderKey: ev.payload.orderKey, hashes: [...(have?.hashes ?? []), ev.payload.hash] });
  const row = await db.orders.get(ev.payload.orderKey);
  if (row) await redecide(db, [row], 'reveal', ev.at);
}
