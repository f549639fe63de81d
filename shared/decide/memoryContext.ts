// A decision context held entirely in memory: the benchmark, the tests, the rules editor's dry
// run and the scenario runner decide with it. `record` adds a decided order to the receiver
// history and takes its committed stock, as the store does between two orders of one batch.
import type { BlacklistEntry, NormalizedOrder, Sku, Warehouse } from '../domain/types';
import type { DecideContext, ReceiverSeen, TextMatcher } from './context';
import { decideOrder, paidTime, type DecideInput, type DecideOutput } from './pipeline';
import { normalizeCode } from './mapLines';
import type { DecisionSettings } from './settings';
import { mappingKey, type Decision, type SkuMapping } from './types';
import { buildTextMatcher } from './textMatcher';

export interface MemoryContextInput {
  settings: DecisionSettings;
  revision?: string;
  skus: readonly Sku[];
  mappings?: readonly SkuMapping[];
  warehouses: readonly Warehouse[];
  /** sellable units per SKU × warehouse */
  stock?: ReadonlyArray<{ sku: string; warehouse: string; qty: number }>;
  blacklist?: readonly BlacklistEntry[];
  /** SKU → usual quantity per line */
  usual?: ReadonlyMap<string, { mean: number; n: number }>;
  matcher?: TextMatcher;
  /** decrypted-phone hashes by order key (only where a user revealed the receiver) */
  phoneHashes?: ReadonlyMap<string, readonly string[]>;
  now?: number;
}

export interface MemoryContext extends DecideContext {
  /** decide one order and remember it (history + stock), as the store would */
  decide(input: DecideInput): DecideOutput;
  /** remember an already-decided order (history only) */
  remember(order: NormalizedOrder & { key: string }, out: Pick<DecideOutput, 'receiverKeys' | 'products' | 'fulfilment'> & { duplicateOf?: string }): void;
  /** give back what a decision had taken (so a re-decision of the same order is not blocked by itself) */
  giveBack(d: Decision | undefined): void;
}

export function createMemoryContext(input: MemoryContextInput): MemoryContext {
  const skus = new Map(input.skus.map((s) => [s.code, s]));
  const skuByCode = new Map<string, string>();
  for (const s of skus.values()) skuByCode.set(normalizeCode(s.code), s.code);
  // SKU → warehouse → sellable: allocation asks this for every SKU at every candidate warehouse
  const stock = new Map<string, Map<string, number>>();
  const stockOf = (sku: string) => { let m = stock.get(sku); if (!m) stock.set(sku, (m = new Map())); return m; };
  for (const r of input.stock ?? []) { const m = stockOf(r.sku); m.set(r.warehouse, (m.get(r.warehouse) ?? 0) + r.qty); }
  const byKey = new Map<string, Map<string, ReceiverSeen>>();
  const take = (d: Decision | undefined, sign: 1 | -1) => {
    if (!d?.allocation?.committed) return;
    const lines = new Map(d.lines.map((l) => [l.lineId, l]));
    for (const p of d.allocation.parts) for (const id of p.lineIds) for (const c of lines.get(id)?.components ?? []) {
      const m = stockOf(c.sku);
      m.set(p.warehouse, (m.get(p.warehouse) ?? 0) - sign * c.qty);
    }
  };
  const ctx: MemoryContext = {
    settings: input.settings,
    revision: input.revision ?? 'memory',
    now: input.now ?? Date.now(),
    skus,
    mappings: new Map((input.mappings ?? []).map((m) => [mappingKey(m), m])),
    skuByCode,
    matcher: input.matcher ?? buildTextMatcher(input.skus, input.settings),
    warehouses: input.warehouses,
    stock: { sellable: (sku, wh) => stock.get(sku)?.get(wh) ?? 0 },
    receiverHistory(keys) {
      const out = new Map<string, ReceiverSeen>();
      for (const k of keys) for (const [ok, s] of byKey.get(k) ?? []) out.set(ok, s);
      return [...out.values()];
    },
    usualQty: (sku) => input.usual?.get(sku),
    blacklist: input.blacklist ?? [],
    phoneHashes: (k) => input.phoneHashes?.get(k) ?? [],
    remember(order, out) {
      const seen: ReceiverSeen = {
        key: order.key, platform: order.platform, shopId: order.shopId, paidAt: paidTime(order), products: out.products,
        receiverKeys: out.receiverKeys.all, fulfilment: out.fulfilment, channelStatus: order.channelStatus, ...(out.duplicateOf ? { duplicateOf: out.duplicateOf } : {}),
      };
      for (const k of seen.receiverKeys) {
        let m = byKey.get(k);
        if (!m) byKey.set(k, (m = new Map()));
        m.set(seen.key, seen);
      }
    },
    giveBack: (d) => take(d, -1),
    decide(di) {
      const out = decideOrder(di, ctx);
      take(out.decision, 1);
      ctx.remember(di.order, { ...out, ...(out.decision.duplicate ? { duplicateOf: out.decision.duplicate.of } : {}) });
      return out;
    },
  };
  return ctx;
}
