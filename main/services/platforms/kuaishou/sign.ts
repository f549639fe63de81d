// Kuaishou 快手电商 request signing (platforms.md §5.2): only access_token, appkey, method,
// param, signMethod, timestamp and version are signed (absent ones skipped), as ASCII-sorted
// k=v joined by & (no URL encoding), then &signSecret=<signSecret> — the console's signSecret,
// not the appSecret. MD5 → lower hex; HMAC_SHA256 (key = signSecret) → Base64.
import { hmacBase64, md5Hex, sortedEntries, type Params } from '../signing';

export type KuaishouSignMethod = 'MD5' | 'HMAC_SHA256';
export const KUAISHOU_SIGNED = ['access_token', 'appkey', 'method', 'param', 'signMethod', 'timestamp', 'version'] as const;

export function kuaishouSignBase(params: Params, signSecret: string): string {
  const signed: Params = {};
  for (const k of KUAISHOU_SIGNED) signed[k] = params[k];
  return `${sortedEntries(signed).map(([k, v]) => `${k}=${v}`).join('&')}&signSecret=${signSecret}`;
}

export function signKuaishou(params: Params, signSecret: string): string {
  const method = params.signMethod as KuaishouSignMethod | undefined;
  const base = kuaishouSignBase(params, signSecret);
  if (method === 'MD5') return md5Hex(base);
  if (method === 'HMAC_SHA256') return hmacBase64('sha256', signSecret, base);
  throw new Error(`unknown Kuaishou signMethod ${JSON.stringify(method)} (use MD5 or HMAC_SHA256)`);
}
