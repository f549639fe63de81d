// The fulfilment lifecycle (what Wharf does), kept separate from what the platform says.
import type { ChannelStatus, Fulfilment } from './types';

/** Allowed forward moves. Both print-then-pick and verify-then-print are allowed. */
export const FULFILMENT_NEXT: Record<Fulfilment, readonly Fulfilment[]> = {
  new: ['reviewing', 'on_hold', 'ready', 'cancelled'],
  reviewing: ['on_hold', 'ready', 'cancelled'],
  on_hold: ['reviewing', 'ready', 'cancelled'],
  ready: ['allocated', 'on_hold', 'cancelled'],
  allocated: ['reserved', 'on_hold', 'cancelled'],
  reserved: ['in_wave', 'labelled', 'on_hold', 'cancelled'],
  in_wave: ['picked', 'labelled', 'intercepted', 'cancelled'],
  picked: ['packed', 'labelled', 'intercepted'],
  packed: ['labelled', 'intercepted'],
  labelled: ['picked', 'packed', 'shipped', 'intercepted'],
  shipped: ['handed_over', 'intercepted'],
  handed_over: [],
  cancelled: [],
  intercepted: ['on_hold', 'cancelled'],
};

export function canMove(from: Fulfilment, to: Fulfilment): boolean {
  return FULFILMENT_NEXT[from].includes(to);
}

/** States where nothing physical has happened yet: a platform close simply cancels. */
export const PRE_FLOOR: ReadonlySet<Fulfilment> = new Set(['new', 'reviewing', 'on_hold', 'ready', 'allocated', 'reserved']);
/** States where goods are moving: a close or open refund must intercept, not cancel silently. */
export const ON_FLOOR: ReadonlySet<Fulfilment> = new Set(['in_wave', 'picked', 'packed', 'labelled']);

export interface FulfilmentDecision { fulfilment: Fulfilment; reasons: string[] }

/**
 * What the platform's view does to Wharf's fulfilment. Pure; returns its reasons.
 * Depends only on the previous fulfilment and the latest channel view, so pulls delivered in
 * any order and any batching converge to the same result.
 */
export function fulfilmentAfterChannel(prev: Fulfilment, channel: ChannelStatus, refunding: boolean): FulfilmentDecision {
  if (channel === 'closed') {
    if (PRE_FLOOR.has(prev)) return { fulfilment: 'cancelled', reasons: ['channel.closed'] };
    if (ON_FLOOR.has(prev)) return { fulfilment: 'intercepted', reasons: ['channel.closed_on_floor'] };
    return { fulfilment: prev, reasons: [] };
  }
  // Wharf cancelled only because the platform had closed it: the latest view decides alone,
  // so views arriving in any order converge (a later non-closed view re-opens the order).
  if (prev === 'cancelled') return { fulfilment: 'new', reasons: ['channel.reopened'] };
  if (refunding && ON_FLOOR.has(prev)) return { fulfilment: 'intercepted', reasons: ['channel.refund_on_floor'] };
  return { fulfilment: prev, reasons: [] };
}
