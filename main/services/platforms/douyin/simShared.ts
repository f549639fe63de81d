// What the simulator's gateway and order APIs share: its limits, the error it answers (§2.8:
// code, msg, sub_code, sub_msg) and readers for business params (JSON numbers or digit strings).
import type { SimCtx } from '../simkit/protocol';
import type { DouyinScope } from './render';

/** UNCONFIRMED (§12): the longest update_time/create_time window order.searchList takes */
export const DOUYIN_SIM_MAX_WINDOW_S = 60 * 60;
/** UNCONFIRMED: how deep (page × size) order.searchList pages */
export const DOUYIN_SIM_MAX_DEPTH = 10_000;
/** UNCONFIRMED: how far the request timestamp may be from server time */
export const DOUYIN_TIMESTAMP_TOLERANCE_MS = 10 * 60_000;

export const scopeOf = (ctx: SimCtx): DouyinScope => ({ shopId: ctx.shopId, appKey: ctx.credentials.app_key! });

export class DouyinError extends Error {
  /** `data`: what the answer still carries (10001 部分失败 comes with per-item results) */
  constructor(readonly code: number, readonly msg: string, readonly subCode = '', readonly subMsg = '', readonly data: unknown = {}) { super(`${code} ${subCode} ${subMsg}`); }
}

export type Biz = Record<string, unknown>;

const bad = (name: string, why: string) => new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `${name}${why}`);

/** a whole number given as JSON number or digit string */
export function intParam(b: Biz, name: string, dflt: number | null, min: number, max: number): number {
  const raw = b[name];
  if (raw === undefined || raw === null || raw === '') {
    if (dflt === null) throw bad(name, ' 必填');
    return dflt;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw bad(name, ` 应为 ${min}–${max} 的整数`);
  return n;
}

export function textParam(b: Biz, name: string): string {
  const raw = b[name];
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (typeof raw !== 'string' || raw === '') throw bad(name, ' 必填');
  return raw;
}

export function boolParam(b: Biz, name: string): boolean {
  const raw = b[name];
  return raw === true || raw === 'true';
}
