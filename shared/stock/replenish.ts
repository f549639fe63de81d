// Safety stock and replenishment from the ledger: how fast each SKU sells in each warehouse
// (weighted trailing 7/14/30 days, days it was out of stock left out — a SKU that could not be
// sold did not "sell zero"), how many days the sellable stock covers, when to alert, and how much
// to buy to reach a target cover, minus what is already on its way.
import { SHANGHAI_OFFSET_MS } from '../time';
import type { Movement } from './movement';
import { applyMovement, emptyStockState, sellable } from './projection';

const DAY = 86_400_000;

/** Day number in China time (days since 1970-01-01 +08:00). */
export const shanghaiDay = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY);

export interface DayStat {
  day: number;
  /** units shipped that day */
  shipped: number;
  /** sellable was ≤ 0 at some point of the day: it does not count for the rate */
  out: boolean;
}

/**
 * Per SKU × warehouse ('sku|warehouse'), one stat per day in [fromDay, toDay), from the whole
 * ledger in order (earlier movements set the opening stock).
 */
export function salesHistory(movements: Iterable<Movement>, fromDay: number, toDay: number): Map<string, DayStat[]> {
  const state = emptyStockState();
  // per key: the day being filled, its stats so far, and the sellable the last movement left
  const track = new Map<string, { day: number; shipped: number; out: boolean; end: number; days: DayStat[] }>();
  const close = (t: { day: number; shipped: number; out: boolean; end: number; days: DayStat[] }, until: number) => {
    // the day in hand, then the quiet days after it, which keep the stock it ended with
    if (t.day >= fromDay && t.day < toDay) t.days.push({ day: t.day, shipped: t.shipped, out: t.out });
    for (let d = Math.max(t.day + 1, fromDay); d < Math.min(until, toDay); d++) t.days.push({ day: d, shipped: 0, out: t.end <= 0 });
  };
  for (const m of movements) {
    const day = shanghaiDay(m.at);
    if (day >= toDay) break;
    applyMovement(state, m);
    if (m.kind === 'firm') continue;
    const key = `${m.sku}|${m.warehouse}`;
    const now = sellable(state, m.sku, m.warehouse);
    let t = track.get(key);
    if (!t) track.set(key, (t = { day, shipped: 0, out: false, end: now, days: [] }));
    else if (day !== t.day) {
      close(t, day);
      t.day = day;
      t.shipped = 0;
      t.out = t.end <= 0;
    }
    if (m.kind === 'ship') t.shipped += m.qty;
    // an order that takes the last unit leaves the shelf empty: the rest of the day is a stock-out
    if (now <= 0) t.out = true;
    t.end = now;
  }
  const out = new Map<string, DayStat[]>();
  for (const [key, t] of track) {
    close(t, toDay);
    out.set(key, t.days);
  }
  return out;
}

export interface RateOptions {
  /** trailing windows, days (default 7, 14, 30) */
  windows?: readonly number[];
  /** their weights (default 0.5, 0.3, 0.2); windows with no in-stock day drop out and the rest are re-weighted */
  weights?: readonly number[];
}

export interface SalesRate {
  /** units a day */
  rate: number;
  windows: Array<{ days: number; inStockDays: number; units: number; rate: number; weight: number }>;
  reasons: string[];
}

/** The weighted trailing sales rate from one key's day stats (the last day in `days` is the newest). */
export function salesRate(days: readonly DayStat[], opts: RateOptions = {}): SalesRate {
  const windows = opts.windows ?? [7, 14, 30];
  const weights = opts.weights ?? [0.5, 0.3, 0.2];
  const newest = days.length ? days[days.length - 1]!.day : 0;
  const rows = windows.map((w, i) => {
    const inWindow = days.filter((d) => d.day > newest - w);
    const counted = inWindow.filter((d) => !d.out);
    const units = counted.reduce((n, d) => n + d.shipped, 0);
    return { days: w, inStockDays: counted.length, units, rate: counted.length ? units / counted.length : 0, weight: weights[i] ?? 0 };
  });
  const usable = rows.filter((r) => r.inStockDays > 0);
  const total = usable.reduce((n, r) => n + r.weight, 0);
  const rate = total > 0 ? usable.reduce((n, r) => n + r.rate * r.weight, 0) / total : 0;
  const outDays = days.filter((d) => d.day > newest - Math.max(...windows) && d.out).length;
  const reasons = [
    `近 ${rows.map((r) => `${r.days} 天日均 ${r.rate.toFixed(1)}`).join('、')}，加权 ${rate.toFixed(1)}/天`,
    ...(outDays ? [`${outDays} 天缺货，不计入`] : []),
  ];
  return { rate, windows: rows, reasons };
}

export interface CoverInput {
  sku: string;
  warehouse: string;
  sellable: number;
  /** units on their way here (transfers, purchase arrivals) */
  inTransit: number;
  rate: number;
  /** alert below this many days of cover (default 7; per SKU where configured) */
  alertDays?: number;
  /** buy up to this many days of cover (default 30) */
  targetDays?: number;
}

export interface Cover {
  sku: string;
  warehouse: string;
  /** days the sellable stock lasts at the rate (Infinity when it does not sell) */
  days: number;
  alert: boolean;
  /** units to order to reach the target cover, after what is in transit */
  suggest: number;
  reasons: string[];
}

export function coverOf(c: CoverInput): Cover {
  const alertDays = c.alertDays ?? 7;
  const targetDays = c.targetDays ?? 30;
  const days = c.rate > 0 ? Math.max(0, c.sellable) / c.rate : Infinity;
  const alert = c.rate > 0 && days < alertDays;
  const suggest = c.rate > 0 ? Math.max(0, Math.ceil(c.rate * targetDays - Math.max(0, c.sellable) - c.inTransit)) : 0;
  const reasons = c.rate > 0
    ? [`可售 ${c.sellable}，日均 ${c.rate.toFixed(1)}，可售 ${days.toFixed(1)} 天${alert ? `（低于 ${alertDays} 天）` : ''}`,
      ...(suggest > 0 ? [`补到 ${targetDays} 天需 ${Math.ceil(c.rate * targetDays)}，扣除可售 ${Math.max(0, c.sellable)} 和在途 ${c.inTransit}，建议补 ${suggest}`] : [])]
    : ['近期没有销量：不预警，不建议补货'];
  return { sku: c.sku, warehouse: c.warehouse, days, alert, suggest, reasons };
}
