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
  if (await db.parcels.get(ev.payload.parcelId)) return;
  const rows = (await db.orders.bulkGet(ev.payload.orderKeys)).filter((r): r is OrderRow => !!r && !r.cancelled);
  if (rows.length < 2) return;
  await db.parcels.put({
    id: ev.payload.parcelId, warehouse: ev.payload.warehouse, carrier: '', waybillNo: '', printData: '', state: 'open',
    lines: rows.flatMap((r) => r.lines.filter((l) => l.qty > 0).map((l) => ({ orderKey: r.key, lineId: l.lineId, qty: l.qty }))),
    orderKeys: rows.map((r) => r.key),
  });
  await db.orders.bulkPut(rows.map((r) => ({ ...r, mergedInto: ev.payload.parcelId })));
}

export async function applyPhoneHashed(db: WharfDB, ev: TypedEvent<'receiver.phoneHashed'>): Promise<void> {
  const have = await db.phoneHashes.get(ev.payload.orderKey);
  if (have?.hashes.includes(ev.payload.hash)) return;
  await db.phoneHashes.put({ orderKey: ev.payload.orderKey, hashes: [...(have?.hashes ?? []), ev.payload.hash] });
  const row = await db.orders.get(ev.payload.orderKey);
  if (row) await redecide(db, [row], 'reveal', ev.at);
}
