// What the pipeline reads besides the order itself. The store (renderer worker or a main-thread
// mutator) builds it from Dexie; the benchmark and the tests build it in memory. The pipeline
// never does I/O: every lookup here is synchronous over data loaded beforehand.
import type { BlacklistEntry, Fulfilment, ChannelStatus, Sku, Warehouse } from '../domain/types';
import type { DecisionSettings } from './settings';
import type { SkuMapping } from './types';

/** An earlier order to the same receiver, as dedup and the scalping rule see it. */
export interface ReceiverSeen {
  key: string;
  platform: string;
  shopId: string;
  /** paid time, or created time when unpaid */
  paidAt: number;
  /** sorted SKU codes (or item keys for unmapped lines) */
  products: string[];
  receiverKeys: string[];
  /** merge-key-only keys count for merging within a shop */
  fulfilment: Fulfilment;
  channelStatus: ChannelStatus;
  duplicateOf?: string;
}

/** The text matcher over the SKU master (shared/skuMatch), behind the shape the pipeline needs. */
export interface TextMatcher {
  match(line: { title: string; skuText: string }): {
    decision: 'mapped' | 'ask' | 'none';
    code?: string;
    confidence: number;
    reasons: string[];
    suggestions: Array<{ code: string; score: number; why: string[] }>;
  };
  /** normalized title + spec: the key a confirmation of this text is remembered under */
  textKey(line: { title: string; skuText: string }): string;
  /** merchant codes written inside a text ("ty001" → "TY-001"), normalized */
  codesIn(text: string): string[];
}

export interface StockView {
  /** sellable units of an internal (non-kit) SKU in a warehouse, after what this batch already committed */
  sellable(sku: string, warehouse: string): number;
}

export interface DecideContext {
  settings: DecisionSettings;
  revision: string;
  now: number;
  skus: ReadonlyMap<string, Sku>;
  /** remembered mappings by mappingKey() */
  mappings: ReadonlyMap<string, SkuMapping>;
  /** SKU codes by normalized code text (upper case, dashes unified), for outer ids and codes in titles */
  skuByCode: ReadonlyMap<string, string>;
  matcher: TextMatcher;
  warehouses: readonly Warehouse[];
  stock: StockView;
  /** earlier orders sharing any of these receiver keys (the order itself excluded by the caller or by key) */
  receiverHistory(keys: readonly string[]): readonly ReceiverSeen[];
  /** the SKU's usual quantity per order line, from history */
  usualQty(sku: string): { mean: number; n: number } | undefined;
  blacklist: readonly BlacklistEntry[];
  /** decrypted-phone hashes this PC holds for an order (only where a user revealed the receiver) */
  phoneHashes(orderKey: string): readonly string[];
}
