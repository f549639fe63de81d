// The floor's projections folded from its events: waves with their pick progress, parcels
// from packing to handover, and what an order row shows of its way across the floor. Pure and
// idempotent, so the live store and a journal replay write the same rows.
import type { Fulfilment, OrderRow, Parcel } from '../domain/types';
import type { TypedEvent } from '../events/envelope';
import type { WaveKind } from './waves';
import type { PickStop } from './pickList';

export type WaveState = 'picking' | 'picked';

export interface WaveRow {
  id: string;
  no: string;
  warehouse: string;
  carrier: string;
  kind: WaveKind;
  /** order keys in slot order (slot = index + 1) */
  orders: string[];
  stops: PickStop[];
  /** units picked per stop (index as in stops); missing = not yet */
  picked: Record<number, number>;
  state: WaveState;
  releasedAt: number;
  releasedBy: string;
  pickedAt?: number;
}

export interface ParcelRow extends Parcel {
  orderKeys: string[];
  /** set once every unit was verified (a merge parcel exists before it is packed) */
  packedAt?: number;
  packedBy?: string;
  units?: number;
  wrongScans?: number;
  labelledAt?: number;
  labelSource?: 'own' | 'platform';
  printJob?: string;
  shippedAt?: number;
  handedOverAt?: number;
}

export interface HandoverRow {
  id: string;
  carrier: string;
  warehouse: string;
  at: number;
  by: string;
  waybills: string[];
  missing: string[];
  extra: { code: string; verdict: string }[];
}

/** What the order row carries of the floor (search, pool columns, the pack station's lookup). */
export interface OrderFloor {
  wave?: string;
  waveNo?: string;
  slot?: number;
  parcel?: string;
  waybillNo?: string;
  carrier?: string;
  setAside?: { code: string; note: string; at: number; by: string };
}

export function waveFromReleased(ev: TypedEvent<'wave.released'>): WaveRow {
  const p = ev.payload;
  return {
    id: p.waveId, no: p.no, warehouse: p.warehouse, carrier: p.carrier, kind: p.kind, orders: [...p.orders],
    stops: p.stops.map((s) => ({ ...s, orders: s.orders.map((o) => ({ ...o })) })), picked: {}, state: 'picking', releasedAt: ev.at, releasedBy: ev.actor,
  };
}

export const waveFullyPicked = (w: Pick<WaveRow, 'stops' | 'picked'>) => w.stops.every((_, i) => w.picked[i] !== undefined);

export function reducePickConfirmed(w: WaveRow, ev: TypedEvent<'pick.confirmed'>): WaveRow {
  const { stop, qty } = ev.payload;
  if (stop >= w.stops.length) return w;
  const picked = { ...w.picked, [stop]: Math.min(qty, w.stops[stop]!.qty) };
  const done = waveFullyPicked({ stops: w.stops, picked });
  return { ...w, picked, state: done ? 'picked' : 'picking', ...(done && w.pickedAt === undefined ? { pickedAt: ev.at } : {}) };
}

/** Per order: the units its stops still lack after a short pick (the pack station will not close it). */
export function shortPicks(w: WaveRow): Map<string, number> {
  const out = new Map<string, number>();
  w.stops.forEach((s, i) => {
    const got = w.picked[i];
    if (got === undefined || got >= s.qty) return;
    // a short stop shorts its last orders in slot order: the earlier slots were filled first
    let left = got;
    for (const o of [...s.orders].sort((a, b) => a.slot - b.slot)) {
      const give = Math.min(left, o.qty);
      left -= give;
      if (give < o.qty) out.set(o.orderKey, (out.get(o.orderKey) ?? 0) + o.qty - give);
    }
  });
  return out;
}

/** A packed parcel: new, or a merge parcel (several orders of one receiver) now packed. */
export function parcelFromPacked(prev: ParcelRow | undefined, ev: TypedEvent<'parcel.packed'>): ParcelRow {
  const p = ev.payload;
  if (prev && (prev.state !== 'open' || prev.packedAt !== undefined)) return prev;
  return {
    id: p.parcelId, warehouse: p.warehouse, lines: p.lines.map((l) => ({ ...l })), carrier: p.carrier, waybillNo: '', printData: '', state: 'open',
    orderKeys: [...new Set([...(prev?.orderKeys ?? []), ...p.lines.map((l) => l.orderKey)])], packedAt: ev.at, packedBy: ev.actor, units: p.units, wrongScans: p.wrongScans,
  };
}

export function reduceParcelLabelled(r: ParcelRow, ev: TypedEvent<'parcel.labelled'>): ParcelRow {
  if ((r.state !== 'open' && r.state !== 'labelled') || r.packedAt === undefined) return r;
  const p = ev.payload;
  return { ...r, state: 'labelled', waybillNo: p.waybillNo, carrier: p.carrier, labelledAt: ev.at, labelSource: p.source, printJob: p.jobId };
}

export function reduceParcelShipped(r: ParcelRow, ev: TypedEvent<'parcel.shipped'>): ParcelRow {
  if (r.state !== 'labelled') return r;
  return { ...r, state: 'shipped', shippedAt: ev.at };
}

export function reduceParcelHandedOver(r: ParcelRow, handoverId: string, at: number): ParcelRow {
  if (r.state !== 'shipped') return r;
  return { ...r, state: 'handed_over', handoverId, handedOverAt: at };
}

/** Moves an order's fulfilment forward along the floor, never back and never out of a stop state. */
export function advanceOrder(row: OrderRow, to: Fulfilment, floor: Partial<OrderFloor>): OrderRow {
  const rank: Partial<Record<Fulfilment, number>> = { new: 0, reviewing: 0, on_hold: 0, ready: 1, allocated: 2, reserved: 2, in_wave: 3, picked: 4, packed: 5, labelled: 6, shipped: 7, handed_over: 8 };
  const from = rank[row.fulfilment];
  const next = rank[to];
  const moves = from !== undefined && next !== undefined && next > from;
  const merged: OrderFloor = { ...row.floor, ...floor };
  if (floor.setAside === undefined && moves) delete merged.setAside;
  const terms = floor.waybillNo ? [...new Set([...row.terms, `t:${floor.waybillNo.toUpperCase()}`])] : row.terms;
  return { ...row, fulfilment: moves ? to : row.fulfilment, floor: merged, terms };
}
