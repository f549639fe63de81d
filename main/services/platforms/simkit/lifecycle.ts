// How a simulated order lives: paid or closed unpaid after 30 min, shipped hours later (sometimes
// in two parcels), completed days later, with the odd platform hold and line refund. Everything
// an order will ever do is planned from (seed, orderId) when it is created, so the shop state at
// any sim time is the same no matter when or how often the simulator is asked.
import { CARRIERS, type Carrier } from './people';
import type { SimLine, SimOrder } from './model';
import { createRng } from './prng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
export const UNPAID_CLOSE_MS = 30 * MIN;

export type LifeKind = 'pay' | 'close_unpaid' | 'release' | 'refund_open' | 'refund_resolve' | 'ship_part' | 'ship' | 'finish';
export interface LifeEvent { at: number; kind: LifeKind }

interface Fate {
  pays: boolean; payDelay: number; hold: boolean; holdFor: number;
  refund: boolean; refundLineU: number; refundAfterPay: number; refundTakes: number; refundOutcome: 'success' | 'closed' | 'rejected';
  shipAfterPay: number; partial: boolean; partialGap: number; finishAfterShip: number;
  carrier: Carrier; trackingDigits: string; refundId: string;
}

function fateOf(seed: number, orderId: string): Fate {
  const r = createRng(`fate:${seed}:${orderId}`);
  const outcomeU = r.next();
  return {
    pays: r.chance(0.9), payDelay: r.int(20_000, 20 * MIN), hold: r.chance(0.04), holdFor: r.int(1 * HOUR, 8 * HOUR),
    refund: r.chance(0.08), refundLineU: r.next(), refundAfterPay: r.int(10 * MIN, 40 * HOUR), refundTakes: r.int(2 * HOUR, 48 * HOUR),
    refundOutcome: outcomeU < 0.55 ? 'success' : outcomeU < 0.8 ? 'closed' : 'rejected',
    shipAfterPay: r.int(4 * HOUR, 48 * HOUR), partial: r.chance(0.25), partialGap: r.int(6 * HOUR, 30 * HOUR),
    finishAfterShip: r.int(1 * DAY, 5 * DAY), carrier: r.pick(CARRIERS), trackingDigits: r.digits(20), refundId: `1${r.digits(17)}`,
  };
}

/** All future events of an order, oldest first. */
export function planLife(seed: number, order: Pick<SimOrder, 'orderId' | 'createdAt' | 'lines'>): LifeEvent[] {
  const f = fateOf(seed, order.orderId);
  const created = order.createdAt;
  const seconds = (list: LifeEvent[]) => list.map((e) => ({ ...e, at: Math.floor(e.at / 1000) * 1000 })).sort((a, b) => a.at - b.at);
  if (!f.pays) return seconds([{ at: created + UNPAID_CLOSE_MS, kind: 'close_unpaid' }]);
  const pay = Math.floor((created + f.payDelay) / 1000) * 1000;
  const ev: LifeEvent[] = [{ at: pay, kind: 'pay' }];
  let ship = pay + f.shipAfterPay;
  if (f.hold) {
    ev.push({ at: pay + f.holdFor, kind: 'release' });
    ship = Math.max(ship, pay + f.holdFor + 30 * MIN);
  }
  const refundOpen = pay + f.refundAfterPay;
  const refundDone = refundOpen + f.refundTakes;
  const refundBeforeShip = f.refund && refundOpen < ship;
  if (refundBeforeShip) {
    ev.push({ at: refundOpen, kind: 'refund_open' }, { at: refundDone, kind: 'refund_resolve' });
    if (f.refundOutcome === 'success' && order.lines.length === 1) return seconds(ev); // a refunded single line closes instead of shipping
    ship = Math.max(ship, refundDone + HOUR);
  }
  let lastShip = ship;
  if (f.partial && order.lines.length > 1) {
    ev.push({ at: ship, kind: 'ship_part' });
    lastShip = ship + f.partialGap;
  }
  ev.push({ at: lastShip, kind: 'ship' });
  let finish = lastShip + f.finishAfterShip;
  if (f.refund && !refundBeforeShip && refundOpen < finish) {
    ev.push({ at: refundOpen, kind: 'refund_open' }, { at: refundDone, kind: 'refund_resolve' });
    finish = Math.max(finish, refundDone + HOUR);
  }
  ev.push({ at: finish, kind: 'finish' });
  return seconds(ev);
}

const shippable = (o: SimOrder): SimLine[] => o.lines.filter((l) => !l.trackingNo && l.refund !== 'success');

/** Ships lines with one tracking number (a planned parcel or a seller's ship call). */
export function shipLines(order: SimOrder, lines: SimLine[], at: number, trackingNo: string, carrier: { code: string; name: string }): void {
  for (const l of lines) Object.assign(l, { trackingNo, carrierCode: carrier.code, carrierName: carrier.name, shippedAt: at });
  order.shippedAt ??= at;
  order.state = shippable(order).length > 0 ? 'partial' : 'shipped';
}

/** Applies one planned event. Returns false when the order has moved on (nothing changed). */
export function applyLife(seed: number, order: SimOrder, ev: LifeEvent): boolean {
  const f = fateOf(seed, order.orderId);
  const line = order.lines[Math.floor(f.refundLineU * order.lines.length)];
  const tracking = (parcel: number) => `${f.carrier.prefix}${f.trackingDigits.slice(0, f.carrier.digits - 1)}${parcel}`;
  switch (ev.kind) {
    case 'close_unpaid':
      if (order.state !== 'unpaid') return false;
      Object.assign(order, { state: 'closed', closedAt: ev.at, closedBy: 'unpaid' });
      break;
    case 'pay':
      if (order.state !== 'unpaid') return false;
      Object.assign(order, { state: 'paid', paidAt: ev.at, hold: f.hold });
      break;
    case 'release':
      if (!order.hold) return false;
      order.hold = false;
      break;
    case 'refund_open':
      if (!line || line.refund !== 'none' || order.state === 'closed') return false;
      Object.assign(line, { refund: 'open', refundId: f.refundId, refundAfterShip: !!line.trackingNo });
      break;
    case 'refund_resolve':
      if (!line || line.refundId !== f.refundId || line.refund !== 'open') return false;
      line.refund = f.refundOutcome;
      if (f.refundOutcome === 'success' && order.lines.every((l) => l.refund === 'success')) {
        Object.assign(order, { state: 'closed', closedAt: ev.at, closedBy: order.shippedAt ? 'refund' : 'cancel' });
      }
      break;
    case 'ship_part': {
      const open = shippable(order);
      if (order.state !== 'paid' || order.hold || open.length === 0) return false;
      shipLines(order, open.length >= 2 ? open.slice(0, 1) : open, ev.at, tracking(1), f.carrier);
      break;
    }
    case 'ship': {
      const open = shippable(order);
      if (!(order.state === 'paid' || order.state === 'partial') || order.hold || open.length === 0) return false;
      shipLines(order, open, ev.at, tracking(order.state === 'partial' ? 2 : 1), f.carrier);
      break;
    }
    case 'finish':
      if (order.state !== 'shipped') return false;
      Object.assign(order, { state: 'completed', completedAt: ev.at });
      break;
    default:
      return false;
  }
  if (order.modifiedAt < ev.at) order.modifiedAt = ev.at;
  return true;
}
