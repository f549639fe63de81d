// The pipeline's view of the title matcher (shared/skuMatch): one matcher per SKU master, plus
// the text key a confirmation is remembered under and the codes written inside a text.
import type { Sku } from '../domain/types';
import { createSkuMatcher, extractFeatures, normalizeText } from '../skuMatch';
import type { TextMatcher } from './context';
import type { DecisionSettings } from './settings';

export function textKeyOf(line: { title: string; skuText: string }): string {
  return `${normalizeText(line.title)}|${normalizeText(line.skuText)}`;
}

export function buildTextMatcher(skus: readonly Sku[], settings: Pick<DecisionSettings, 'matching'>): TextMatcher {
  const m = createSkuMatcher(
    skus.filter((s) => s.code && s.name).map((s) => ({ code: s.code, name: s.name, spec: s.spec, category: s.category, aliases: s.aliases })),
    { thresholds: { map: settings.matching.mapAt, lead: settings.matching.minLead } },
  );
  // a shop sells a few hundred listings to thousands of buyers: the same title + spec comes back
  // all day, and the answer for it is fixed for as long as this matcher (its SKU master) lives
  const keys = new Map<string, string>();
  const answers = new Map<string, ReturnType<typeof m.match>>();
  const memoOf = (line: { title: string; skuText: string }) => `${line.title}\u0000${line.skuText}`;
  return {
    match: (line) => {
      const memo = memoOf(line);
      let r = answers.get(memo);
      if (r === undefined) {
        r = m.match(line);
        if (answers.size > 20_000) answers.clear();
        answers.set(memo, r);
      }
      return r;
    },
    textKey: (line) => {
      const memo = memoOf(line);
      let k = keys.get(memo);
      if (k === undefined) {
        k = textKeyOf(line);
        if (keys.size > 50_000) keys.clear();
        keys.set(memo, k);
      }
      return k;
    },
    codesIn: (text) => extractFeatures(text).codes,
  };
}
