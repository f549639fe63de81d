// Loads the SKU-matching fixtures: a SKU master and platform lines with the expected outcome.
import { readFileSync } from 'node:fs';
import type { SkuForMatch } from '../../../shared/skuMatch';

export interface MatchCase {
  id: string;
  title: string;
  skuText: string;
  /** A SKU code the line must map to, or "ask": it must not map automatically. */
  expect: string;
  channel?: string;
  note?: string;
  reference?: boolean;
}

export interface CaseFile {
  skus: SkuForMatch[];
  cases: MatchCase[];
}

export function loadCases(name: 'cases' | 'holdout'): CaseFile {
  return JSON.parse(readFileSync(new URL(`../../fixtures/sku-match/${name}.json`, import.meta.url), 'utf8')) as CaseFile;
}
