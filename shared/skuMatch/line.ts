// A platform line as the scorer reads it: its terms with their credit, and its variant
// attributes, where the SKU properties text overrides the title kind by kind (a title often
// lists every variant of the listing; the properties text names the one bought).
import { specificMaterials, type Attributes } from './attributes';
import { featuresOf } from './features';
import type { CompiledText } from './options';
import type { Dimension, TextFeatures } from './types';

/** A bigram seen only two characters apart ("橡木西餐盘" for 木餐) counts this much. */
export const SKIP_CREDIT = 0.75;

export interface LineView {
  titleText: string;
  specText: string;
  credit: ReadonlyMap<string, number>;
  chars: ReadonlySet<string>;
  /** Adjacent bigrams and tokens, for comparing with aliases (whole titles themselves). */
  terms: ReadonlySet<string>;
  attributes: Attributes;
  codes: ReadonlyArray<{ code: string; where: 'title' | 'spec' }>;
  /** A spare-part word in the line ("替换布" → 替换), if any. */
  part?: string;
}

/** The line as the scorer reads it, from its normalized title and SKU text. */
export function readLine(titleText: string, specText: string, c: CompiledText): LineView {
  return viewOf(titleText, specText, featuresOf(titleText, c), featuresOf(specText, c), c);
}

function viewOf(titleText: string, specText: string, t: TextFeatures, s: TextFeatures, c: CompiledText): LineView {
  const credit = new Map<string, number>();
  for (const f of [t, s]) {
    for (const b of f.bigrams) credit.set(b, 1);
    for (const tok of f.tokens) credit.set(tok, 1);
  }
  const terms = new Set(credit.keys());
  for (const f of [t, s]) for (const b of f.skipBigrams) if (!credit.has(b)) credit.set(b, SKIP_CREDIT);
  const chars = new Set([...t.chars, ...s.chars]);
  const pick = <T>(a: T[], b: T[]) => (b.length > 0 ? b : a);
  const kind = (k: Dimension['kind']) => pick(t.dimensions.filter((d) => d.kind === k), s.dimensions.filter((d) => d.kind === k));
  const counts = s.packs.length + s.kits.length > 0 ? s : t;
  return {
    titleText,
    specText,
    credit,
    chars,
    terms,
    attributes: {
      len: kind('len'),
      vol: kind('vol'),
      wt: kind('wt'),
      packs: counts.packs,
      kits: counts.kits,
      sets: pick(t.sets, s.sets),
      attrs: { ...t.attrs, ...s.attrs },
      materials: specificMaterials(pick(t.materials, s.materials), c.materialByName),
      colours: pick(t.colours, s.colours),
      sizes: pick(t.sizes, s.sizes),
    },
    codes: [...t.codes.map((code) => ({ code, where: 'title' as const })), ...s.codes.map((code) => ({ code, where: 'spec' as const }))],
    part: partWord(`${titleText} ${specText}`, c),
  };
}

function partWord(text: string, c: CompiledText): string | undefined {
  if (!c.partWords) return undefined;
  c.partWords.lastIndex = 0;
  return c.partWords.exec(text)?.[0];
}
