// The word lists as one options object, and their compiled form. Compiling (sorting words
// longest-first into one regular expression per list) happens once per options object, so
// normalizing a title costs a handful of regex passes and no allocation of new patterns.
import {
  DEFAULT_ACCESSORY_EXCEPTIONS, DEFAULT_ACCESSORY_WORDS, DEFAULT_ATTRIBUTE_UNITS, DEFAULT_BRACKET_MARKERS,
  DEFAULT_BRANDS, DEFAULT_COLOUR_ROOTS, DEFAULT_GENERIC_WORDS, DEFAULT_COLOUR_WORDS, DEFAULT_MARKETING_PATTERNS, DEFAULT_MARKETING_WORDS,
  DEFAULT_MATERIALS, DEFAULT_PART_WORDS, DEFAULT_PROPERTY_KEYS, DEFAULT_SIZE_WORDS, DEFAULT_SYNONYMS, DEFAULT_UNIT_WORDS,
  type MaterialDef,
} from './words';

export interface TextOptions {
  marketingWords: readonly string[];
  marketingPatterns: readonly RegExp[];
  bracketMarkers: readonly string[];
  brands: readonly string[];
  colourWords: Readonly<Record<string, string>>;
  colourRoots: Readonly<Record<string, string>>;
  sizeWords: Readonly<Record<string, string>>;
  unitWords: readonly string[];
  attributeUnits: readonly string[];
  materials: readonly MaterialDef[];
  propertyKeys: readonly string[];
  genericWords: readonly string[];
  synonyms: Readonly<Record<string, string>>;
  accessoryWords: readonly string[];
  accessoryExceptions: readonly string[];
  partWords: readonly string[];
}

export const DEFAULT_TEXT_OPTIONS: Readonly<TextOptions> = Object.freeze({
  marketingWords: DEFAULT_MARKETING_WORDS,
  marketingPatterns: DEFAULT_MARKETING_PATTERNS,
  bracketMarkers: DEFAULT_BRACKET_MARKERS,
  brands: DEFAULT_BRANDS,
  colourWords: DEFAULT_COLOUR_WORDS,
  colourRoots: DEFAULT_COLOUR_ROOTS,
  sizeWords: DEFAULT_SIZE_WORDS,
  unitWords: DEFAULT_UNIT_WORDS,
  attributeUnits: DEFAULT_ATTRIBUTE_UNITS,
  materials: DEFAULT_MATERIALS,
  propertyKeys: DEFAULT_PROPERTY_KEYS,
  genericWords: DEFAULT_GENERIC_WORDS,
  synonyms: DEFAULT_SYNONYMS,
  accessoryWords: DEFAULT_ACCESSORY_WORDS,
  accessoryExceptions: DEFAULT_ACCESSORY_EXCEPTIONS,
  partWords: DEFAULT_PART_WORDS,
});

export interface CompiledText {
  options: TextOptions;
  marketing: RegExp | null;
  bracketMarker: RegExp | null;
  brands: RegExp | null;
  synonyms: RegExp | null;
  colours: RegExp | null;
  sizes: RegExp | null;
  propertyKeys: RegExp | null;
  genericWords: RegExp | null;
  materials: RegExp | null;
  materialByWord: ReadonlyMap<string, MaterialDef>;
  materialByName: ReadonlyMap<string, MaterialDef>;
  /** Han numerals (and 单/双) directly before one of these are counts: "两只装" → "2只装". */
  numeralBefore: RegExp;
  pairWord: RegExp;
  /** "(\d+)(unit)装?": a pack count. */
  pack: RegExp;
  attribute: RegExp;
  /** "x3": three of what the line lists; "x3件套" is read as the count after it instead. */
  times: RegExp;
  accessory: RegExp | null;
  accessoryException: RegExp | null;
  /** A name ending in an accessory word (保温杯套, 砧板架) is itself a part. */
  accessoryEnd: RegExp | null;
  partWords: RegExp | null;
}

const compiled = new WeakMap<object, CompiledText>();
let defaults: CompiledText | undefined;

/** Defaults merged with the caller's overrides, compiled once per overrides object. */
export function compileTextOptions(overrides?: Partial<TextOptions>): CompiledText {
  if (!overrides) return (defaults ??= compile(DEFAULT_TEXT_OPTIONS));
  const hit = compiled.get(overrides);
  if (hit) return hit;
  const c = compile({ ...DEFAULT_TEXT_OPTIONS, ...overrides });
  compiled.set(overrides, c);
  return c;
}

function compile(o: TextOptions): CompiledText {
  // words are lower-cased like the text they are matched against
  const lower = (ws: Iterable<string>) => [...ws].map((w) => w.normalize('NFKC').toLowerCase()).filter((w) => w !== '');
  const materialByWord = new Map<string, MaterialDef>();
  for (const m of o.materials) for (const w of lower(m.words)) if (!materialByWord.has(w)) materialByWord.set(w, m);
  const units = alternation(o.unitWords);
  const numberish = '[零〇一二两三四五六七八九十百]+';
  const countTargets = alternation([...o.unitWords, ...o.attributeUnits, '件套', '米', '寸', '英寸', '厘米', '毫米', '升', '毫升', '斤', '公斤']);
  return {
    options: o,
    marketing: anyOf(lower(o.marketingWords)),
    bracketMarker: anyOf(lower([...o.marketingWords, ...o.bracketMarkers])),
    brands: anyOf(lower(o.brands)),
    synonyms: anyOf(lower(Object.keys(o.synonyms))),
    colours: anyOf(lower(Object.keys(o.colourWords))),
    sizes: anyOf(lower(Object.keys(o.sizeWords))),
    propertyKeys: anyOf(lower(o.propertyKeys)),
    genericWords: anyOf(lower(o.genericWords)),
    materials: anyOf([...materialByWord.keys()]),
    materialByWord,
    materialByName: new Map(o.materials.map((m) => [m.name, m])),
    numeralBefore: new RegExp(`(?<!\\d)(${numberish})(?=${countTargets})`, 'g'),
    pairWord: new RegExp(`(?<![\\d零〇一二两三四五六七八九十百])([单双])(?=${alternation([...o.attributeUnits, '只', '个', '件', '条', '支', '片', '张', '盒', '瓶', '套'])})`, 'g'),
    pack: new RegExp(`(?<![\\d.第满买送赠任每前共约])(\\d{1,4})(?:(${units})(装)?|(装)|pcs?(?![a-z]))(?!月|年|天|小时|分钟|周|季|号|码|点|倍)`, 'g'),
    times: new RegExp(`(?<![\\d.a-z])x(\\d{1,3})(?![\\d.a-z])(件套|${units})?`, 'g'),
    attribute: new RegExp(`(?<![\\d.])(\\d{1,3})(${alternation(o.attributeUnits)})`, 'g'),
    accessory: anyOf(lower(o.accessoryWords), '^(?:', ')'),
    accessoryException: anyOf(lower(o.accessoryExceptions), '^(?:', ')'),
    accessoryEnd: anyOf(lower(o.accessoryWords), '(?:', ')$'),
    partWords: anyOf(lower(o.partWords)),
  };
}

function escape(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(words: Iterable<string>): string {
  const ws = [...new Set(words)].filter((w) => w !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return ws.length === 0 ? '(?!)' : `(?:${ws.map(escape).join('|')})`;
}

/** One global regex matching any of the words, longest first (so 胡桃木 wins over 胡桃). */
function anyOf(words: readonly string[], before = '', after = ''): RegExp | null {
  if (words.length === 0) return null;
  return new RegExp(`${before}${alternation(words)}${after}`, before ? '' : 'g');
}
