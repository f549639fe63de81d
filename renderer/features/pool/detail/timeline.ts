// An order's story from its events: what happened, when, by whom, on which device, and why.
// For pulled platform views the "why" is computed by comparing each view with the previous
// one (status WAIT_BUYER_PAY → WAIT_SELLER_SEND_GOODS, refund opened, memo changed…).
import type { NormalizedOrder } from '../../../../shared/domain/types';
import { SYSTEM_ACTOR, type WharfEvent } from '../../../../shared/events/envelope';

export type Why =
  | { k: 'first'; status: string; source: string }
  | { k: 'status'; from: string; to: string }
  | { k: 'channel'; from: string; to: string }
  | { k: 'refund'; on: boolean }
  | { k: 'lineRefund'; lineId: string; from: string; to: string }
  | { k: 'paid'; at: number }
  | { k: 'tracking'; no: string; carrier?: string }
  | { k: 'memo'; text: string }
  | { k: 'message'; text: string }
  | { k: 'flag'; from: number; to: number }
  | { k: 'receiver' }
  | { k: 'amount'; from: number; to: number }
  | { k: 'noChange' }
  | { k: 'payload'; text: string };

export type Who = { kind: 'user'; id: string } | { kind: 'platform'; shopId: string } | { kind: 'system' };

export interface TimelineEntry {
  id: string;
  type: string;
  at: number;
  who: Who;
  device: string;
  why: Why[];
}

function orderOf(ev: WharfEvent): NormalizedOrder | undefined {
  if (ev.type !== 'order.pulled') return undefined;
  return (ev.payload as { order?: NormalizedOrder } | undefined)?.order;
}

/** What changed between two views of the same order, as the platform reported them. */
export function diffOrders(prev: NormalizedOrder, next: NormalizedOrder): Why[] {
  const out: Why[] = [];
  if (prev.platformStatus !== next.platformStatus) out.push({ k: 'status', from: prev.platformStatus, to: next.platformStatus });
  if (prev.channelStatus !== next.channelStatus) out.push({ k: 'channel', from: prev.channelStatus, to: next.channelStatus });
  if (prev.refunding !== next.refunding) out.push({ k: 'refund', on: next.refunding });
  const prevLines = new Map(prev.lines.map((l) => [l.lineId, l]));
  for (const l of next.lines) {
    const p = prevLines.get(l.lineId);
    if ((p?.refundStatus ?? '') !== (l.refundStatus ?? '') && (p?.refundStatus || l.refundStatus)) {
      out.push({ k: 'lineRefund', lineId: l.lineId, from: p?.refundStatus ?? '—', to: l.refundStatus ?? '—' });
    }
    if (l.trackingNo && l.trackingNo !== p?.trackingNo) out.push({ k: 'tracking', no: l.trackingNo, carrier: l.carrier });
  }
  if (!prev.paidAt && next.paidAt) out.push({ k: 'paid', at: next.paidAt });
  if (prev.sellerMemo !== next.sellerMemo) out.push({ k: 'memo', text: next.sellerMemo });
  if (prev.buyerMessage !== next.buyerMessage) out.push({ k: 'message', text: next.buyerMessage });
  if (prev.sellerFlag !== next.sellerFlag) out.push({ k: 'flag', from: prev.sellerFlag, to: next.sellerFlag });
  if (prev.paymentFen !== next.paymentFen) out.push({ k: 'amount', from: prev.paymentFen, to: next.paymentFen });
  const r = (o: NormalizedOrder) => [o.receiver.nameMasked, o.receiver.phoneMasked, o.receiver.province, o.receiver.city, o.receiver.district, o.receiver.addressMasked].join('|');
  if (r(prev) !== r(next)) out.push({ k: 'receiver' });
  return out.length ? out : [{ k: 'noChange' }];
}

function whoOf(ev: WharfEvent): Who {
  if (ev.actor === SYSTEM_ACTOR) return ev.device.startsWith('shop:') ? { kind: 'platform', shopId: ev.device.slice(5) } : { kind: 'system' };
  return { kind: 'user', id: ev.actor };
}

function payloadText(payload: unknown): string {
  if (!payload || typeof payload !== 'object') return '';
  const p = payload as Record<string, unknown>;
  if (typeof p.reason === 'string') return p.reason;
  return Object.entries(p)
    .filter(([, v]) => v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

/** Events in time order (as orderTimeline returns them) → timeline entries. */
export function describeTimeline(events: readonly WharfEvent[]): TimelineEntry[] {
  let prev: NormalizedOrder | undefined;
  return events.map((ev) => {
    const order = orderOf(ev);
    let why: Why[];
    if (order) {
      const source = String((ev.payload as { source?: string }).source ?? 'api');
      why = prev ? diffOrders(prev, order) : [{ k: 'first', status: order.platformStatus, source }];
      prev = order;
    } else {
      const text = payloadText(ev.payload);
      why = text ? [{ k: 'payload', text }] : [];
    }
    return { id: ev.id, type: ev.type, at: ev.at, who: whoOf(ev), device: ev.device, why };
  });
}
