// Times are epoch ms (UTC). Platforms write wall-clock strings in China time; the PRC has had
// no DST since 1991, so a fixed +08:00 offset is exact and needs no tz database.
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;


const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Digits at text[from, from + n) as a number, or -1 when any is not a digit. */
function digits(text: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** "2026-11-25 20:30:00" (Asia/Shanghai) → epoch ms. Throws with the bad text on mismatch. */
export function parseShanghai(text: string): number {
  // read by position, not by regex + Date round trip: every pulled order has three of these,
  // and a catch-up parses hundreds of thousands
  const t = text.length === 19 ? text : text.trim();
  const sep = t.charCodeAt(10);
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const sec = digits(t, 17, 2);
  if (t.length !== 19 || t[4] !== '-' || t[7] !== '-' || (sep !== 32 && sep !== 84) || t[13] !== ':' || t[16] !== ':' || y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) {
    throw new Error(`not a "yyyy-MM-dd HH:mm:ss" time: ${JSON.stringify(text)}`);
  }
  const dim = mo === 2 && leap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  if (dim === undefined || d < 1 || d > dim || h > 23 || mi > 59 || sec > 59) {
    throw new Error(`impossible date/time: ${JSON.stringify(text)}`);
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec) - SHANGHAI_OFFSET_MS;
}

/** epoch ms → "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai. */
export function formatShanghai(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Short form for dense tables: "11-25 20:30". */
export function formatShanghaiShort(ms: number): string {
  return formatShanghai(ms).slice(5, 16);
}
