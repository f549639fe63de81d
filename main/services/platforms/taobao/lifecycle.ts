// How a simulated trade lives: paid or closed unpaid after 30 min, shipped hours later (sometimes
// in two parcels), finished days later, with the odd forbidden-consign hold and line refund.
// Everything a trade will ever do is planned from (seed, tid) when it is created, so the shop
// state at any sim time is the same no matter when or how often the simulator is asked.
import { formatShanghai, parseShanghai } from '../../../../shared/time';
import { parseYuan, formatFen } from '../../../../shared/money';
import { CARRIERS, type Carrier } from '../simkit/people';
import { createRng } from '../simkit/prng';
import type { TbTrade } from './trade';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Taobao closes an unpaid trade after 30 minutes (the common default). */
export const UNPAID_CLOSE_MS = 30 * MIN;

export type LifeKind = 'pay' | 'close_unpaid' | 'release' | 'refund_open' | 'refund_resolve' | 'ship_part' | 'ship' | 'finish';
export interface LifeEvent { at: number; kind: LifeKind }

type RefundOutcome = 'SUCCESS' | 'CLOSED' | 'SELLER_REFUSE_BUYER';

interface Fate {
  pays: boolean;
  payDelay: number;
  forbid: boolean;
  forbidFor: number;
  refund: boolean;
  refundLineU: number;
  refundAfterPay: number;
  refundTakes: number;
  refundOutcome: RefundOutcome;
  shipAfterPay: number;
  partial: boolean;
  partialGap: number;
  finishAfterShip: number;
  carrier: Carrier;
  trackingDigits: string;
  refundId: string;
}

function fateOf(seed: number, tid: string): Fate {
  const r = createRng(`fate:${seed}:${tid}`);
  const outcomeU = r.next();
  return {
    pays: r.chance(0.9),
    payDelay: r.int(20_000, 20 * MIN),
    forbid: r.chance(0.04),
    forbidFor: r.int(1 * HOUR, 8 * HOUR),
    refund: r.chance(0.08),
    refundLineU: r.next(),
    refundAfterPay: r.int(10 * MIN, 40 * HOUR),
    refundTakes: r.int(2 * HOUR, 48 * HOUR),
    refundOutcome: outcomeU < 0.55 ? 'SUCCESS' : outcomeU < 0.8 ? 'CLOSED' : 'SELLER_REFUSE_BUYER',
    shipAfterPay: r.int(4 * HOUR, 48 * HOUR),
    partial: r.chance(0.25),
    partialGap: r.int(6 * HOUR, 30 * HOUR),
    finishAfterShip: r.int(1 * DAY, 5 * DAY),
    carrier: r.pick(CARRIERS),
    trackingDigits: r.digits(20),
    refundId: `1${r.digits(17)}`,
  };
}

/** All future events of a trade, oldest first, from its created time and line count. */
export function planLife(seed: number, trade: Pick<TbTrade, 'tid' | 'created' | 'orders'>): LifeEvent[] {
  const f = fateOf(seed, trade.tid);
  const created = parseShanghai(trade.created);
  if (!f.pays) return [{ at: created + UNPAID_CLOSE_MS, kind: 'close_unpaid' }];
  const pay = created + f.payDelay;
  const ev: LifeEvent[] = [{ at: pay, kind: 'pay' }];
  let ship = pay + f.shipAfterPay;
  if (f.forbid) {
    ev.push({ at: pay + f.forbidFor, kind: 'release' });
    ship = Math.max(ship, pay + f.forbidFor + 30 * MIN);
  }
  const refundOpen = pay + f.refundAfterPay;
  const refundDone = refundOpen + f.refundTakes;
  const refundBeforeShip = f.refund && refundOpen < ship;
  if (refundBeforeShip) {
    ev.push({ at: refundOpen, kind: 'refund_open' }, { at: refundDone, kind: 'refund_resolve' });
    // a refunded single-line trade closes instead of shipping
    if (f.refundOutcome === 'SUCCESS' && trade.orders.length === 1) return ev;
    ship = Math.max(ship, refundDone + HOUR); // the seller waits for the refund to settle
  }
  let lastShip = ship;
  if (f.partial && trade.orders.length > 1) {
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
  return ev.sort((a, b) => a.at - b.at);
}

function setStatus(trade: TbTrade, status: string, lines = trade.orders): void {
  trade.status = status;
  for (const o of lines) if (o.refund_status !== 'SUCCESS') o.status = status;
}

function shippable(trade: TbTrade) {
  return trade.orders.filter((o) => !o.invoice_no && o.refund_status !== 'SUCCESS');
}

function shipLines(trade: TbTrade, lines: TbTrade['orders'], at: number, f: Fate, parcel: number): void {
  const when = formatShanghai(at);
  const tracking = `${f.carrier.prefix}${f.trackingDigits.slice(0, f.carrier.digits - 1)}${parcel}`;
  for (const o of lines) {
    o.invoice_no = tracking;
    o.logistics_company = f.carrier.name;
    o.consign_time = when;
    o.status = 'WAIT_BUYER_CONFIRM_GOODS';
  }
  trade.consign_time ??= when;
}

/** Applies one planned event. Returns false when the trade has moved on (nothing changed). */
export function applyLifeEvent(seed: number, trade: TbTrade, ev: LifeEvent): boolean {
  const f = fateOf(seed, trade.tid);
  const when = formatShanghai(ev.at);
  const refundLine = trade.orders[Math.floor(f.refundLineU * trade.orders.length)];
  let changed = true;
  switch (ev.kind) {
    case 'close_unpaid':
      if (trade.status !== 'WAIT_BUYER_PAY') return false;
      setStatus(trade, 'TRADE_CLOSED_BY_TAOBAO');
      trade.end_time = when;
      break;
    case 'pay':
      if (trade.status !== 'WAIT_BUYER_PAY') return false;
      setStatus(trade, f.forbid ? 'PAID_FORBID_CONSIGN' : 'WAIT_SELLER_SEND_GOODS');
      trade.pay_time = when;
      break;
    case 'release':
      if (trade.status !== 'PAID_FORBID_CONSIGN') return false;
      setStatus(trade, 'WAIT_SELLER_SEND_GOODS');
      break;
    case 'refund_open':
      if (!refundLine || refundLine.refund_status !== 'NO_REFUND') return false;
      refundLine.refund_status = refundLine.invoice_no ? 'WAIT_BUYER_RETURN_GOODS' : 'WAIT_SELLER_AGREE';
      refundLine.refund_id = f.refundId;
      break;
    case 'refund_resolve': {
      if (!refundLine || refundLine.refund_id !== f.refundId) return false;
      refundLine.refund_status = f.refundOutcome;
      if (f.refundOutcome !== 'SUCCESS') break;
      refundLine.status = 'TRADE_CLOSED';
      if (trade.orders.every((o) => o.refund_status === 'SUCCESS')) {
        trade.status = 'TRADE_CLOSED';
        trade.end_time = when;
      }
      break;
    }
    case 'ship_part': {
      const open = shippable(trade);
      if (!['WAIT_SELLER_SEND_GOODS'].includes(trade.status) || open.length === 0) return false;
      if (open.length >= 2) {
        shipLines(trade, open.slice(0, 1), ev.at, f, 1);
        trade.status = 'SELLER_CONSIGNED_PART';
      } else {
        shipLines(trade, open, ev.at, f, 1);
        trade.status = 'WAIT_BUYER_CONFIRM_GOODS';
      }
      break;
    }
    case 'ship': {
      const open = shippable(trade);
      if (!['WAIT_SELLER_SEND_GOODS', 'SELLER_CONSIGNED_PART'].includes(trade.status) || open.length === 0) return false;
      shipLines(trade, open, ev.at, f, trade.status === 'SELLER_CONSIGNED_PART' ? 2 : 1);
      trade.status = 'WAIT_BUYER_CONFIRM_GOODS';
      break;
    }
    case 'finish': {
      if (trade.status !== 'WAIT_BUYER_CONFIRM_GOODS') return false;
      setStatus(trade, 'TRADE_FINISHED');
      trade.end_time = when;
      const refunded = trade.orders.filter((o) => o.refund_status === 'SUCCESS').reduce((s, o) => s + parseYuan(o.divide_order_fee), 0);
      trade.received_payment = formatFen(parseYuan(trade.payment) - refunded);
      break;
    }
    default:
      changed = false;
  }
  if (changed && parseShanghai(trade.modified) < ev.at) trade.modified = when;
  return changed;
}
