// The simulator's TOP error and the parameter readers every API of its router shares
// (platforms.md §1.10: code, msg, sub_code, sub_msg).
export class TopError extends Error {
  constructor(readonly code: number, readonly msg: string, readonly subCode: string, readonly subMsg: string) { super(msg); }
}

export const missing = (name: string) => new TopError(40, `Missing required arguments:${name}`, 'isv.missing-parameter', `缺少必选参数:${name}`);
export const invalid = (name: string, why: string) => new TopError(41, `Invalid arguments:${name}`, `isv.invalid-parameter:${name}`, why);
/** a business refusal: code 15 "Remote service error" with the reason in sub_code (§13.1) */
export const remote = (subCode: string, subMsg: string) => new TopError(15, 'Remote service error', subCode, subMsg);

export function intParam(p: Record<string, string>, name: string, dflt: number, min: number, max: number): number {
  const raw = p[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(name, `${name} 必须是 ${min}–${max} 的整数`);
  return n;
}
