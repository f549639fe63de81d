// Events of the warehouse floor: a wave released with its pick list fixed, picks confirmed by
// scan, a parcel packed after every unit was verified, its label printed, the parcel shipped,
// and a carrier's manifest closed at pickup. Each names what the floor saw, so the journal is
// the audit trail of who picked, packed, printed and handed over what.
import { z } from 'zod';

const Key = z.string().min(1).max(200);

export const WaveStopSchema = z.object({
  location: z.string().max(40),
  sku: z.string().min(1),
  batch: z.string(),
  expiresAt: z.number().int().optional(),
  qty: z.number().int().positive(),
  orders: z.array(z.object({ orderKey: Key, slot: z.number().int().positive(), qty: z.number().int().positive() })).min(1),
  shortOnShelf: z.boolean(),
});

export const ParcelLineSchema = z.object({ orderKey: Key, lineId: z.string().min(1), qty: z.number().int().positive() });

export const FLOOR_EVENT_PAYLOADS = {
  /** a planned wave goes to the floor: its orders in slot order and the pick list as printed */
  'wave.released': z.object({
    waveId: z.string().min(1),
    /** the number people say and scan: W + Shanghai date + sequence */
    no: z.string().min(1).max(40),
    warehouse: z.string().min(1),
    carrier: z.string().min(1),
    kind: z.enum(['single', 'multi']),
    orders: z.array(Key).min(1),
    stops: z.array(WaveStopSchema).min(1),
  }),
  /** a stop of a wave picked (the picker scanned the item at the location); qty may be short */
  'pick.confirmed': z.object({ waveId: z.string().min(1), stop: z.number().int().nonnegative(), qty: z.number().int().nonnegative(), code: z.string().max(200) }),
  /** every unit of the order was scanned against its lines: the parcel is closed */
  'parcel.packed': z.object({
    parcelId: z.string().min(1),
    orderKey: Key,
    warehouse: z.string().min(1),
    carrier: z.string(),
    lines: z.array(ParcelLineSchema).min(1),
    units: z.number().int().positive(),
    /** wrong scans the packer had to correct on the way (the audit sees how hard it was) */
    wrongScans: z.number().int().nonnegative(),
    startedAt: z.number().int(),
  }),
  /** the parcel's label reached its printer: the waybill number is on the box */
  'parcel.labelled': z.object({
    parcelId: z.string().min(1),
    waybillNo: z.string().regex(/^[A-Za-z0-9-]{6,40}$/),
    carrier: z.string().min(1),
    /** own: Wharf rendered it (TSPL/ZPL); platform: the platform's e-waybill via its print component */
    source: z.enum(['own', 'platform']),
    jobId: z.string().min(1),
    printer: z.string().max(200),
    /** a reprint names why (the audit asks) */
    reprintReason: z.string().max(200).optional(),
  }),
  /** the parcel leaves the warehouse's stock; the platform's tracking upload is queued beside it */
  'parcel.shipped': z.object({ parcelId: z.string().min(1) }),
  /** an order the floor cannot finish now: it waits aside with its reason (printer off, no waybill…) */
  'parcel.setAside': z.object({ orderKey: Key, code: z.enum(['waybill_needs_network', 'printer_failed', 'intercepted', 'pick_short', 'other']), note: z.string().max(500) }),
  /** the floor's settings: own-label waybill number ranges per carrier (快递网点给的单号段) */
  'floor.settingsSaved': z.object({ settings: z.unknown() }),
  /** the carrier's pickup: what was scanned onto the truck, what was missing and what was extra */
  'handover.closed': z.object({
    handoverId: z.string().min(1),
    carrier: z.string().min(1),
    warehouse: z.string().min(1),
    waybills: z.array(z.string()),
    missing: z.array(z.string()),
    extra: z.array(z.object({ code: z.string(), verdict: z.string() })),
  }),
};
