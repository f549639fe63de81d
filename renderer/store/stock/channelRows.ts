// The channel-stock list's data: every listing (of one shop, or all) with the figure a push would
// send now and how it came about, read in one transaction so figures and ledger agree.
import type { WharfDB } from '../db';
import { configFor } from '../decide/config';
import { ledgerFor, listingFigures, pushTables } from './pushSchedule';
import type { ListingRow } from './listings';
import type { StockReason } from '../../../shared/stock';

export interface ChannelRow { listing: ListingRow; quantity: number; reasons: StockReason[] }

export async function channelRows(db: WharfDB, now: number, shopId?: string): Promise<ChannelRow[]> {
  return db.transaction('r', pushTables(db), async () => {
    const listings = shopId ? await db.listings.where('shopId').equals(shopId).toArray() : await db.listings.toArray();
    const cfg = await configFor(db);
    const ledger = await ledgerFor(db, cfg, listings);
    return listingFigures(ledger, cfg, listings, now)
      .sort((a, b) => (a.listing.shopId < b.listing.shopId ? -1 : a.listing.shopId > b.listing.shopId ? 1 : a.listing.title.localeCompare(b.listing.title, 'zh-CN') || (a.listing.key < b.listing.key ? -1 : 1)));
  });
}
