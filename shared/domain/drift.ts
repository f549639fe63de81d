// The "status drift" view (ARCHITECTURE.md): where what the platform says and what Wharf is
// doing disagree, with the rule that fired and what to do. Pure; one rule per row of the view.
import type { ChannelStatus, Fulfilment } from './types';

export type DriftCode = 'refund_on_floor' | 'closed_after_floor' | 'shipped_on_platform_while_working' | 'tracking_not_on_platform' | 'unpaid_in_progress';

export interface Drift { code: DriftCode; action: 'intercept' | 'check' | 'upload_tracking'; reasons: string[] }

/** Goods are moving in the warehouse (a label may be printed) */
const WORKING: ReadonlySet<Fulfilment> = new Set(['allocated', 'reserved', 'in_wave', 'picked', 'packed', 'labelled']);
const LEFT: ReadonlySet<Fulfilment> = new Set(['shipped', 'handed_over']);

/** the fulfilments the view has to look at (every rule needs one of them) */
export const DRIFT_FULFILMENTS: readonly Fulfilment[] = [...WORKING, ...LEFT];

export function statusDrift(o: { channelStatus: ChannelStatus; refunding: boolean; fulfilment: Fulfilment }): Drift | undefined {
  const why = `platform ${o.channelStatus}${o.refunding ? ' + refunding' : ''}, Wharf ${o.fulfilment}`;
  if (WORKING.has(o.fulfilment) && o.channelStatus === 'closed') return { code: 'closed_after_floor', action: 'intercept', reasons: [why, 'the platform closed the order while it is being worked'] };
  if (WORKING.has(o.fulfilment) && o.refunding) return { code: 'refund_on_floor', action: 'intercept', reasons: [why, 'a refund opened while the goods are on the floor'] };
  if (WORKING.has(o.fulfilment) && o.channelStatus === 'awaiting_payment') return { code: 'unpaid_in_progress', action: 'check', reasons: [why, 'the platform shows the order unpaid'] };
  if (WORKING.has(o.fulfilment) && (o.channelStatus === 'shipped' || o.channelStatus === 'completed')) {
    return { code: 'shipped_on_platform_while_working', action: 'intercept', reasons: [why, 'the platform says it shipped already (from another warehouse or the back-end): shipping again would double it'] };
  }
  if (LEFT.has(o.fulfilment) && (o.channelStatus === 'paid' || o.channelStatus === 'partially_shipped')) {
    return { code: 'tracking_not_on_platform', action: 'upload_tracking', reasons: [why, 'the parcel left but the platform has no tracking number yet'] };
  }
  if (LEFT.has(o.fulfilment) && o.channelStatus === 'closed') return { code: 'closed_after_floor', action: 'check', reasons: [why, 'closed on the platform after the parcel left: a return is coming'] };
  return undefined;
}
