// TOP request signing (platforms.md §1.2). The simulator checks with the same function, so a
// signing bug would pass both sides: the official vectors in the tests are what pin it down.
import { createHash, createHmac } from 'node:crypto';
import type { SignMethod } from '../../../../shared/domain/types';
import { formatShanghai } from '../../../../shared/time';
import { sortedEntries } from '../signing';

/** The string TOP signs: params sorted by key (ASCII), `sign` and empty keys/values left out. */
export function topSignBase(params: Record<string, string | undefined>): string {
  return sortedEntries(params, { skipEmpty: true }).map(([k, v]) => `${k}${v}`).join('');
}

/** UPPER hex sign for md5 (secret-wrapped), hmac (HMAC-MD5) or hmac-sha256 (no wrapping). */
export function signTop(params: Record<string, string | undefined>, secret: string, method: SignMethod): string {
  const base = topSignBase(params);
  let hex: string;
  switch (method) {
    case 'md5':
      hex = createHash('md5').update(secret + base + secret, 'utf8').digest('hex');
      break;
    case 'hmac':
      hex = createHmac('md5', secret).update(base, 'utf8').digest('hex');
      break;
    case 'hmac-sha256':
      hex = createHmac('sha256', secret).update(base, 'utf8').digest('hex');
      break;
    default:
      throw new Error(`unknown TOP sign_method ${JSON.stringify(method)} (use md5, hmac or hmac-sha256)`);
  }
  return hex.toUpperCase();
}

/** TOP's `timestamp`: "yyyy-MM-dd HH:mm:ss" in GMT+8, whatever the PC's own time zone. */
export function formatTopTimestamp(ms: number): string {
  return formatShanghai(ms);
}
