// Which channel listings need a new stock figure, batched per shop into outbox rows. It reads the
// ledger from where the last pass stopped (a cursor on the movements' sequence), so a restart, a
// night offline or a host that is down loses nothing: the next pass picks up every SKU that moved
// since. Only listings whose figure differs from what the platform was last told (or is about to
// be told) are sent. Stock pushes are not journal events: they are derived from the ledger, and
// recomputing them after a lost outbox row gives the same figures.
import { channelQuantity } from '../../../shared/stock';
import { newEventId } from '../../../shared/events/envelope';
import { OWN_CHANNEL } from '../../../shared/domain/types';
import type { StockPushItem } from '../../../shared/domain/writeBack';
import type { DecisionSettings } from '../../../shared/decide/settings';
import type { OutboxRow, WharfDB } from '../db';
import { configFor, configTables, type ConfigSnapshot } from '../decide/config';
import { StockTx, stockTables } from './ledgerTx';
import type { ListingRow } from './listings';

export const PUSH_CURSOR_KEY = 'stockPush.seq';
export const STOCK_PUSH_KIND = 'platform.stock';
/** the host's platform.call takes at most this many listings at once */
const ITEMS_PER_ROW = 200;

export interface PushActor { userId: string; device: string }

export interface StockPushPayload {
  shopId: string;
  call: { op: 'stock'; items: StockPushItem[] };
  /** listing key of each item, same order */
  listings: string[];
  actor: string;
  device: string;
  attempts: number;
  nextAt: number;
}

export interface ScheduleResult {
  /** outbox rows written (new or merged) */
  rows: number;
  /** listings given a new figure */
  listings: number;
}

export const pushTables = (db: WharfDB) => [db.movements, db.listings, db.outbox, db.shops, ...stockTables(db), ...configTables(db)];

/** The figure each listing should show, with the reasons (the channel-stock list shows them). */
export function listingFigures(ledger: StockTx, cfg: ConfigSnapshot, listings: readonly ListingRow[], now: number) {
  const stock = cfg.settings.stock;
  const all = cfg.warehouses.filter((w) => w.active !== false).map((w) => w.code);
  return listings.map((l) => {
    const whs = cfg.settings.allocation.shopWarehouses[l.shopId]?.length ? cfg.settings.allocation.shopWarehouses[l.shopId]! : all;
    ledger.eligibility = { now, minRemainingDays: stock.minRemainingDays[l.shopId] ?? 0 };
    const shop = stock.push.shops[l.shopId];
    const figure = channelQuantity(l, { bufferUnits: shop?.bufferUnits ?? 0, bufferPercent: shop?.bufferPercent ?? 0 }, {
      sellable: (sku) => whs.reduce((n, w) => n + Math.max(0, ledger.sellable(sku, w)), 0),
      components: (sku) => cfg.skus.get(sku)?.components ?? [],
      warehouses: whs,
    });
    ledger.eligibility = undefined;
    return { listing: l, ...figure };
  });
}

/** Loads every SKU the listings need (kits: their components) into a ledger view. */
export async function ledgerFor(db: WharfDB, cfg: ConfigSnapshot, listings: readonly ListingRow[]): Promise<StockTx> {
  const skus = new Set<string>();
  for (const l of listings) {
    skus.add(l.sku);
    for (const c of cfg.skus.get(l.sku)?.components ?? []) skus.add(c.code);
  }
  const ledger = new StockTx(db);
  await ledger.load(skus);
  return ledger;
}

const pushable = (settings: DecisionSettings, shops: Map<string, { platform: string }>, shopId: string) => {
  const shop = shops.get(shopId);
  return !!shop && shop.platform !== OWN_CHANNEL && !settings.stock.push.shops[shopId]?.off;
};

/**
 * One pass: the listings of every SKU that moved since the cursor (or, with `all`, every listing,
 * optionally of one shop — the "push all now" after a platform-side change) get their figure;
 * changed ones go to the outbox. Nothing happens while pushing is off: the cursor stays, so
 * switching it back on sends what changed meanwhile.
 */
export async function schedulePush(db: WharfDB, actor: PushActor, now: number, opts: { all?: boolean; shopId?: string } = {}): Promise<ScheduleResult> {
  return db.transaction('rw', pushTables(db), async () => {
    const cfg = await configFor(db);
    if (!cfg.settings.stock.push.enabled) return { rows: 0, listings: 0 };
    const cursor = Number((await db.cursors.get(PUSH_CURSOR_KEY))?.value ?? 0);
    const last = Number((await db.movements.orderBy(':id').lastKey()) ?? 0);
    let listings: ListingRow[];
    if (opts.all) {
      listings = opts.shopId ? await db.listings.where('shopId').equals(opts.shopId).toArray() : await db.listings.toArray();
    } else {
      if (last <= cursor) return { rows: 0, listings: 0 };
      const moved = new Set<string>();
      await db.movements.where(':id').between(cursor, last, false, true).each((m) => { if (m.kind !== 'firm') moved.add(m.sku); });
      // a kit's figure follows its components
      for (const s of cfg.skus.values()) if (s.components?.some((c) => moved.has(c.code))) moved.add(s.code);
      listings = moved.size ? await db.listings.where('sku').anyOf([...moved]).toArray() : [];
    }
    const shops = new Map((await db.shops.toArray()).map((s) => [s.id, s]));
    listings = listings.filter((l) => pushable(cfg.settings, shops, l.shopId));
    const ledger = await ledgerFor(db, cfg, listings);
    const changed = listingFigures(ledger, cfg, listings, now).filter((f) => opts.all || f.quantity !== (f.listing.queued ?? f.listing.pushed));
    const byShop = new Map<string, typeof changed>();
    for (const f of changed) {
      const list = byShop.get(f.listing.shopId) ?? [];
      list.push(f);
      byShop.set(f.listing.shopId, list);
    }
    let rows = 0;
    const waiting = (await db.outbox.where('state').equals('pending').toArray()).filter((r) => r.kind === STOCK_PUSH_KIND && (r.payload as StockPushPayload).attempts === 0);
    for (const [shopId, figures] of byShop) {
      // a row not yet tried takes the newer figures: the platform is told once, the latest
      const open = waiting.filter((r) => (r.payload as StockPushPayload).shopId === shopId);
      const entries = new Map<string, StockPushItem>();
      for (const r of open) {
        const p = r.payload as StockPushPayload;
        p.listings.forEach((k, i) => entries.set(k, p.call.items[i]!));
      }
      for (const f of figures) {
        const l = f.listing;
        entries.set(l.key, { itemId: l.itemId, ...(l.skuId ? { skuId: l.skuId } : {}), ...(l.outerSkuId ? { outerSkuId: l.outerSkuId } : {}), quantity: f.quantity });
      }
      const keys = [...entries.keys()];
      if (open.length) await db.outbox.bulkDelete(open.map((r) => r.id));
      for (let i = 0; i < keys.length; i += ITEMS_PER_ROW) {
        const part = keys.slice(i, i + ITEMS_PER_ROW);
        const payload: StockPushPayload = { shopId, call: { op: 'stock', items: part.map((k) => entries.get(k)!) }, listings: part, actor: actor.userId, device: actor.device, attempts: 0, nextAt: now };
        const row: OutboxRow = { id: newEventId(), at: now, kind: STOCK_PUSH_KIND, state: 'pending', payload };
        await db.outbox.add(row);
        rows++;
      }
    }
    if (changed.length) await db.listings.bulkPut(changed.map((f) => ({ ...f.listing, queued: f.quantity })));
    if (last > cursor) await db.cursors.put({ key: PUSH_CURSOR_KEY, value: last });
    return { rows, listings: changed.length };
  });
}
