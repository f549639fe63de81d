// The floor's events applied to the store: waves and their picks (stock onto the cart), parcels
// packed, labelled, shipped (stock out of the warehouse) and handed over, orders set aside.
// Every applier is idempotent: a replayed event finds its work done and changes nothing.
import type { OrderRow } from '../../../shared/domain/types';
import type { TypedEvent } from '../../../shared/events/envelope';
import {
  advanceOrder, parcelFromPacked, reduceParcelHandedOver, reduceParcelLabelled, reduceParcelShipped, reducePickConfirmed, shortPicks, waveFromReleased, waveFullyPicked,
} from '../../../shared/floor/records';
import { FLOOR_SETTINGS_KEY, parseFloorSettings, poolOfWaybill, POOL_USED_KEY } from '../../../shared/floor/settings';
import { lockIdPrefix, planPick } from '../../../shared/stock';
import type { WharfDB } from '../db';
import { StockTx } from '../stock/ledgerTx';
import { shipLock } from '../stock/orderLocks';

async function rows(db: WharfDB, keys: readonly string[]): Promise<OrderRow[]> {
  return (await db.orders.bulkGet([...keys])).filter((r): r is OrderRow => !!r);
}

export async function applyWaveReleased(db: WharfDB, ev: TypedEvent<'wave.released'>): Promise<void> {
  if (await db.waves.get(ev.payload.waveId)) return;
  const wave = waveFromReleased(ev);
  await db.waves.put(wave);
  const slot = new Map(wave.orders.map((k, i) => [k, i + 1]));
  const list = await rows(db, wave.orders);
  await db.orders.bulkPut(list.map((r) => advanceOrder(r, 'in_wave', { wave: wave.id, waveNo: wave.no, slot: slot.get(r.key)!, carrier: wave.carrier })));
}

export async function applyPickConfirmed(db: WharfDB, ev: TypedEvent<'pick.confirmed'>): Promise<void> {
  const wave = await db.waves.get(ev.payload.waveId);
  if (!wave || wave.picked[ev.payload.stop] !== undefined) return;
  const stop = wave.stops[ev.payload.stop];
  if (!stop) return;
  const tx = new StockTx(db);
  const keys = stop.orders.map((o) => o.orderKey);
  await tx.loadLocks(keys);
  await tx.load([stop.sku]);
  // the units picked go to the stop's orders in slot order; a short pick leaves the last ones short
  let left = ev.payload.qty;
  for (const o of [...stop.orders].sort((a, b) => a.slot - b.slot)) {
    const give = Math.min(left, o.qty);
    if (give <= 0) break;
    left -= give;
    const plan = planPick(tx.state, {
      lock: o.orderKey, sku: stop.sku, warehouse: wave.warehouse, batch: stop.batch, location: stop.location, qty: give,
      at: ev.at, actor: ev.actor, source: ev.id, idPrefix: lockIdPrefix(tx.state, o.orderKey),
    });
    tx.record(plan.movements);
  }
  await tx.save();
  const next = reducePickConfirmed(wave, ev);
  await db.waves.put(next);
  if (!waveFullyPicked(next)) return;
  const short = shortPicks(next);
  const list = await rows(db, next.orders);
  await db.orders.bulkPut(list.map((r) => {
    const lacking = short.get(r.key);
    return lacking
      ? advanceOrder(r, 'picked', { setAside: { code: 'pick_short', note: `拣货短缺 ${lacking} 件`, at: ev.at, by: ev.actor } })
      : advanceOrder(r, 'picked', {});
  }));
}

export async function applyParcelPacked(db: WharfDB, ev: TypedEvent<'parcel.packed'>): Promise<void> {
  const prev = await db.parcels.get(ev.payload.parcelId);
  const parcel = parcelFromPacked(prev, ev);
  if (parcel === prev) return;
  await db.parcels.put(parcel);
  const list = await rows(db, parcel.orderKeys);
  await db.orders.bulkPut(list.map((r) => advanceOrder(r, 'packed', { parcel: parcel.id, carrier: parcel.carrier || r.floor?.carrier })));
}

export async function applyParcelLabelled(db: WharfDB, ev: TypedEvent<'parcel.labelled'>): Promise<void> {
  const prev = await db.parcels.get(ev.payload.parcelId);
  if (!prev) return;
  const parcel = reduceParcelLabelled(prev, ev);
  if (parcel === prev) return;
  await db.parcels.put(parcel);
  if (ev.payload.source === 'own') await markPoolUsed(db, ev.payload.carrier, ev.payload.waybillNo);
  const list = await rows(db, parcel.orderKeys);
  await db.orders.bulkPut(list.map((r) => advanceOrder(r, 'labelled', { waybillNo: parcel.waybillNo, carrier: parcel.carrier })));
}

export async function applyParcelShipped(db: WharfDB, ev: TypedEvent<'parcel.shipped'>): Promise<void> {
  const prev = await db.parcels.get(ev.payload.parcelId);
  if (!prev) return;
  const parcel = reduceParcelShipped(prev, ev);
  if (parcel === prev) return;
  await db.parcels.put(parcel);
  // pick → ship: what each order's lock holds leaves the warehouse (from the cart where picked)
  const tx = new StockTx(db);
  await tx.loadLocks(parcel.orderKeys);
  for (const k of parcel.orderKeys) shipLock(tx, k, ev.at, ev.actor, ev.id);
  await tx.save();
  const list = await rows(db, parcel.orderKeys);
  await db.orders.bulkPut(list.map((r) => {
    const moved = advanceOrder(r, 'shipped', {});
    const d = moved.decision;
    // the lock is used up: a later platform "shipped" view has nothing left to take
    return d?.allocation?.committed ? { ...moved, decision: { ...d, allocation: { ...d.allocation, committed: false }, reasons: [...d.reasons, `已发货（${parcel.carrier} ${parcel.waybillNo}）：库存已扣减`] } } : moved;
  }));
}

export async function applyParcelSetAside(db: WharfDB, ev: TypedEvent<'parcel.setAside'>): Promise<void> {
  const r = await db.orders.get(ev.payload.orderKey);
  if (!r || r.floor?.setAside?.at === ev.at) return;
  await db.orders.put({ ...r, floor: { ...r.floor, setAside: { code: ev.payload.code, note: ev.payload.note, at: ev.at, by: ev.actor } } });
}

export async function applyHandoverClosed(db: WharfDB, ev: TypedEvent<'handover.closed'>): Promise<void> {
  const p = ev.payload;
  if (await db.handovers.get(p.handoverId)) return;
  await db.handovers.put({ id: p.handoverId, carrier: p.carrier, warehouse: p.warehouse, at: ev.at, by: ev.actor, waybills: p.waybills, missing: p.missing, extra: p.extra });
  const parcels = (await Promise.all(p.waybills.map((w) => db.parcels.where('waybillNo').equals(w).toArray()))).flat();
  const moved = parcels.map((x) => reduceParcelHandedOver(x, p.handoverId, ev.at)).filter((x, i) => x !== parcels[i]);
  await db.parcels.bulkPut(moved);
  const list = await rows(db, moved.flatMap((x) => x.orderKeys));
  await db.orders.bulkPut(list.map((r) => advanceOrder(r, 'handed_over', {})));
}

export async function applyFloorSettingsSaved(db: WharfDB, ev: TypedEvent<'floor.settingsSaved'>): Promise<void> {
  await db.settings.put({ key: FLOOR_SETTINGS_KEY, value: parseFloorSettings(ev.payload.settings) });
}

/** The highest own-label number used per range: the next label takes the one after it. */
async function markPoolUsed(db: WharfDB, carrier: string, waybillNo: string): Promise<void> {
  const pools = parseFloorSettings((await db.settings.get(FLOOR_SETTINGS_KEY))?.value).waybillPools;
  const hit = poolOfWaybill(pools, carrier, waybillNo);
  if (!hit) return;
  const used = ((await db.settings.get(POOL_USED_KEY))?.value ?? {}) as Record<string, number>;
  if ((used[hit.key] ?? -1) >= hit.n) return;
  await db.settings.put({ key: POOL_USED_KEY, value: { ...used, [hit.key]: hit.n } });
}
