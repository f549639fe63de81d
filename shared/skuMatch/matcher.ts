// createSkuMatcher: the text step of SKU mapping, built once per SKU master. Results are
// memoised by line text (platform listings repeat), and frozen because the memo shares them.
import { canonicalJson, sha256Hex } from '../hash';
import { decide, DEFAULT_THRESHOLDS, type MatchThresholds } from './decide';
import { Memo } from './memo';
import { normalizeWith } from './normalize';
import { compileTextOptions, DEFAULT_TEXT_OPTIONS, type TextOptions } from './options';
import { readLine } from './line';
import { buildSkuIndex } from './skuIndex';
import { newScratch, scoreLine } from './score';
import type { LineForMatch, MatchResult, SkuForMatch } from './types';

/** Bump when scoring changes, so remembered text decisions made by an older matcher are redone. */
export const MATCHER_ALGORITHM = 'skuMatch/1';

export interface SkuMatcherOptions {
  thresholds?: Partial<MatchThresholds>;
  /** Word lists; brands of the SKU rows are added to `brands`. */
  text?: Partial<TextOptions>;
  /** How many distinct lines to remember, by raw and by normalized text (default 100,000 each; 0: none). */
  memoSize?: number;
}

export interface SkuMatcher {
  match(line: LineForMatch): MatchResult;
  /** Changes whenever the master, the options or the algorithm change. */
  readonly version: string;
}

export function createSkuMatcher(skus: readonly SkuForMatch[], options: SkuMatcherOptions = {}): SkuMatcher {
  const thresholds: MatchThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const skuBrands = skus.map((s) => s.brand?.trim() ?? '').filter((b) => b !== '');
  const text: Partial<TextOptions> = { ...options.text, brands: [...(options.text?.brands ?? DEFAULT_TEXT_OPTIONS.brands), ...skuBrands] };
  const compiled = compileTextOptions(text);
  const index = buildSkuIndex(skus, compiled);
  const scratch = newScratch(index);
  const memoSize = options.memoSize ?? 100_000;
  const byRaw = new Memo<MatchResult>(memoSize);
  const byNormalized = new Memo<MatchResult>(memoSize);

  const version = sha256Hex(`${MATCHER_ALGORITHM}\n${canonicalJson({ skus, thresholds })}\n${JSON.stringify(compiled.options, (_k, v: unknown) => (v instanceof RegExp ? v.toString() : v))}`).slice(0, 16);

  function match(line: LineForMatch): MatchResult {
    const title = line.title ?? '';
    const skuText = line.skuText ?? '';
    const raw = `${title}\u0000${skuText}`;
    const hit = byRaw.get(raw);
    if (hit) return hit;
    const titleText = normalizeWith(title, compiled);
    const specText = normalizeWith(skuText, compiled);
    const key = `${titleText}\u0000${specText}`;
    let result = byNormalized.get(key);
    if (!result) {
      result = freeze(decide(scoreLine(readLine(titleText, specText, compiled), index, scratch), thresholds));
      byNormalized.set(key, result);
    }
    byRaw.set(raw, result);
    return result;
  }

  return { match, version };
}

function freeze(r: MatchResult): MatchResult {
  for (const s of r.suggestions) {
    Object.freeze(s.why);
    Object.freeze(s);
  }
  Object.freeze(r.suggestions);
  Object.freeze(r.reasons);
  return Object.freeze(r);
}
