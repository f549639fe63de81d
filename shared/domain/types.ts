// Domain types, declared once as zod schemas so the contract, the store and the host all
// validate the same shapes. Platform ids are strings (18–19 digits overflow a JS number).
import { z } from 'zod';

export const PLATFORMS = ['taobao', 'douyin', 'pdd', 'jd', 'kuaishou', 'youzan', 'wechat'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;
/** Where an order comes from: a platform, or Wharf's own channel (manual orders: reships, gifts, phone sales). */
export const OWN_CHANNEL = 'own' as const;
export const OrderChannel = z.enum([...PLATFORMS, OWN_CHANNEL]);
export type OrderChannel = z.infer<typeof OrderChannel>;

export const CHANNEL_STATUSES = ['awaiting_payment', 'paid', 'partially_shipped', 'shipped', 'completed', 'closed'] as const;
export const ChannelStatus = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof ChannelStatus>;

export const FULFILMENTS = [
  'new', 'reviewing', 'on_hold', 'ready', 'allocated', 'reserved', 'in_wave', 'picked', 'packed',
  'labelled', 'shipped', 'handed_over', 'cancelled', 'intercepted',
] as const;
export const Fulfilment = z.enum(FULFILMENTS);
export type Fulfilment = z.infer<typeof Fulfilment>;

export const ROLES = ['admin', 'ops_lead', 'reviewer', 'cs', 'packer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Platform id text: digits or letters, never a JS number. */
export const IdText = z.string().min(1).max(64);

export const Hold = z.object({
  /** stable code, e.g. "refund_open", "platform_forbid_consign" */
  code: z.string(),
  /** where it came from: the channel's own status, or a review rule (later issues) */
  source: z.enum(['channel', 'rule', 'manual']),
  /** the values seen and the threshold that made it fire */
  values: z.record(z.string(), z.unknown()),
  at: z.number().int(),
  clearedBy: z.string().optional(),
  clearedAt: z.number().int().optional(),
});
export type Hold = z.infer<typeof Hold>;

export const OrderLine = z.object({
  lineId: IdText,
  itemId: z.string().optional(),
  platformSkuId: z.string().optional(),
  outerItemId: z.string().optional(),
  outerSkuId: z.string().optional(),
  title: z.string(),
  skuText: z.string().default(''),
  qty: z.number().int().nonnegative(),
  priceFen: z.number().int(),
  paymentFen: z.number().int(),
  platformStatus: z.string().optional(),
  refundStatus: z.string().optional(),
  trackingNo: z.string().optional(),
  carrier: z.string().optional(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Receiver = z.object({
  nameMasked: z.string().default(''),
  phoneMasked: z.string().default(''),
  /** last 4 digits of the phone where the platform keeps them visible */
  phoneTail: z.string().default(''),
  province: z.string().default(''),
  city: z.string().default(''),
  district: z.string().default(''),
  town: z.string().default(''),
  addressMasked: z.string().default(''),
  /** the platform's ciphertext, kept as given (decrypt is a permissioned, logged action) */
  cipher: z.record(z.string(), z.string()).default({}),
  /** platform merge key (Taobao oaid, Douyin open_address_id…), scoped per shop/app */
  mergeKey: z.string().default(''),
});
export type Receiver = z.infer<typeof Receiver>;

/** What a platform connector's map.ts produces from one platform payload. */
export const NormalizedOrder = z.object({
  platform: OrderChannel,
  shopId: z.string(),
  orderId: IdText,
  platformStatus: z.string(),
  channelStatus: ChannelStatus,
  refunding: z.boolean(),
  createdAt: z.number().int(),
  paidAt: z.number().int().optional(),
  modifiedAt: z.number().int(),
  buyerNick: z.string().default(''),
  buyerOpenId: z.string().optional(),
  receiver: Receiver,
  lines: z.array(OrderLine),
  totalFen: z.number().int(),
  paymentFen: z.number().int(),
  postFeeFen: z.number().int().default(0),
  discountFen: z.number().int().default(0),
  buyerMessage: z.string().default(''),
  sellerMemo: z.string().default(''),
  sellerFlag: z.number().int().min(0).max(5).default(0),
  /** channel-side holds (e.g. paid but platform forbids consign) the map already knows */
  channelHolds: z.array(z.string()).default([]),
});
export type NormalizedOrder = z.infer<typeof NormalizedOrder>;

export const ParcelState = z.enum(['open', 'labelled', 'shipped', 'handed_over', 'cancelled']);
export const Parcel = z.object({
  id: z.string(),
  warehouse: z.string(),
  lines: z.array(z.object({ orderKey: z.string(), lineId: z.string(), qty: z.number().int().positive() })),
  carrier: z.string().default(''),
  waybillNo: z.string().default(''),
  printData: z.string().default(''),
  state: ParcelState,
  handoverId: z.string().optional(),
});
export type Parcel = z.infer<typeof Parcel>;

/** The order projection the pool reads. */
export interface OrderRow extends NormalizedOrder {
  /** platform:shopId:orderId */
  key: string;
  fulfilment: Fulfilment;
  holds: Hold[];
  /** ids of the events folded in (dedupes re-delivery without reading the event table) */
  eventIds: string[];
  /** payload hash of the channel view currently shown (tie-break for same modified time) */
  viewHash: string;
  firstSeenAt: number;
  updatedAt: number;
  /** search tokens: o:<orderId> t:<tracking> p:<phone tail> n:<masked name> m:<merge key> b:<buyer> */
  terms: string[];
  /** where the order first came from: a platform pull, or an Excel/CSV import */
  origin?: 'api' | 'excel';
  /** when an imported order was first seen through the platform's API (it enriched, never doubled) */
  enrichedAt?: number;
  /** changes sent to the platform from this PC (tracking, memo/flag), newest last */
  writeBacks?: import('./writeBack').WriteBack[];
  /** the latest decision (map SKU → dedup → review → allocate) with its reasons */
  decision?: import('../decide/types').Decision;
  /** receiver keys (merge key, phone tail + name + region, decrypted-phone hash): dedup, merge, scalping */
  rk?: string[];
  /** item keys of lines waiting in the map-SKU queue */
  um?: string[];
  /** the earlier order of a possible-duplicate pair (platform:shop:order) */
  duplicateOf?: string;
  /** cancelled by a person in Wharf (a later platform view does not reopen it) */
  cancelled?: { by: string; at: number; reason: string };
  /** shipped in one parcel with other orders of the same receiver (合单) */
  mergedInto?: string;
  /** a staff correction of the receiver's region/detail (a platform view never overwrites it) */
  addressEdit?: { province: string; city: string; district: string; detail: string; by: string; at: number };
  /** the order's way across the floor: wave and slot, parcel, waybill, set aside with a reason */
  floor?: import('../floor/records').OrderFloor;
}

export const KitComponent = z.object({ code: z.string().min(1), qty: z.number().int().positive() });
export type KitComponent = z.infer<typeof KitComponent>;

export const Sku = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  spec: z.string().default(''),
  category: z.string().default(''),
  barcodes: z.array(z.string()).default([]),
  weightG: z.number().int().nonnegative().default(0),
  /** cubic centimetres */
  volumeCm3: z.number().int().nonnegative().default(0),
  /** tracked by batch with a shelf life (days; 0 = no expiry) */
  batchTracked: z.boolean().default(false),
  shelfLifeDays: z.number().int().nonnegative().default(0),
  costFen: z.number().int().nonnegative().default(0),
  minPriceFen: z.number().int().nonnegative().default(0),
  priceFen: z.number().int().nonnegative().default(0),
  /** a kit (组合装) ships as its components; it holds no stock of its own */
  components: z.array(KitComponent).default([]),
  /** texts a user confirmed for this SKU (platform titles + spec), which the matcher trusts */
  aliases: z.array(z.string()).default([]),
});
export type Sku = z.infer<typeof Sku>;

/** A carrier a warehouse ships with; `remote` lists regions it will not serve at standard terms. */
export const WarehouseCarrier = z.object({ code: z.string().min(1), remote: z.array(z.string()).optional() });
export type WarehouseCarrier = z.infer<typeof WarehouseCarrier>;

export const Warehouse = z.object({
  code: z.string().regex(/^[a-z0-9_-]+$/, 'warehouse code: lowercase letters, digits, - or _'),
  name: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string().default(''),
  address: z.string().default(''),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  /** first = the default carrier */
  carriers: z.array(WarehouseCarrier).default([]),
  /** a paused warehouse is never allocated to */
  active: z.boolean().default(true),
});
export type Warehouse = z.infer<typeof Warehouse>;

/** On-hand stock per SKU × warehouse, kept with the SKU master until the stock ledger replaces it. */
export const OnHand = z.object({ sku: z.string().min(1), warehouse: z.string().min(1), qty: z.number().int().nonnegative() });
export type OnHand = z.infer<typeof OnHand>;

export const BLACKLIST_KINDS = ['receiver', 'phone', 'address', 'buyer'] as const;
export const BlacklistEntry = z.object({
  kind: z.enum(BLACKLIST_KINDS),
  /** receiver: "name|phone tail" (masked name's first character counts); phone: last 4 or full; address: a text the address contains; buyer: nick or open id */
  value: z.string().min(1),
  note: z.string().default(''),
});
export type BlacklistEntry = z.infer<typeof BlacklistEntry>;

export const SignMethod = z.enum(['md5', 'hmac', 'hmac-sha256']);
export type SignMethod = z.infer<typeof SignMethod>;

/** A shop as the renderer sees it: never any secret. */
export const ShopPublic = z.object({
  id: z.string(),
  platform: Platform,
  name: z.string(),
  gatewayUrl: z.string(),
  appKey: z.string(),
  signMethod: SignMethod,
  pullIntervalMin: z.number().int().min(1).max(1440),
  demo: z.boolean().default(false),
  hasSecret: z.boolean(),
  hasSession: z.boolean(),
  hasRefreshToken: z.boolean().default(false),
});
export type ShopPublic = z.infer<typeof ShopPublic>;

export const UserPublic = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** salted SHA-256 of the PIN: the renderer checks PINs offline */
  pinHash: z.string(),
  pinSalt: z.string(),
  badge: z.string().optional(),
});
export type UserPublic = z.infer<typeof UserPublic>;

export const QuarantineEntry = z.object({
  id: z.string(),
  shopId: z.string(),
  platform: Platform,
  orderId: z.string().optional(),
  reason: z.string(),
  where: z.string(),
  at: z.number().int(),
  raw: z.string(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

export function orderKey(platform: string, shopId: string, orderId: string): string {
  return `${platform}:${shopId}:${orderId}`;
}
