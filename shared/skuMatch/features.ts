// What the matcher compares, read from one normalized text: the product-noun part (as Han
// bigrams and Latin/digit tokens) and the variant attributes that tell neighbours apart —
// measures, counts, codes, materials, colours and size words.
import { normalizeWith } from './normalize';
import { compileTextOptions, type CompiledText, type TextOptions } from './options';
import type { Dimension, TextFeatures } from './types';

const NUM = '(\\d+(?:\\.\\d+)?)';
// A merchant code: letters then digits ("ty001", "ty 001", "ty-001"), optionally "-b" or "-2".
const CODE = /(?<![a-z0-9.φ])([a-z]{1,5})[ -]?(\d{2,8})(?:-([a-z]{1,3}|\d{1,2}))?(?![a-z0-9.])/g;
// a measure may be followed by "x3" (three of them), so x does not end it as a longer word would
const VOLUME = new RegExp(`(?<![a-z0-9.])${NUM}(ml|l)(?![a-wyz])`, 'g');
const WEIGHT = new RegExp(`(?<![a-z0-9.])${NUM}(kg|g|jin)(?![a-wyz])`, 'g');
const LEN_UNIT = '(cm|m|inch)';
const SIDES = new RegExp(`(?<![a-z0-9.])φ?${NUM}${LEN_UNIT}?x${NUM}${LEN_UNIT}?(?:x${NUM}${LEN_UNIT}?)?(?![\\d.a-z])`, 'g');
const LENGTH = new RegExp(`(?<![a-z0-9.])φ?${NUM}${LEN_UNIT}(?![a-z])`, 'g');
const DIAMETER = new RegExp(`φ${NUM}(?![\\d.a-z])`, 'g');
const SET = /(?<![\d.])(\d{1,3})件套/g;
const HAN_GAP = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const TOKEN = /[a-z0-9]+(?:\.\d+)?/g;
const COLOUR_PROPERTY = /(?:颜色分类|颜色|色彩|色系):([^/:\s]+)/g;

/** Features of any text (raw or already normalized: normalization is idempotent). */
export function extractFeatures(text: string, options?: Partial<TextOptions>): TextFeatures {
  const c = compileTextOptions(options);
  return featuresOf(normalizeWith(text, c), c);
}

/** A merchant code in its display form: "ty001" → "TY-001". */
export function canonicalCode(letters: string, digits: string, suffix?: string): string {
  return `${letters.toUpperCase()}-${digits}${suffix ? `-${suffix.toUpperCase()}` : ''}`;
}

export function featuresOf(normalized: string, c: CompiledText): TextFeatures {
  const dimensions: Dimension[] = [];
  const packs: number[] = [];
  const kits: number[] = [];
  const sets: number[] = [];
  const attrs: Record<string, number[]> = {};
  const codes: string[] = [];
  let t = normalized;

  t = t.replace(CODE, (w, letters: string, digits: string, suffix?: string) => {
    if (letters === 'x') return w; // "x20" is a count, read below
    codes.push(canonicalCode(letters, digits, suffix));
    return ' ';
  });
  t = t.replace(VOLUME, (_w, v: string, u: string) => {
    dimensions.push(dim('vol', [Number(v) * (u === 'l' ? 1000 : 1)]));
    return ' ';
  });
  t = t.replace(WEIGHT, (_w, v: string, u: string) => {
    dimensions.push(dim('wt', [Number(v) * (u === 'kg' ? 1000 : u === 'jin' ? 500 : 1)]));
    return ' ';
  });
  t = t.replace(SIDES, (_w, a: string, ua?: string, b?: string, ub?: string, d?: string, ud?: string) => {
    if (ua && !ub && d === undefined && b !== undefined && /^\d+$/.test(b)) {
      // "24cm x2": one size, two of them
      dimensions.push(dim('len', [toCm(Number(a), ua)]));
      kits.push(Number(b));
      return ' ';
    }
    const unit = ud ?? ub ?? ua ?? 'cm';
    const sides = [[a, ua], [b, ub], [d, ud]].filter((p): p is [string, string | undefined] => p[0] !== undefined);
    dimensions.push(dim('len', sides.map(([v, u]) => toCm(Number(v), u ?? unit))));
    return ' ';
  });
  t = t.replace(LENGTH, (_w, v: string, u: string) => {
    dimensions.push(dim('len', [toCm(Number(v), u)]));
    return ' ';
  });
  t = t.replace(DIAMETER, (_w, v: string) => {
    const n = Number(v);
    dimensions.push(dim('len', [n >= 100 ? n / 10 : n])); // Φ240 is millimetres, Φ24 centimetres
    return ' ';
  });
  c.times.lastIndex = 0;
  t = t.replace(c.times, (_w, n: string, unit?: string) => {
    if (unit) return ` ${n}${unit}`;
    kits.push(Number(n));
    return ' ';
  });
  t = t.replace(SET, (_w, n: string) => {
    sets.push(Number(n));
    return '/件套/';
  });
  c.pack.lastIndex = 0;
  t = t.replace(c.pack, (_w, n: string, unit?: string) => {
    if (unit === '套' || unit === '组') kits.push(Number(n));
    else packs.push(Number(n) * (unit === '对' ? 2 : 1)); // 一对 is two
    return ' ';
  });
  c.attribute.lastIndex = 0;
  t = t.replace(c.attribute, (_w, n: string, unit: string) => {
    (attrs[unit] ??= []).push(Number(n));
    return ' ';
  });

  t = t.replace(HAN_GAP, '');
  const colours = colourProperty(t, c);
  const sizes: string[] = [];
  if (c.colours) t = t.replace(c.colours, (w) => (colours.push(c.options.colourWords[w] ?? w), ' '));
  if (c.sizes) t = t.replace(c.sizes, (w) => (sizes.push(c.options.sizeWords[w] ?? w), ' '));
  if (c.propertyKeys) t = t.replace(c.propertyKeys, '/');
  const materials: string[] = [];
  if (c.materials) for (const m of t.matchAll(c.materials)) materials.push(c.materialByWord.get(m[0])?.name ?? m[0]);

  const noun = t.replace(HAN_GAP, '').replace(/\s*\/[\s/:]*|\s*:[\s/:]*/g, '/').replace(/\s+/g, ' ').replace(/^[\s/]+|[\s/]+$/g, '');
  const runs = noun.match(HAN_RUN) ?? [];
  const bigrams: string[] = [];
  const skipBigrams: string[] = [];
  const chars: string[] = [];
  for (const run of runs) {
    const cs = [...run];
    for (let i = 0; i < cs.length; i++) {
      chars.push(cs[i]!);
      if (i + 1 < cs.length) bigrams.push(cs[i]! + cs[i + 1]!);
      if (i + 2 < cs.length) skipBigrams.push(cs[i]! + cs[i + 2]!);
    }
  }
  const tokens = (noun.match(TOKEN) ?? []).filter((tok) => tok.length >= 2 || /\d/.test(tok));
  return {
    noun,
    bigrams: unique(bigrams),
    skipBigrams: unique(skipBigrams),
    chars: unique(chars),
    tokens: unique(tokens),
    dimensions,
    packs: unique(packs),
    kits: unique(kits),
    sets: unique(sets),
    attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, unique(v)])),
    codes: unique(codes),
    materials: unique(materials),
    colours: unique(colours),
    sizes: unique(sizes),
  };
}

/** "颜色分类:白": a bare colour root reads as a colour only as the value of a colour property. */
function colourProperty(t: string, c: CompiledText): string[] {
  const out: string[] = [];
  for (const m of t.matchAll(COLOUR_PROPERTY)) {
    const value = m[1]!;
    if (c.colours) {
      c.colours.lastIndex = 0;
      if (c.colours.test(value)) continue; // the word scan below finds it
    }
    const root = [...value].find((ch) => c.options.colourRoots[ch] !== undefined);
    if (root) out.push(c.options.colourRoots[root]!);
  }
  return out;
}

function toCm(v: number, unit: string): number {
  if (unit === 'm') return v * 100;
  if (unit === 'inch') return v * 2.54;
  return v;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function dim(kind: Dimension['kind'], values: number[]): Dimension {
  const vs = values.map(round).sort((a, b) => b - a);
  const unit = kind === 'len' ? 'cm' : kind === 'vol' ? 'ml' : 'g';
  return { kind, values: vs, text: `${vs.join('x')}${unit}` };
}

function unique<T>(xs: T[]): T[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}
