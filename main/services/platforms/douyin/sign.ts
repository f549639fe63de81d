// Douyin 抖店 request signing (platforms.md §2.2). param_json is the business parameters as
// compact JSON with keys sorted at every depth (what the Go and Python SDKs send); the signed
// pattern is fixed: app_key, method, param_json, timestamp, v — access_token and sign_method
// are not signed. hmac-sha256 (default) and legacy md5, both lower hex.
import { hmacHex, md5Hex } from '../signing';

export type DouyinSignMethod = 'hmac-sha256' | 'md5';

/** Compact JSON with object keys sorted recursively (arrays keep their order); `{}` when empty. */
export function sortedParamJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter((k) => o[k] !== undefined).map((k) => [k, sort(o[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value ?? {}));
}

export interface DouyinSignInput { appKey: string; appSecret: string; method: string; paramJson: string; timestamp: string; v?: string }

export function douyinSignBase(i: DouyinSignInput): string {
  return `app_key${i.appKey}method${i.method}param_json${i.paramJson}timestamp${i.timestamp}v${i.v ?? '2'}`;
}

export function signDouyin(i: DouyinSignInput, method: DouyinSignMethod = 'hmac-sha256'): string {
  const wrapped = i.appSecret + douyinSignBase(i) + i.appSecret;
  if (method === 'hmac-sha256') return hmacHex('sha256', i.appSecret, wrapped);
  if (method === 'md5') return md5Hex(wrapped);
  throw new Error(`unknown Douyin sign_method ${JSON.stringify(method)} (use hmac-sha256 or md5)`);
}
