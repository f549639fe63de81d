// Decides whether a run of keystrokes was a keyboard-wedge scanner or a person. A scanner
// types its whole code in a few milliseconds per key and ends with its suffix (Enter); a
// person, even a fast typist, leaves gaps of 80 ms and more. Pure, so tests pin the rules.
import { resolveKey, type KeyLike, type Terminator } from './keys';

export interface TimedKey extends KeyLike {
  /** event time in ms (any monotonic origin) */
  t: number;
  /** auto-repeat from a held key: a person, never a scanner */
  repeat?: boolean;
}

export interface BurstOptions {
  /** largest gap between two characters of one scan, ms */
  maxGapMs: number;
  /** shortest code accepted as a scan (shorter bursts are too easy to produce by hand) */
  minLength: number;
  /** largest gap between the last character and the terminator, ms (some scanners pause) */
  terminatorGapMs: number;
  terminators: readonly Terminator[];
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 35, minLength: 4, terminatorGapMs: 80, terminators: ['Enter'] };

export type BurstVerdict =
  | { kind: 'scan'; code: string }
  | { kind: 'typing'; reason: 'no_terminator' | 'too_short' | 'too_slow' | 'repeat' | 'unresolved' | 'not_ascii' | 'other_key' };

const PRINTABLE_ASCII = /^[\x20-\x7E]$/;

/**
 * `keys` is the candidate burst, its last entry the terminator. Only the characters after the
 * last slow gap count — the caller usually passes exactly those, but a longer history works too.
 */
export function classifyBurst(keys: readonly TimedKey[], opts: Partial<BurstOptions> = {}): BurstVerdict {
  const o = { ...DEFAULT_BURST, ...opts };
  const last = keys[keys.length - 1];
  const end = last ? resolveKey(last) : undefined;
  if (!last || end?.kind !== 'terminator' || !o.terminators.includes(end.key)) return { kind: 'typing', reason: 'no_terminator' };

  // Walk back from the terminator while the keys stay scanner-fast.
  const chars: { char: string | null; t: number; repeat?: boolean }[] = [];
  let prevT = last.t;
  let limit = o.terminatorGapMs;
  for (let i = keys.length - 2; i >= 0; i--) {
    const k = keys[i]!;
    const r = resolveKey(k);
    if (r.kind === 'ignore') continue;
    if (prevT - k.t > limit) break;
    if (r.kind === 'other' || r.kind === 'terminator') {
      if (chars.length === 0) return { kind: 'typing', reason: 'other_key' };
      break;
    }
    chars.unshift({ char: r.kind === 'char' ? r.char : null, t: k.t, repeat: k.repeat });
    prevT = k.t;
    limit = o.maxGapMs;
  }
  if (chars.length < o.minLength) {
    // "typed slowly" (enough characters, but not scanner-fast) vs "too few characters at all"
    const typed = keys.slice(0, -1).filter((k) => resolveKey(k).kind === 'char' || resolveKey(k).kind === 'unknown').length;
    return { kind: 'typing', reason: typed >= o.minLength ? 'too_slow' : 'too_short' };
  }
  if (chars.some((c) => c.repeat)) return { kind: 'typing', reason: 'repeat' };
  if (chars.some((c) => c.char === null)) return { kind: 'typing', reason: 'unresolved' };
  const code = chars.map((c) => c.char!).join('');
  if (![...code].every((c) => PRINTABLE_ASCII.test(c))) return { kind: 'typing', reason: 'not_ascii' };
  return { kind: 'scan', code };
}
