// The near-expiry list with a decision per batch and the reasons behind it: batches that expire
// within the window (or already have), soonest first. An expired batch is never "sell first" —
// allocation no longer takes it; it comes off sale. An unexpired one is suggested first when it
// still has free units and some shop may ship it: a shop's minimum remaining shelf life
// (decisions.stock.minRemainingDays) is measured the way allocation measures it, so the list
// says exactly where a batch no longer qualifies.
import { sellableOfRow, type StockRow } from './projection';
import { rowKey } from './movement';
import type { StockReason } from './stockReason';

const DAY = 86_400_000;

export type ExpiryDecision = 'expired' | 'sell_first' | 'no_shop' | 'nothing_free';

/** A shop and the remaining shelf life (days) it demands; 0: any unexpired batch. */
export interface ShopShelfRule { id: string; name?: string; minDays: number }

export interface NearExpiryEntry {
  key: string;
  sku: string;
  warehouse: string;
  batch: string;
  expiresAt: number;
  /** whole days left (allocation's measure); for an expired batch, minus the days since */
  daysLeft: number;
  expired: boolean;
  onHand: number;
  sellable: number;
  reserved: number;
  frozen: number;
  /** shelves holding it, most first */
  locations: Array<{ location: string; qty: number }>;
  decision: ExpiryDecision;
  reasons: StockReason[];
  /** shops whose minimum remaining shelf life this batch no longer meets */
  excludedShops: ShopShelfRule[];
}

export interface NearExpiryOptions { withinDays: number; shops?: readonly ShopShelfRule[] }

const shopName = (s: ShopShelfRule) => s.name ?? s.id;

export function nearExpiryList(rows: Iterable<StockRow>, now: number, opts: NearExpiryOptions): NearExpiryEntry[] {
  const shops = opts.shops ?? [];
  const picked: StockRow[] = [];
  for (const r of rows) {
    if (r.expiresAt === undefined || r.onHand <= 0) continue;
    const left = r.expiresAt > now ? Math.floor((r.expiresAt - now) / DAY) : -Math.floor((now - r.expiresAt) / DAY);
    if (left > opts.withinDays) continue;
    picked.push(r);
  }
  picked.sort((a, b) => a.expiresAt! - b.expiresAt! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // per SKU × warehouse, the earliest unexpired batch with free units: the one allocation takes first
  const firstFree = new Map<string, string>();
  for (const r of picked) {
    const k = `${r.sku}|${r.warehouse}`;
    if (!firstFree.has(k) && r.expiresAt! > now && sellableOfRow(r) > 0) firstFree.set(k, r.batch);
  }
  return picked.map((r) => {
    const expiresAt = r.expiresAt!;
    const expired = expiresAt <= now;
    const daysLeft = expired ? -Math.floor((now - expiresAt) / DAY) : Math.floor((expiresAt - now) / DAY);
    const sellable = Math.max(0, sellableOfRow(r));
    const excludedShops = expired ? [] : shops.filter((s) => s.minDays > 0 && expiresAt - now < s.minDays * DAY);
    const reasons: StockReason[] = [];
    let decision: ExpiryDecision;
    if (expired) {
      decision = 'expired';
      reasons.push({ code: 'expired', values: { days: -daysLeft } });
      if (r.reserved > 0) reasons.push({ code: 'expiredReserved', values: { n: r.reserved } });
    } else {
      reasons.push({ code: 'daysLeft', values: { days: daysLeft, within: opts.withinDays } });
      if (sellable <= 0) {
        decision = 'nothing_free';
        reasons.push({ code: 'nothingFree', values: { reserved: r.reserved, frozen: r.frozen } });
      } else if (shops.length > 0 && excludedShops.length === shops.length) {
        decision = 'no_shop';
        reasons.push({ code: 'noShop', values: { n: sellable } });
      } else {
        decision = 'sell_first';
        const first = firstFree.get(`${r.sku}|${r.warehouse}`);
        reasons.push(first === r.batch ? { code: 'fefoFirst', values: { n: sellable } } : { code: 'fefoAfter', values: { n: sellable, batch: first ?? '' } });
      }
      for (const s of excludedShops) reasons.push({ code: 'shopTooShort', values: { shop: shopName(s), need: s.minDays, left: daysLeft } });
    }
    const locations = Object.entries(r.locations).filter(([, n]) => n > 0).map(([location, qty]) => ({ location, qty })).sort((a, b) => b.qty - a.qty || (a.location < b.location ? -1 : 1));
    return {
      key: r.key ?? rowKey(r.sku, r.warehouse, r.batch), sku: r.sku, warehouse: r.warehouse, batch: r.batch, expiresAt, daysLeft, expired,
      onHand: r.onHand, sellable, reserved: r.reserved, frozen: r.frozen, locations, decision, reasons, excludedShops,
    };
  });
}
