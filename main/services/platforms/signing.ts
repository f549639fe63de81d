// What several platforms' signatures share (platforms.md §10): parameters sorted by key in
// plain code-unit order (Java's Arrays.sort on ASCII keys; localeCompare would differ), and
// hex/base64 digests. Each platform's sign.ts says which parts it signs and how.
import { createHash, createHmac } from 'node:crypto';

export type Params = Record<string, string | undefined>;

/** Keys ASCII-sorted; `sign`, empty keys and absent values left out (and empty strings, if asked). */
export function sortedEntries(params: Params, opts: { skipEmpty?: boolean; omit?: readonly string[] } = {}): [string, string][] {
  const omit = new Set(['sign', ...(opts.omit ?? [])]);
  return Object.keys(params)
    .filter((k) => k !== '' && !omit.has(k) && params[k] !== undefined && !(opts.skipEmpty && params[k] === ''))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => [k, params[k]!]);
}

/** `secret + k1v1k2v2… + secret` → MD5, UPPER hex: TOP md5, Pinduoduo, JD. */
export function wrappedMd5Upper(params: Params, secret: string, opts?: { skipEmpty?: boolean }): string {
  const base = sortedEntries(params, opts).map(([k, v]) => `${k}${v}`).join('');
  return createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase();
}

export const md5Hex = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');
export const hmacHex = (alg: 'md5' | 'sha256', key: string, s: string): string => createHmac(alg, key).update(s, 'utf8').digest('hex');
export const hmacBase64 = (alg: 'sha256', key: string, s: string): string => createHmac(alg, key).update(s, 'utf8').digest('base64');
