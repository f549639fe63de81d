// The pack station's store side: a scanned code (order number, waybill, pick slot "W1204-003-7"
// or the order key) opens the parcel to verify, with its lines from the order's lock — the
// units and FEFO batches promised — and closing it records `parcel.packed`.
import { WharfError } from '../../../shared/contract';
import { requirePermission } from '../../../shared/domain/permissions';
import type { OrderRow, Sku } from '../../../shared/domain/types';
import { newEventId } from '../../../shared/events/envelope';
import { packComplete, packProgress, type InterceptReason, type PackLine, type PackSession } from '../../../shared/floor';
import { commit } from '../decisionMutators';
import type { WharfDB } from '../db';
import type { OperatorContext } from '../mutators';

export interface PackOrder {
  parcelId: string;
  orderKeys: string[];
  rows: OrderRow[];
  lines: PackLine[];
  warehouse: string;
  carrier: string;
  intercept?: InterceptReason;
  /** already packed (a label to reprint, or waiting for one) */
  packed: boolean;
}

const PACKABLE = new Set(['allocated', 'in_wave', 'picked']);
const SLOT = /^(W\d{4}-\d{3})-(\d{1,3})$/i;

/** The order a scanned code names, or undefined. */
export async function findOrderByCode(db: WharfDB, raw: string): Promise<OrderRow | undefined> {
  const code = raw.trim();
  if (!code) return undefined;
  const direct = await db.orders.get(code);
  if (direct) return direct;
  const slot = SLOT.exec(code);
  if (slot) {
    const no = slot[1]!.toUpperCase();
    const wave = await db.waves.orderBy('releasedAt').reverse().filter((w) => w.no === no).first();
    const key = wave?.orders[Number(slot[2]) - 1];
    return key ? db.orders.get(key) : undefined;
  }
  for (const term of [`o:${code}`, `t:${code.toUpperCase()}`]) {
    const hits = await db.orders.where('terms').equals(term).toArray();
    // the newest first: an order id repeats only across shops, and then the live one matters
    if (hits.length) return hits.sort((a, b) => b.createdAt - a.createdAt)[0];
  }
  return undefined;
}

export function interceptOf(rows: readonly OrderRow[]): InterceptReason | undefined {
  for (const r of rows) {
    if (r.fulfilment === 'cancelled' || r.cancelled) return 'cancelled';
    if (r.channelStatus === 'closed') return 'closed';
    if (r.fulfilment === 'intercepted') return 'intercepted';
    if (r.refunding) return 'refunding';
  }
  return undefined;
}

/** Opens a scanned order for packing; a clear error says why it cannot be packed here. */
export async function openPack(db: WharfDB, code: string): Promise<PackOrder> {
  const row = await findOrderByCode(db, code);
  if (!row) throw new WharfError('not_found', `no order, waybill or pick slot reads "${code}" on this PC — scan the order's slip or pick-slot label`);
  const parcel = row.mergedInto ? await db.parcels.get(row.mergedInto) : row.floor?.parcel ? await db.parcels.get(row.floor.parcel) : undefined;
  const keys = parcel?.orderKeys.length ? parcel.orderKeys : [row.key];
  const rows = (await db.orders.bulkGet(keys)).filter((r): r is OrderRow => !!r);
  const intercept = interceptOf(rows);
  const packed = !!parcel?.packedAt;
  if (!intercept && !packed && !rows.every((r) => PACKABLE.has(r.fulfilment))) {
    const odd = rows.find((r) => !PACKABLE.has(r.fulfilment))!;
    throw new WharfError('invalid_input', `order ${odd.orderId} is ${odd.fulfilment}, not ready to pack — it needs stock allocated first (see its decision in the pool)`);
  }
  const locks = await db.locks.bulkGet(keys);
  const skuCodes = [...new Set(locks.flatMap((l) => l?.lines.map((x) => x.sku) ?? []))];
  const skus = new Map((await db.skus.bulkGet(skuCodes)).filter((s): s is Sku => !!s).map((s) => [s.code, s]));
  const bySku = new Map<string, PackLine>();
  let warehouse = '';
  for (const lock of locks) {
    for (const l of lock?.lines ?? []) {
      if (l.qty <= 0) continue;
      warehouse ||= l.warehouse;
      const sku = skus.get(l.sku);
      const have = bySku.get(l.sku);
      if (have) { have.need += l.qty; if (l.batch && !have.batches.includes(l.batch)) (have.batches as string[]).push(l.batch); continue; }
      bySku.set(l.sku, { sku: l.sku, name: sku ? `${sku.name}${sku.spec ? ` ${sku.spec}` : ''}` : l.sku, need: l.qty, batches: l.batch ? [l.batch] : [], requireBatch: !!sku?.batchTracked && !!l.batch });
    }
  }
  if (!bySku.size && !intercept && !packed) throw new WharfError('invalid_input', `order ${row.orderId} holds no stock (its lock was released or shipped) — look at it in the pool before packing`);
  return {
    parcelId: parcel?.id ?? row.floor?.parcel ?? `pc-${newEventId()}`,
    orderKeys: keys, rows, lines: [...bySku.values()], warehouse: warehouse || parcel?.warehouse || '',
    carrier: parcel?.carrier || row.floor?.carrier || '', ...(intercept ? { intercept } : {}), packed,
  };
}

/** Every unit verified: the parcel is closed (`parcel.packed`). */
export async function packParcel(db: WharfDB, ctx: OperatorContext, order: PackOrder, session: PackSession, audit: { startedAt: number; wrongScans: number; carrier: string }): Promise<string> {
  requirePermission(ctx.user.role, 'floor.ship');
  if (!packComplete(session)) {
    const p = packProgress(session);
    throw new WharfError('invalid_input', `pack: ${p.scanned} of ${p.need} units verified — scan the rest before closing the parcel`);
  }
  const fresh = (await db.orders.bulkGet(order.orderKeys)).filter((r): r is OrderRow => !!r);
  const stop = interceptOf(fresh);
  if (stop) throw new WharfError('invalid_input', `pack: the order was ${stop} meanwhile — take the goods out, it must not ship`);
  const lines = fresh.flatMap((r) => r.lines.filter((l) => l.qty > 0).map((l) => ({ orderKey: r.key, lineId: l.lineId, qty: l.qty })));
  const units = packProgress(session).scanned;
  await commit(db, ctx, 'floor.ship', 'parcel.packed', {
    parcelId: order.parcelId, orderKey: order.orderKeys[0]!, warehouse: order.warehouse, carrier: audit.carrier, lines, units, wrongScans: audit.wrongScans, startedAt: audit.startedAt,
  }, order.orderKeys[0]);
  return order.parcelId;
}
