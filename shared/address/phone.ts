// Phone numbers as people paste them: 138-1234-5678, +86 139 1234 5678, 138****5678 from a
// platform's masked view, a virtual number with its extension (13812345678-1234, …转1234),
// landlines with their area code (021-12345678, (0571)88886666-801) and 400/800 numbers.
// Each is returned in one spelling, so the same number pasted two ways compares equal.

export type PhoneKind = 'mobile' | 'landline' | 'service';

export interface PhoneMatch {
  /** mobile 13812345678 (-1234 for a virtual number's extension), landline 0571-88886666(-801), service 400-123-4567 */
  readonly phone: string;
  readonly kind: PhoneKind;
  /** where it was in the searched text, [start, end) */
  readonly start: number;
  readonly end: number;
}

const EXT = String.raw`(?:\s*(?:-|转|#|ext\.?|分机)\s*(\d{1,6}))?`;
// The mask characters a platform's UI shows in place of the middle digits.
const D = String.raw`[\d*＊xX]`;
const MOBILE = new RegExp(String.raw`(?<![\d*])(?:\(?(?:\+|00)?86\)?[\s-]?)?(1[3-9]\d(?:[\s-]?${D}){4}(?:[\s-]?\d){4})${EXT}(?![\d*])`, 'g');
// 010 and 02x have three-digit area codes, every other area code has four.
const LANDLINE = new RegExp(String.raw`(?<!\d)(?:\(?(?:\+|00)?86\)?[\s-]?)?\(?(0[12]\d|0[3-9]\d{2})\)?[\s-]?(\d{3,4}[\s-]?\d{4})${EXT}(?!\d)`, 'g');
const SERVICE = new RegExp(String.raw`(?<!\d)([48]00)[\s-]?(\d{3})[\s-]?(\d{4})${EXT}(?!\d)`, 'g');

const digits = (s: string): string => s.replace(/[\s-]/g, '').replace(/[＊xX]/g, '*');

/** Every phone number in the text, in order of appearance; overlapping readings are dropped. */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  const taken = (start: number, end: number): boolean => found.some((f) => start < f.end && f.start < end);
  const scan = (re: RegExp, kind: PhoneKind, format: (m: RegExpExecArray) => string | undefined): void => {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const phone = format(m);
      if (phone && !taken(start, end)) found.push({ phone, kind, start, end });
    }
  };
  scan(MOBILE, 'mobile', (m) => {
    const main = digits(m[1]!);
    return main.length === 11 ? main + (m[2] ? `-${m[2]}` : '') : undefined;
  });
  scan(SERVICE, 'service', (m) => `${m[1]}-${m[2]}-${m[3]}${m[4] ? `-${m[4]}` : ''}`);
  scan(LANDLINE, 'landline', (m) => {
    const local = digits(m[2]!);
    return local.length >= 7 ? `${m[1]}-${local}${m[3] ? `-${m[3]}` : ''}` : undefined;
  });
  return found.sort((a, b) => a.start - b.start);
}

/** The one spelling of a phone number, or undefined when the text is not exactly one number. */
export function normalizePhone(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  const found = findPhones(t);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === t.length ? found[0]!.phone : undefined;
}
