// Masked display text for receiver data (platforms.md §11): what projections hold instead of
// plaintext. Shared by the platform mappers (host) and the Excel import (renderer).

/** "张三丰" → "张**" (the exact platform pattern is UNCONFIRMED; this is the common one). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/** "13812341234" → "138****1234"; a virtual number keeps its extension: "138****1234-123". */
export function maskPhone(phone: string): string {
  const m = /^(\+?[\d-]*?)(?:-(\d{1,6}))?$/.exec(phone.trim());
  const main = (m?.[1] ?? phone).replace(/\D/g, '');
  const ext = m?.[2] ? `-${m[2]}` : '';
  if (main.length < 7) return '****';
  return `${main.slice(0, 3)}****${main.slice(-4)}${ext}`;
}

/**
 * Hides every digit (house, building, room numbers) and keeps the words, as platforms show a
 * masked detail: "文一西路969号3幢201室" → "文一西路***号*幢***室". The words are what review rules
 * read (a vague "门口"/"对面", a landmark instead of a number), and a run of stars still says a
 * number was there.
 */
export function maskAddress(detail: string): string {
  const t = detail.trim();
  if (!t) return '';
  const masked = t.replace(/[0-9０-９]/g, '*');
  if (masked !== t) return masked;
  // no digit at all: hide the middle, keep both ends ("学校门口对面" → "学校**对面")
  const c = [...t];
  return c.length <= 4 ? `${c[0]}**` : `${c.slice(0, 2).join('')}${'*'.repeat(Math.min(6, c.length - 4))}${c.slice(-2).join('')}`;
}

/** Last 4 digits of a masked or plain phone ("138****1234-123" → "1234"), '' if not visible. */
export function phoneTailOf(phone: string): string {
  const m = /(\d{4})(?:-\d{1,6})?$/.exec(phone.trim());
  return m ? m[1]! : '';
}
