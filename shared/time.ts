// Times are epoch ms (UTC). Platforms write wall-clock strings in China time; the PRC has had
// no DST since 1991, so a fixed +08:00 offset is exact and needs no tz database.
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const DT_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** "2026-11-25 20:30:00" (Asia/Shanghai) → epoch ms. Throws with the bad text on mismatch. */
export function parseShanghai(text: string): number {
  const m = DT_RE.exec(text.trim());
  if (!m) throw new Error(`not a "yyyy-MM-dd HH:mm:ss" time: ${JSON.stringify(text)}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_OFFSET_MS;
  const back = new Date(ms + SHANGHAI_OFFSET_MS);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new Error(`impossible date/time: ${JSON.stringify(text)}`);
  }
  return ms;
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
