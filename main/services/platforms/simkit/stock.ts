// The simulated shop's stock, one row per listing (item + SKU, or an item without SKUs), shared
// by every simulator: the catalog gives the listings, each protocol's stock API moves them in its
// own words, and GET /__sim/stock shows where they stand. Quantities never go below 0: how a
// protocol answers an over-decrement (refuse or clamp) is the protocol's business.
import { resolveCatalogItem, type CatalogItem } from './catalog';

export interface SimListing {
  itemId: string;
  /** undefined: an item without SKUs (its stock is the item's) */
  skuId?: string;
  outerSkuId: string;
  quantity: number;
  /** last change, epoch ms */
  at: number;
  /** the seller deleted it: still known to the platform, but refuses stock changes */
  deleted: boolean;
}

/** What GET /__sim/stock answers per listing. */
export interface SimStockView { itemId: string; skuId: string | null; outerSkuId: string; quantity: number; at: number; deleted?: true }

/** What POST /__sim/stock takes: a new listing, or a change to a known one. */
export interface SimListingInput { itemId: string; skuId?: string | null; outerSkuId?: string; quantity?: number; deleted?: boolean }

/** every catalog SKU starts with this many on the shelf */
export const SIM_INITIAL_STOCK = 100;
const MAX_QUANTITY = 99_999_999;

const keyOf = (itemId: string, skuId: string | undefined) => `${itemId}:${skuId ?? ''}`;

export class StockBook {
  private rows = new Map<string, SimListing>();

  constructor(catalog: readonly CatalogItem[], now: number) {
    catalog.forEach((c, i) => {
      const r = resolveCatalogItem(c, i);
      this.rows.set(keyOf(r.numIid, r.skuId), { itemId: r.numIid, skuId: r.skuId, outerSkuId: r.outerSkuId, quantity: SIM_INITIAL_STOCK, at: now, deleted: false });
    });
  }

  /** Every listing of an item (deleted ones too); empty when the platform never had the item. */
  item(itemId: string): SimListing[] {
    return [...this.rows.values()].filter((r) => r.itemId === itemId);
  }

  sku(itemId: string, skuId: string): SimListing | undefined {
    return this.rows.get(keyOf(itemId, skuId));
  }

  /** Platforms that address a SKU by its id alone (JD). */
  skuAnywhere(skuId: string): SimListing | undefined {
    return [...this.rows.values()].find((r) => r.skuId === skuId);
  }

  /** An item's SKUs with this merchant code (one code may name several SKUs). */
  byOuter(itemId: string, outerSkuId: string): SimListing[] {
    return this.item(itemId).filter((r) => r.skuId !== undefined && r.outerSkuId === outerSkuId);
  }

  set(row: SimListing, quantity: number, now: number): void {
    if (!Number.isInteger(quantity) || quantity < 0) throw new Error(`stock of ${row.itemId}/${row.skuId ?? '-'} cannot be ${quantity}`);
    row.quantity = quantity;
    row.at = now;
  }

  /** Admin: add listings (an item without SKUs, 19-digit ids, a deleted one) or change known ones. */
  upsert(inputs: readonly SimListingInput[], now: number): SimStockView[] {
    for (const [i, l] of inputs.entries()) {
      const where = `stock[${i}]`;
      if (typeof l?.itemId !== 'string' || !/^\d{1,30}$/.test(l.itemId)) throw new Error(`${where}.itemId must be digit text (ids are strings: a JSON number loses digits past 2^53)`);
      if (l.skuId !== undefined && l.skuId !== null && (typeof l.skuId !== 'string' || !/^\d{1,30}$/.test(l.skuId))) throw new Error(`${where}.skuId must be digit text or null (an item without SKUs)`);
      if (l.quantity !== undefined && (!Number.isInteger(l.quantity) || l.quantity < 0 || l.quantity > MAX_QUANTITY)) throw new Error(`${where}.quantity must be a whole number 0–${MAX_QUANTITY}`);
      if (l.outerSkuId !== undefined && typeof l.outerSkuId !== 'string') throw new Error(`${where}.outerSkuId must be text`);
      if (l.deleted !== undefined && typeof l.deleted !== 'boolean') throw new Error(`${where}.deleted must be true or false`);
    }
    const touched: SimListing[] = [];
    for (const l of inputs) {
      const skuId = l.skuId ?? undefined;
      const key = keyOf(l.itemId, skuId);
      const row = this.rows.get(key) ?? { itemId: l.itemId, skuId, outerSkuId: '', quantity: 0, at: now, deleted: false };
      if (l.outerSkuId !== undefined) row.outerSkuId = l.outerSkuId;
      if (l.quantity !== undefined) { row.quantity = l.quantity; row.at = now; }
      if (l.deleted !== undefined) row.deleted = l.deleted;
      this.rows.set(key, row);
      touched.push(row);
    }
    return touched.map(viewOf);
  }

  view(): SimStockView[] {
    return [...this.rows.values()].map(viewOf);
  }
}

function viewOf(r: SimListing): SimStockView {
  return { itemId: r.itemId, skuId: r.skuId ?? null, outerSkuId: r.outerSkuId, quantity: r.quantity, at: r.at, ...(r.deleted ? { deleted: true as const } : {}) };
}

/** The admin routes' body reader for POST /__sim/stock. */
export function parseStockInput(body: Record<string, unknown>): SimListingInput[] {
  if (!Array.isArray(body.stock)) throw new Error('POST /__sim/stock needs {"stock":[{"itemId":"…","skuId":"…"|null,"outerSkuId"?,"quantity"?,"deleted"?}]}');
  return body.stock as SimListingInput[];
}
