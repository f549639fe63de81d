// Field readers every platform's map.ts shares: each rejection is a MapError naming the field
// and what to do, so a quarantined order tells the operator what went wrong.
import { NormalizedOrder } from '../../../shared/domain/types';
import { parseYuan } from '../../../shared/money';
import { parseShanghai } from '../../../shared/time';
import { MapError } from './types';
import { UnknownStatusError } from './statusTable';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function obj(v: unknown, where: string, hint: string): Obj {
  if (!isObj(v)) throw new MapError(where, `expected an object (${hint}), got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`);
  return v;
}

export function list(v: unknown, where: string, hint: string): Obj[] {
  if (!Array.isArray(v)) throw new MapError(where, `missing or not an array: ${hint}`);
  // Array.from visits holes (a sparse array is a malformed payload too)
  return Array.from(v, (x, i) => obj(x, `${where}[${i}]`, "one entry"));
}

/** A platform id as text. A JS number above 2^53 has already lost digits: refuse it. */
export function idText(v: unknown, where: string): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new MapError(where, `is the JSON number ${v}, too large to be exact in JavaScript; the body must be parsed keeping big integers as text`);
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return undefined;
}

export function requiredId(v: unknown, where: string, hint: string): string {
  const id = idText(v, where);
  if (!id) throw new MapError(where, `missing: ${hint}`);
  return id;
}

/** Yuan as a string ("12.50") or a JSON number (12.5), never through float arithmetic. */
export function yuan(v: unknown, where: string, fallback?: number): number {
  if (!present(v)) {
    if (fallback !== undefined) return fallback;
    throw new MapError(where, 'missing: the amount is needed to book the order');
  }
  if (typeof v !== 'string' && typeof v !== 'number') throw new MapError(where, `expected a yuan amount, got ${JSON.stringify(v)}`);
  try {
    return parseYuan(v);
  } catch (e) {
    throw new MapError(where, `${(e as Error).message}; the platform sent ${JSON.stringify(v)}, which cannot be booked as money`);
  }
}

/** Fen as an integer (Douyin, Kuaishou, WeChat). */
export function fen(v: unknown, where: string, fallback?: number): number {
  if (!present(v)) {
    if (fallback !== undefined) return fallback;
    throw new MapError(where, 'missing: the amount (in fen) is needed to book the order');
  }
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new MapError(where, `expected whole fen, got ${JSON.stringify(v)}`);
  return n;
}

export function count(v: unknown, where: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new MapError(where, `expected a whole quantity, got ${JSON.stringify(v)}`);
  return n;
}

/** "yyyy-MM-dd HH:mm:ss" Beijing time. */
export function shanghaiTime(v: unknown, where: string): number {
  if (typeof v !== 'string' || v === '') throw new MapError(where, 'missing: expected a "yyyy-MM-dd HH:mm:ss" Beijing time');
  try {
    return parseShanghai(v);
  } catch (e) {
    throw new MapError(where, `${(e as Error).message}; expected "yyyy-MM-dd HH:mm:ss" in GMT+8`);
  }
}

/** Unix seconds (or a digit string of them). */
export function unixSeconds(v: unknown, where: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw new MapError(where, `expected unix seconds, got ${JSON.stringify(v)}`);
  return n * 1000;
}

/** Unix milliseconds (or a digit string of them). */
export function unixMs(v: unknown, where: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw new MapError(where, `expected epoch milliseconds, got ${JSON.stringify(v)}`);
  return n;
}

export function optional<T>(v: unknown, read: (v: unknown) => T): T | undefined {
  return present(v) && v !== 0 && v !== '0' ? read(v) : undefined;
}

/** Runs a status decision, turning an unknown status into a MapError on the named field. */
export function decided<T>(field: string, decide: () => T): T {
  try {
    return decide();
  } catch (e) {
    if (e instanceof UnknownStatusError) throw new MapError(field, e.message);
    throw e;
  }
}

/** The last check: the candidate must be a valid NormalizedOrder. */
export function finish(candidate: unknown): NormalizedOrder {
  const parsed = NormalizedOrder.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MapError(issue.path.join('.') || 'order', `${issue.message} (after mapping; the payload is kept in the inbox for a look)`);
  }
  return parsed.data;
}

/** 0–5 (none, red, yellow, green, blue, purple) from a platform's own flag code. */
export function flagFrom(v: unknown, where: string, table: Record<string, number>): number {
  if (!present(v)) return 0;
  const key = String(v);
  const flag = table[key];
  if (flag === undefined) throw new MapError(where, `unknown flag ${JSON.stringify(v)}; known: ${Object.keys(table).join(', ')}`);
  return flag;
}
