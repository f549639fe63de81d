// What the simulator's Kuaishou APIs share: its refusal ({"result":<code>,"error_msg":…}) and
// readers for business params (ids arrive as JSON numbers — big ones kept as text — or strings).
import { KUAISHOU_CODES as C } from './wire';

export class KsError extends Error {
  constructor(readonly code: number, msg: string) { super(msg); }
}

export function int(b: Record<string, unknown>, name: string, dflt: number | null, min: number, max: number): number {
  const raw = b[name];
  if (raw === undefined || raw === null || raw === '') {
    if (dflt === null) throw new KsError(C.badParam, `缺少参数 ${name}`);
    return dflt;
  }
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new KsError(C.badParam, `${name} 应为 ${min}–${max} 的整数`);
  return n;
}

/** ids arrive as JSON numbers (big ones kept as text by the parser) or strings */
export function idParam(b: Record<string, unknown>, name: string): string {
  const v = b[name];
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v : '';
  if (!/^\d+$/.test(s)) throw new KsError(C.badParam, `缺少参数 ${name} (长整型 id)`);
  return s;
}

