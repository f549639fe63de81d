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

/** Keeps the first few characters (street) and hides the house number. */
export function maskAddress(detail: string): string {
  const chars = [...detail.trim()];
  if (chars.length === 0) return '';
  const keep = Math.min(4, Math.max(1, chars.length - 4));
  return `${chars.slice(0, keep).join('')}${'*'.repeat(Math.min(6, chars.length - keep) || 1)}`;
}

/** Last 4 digits of a masked or plain phone ("138****1234-123" → "1234"), '' if not visible. */
export function phoneTailOf(phone: string): string {
  const m = /(\d{4})(?:-\d{1,6})?$/.exec(phone.trim());
  return m ? m[1]! : '';
}
