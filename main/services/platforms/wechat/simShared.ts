// What the simulator's WeChat Channels APIs share: the {errcode, errmsg} refusal and readers for
// body fields (WeChat's own "invalid args" when one is wrong).
export class WxError extends Error {
  constructor(readonly code: number, readonly msg: string) { super(msg); }
}

/** UNCONFIRMED: WeChat's generic "invalid args" (§13.7), also used for a window over 7 days */
export const WECHAT_INVALID_ARGS_CODE = 40097;

export const bad = (why: string) => new WxError(WECHAT_INVALID_ARGS_CODE, `invalid args hint: ${why}`);

export function uint(v: unknown, name: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw bad(`${name} must be a non-negative integer`);
  return n;
}

/** a string uint64 id (a number only while it is exact) */
export function idOf(v: unknown, name: string): string {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  throw bad(`${name} missing; send it as a string (a uint64 does not fit a JSON number in most clients)`);
}
