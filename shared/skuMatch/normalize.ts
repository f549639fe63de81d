// Text normalization: the same product written by different channels (full-width digits,
// traditional characters, 【包邮】 prefixes, 24厘米 / 240mm, 两只装) comes out as one spelling.
// normalizeText(normalizeText(s)) === normalizeText(s), so a normalized text is a stable cache key.
import { compileTextOptions, type CompiledText, type TextOptions } from './options';
import { toSimplified } from './traditional';

const BRACKETS = /【([^【】]*)】|〖([^〖〗]*)〗|\[([^[\]]*)\]|「([^「」]*)」|『([^『』]*)』|《([^《》]*)》|〔([^〔〕]*)〕|\{([^{}]*)\}|\(([^()]*)\)/g;
const STRAY_BRACKETS = /[【】〖〗[\]「」『』《》〔〕{}()<>]/g;
const SYMBOLS = /[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFE0F\u20E3]/gu;
const NUM = '(\\d+(?:\\.\\d+)?)';
const NEEDS_NFKC = /[^\x00-\x7f\u4e00-\u9fff]/;
const DIGIT = /\d/;
const RARE_SIGNS = /[⌀ø✕✖╳]/;
const ALNUM = /[a-z0-9]/;
const UNIT_WORD = /(\d)\s*(厘米|公分|毫米|英寸|寸|″|′′|"|''|inches|inch|毫升|升(?!级)|千克|公斤|克|斤|米(?![色白黄饭粒]))/g;
const UNIT_OF: Record<string, string> = {
  厘米: 'cm', 公分: 'cm', 毫米: 'mm', 英寸: 'inch', 寸: 'inch', '″': 'inch', '′′': 'inch', '"': 'inch', "''": 'inch', inches: 'inch', inch: 'inch',
  毫升: 'ml', 升: 'l', 千克: 'kg', 公斤: 'kg', 克: 'g', 斤: 'jin', 米: 'm',
};

/** A string where a product is spelled one way: see the file comment. */
export function normalizeText(s: string, options?: Partial<TextOptions>): string {
  return normalizeWith(s, compileTextOptions(options));
}

export function normalizeWith(s: string, c: CompiledText): string {
  // NFKC only changes characters outside ASCII and the common CJK block (full-width forms, ㎝, ①…)
  let t = toSimplified((NEEDS_NFKC.test(s) ? s.normalize('NFKC') : s).toLowerCase());
  if (RARE_SIGNS.test(t)) t = t.replace(/[⌀]/g, 'φ').replace(/ø(?=\s*\d)/g, 'φ').replace(/[✕✖╳]/g, '×');
  t = t.replace(SYMBOLS, ' ');
  t = stripBrackets(t, c);
  t = stripMarketing(t, c);
  if (c.brands) t = t.replace(c.brands, ' ');
  t = numerals(t, c);
  // "第二件半价" reads as a promotion only once its numeral is a digit
  for (const p of c.options.marketingPatterns) t = t.replace(p, ' ');
  t = units(t);
  if (c.synonyms) t = t.replace(c.synonyms, (w) => c.options.synonyms[w] ?? w);
  return punctuation(t);
}

/** 【…】 with a marketing word goes; (…) keeps its other words, since "(24cm)" often carries the size. */
function stripBrackets(t: string, c: CompiledText): string {
  // nested or repeated brackets: a few passes reach a fixpoint on any real title
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    t = t.replace(BRACKETS, (whole: string, ...groups: unknown[]) => {
      changed = true;
      const content = String(groups.slice(0, 9).find((g) => g !== undefined) ?? '');
      const marketing = isMarketing(content, c);
      if (!marketing) return ` ${content} `;
      if (whole.startsWith('(')) return ` ${stripMarketing(content, c)} `;
      return ' ';
    });
    if (!changed) break;
  }
  return t.replace(STRAY_BRACKETS, ' ');
}

function isMarketing(content: string, c: CompiledText): boolean {
  if (c.bracketMarker) {
    c.bracketMarker.lastIndex = 0;
    if (c.bracketMarker.test(content)) return true;
  }
  return c.options.marketingPatterns.some((p) => {
    p.lastIndex = 0;
    return p.test(content);
  });
}

function stripMarketing(t: string, c: CompiledText): string {
  for (const p of c.options.marketingPatterns) t = t.replace(p, ' ');
  return c.marketing ? t.replace(c.marketing, ' ') : t;
}

const HAN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "二十四" → 24, "十" → 10, "一二" → 12 (digit by digit when there is no 十/百). */
export function hanNumber(s: string): number {
  if (!/[十百]/.test(s)) return Number([...s].map((ch) => HAN_DIGIT[ch] ?? 0).join(''));
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (ch === '百') { total += (cur || 1) * 100; cur = 0; }
    else cur = HAN_DIGIT[ch] ?? 0;
  }
  return total + cur;
}

function numerals(t: string, c: CompiledText): string {
  // 一米八 / 1米8: a bed size
  t = t.replace(/(?<!\d)([一二两三四五六七八九]|\d)米([一二三四五六七八九]|\d)(?![\d一二三四五六七八九十米])/g,
    (_w, a: string, b: string) => `${digit(a)}.${digit(b)}m`);
  t = t.replace(c.numeralBefore, (w) => String(hanNumber(w)));
  c.pairWord.lastIndex = 0;
  return t.replace(c.pairWord, (w) => (w === '单' ? '1' : '2'));
}

function digit(s: string): string {
  return /\d/.test(s) ? s : String(HAN_DIGIT[s] ?? 0);
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function units(t: string): string {
  if (!DIGIT.test(t)) return t;
  t = t
    .replace(UNIT_WORD, (_w, d: string, u: string) => d + (UNIT_OF[u] ?? u))
    .replace(/(\d)\s+(cm|mm|ml|inch|kg|g|l|m|jin|cc)(?![a-z])/g, '$1$2');
  if (/[x×*]/.test(t)) {
    // sides of a size: "40 × 28 cm", "40cm*28cm" → "40x28cm"
    t = t.replace(/(\d)\s*(cm|mm|m|inch)?\s*[x×*]\s*(?=\d)/g, '$1$2x').replace(/[×*](?=\s*\d)/g, 'x');
  }
  if (t.includes('mm')) {
    // millimetres become centimetres, also for every side of a size written in mm
    t = t.replace(new RegExp(`${NUM}(?:mm)?x${NUM}(?:mm)?(?:x${NUM})?mm(?![a-z])`, 'g'), (_w, a: string, b: string, d?: string) =>
      [a, b, d].filter((v): v is string => v !== undefined).map((v) => fmt(Number(v) / 10)).join('x') + 'cm');
    t = t.replace(new RegExp(`${NUM}mm(?![a-z])`, 'g'), (_w, a: string) => `${fmt(Number(a) / 10)}cm`);
  }
  return t.includes('cc') ? t.replace(/(\d)cc(?![a-z])/g, '$1ml') : t;
}

/** Punctuation becomes one separator "/" (it ends a word); spaces collapse (they do not). */
function punctuation(t: string): string {
  return t
    .replace(/[^\p{L}\p{N}\s:]/gu, (ch, at: number, all: string) => {
      // a dash inside a code ("ty-001") and a decimal point stay
      if ((ch === '-' || ch === '_') && ALNUM.test(all[at - 1] ?? '') && ALNUM.test(all[at + 1] ?? '')) return '-';
      if (ch === '.' && DIGIT.test(all[at - 1] ?? '') && DIGIT.test(all[at + 1] ?? '')) return '.';
      return '/';
    })
    .replace(/[\s/:]+/g, (run) => (run.includes(':') ? ':' : run.includes('/') ? '/' : ' '))
    .replace(/^[\s/:]+|[\s/:]+$/g, '');
}
