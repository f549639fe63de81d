// Calls that change a platform (ARCHITECTURE.md "Pulling"): each is an outbox row in the
// renderer and one `platform.call` in the host, keyed by the outbox id so a retry after a lost
// answer never ships twice. Carrier codes are Wharf's own; each connector maps them.
import { z } from 'zod';
import { IdText } from './types';

/** Wharf's carrier codes (each platform folder maps them to its own ids) */
export const CARRIER_CODES = ['ZTO', 'YTO', 'YUNDA', 'STO', 'SF', 'JTSD'] as const;

/** One platform listing's new stock: the sellable units Wharf wants the channel to show. */
export const StockPushItem = z.strictObject({
  /** the platform's item / product / goods id */
  itemId: IdText,
  /** the platform's SKU id; omitted for an item without SKUs */
  skuId: IdText.optional(),
  /** the SKU merchant code, for platforms that can address a SKU by it */
  outerSkuId: z.string().max(64).optional(),
  /** absolute stock to show (each connector turns it into its platform's full or incremental form) */
  quantity: z.number().int().min(0).max(9_999_999),
});
export type StockPushItem = z.infer<typeof StockPushItem>;

/** A listing the platform refused inside a stock push that otherwise went through. */
export const StockPushFailure = z.object({ itemId: z.string(), skuId: z.string().optional(), code: z.string(), message: z.string() });
export type StockPushFailure = z.infer<typeof StockPushFailure>;

const ShipCall = z.strictObject({
  op: z.literal('ship'),
  orderId: IdText,
  /** omitted = every line still open */
  lineIds: z.array(IdText).min(1).max(200).optional(),
  carrierCode: z.string().regex(/^[A-Z0-9_]{2,16}$/, 'a carrier code like ZTO or SF'),
  trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{6,40}$/, '6–40 letters, digits or dashes, as printed on the waybill'),
});
const MemoCall = z.strictObject({
  op: z.literal('memo'),
  orderId: IdText,
  memo: z.string().max(500),
  /** 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple */
  flag: z.number().int().min(0).max(5).optional(),
});
const StockCall = z.strictObject({
  op: z.literal('stock'),
  /** one shop's listings; the connector splits them into the platform's batch sizes */
  items: z.array(StockPushItem).min(1).max(200),
});

/** A change to one order on its platform: what the order detail lists as its write-backs. */
export const OrderPlatformCall = z.discriminatedUnion('op', [ShipCall, MemoCall]);
export type OrderPlatformCall = z.infer<typeof OrderPlatformCall>;

/** Everything the host's `platform.call` makes a platform do. */
export const PlatformCall = z.discriminatedUnion('op', [ShipCall, MemoCall, StockCall]);
export type PlatformCall = z.infer<typeof PlatformCall>;

export const WriteBackState = z.enum(['pending', 'done', 'failed']);

/** What the order detail shows for one write-back. */
export const WriteBack = z.object({
  id: z.string(),
  call: OrderPlatformCall,
  state: WriteBackState,
  requestedAt: z.number().int(),
  requestedBy: z.string(),
  doneAt: z.number().int().optional(),
  attempts: z.number().int().default(0),
  error: z.string().optional(),
});
export type WriteBack = z.infer<typeof WriteBack>;
