import { describe, expect, it } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { allocate, formatFen, parseYuan } from '../../shared/money';

describe('money', () => {
  it('parses yuan strings exactly', () => {
    expect(parseYuan('200.07')).toBe(20007);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('-3.50')).toBe(-350);
    expect(() => parseYuan('1.234')).toThrow(/at most 2 decimals/);
    expect(() => parseYuan('abc')).toThrow(/not a yuan amount/);
    expect(() => parseYuan('')).toThrow();
  });
  it('formats fen with two decimals', () => {
    expect(formatFen(20007)).toBe('200.07');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-350)).toBe('-3.50');
  });
  ftest.prop([fc.integer({ min: -1e12, max: 1e12 })], { numRuns: 1000, seed: 7 })('format → parse round-trips', (fen) => {
    expect(parseYuan(formatFen(fen))).toBe(fen);
  });
  ftest.prop([fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 })], { numRuns: 1000, seed: 11 })(
    'allocate sums exactly and each part is within 1 fen of its share',
    (total, weights) => {
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        const share = sum === 0 ? total / weights.length : (total * weights[i]!) / sum;
        expect(Math.abs(p - share)).toBeLessThan(1);
      });
    },
  );
});
