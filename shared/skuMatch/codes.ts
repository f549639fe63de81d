// Merchant codes written inside a text: "TY-001-橡木餐盘", "ty001 实木餐盘", "ＴＹ　００１".
// Sellers type the outer id (商家编码) into titles in many spellings; all of them read as one key.
import { canonicalCode, featuresOf } from './features';
import { normalizeWith } from './normalize';
import { compileTextOptions, type CompiledText, type TextOptions } from './options';

/** "TY-001", "ty001", "TY 001" → "TY-001"; a code of another shape is kept, upper-cased. */
export function codeKey(code: string, c: CompiledText): string {
  const m = /^([a-z]{1,5})[ _-]?(\d{2,8})(?:[-_]([a-z]{1,3}|\d{1,2}))?$/.exec(normalizeWith(code, c));
  return m ? canonicalCode(m[1]!, m[2]!, m[3]) : code.trim().toUpperCase();
}

/** The code keys read in a text, each tried with and without its "-b" / "-2" suffix. */
export function codeKeysInText(normalizedText: string, c: CompiledText): string[][] {
  return featuresOf(normalizedText, c).codes.map((code) => {
    const bare = code.replace(/^([A-Z]+-\d+)-.*$/, '$1');
    return bare === code ? [code] : [code, bare];
  });
}

/**
 * The master codes a text names, in order of appearance, each once. Build the finder once for a
 * master and call it per line; codesInText is the one-off form.
 */
export function createCodeFinder(codes: Iterable<string>, options?: Partial<TextOptions>): (text: string) => string[] {
  const c = compileTextOptions(options);
  const byKey = new Map<string, string>();
  for (const code of codes) byKey.set(codeKey(code, c), code);
  return (text) => {
    const out: string[] = [];
    for (const keys of codeKeysInText(normalizeWith(text, c), c)) {
      const hit = keys.map((k) => byKey.get(k)).find((x) => x !== undefined);
      if (hit !== undefined && !out.includes(hit)) out.push(hit);
    }
    return out;
  };
}

export function codeInText(text: string, codes: Iterable<string>, options?: Partial<TextOptions>): string[] {
  return createCodeFinder(codes, options)(text);
}
