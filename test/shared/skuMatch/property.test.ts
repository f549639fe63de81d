import { describe, expect } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { createSkuMatcher, dimensionsAgree, extractFeatures } from '../../../shared/skuMatch';
import { loadCases } from './fixtures';

const { skus, cases } = loadCases('cases');
const matcher = createSkuMatcher(skus);
const decisionOf = (title: string, skuText: string) => {
  const r = matcher.match({ title, skuText });
  return { decision: r.decision, code: r.code };
};

const MARKETING = ['【包邮】', '【热卖】', '[新品]', '(限时特价)', '【官方正品】', '【直播专享】', '〖爆款〗', '【多人团】', '【秒杀】', '🔥', '✨', '【现货速发】'];

/** Places where a seller adds words: the start, the end, and the spaces between words. */
function gaps(s: string): number[] {
  const at = [0, s.length];
  for (let i = 0; i < s.length; i++) if (s[i] === ' ') at.push(i);
  return at;
}

const fullWidth = (s: string, mask: boolean[]) =>
  [...s].map((ch, i) => (mask[i % mask.length] && ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch === ' ' && mask[i % mask.length] ? '\u3000' : ch)).join('');

const edit = fc.record({
  inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MARKETING)), { maxLength: 3 }),
  spaces: fc.array(fc.nat(), { maxLength: 3 }),
  width: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
});

describe('skuMatch properties', () => {
  ftest.prop([fc.constantFrom(...cases), edit], { numRuns: 300, seed: 20240611 })(
    'marketing brackets, extra spaces and full-width variants never change the decision',
    (c, e) => {
      let title = c.title;
      for (const [pos, word] of e.inserts) {
        const g = gaps(title);
        const at = g[pos % g.length]!;
        title = `${title.slice(0, at)} ${word} ${title.slice(at)}`;
      }
      for (const pos of e.spaces) {
        const g = gaps(title);
        const at = g[pos % g.length]!;
        title = `${title.slice(0, at)}  ${title.slice(at)}`;
      }
      title = fullWidth(title, e.width);
      const skuText = fullWidth(c.skuText, e.width);
      expect(decisionOf(title, skuText), `${c.id}: "${title}" / "${skuText}"`).toEqual(decisionOf(c.title, c.skuText));
    },
  );

  const sized = skus.filter((s) => extractFeatures(`${s.name} ${s.spec}`).dimensions.some((d) => d.kind === 'len'));
  const sides = fc.oneof(
    fc.integer({ min: 10, max: 240 }).map((n) => [n]),
    fc.constantFrom(...sized.flatMap((s) => extractFeatures(s.spec).dimensions.filter((d) => d.kind === 'len').map((d) => d.values))),
    fc.tuple(fc.integer({ min: 20, max: 240 }), fc.integer({ min: 10, max: 240 })).map(([a, b]) => [a, b]),
  );
  const written = fc.record({ unit: fc.constantFrom('cm', '厘米', '公分', 'mm', 'CM', ''), sep: fc.constantFrom('x', '×', '*', 'X', ' x '), prefix: fc.constantFrom('', '直径', 'Φ') });
  const write = (values: number[], w: { unit: string; sep: string; prefix: string }) => {
    const vs = w.unit === 'mm' ? values.map((v) => v * 10) : values;
    const unit = w.unit === '' && values.length === 1 ? 'cm' : w.unit;
    return `${values.length === 1 ? w.prefix : ''}${vs.join(w.sep)}${unit}`;
  };
  ftest.prop([fc.constantFrom(...sized), sides, written, fc.constantFrom('', '【包邮】', '家用 ins风', '北欧 实木'), fc.boolean()], { numRuns: 300, seed: 7 })(
    'a title never maps to a SKU whose spec size differs from the size in the title',
    (sku, values, w, noise, inSpec) => {
      const size = write(values, w);
      const title = inSpec ? `${noise} ${sku.name}` : `${noise} ${sku.name} ${size}`;
      const r = matcher.match({ title, skuText: inSpec ? `尺寸:${size}` : '' });
      if (r.decision !== 'mapped') return;
      const mapped = skus.find((s) => s.code === r.code)!;
      const said = extractFeatures(size).dimensions;
      const has = extractFeatures(`${mapped.name} ${mapped.spec}`).dimensions.filter((d) => d.kind === 'len');
      expect(said).toHaveLength(1);
      if (has.length > 0) expect(has.some((d) => dimensionsAgree(d, said[0]!)), `"${title}" mapped to ${mapped.code} ${mapped.spec}`).toBe(true);
    },
  );

  ftest.prop([fc.string({ maxLength: 80 }), fc.string({ maxLength: 30 })], { numRuns: 300, seed: 99 })('any text gets a well-formed answer', (title, skuText) => {
    const r = matcher.match({ title, skuText });
    expect(['mapped', 'ask', 'none']).toContain(r.decision);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
    expect(r.decision === 'mapped').toBe(r.code !== undefined);
  });
});
