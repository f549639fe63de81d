// The replenishment list: per SKU × warehouse, the sales rate from the ledger (salesRate, with
// stock-out days left out), sellable, in transit, days of cover, the alert against the SKU's
// own alert days (or the company's), and what to buy to reach the target cover (coverOf). The
// reasons are codes with values, so the screen can word them in either language.
import type { Movement } from './movement';
import { coverOf, salesHistory, salesRate, shanghaiDay, type Cover, type DayStat, type SalesRate } from './replenish';
import type { StockReason } from './stockReason';

/** The trailing days the rate reads (the longest of salesRate's windows). */
export const RATE_DAYS = 30;

/**
 * One SKU × warehouse's day stats for the RATE_DAYS whole days before `now`'s day (today is not
 * over yet, so it would read low). `movements`: that key's whole ledger in ledger order — the
 * earlier ones set the stock the window opens with.
 */
export function keyHistory(movements: readonly Movement[], sku: string, warehouse: string, now: number): DayStat[] {
  const today = shanghaiDay(now);
  const before = movements.filter((m) => m.sku === sku && m.warehouse === warehouse && shanghaiDay(m.at) < today);
  return salesHistory(before, today - RATE_DAYS, today).get(`${sku}|${warehouse}`) ?? [];
}

export interface ReplenishKey { sku: string; warehouse: string; sellable: number }

export interface ReplenishInput {
  keys: readonly ReplenishKey[];
  /** 'sku|warehouse' → units on their way there */
  inTransit: ReadonlyMap<string, number>;
  /** 'sku|warehouse' → day stats (keyHistory) */
  history: ReadonlyMap<string, readonly DayStat[]>;
  alertDays: number;
  skuAlertDays: Readonly<Record<string, number>>;
  targetDays: number;
}

export interface ReplenishRow {
  key: string;
  sku: string;
  warehouse: string;
  sellable: number;
  inTransit: number;
  rate: SalesRate;
  /** days with stock out in the last RATE_DAYS (left out of the rate) */
  outDays: number;
  cover: Cover;
  alertDays: number;
  /** the SKU has its own alert days */
  ownAlertDays: boolean;
  reasons: StockReason[];
}

const one = (n: number) => n.toFixed(1);

export function replenishRow(k: ReplenishKey, input: ReplenishInput): ReplenishRow {
  const key = `${k.sku}|${k.warehouse}`;
  const days = input.history.get(key) ?? [];
  const rate = salesRate(days);
  const own = input.skuAlertDays[k.sku];
  const alertDays = own ?? input.alertDays;
  const inTransit = input.inTransit.get(key) ?? 0;
  const cover = coverOf({ sku: k.sku, warehouse: k.warehouse, sellable: k.sellable, inTransit, rate: rate.rate, alertDays, targetDays: input.targetDays });
  const outDays = days.filter((d) => d.out).length;
  const reasons: StockReason[] = [];
  if (rate.rate > 0) {
    const [w1, w2, w3] = rate.windows;
    reasons.push({ code: 'rate', values: { r7: one(w1?.rate ?? 0), r14: one(w2?.rate ?? 0), r30: one(w3?.rate ?? 0), rate: one(rate.rate) } });
    if (outDays) reasons.push({ code: 'outDays', values: { n: outDays } });
    reasons.push({ code: 'cover', values: { sellable: k.sellable, rate: one(rate.rate), days: one(cover.days) } });
    if (cover.alert) reasons.push({ code: own !== undefined ? 'belowOwnAlert' : 'belowAlert', values: { days: alertDays } });
    const need = Math.ceil(rate.rate * input.targetDays);
    if (cover.suggest > 0) reasons.push({ code: 'suggest', values: { target: input.targetDays, need, sellable: Math.max(0, k.sellable), inTransit, suggest: cover.suggest } });
    else reasons.push({ code: 'enough', values: { target: input.targetDays, need, inTransit } });
  } else {
    if (outDays) reasons.push({ code: 'outDays', values: { n: outDays } });
    reasons.push({ code: 'noSales' });
  }
  return { key, sku: k.sku, warehouse: k.warehouse, sellable: k.sellable, inTransit, rate, outDays, cover, alertDays, ownAlertDays: own !== undefined, reasons };
}

/** Every key's row: alerts first, then the shortest cover, then by SKU and warehouse. */
export function replenishList(input: ReplenishInput): ReplenishRow[] {
  return input.keys.map((k) => replenishRow(k, input)).sort((a, b) =>
    Number(b.cover.alert) - Number(a.cover.alert) || a.cover.days - b.cover.days || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : 0));
}
