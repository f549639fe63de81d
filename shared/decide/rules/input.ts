// What every rule sees: the order, what the earlier stages found, and the lookups it may need.
// Rules are pure: (input, their settings) → a hit with the values seen and the threshold, or none.
import type { BlacklistEntry, NormalizedOrder, Sku, Warehouse } from '../../domain/types';
import type { DedupResult } from '../dedup';
import type { Allocation, LineDecision } from '../types';

export interface RegionFacts {
  /** official names where resolved */
  province: string;
  city: string;
  district: string;
  issues: Array<{ code: string; value?: string; expected?: string }>;
}

export interface RuleInput {
  order: NormalizedOrder & { key: string };
  lines: readonly LineDecision[];
  region: RegionFacts;
  dedup: DedupResult;
  allocation?: Allocation;
  skus: ReadonlyMap<string, Sku>;
  usualQty(sku: string): { mean: number; n: number } | undefined;
  blacklist: readonly BlacklistEntry[];
  warehouses: readonly Warehouse[];
}

export type Hit = { values: Record<string, unknown>; threshold?: unknown; message: string };

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;
