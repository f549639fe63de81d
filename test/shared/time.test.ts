import { describe, expect, it } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { formatShanghai, parseShanghai } from '../../shared/time';
import { ManualClock } from '../../shared/clock';

describe('Asia/Shanghai time', () => {
  it('reads platform strings as UTC+8 whatever the machine zone', () => {
    expect(parseShanghai('2016-01-01 12:00:00')).toBe(Date.UTC(2016, 0, 1, 4, 0, 0));
    expect(formatShanghai(Date.UTC(2026, 10, 25, 16, 30, 5))).toBe('2026-11-26 00:30:05');
    expect(() => parseShanghai('2026-02-30 00:00:00')).toThrow(/impossible/);
    expect(() => parseShanghai('2026/01/01')).toThrow(/yyyy-MM-dd/);
  });
  ftest.prop([fc.integer({ min: 0, max: 4_000_000_000 })], { numRuns: 1000, seed: 3 })('round-trips at second precision', (s) => {
    expect(parseShanghai(formatShanghai(s * 1000))).toBe(s * 1000);
  });
});

describe('ManualClock', () => {
  it('fires due timers in time order, including ones added while firing', () => {
    const c = new ManualClock(0);
    const seen: string[] = [];
    c.after(100, () => { seen.push(`a@${c.now()}`); c.after(50, () => seen.push(`c@${c.now()}`)); });
    const cancel = c.after(120, () => seen.push('cancelled'));
    c.after(200, () => seen.push(`b@${c.now()}`));
    cancel();
    c.advance(199);
    expect(seen).toEqual(['a@100', 'c@150']);
    c.advance(1);
    expect(seen).toEqual(['a@100', 'c@150', 'b@200']);
    expect(c.now()).toBe(200);
  });
});
