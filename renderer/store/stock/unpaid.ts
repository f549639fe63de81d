// Unpaid orders may reserve stock (a setting): the platform shows the order, the buyer is still
// paying, and a company selling scarce goods would rather not promise the same unit twice. The
// lock lapses `unpaidLockMinutes` after the order was placed unless payment makes it firm.
import { allocate } from '../../../shared/decide/allocate';
import type { DecideContext } from '../../../shared/decide/context';
import type { DecisionSettings } from '../../../shared/decide/settings';
import type { Allocation, Decision } from '../../../shared/decide/types';
import { centroidOf, haversineKm } from '../../../shared/address';
import type { Fulfilment, NormalizedOrder } from '../../../shared/domain/types';
import { PRE_FLOOR } from '../../../shared/domain/fulfilment';

/** The allocation an unpaid order locks now, or undefined (not unpaid, setting off, lapsed, cannot fill). */
export function unpaidLines(order: NormalizedOrder, fulfilment: Fulfilment, d: Decision, ctx: DecideContext, s: DecisionSettings): { allocation: Allocation; reasons: string[] } | undefined {
  if (!s.stock.reserveUnpaid || order.channelStatus !== 'awaiting_payment' || d.outcome !== 'skip' || !PRE_FLOOR.has(fulfilment)) return undefined;
  const until = order.createdAt + s.stock.unpaidLockMinutes * 60_000;
  if (until <= d.at) return undefined;
  if (d.lines.some((l) => l.units > 0 && !l.sku)) return undefined;
  const a = allocate({
    lines: d.lines, to: centroidOf(order.receiver.province, order.receiver.city, order.receiver.district), warehouses: ctx.warehouses, stock: ctx.stock,
    policy: s.allocation.policy, shopWarehouses: s.allocation.shopWarehouses[order.shopId] ?? [], skuWarehouse: s.allocation.skuWarehouse, distanceKm: haversineKm,
  });
  if (!a.parts.length || a.short.length) return undefined;
  return {
    allocation: { ...a, committed: true },
    reasons: [`未付款预占：从 ${a.parts.map((p) => p.warehouse).join(' + ')} 锁定库存`],
  };
}
