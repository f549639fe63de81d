// The one Dexie database and its one version chain. The schema is a public contract
// (README "Data schema"): later issues add tables/indexes as new versions, never a 2nd DB.
import Dexie, { type Table } from 'dexie';
import { migrateStockToLedger } from './stock/migrate';
import { learnListingsFromOrders, type ListingRow } from './stock/listings';
import type { BlacklistEntry, OrderRow, QuarantineEntry, ShopPublic, Sku, UserPublic, Warehouse } from '../../shared/domain/types';
import type { SkuMapping } from '../../shared/decide/types';
import type { WharfEvent } from '../../shared/events/envelope';
import type { HandoverRow, ParcelRow, WaveRow } from '../../shared/floor/records';
import type { PrintJobRow } from './floor/printJob';
import type { Lock, Movement, StockRow as BatchRow, StockSummary, TransitRow } from '../../shared/stock';

export const DB_NAME = 'wharf';

/** Events carry a local sequence so the journal pump can stream "everything after N". */
export interface StoredEvent extends WharfEvent { seq?: number }
export interface CursorRow { key: string; value: unknown }
/**
 * Stock per SKU × warehouse, all batches summed (key "sku|warehouse"): what lists, allocation's
 * screens and the channels' stock push read. A projection of the movement ledger (v3).
 */
export type StockRow = StockSummary;
/** One movement as stored: `seq` is ledger order (the self-check folds in it). */
export interface MovementRow extends Movement { seq?: number }
export interface SkuMapRow extends SkuMapping { key: string }
export interface BlacklistRow extends BlacklistEntry { id: string; at: number; by: string }
/** How many order lines a SKU sold and how many units: its usual quantity for rule r5. */
export interface SkuStatRow { sku: string; lines: number; units: number }
/** Per rule: orders it hit, held, flagged, and how reviewers resolved its holds. */
export interface RuleStatRow { rule: string; hits: number; held: number; flagged: number; approved: number; cancelled: number; fixed: number }
export interface SettingRow { key: string; value: unknown }
export interface PhoneHashRow { orderKey: string; hashes: string[] }
export interface OutboxRow { id: string; at: number; kind: string; state: 'pending' | 'done' | 'failed'; payload: unknown; result?: unknown }

/** v1 (the foundation). */
export const SCHEMA_V1 = {
  // ++seq: insertion order (journal streaming); id: the event id (dedupe, lookup)
  // (few indexes on purpose: every index is paid for on each ingest write)
  events: '++seq, id, orderKey',
  // pool: newest first by created; status/time ranges; search tokens (multiEntry)
  orders: 'key, createdAt, [channelStatus+createdAt], [fulfilment+createdAt], [shopId+createdAt], *terms',
  parcels: 'id, *orderKeys, waybillNo, state',
  skus: 'code, *barcodes, name',
  warehouses: 'code',
  shops: 'id, platform',
  users: 'id, badge, role',
  cursors: 'key',
  outbox: 'id, at, state',
  quarantine: 'id, shopId, at',
};
/** v2 (decisions). */
export const SCHEMA_V2 = {
  orders: 'key, createdAt, [channelStatus+createdAt], [fulfilment+createdAt], [shopId+createdAt], *terms, *rk, *um',
  skus: 'code, *barcodes, name, category',
  stock: 'key, sku, warehouse',
  skuMaps: 'key, sku, kind',
  blacklist: 'id, kind',
  skuStats: 'sku',
  ruleStats: 'rule',
  settings: 'key',
  phoneHashes: 'orderKey',
};
/** v3 (stock ledger). */
export const SCHEMA_V3 = {
  movements: '++seq, id, [sku+warehouse], lock',
  stockRows: 'key, sku, expiresAt',
  locks: 'id, state, unpaidUntil',
  transit: 'key, transfer, to',
};

/** v4 (stock back to the channels): the platform listings orders showed, per shop, and what was last pushed. */
export const SCHEMA_V4 = {
  listings: 'key, shopId, sku',
};

/** v5 (the warehouse floor): waves with their pick lists, carriers' manifests, the print queue. */
export const SCHEMA_V5 = {
  waves: 'id, state, warehouse, releasedAt',
  handovers: 'id, carrier, at',
  printJobs: 'id, state, at, parcel',
};

export class WharfDB extends Dexie {
  events!: Table<StoredEvent, number>;
  orders!: Table<OrderRow, string>;
  parcels!: Table<ParcelRow, string>;
  skus!: Table<Sku, string>;
  warehouses!: Table<Warehouse, string>;
  shops!: Table<ShopPublic, string>;
  users!: Table<UserPublic, string>;
  cursors!: Table<CursorRow, string>;
  outbox!: Table<OutboxRow, string>;
  quarantine!: Table<QuarantineEntry, string>;
  stock!: Table<StockRow, string>;
  skuMaps!: Table<SkuMapRow, string>;
  blacklist!: Table<BlacklistRow, string>;
  skuStats!: Table<SkuStatRow, string>;
  ruleStats!: Table<RuleStatRow, string>;
  settings!: Table<SettingRow, string>;
  phoneHashes!: Table<PhoneHashRow, string>;
  movements!: Table<MovementRow, number>;
  stockRows!: Table<BatchRow, string>;
  locks!: Table<Lock, string>;
  transit!: Table<TransitRow, string>;
  listings!: Table<ListingRow, string>;
  waves!: Table<WaveRow, string>;
  handovers!: Table<HandoverRow, string>;
  printJobs!: Table<PrintJobRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2 (decisions): receiver keys (*rk) for duplicates, merges and scalping; item keys waiting
    // in the map-SKU queue (*um, empty for almost every order); the SKU master's own tables
    this.version(2).stores(SCHEMA_V2);
    // v3 (stock ledger): movements in ledger order, looked up by row (drill-down) and by order
    // lock; batch rows SKU × warehouse × batch; the orders' locks (unpaid ones by lapse time);
    // goods in transit. `stock` becomes the SKU × warehouse roll-up of the batch rows.
    this.version(3).stores(SCHEMA_V3).upgrade((tx) => migrateStockToLedger(tx));
    // v4: listings learnt from the orders already decided, so their stock can be pushed at once
    this.version(4).stores(SCHEMA_V4).upgrade((tx) => learnListingsFromOrders(tx));
    // v5: the floor's own tables (parcels were there from v1); nothing to migrate
    this.version(5).stores(SCHEMA_V5);
  }
}

let current: WharfDB | undefined;
/** The app's database (one per origin/profile). Tests and the worker open their own. */
export function getDb(): WharfDB {
  current ??= new WharfDB();
  return current;
}
