// Folds order events into the order projection. Pure, idempotent and order-independent:
// the same events applied twice, or split into any batches in any order, give the same row.
import type { Hold, NormalizedOrder, OrderRow } from '../domain/types';
import { fulfilmentAfterChannel } from '../domain/fulfilment';
import type { TypedEvent } from './envelope';

/** Search tokens for the pool's one multi-entry index. */
export function searchTerms(o: NormalizedOrder): string[] {
  const t = new Set<string>();
  t.add(`o:${o.orderId}`);
  for (const l of o.lines) {
    if (l.trackingNo) t.add(`t:${l.trackingNo.toUpperCase()}`);
    if (l.lineId !== o.orderId) t.add(`o:${l.lineId}`);
  }
  if (o.receiver.phoneTail) t.add(`p:${o.receiver.phoneTail}`);
  if (o.receiver.nameMasked) t.add(`n:${o.receiver.nameMasked}`);
  if (o.receiver.mergeKey) t.add(`m:${o.receiver.mergeKey}`);
  return [...t];
}

function channelHolds(o: NormalizedOrder, at: number): Hold[] {
  const holds: Hold[] = o.channelHolds.map((code) => ({ code, source: 'channel' as const, values: { platformStatus: o.platformStatus }, at }));
  if (o.refunding) {
    const lines = o.lines.filter((l) => l.refundStatus && l.refundStatus !== 'SUCCESS' && l.refundStatus !== 'CLOSED' && l.refundStatus !== 'NO_REFUND');
    holds.push({ code: 'refund_open', source: 'channel', values: { lines: lines.map((l) => `${l.lineId}:${l.refundStatus}`) }, at });
  }
  return holds;
}

/** True when (modifiedAt, hash) of b is newer than a: the latest platform view wins. */
function newer(aModified: number, aHash: string, bModified: number, bHash: string): boolean {
  return bModified > aModified || (bModified === aModified && bHash > aHash);
}

/** A change the floor must see before the parcel leaves: the label on it may now be wrong. */
export const CHANGED_AFTER_LABEL = 'changed_after_label';

/** Which buyer-or-seller-visible facts differ between two views of an order. */
export function changedFacts(a: NormalizedOrder, b: NormalizedOrder): string[] {
  const out: string[] = [];
  const ra = a.receiver;
  const rb = b.receiver;
  if (ra.addressMasked !== rb.addressMasked || ra.province !== rb.province || ra.city !== rb.city || ra.district !== rb.district || ra.town !== rb.town
    || ra.mergeKey !== rb.mergeKey || JSON.stringify(ra.cipher) !== JSON.stringify(rb.cipher)) out.push('address');
  if (ra.nameMasked !== rb.nameMasked || ra.phoneMasked !== rb.phoneMasked) out.push('receiver');
  if (a.sellerMemo !== b.sellerMemo) out.push('memo');
  if (a.sellerFlag !== b.sellerFlag) out.push('flag');
  return out;
}

/** The fields Wharf owns on a row (decisions, corrections), kept when the platform view changes. */
function carried(prev: OrderRow): Partial<OrderRow> {
  const out: Partial<OrderRow> = {};
  if (prev.decision) out.decision = prev.decision;
  if (prev.rk) out.rk = prev.rk;
  if (prev.um) out.um = prev.um;
  if (prev.duplicateOf) out.duplicateOf = prev.duplicateOf;
  if (prev.addressEdit) out.addressEdit = prev.addressEdit;
  if (prev.cancelled) out.cancelled = prev.cancelled;
  if (prev.mergedInto) out.mergedInto = prev.mergedInto;
  if (prev.floor) out.floor = prev.floor;
  return out;
}

export function reduceOrderPulled(prev: OrderRow | undefined, ev: TypedEvent<'order.pulled'>): OrderRow {
  const { order, payloadHash } = ev.payload;
  if (prev?.eventIds.includes(ev.id)) return prev;
  const eventIds = [...(prev?.eventIds ?? []), ev.id].sort();
  const origin = prev?.origin ?? (ev.payload.source === 'excel' ? 'excel' : 'api');
  // an imported order reached through the API for the first time: enriched, never a second order
  const enrichedAt = prev?.enrichedAt ?? (origin === 'excel' && ev.payload.source === 'api' ? ev.at : undefined);
  const provenance = { origin, ...(enrichedAt !== undefined ? { enrichedAt } : {}) };
  if (prev && !newer(prev.modifiedAt, prev.viewHash, order.modifiedAt, payloadHash)) {
    return { ...prev, ...provenance, eventIds, firstSeenAt: Math.min(prev.firstSeenAt, ev.at) };
  }
  const base = prev?.fulfilment ?? 'new';
  const decision = fulfilmentAfterChannel(base, order.channelStatus, order.refunding);
  const keptHolds = (prev?.holds ?? []).filter((h) => h.source !== 'channel' || h.code === CHANGED_AFTER_LABEL);
  // an address, memo or flag change that arrives once the label is printed stops the parcel
  const changed = prev && base === 'labelled' ? changedFacts(prev, order) : [];
  const intercept: Hold[] = changed.length ? [{ code: CHANGED_AFTER_LABEL, source: 'channel', values: { changed, platformModifiedAt: order.modifiedAt }, at: order.modifiedAt }] : [];
  return {
    ...order,
    ...provenance,
    writeBacks: prev?.writeBacks,
    // what Wharf decided and what staff corrected survive a newer platform view
    ...(prev ? carried(prev) : {}),
    key: ev.orderKey!,
    // a person's cancellation stands, whatever the platform says next
    fulfilment: prev?.cancelled ? 'cancelled' : changed.length && decision.fulfilment === 'labelled' ? 'intercepted' : decision.fulfilment,
    holds: [...keptHolds, ...channelHolds(order, order.modifiedAt), ...intercept],
    eventIds,
    viewHash: payloadHash,
    firstSeenAt: Math.min(prev?.firstSeenAt ?? ev.at, ev.at),
    updatedAt: Math.max(prev?.updatedAt ?? 0, order.modifiedAt),
    // the floor's waybill stays findable whatever the platform shows (its own copy comes after upload)
    terms: prev?.floor?.waybillNo ? [...new Set([...searchTerms(order), `t:${prev.floor.waybillNo.toUpperCase()}`])] : searchTerms(order),
  };
}
