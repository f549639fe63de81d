// The few GS1 shapes a warehouse scanner sends for a unit with its batch: the printed form
// "(01)06901234567892(10)B2407" and the raw form "0106901234567892" + "10" + batch. The raw form
// is only trusted when its GTIN is a known barcode (a plain numeric barcode could look like it).

export interface Gs1Read { gtin: string; batch?: string; expiry?: string }

const PAREN = /^\(01\)(\d{14})(?:\(17\)(\d{6}))?(?:\(10\)([\x21-\x7E]{1,20}))?(?:\(17\)(\d{6}))?$/;
const RAW = /^01(\d{14})(?:17(\d{6}))?(?:10([\x21-\x7E]{1,20}))?$/;

export function readGs1(code: string, known: (gtin: string) => boolean): Gs1Read | undefined {
  const p = PAREN.exec(code);
  if (p) return { gtin: p[1]!, ...(p[3] ? { batch: p[3] } : {}), ...(p[2] ?? p[4] ? { expiry: (p[2] ?? p[4])! } : {}) };
  const r = RAW.exec(code);
  if (r && (known(r[1]!) || known(r[1]!.replace(/^0/, '')))) return { gtin: r[1]!, ...(r[3] ? { batch: r[3] } : {}), ...(r[2] ? { expiry: r[2] } : {}) };
  return undefined;
}
