// Ids a person can read off a sheet and say on the phone: a prefix, the China-time second it was
// made and three random characters (two desks in the same second still differ).
import { formatShanghai } from '../../../shared/time';

export function sheetId(prefix: 'CC' | 'TR', now: number, random: () => number = Math.random): string {
  const stamp = formatShanghai(now).replace(/\D/g, '');
  const tail = Array.from({ length: 3 }, () => '23456789abcdefghjkmnpqrstuvwxyz'[Math.floor(random() * 31)]).join('');
  return `${prefix}-${stamp}-${tail}`;
}
