import { describe, expect, it } from 'vitest';
import { createSkuMatcher, DEFAULT_THRESHOLDS, type SkuForMatch } from '../../../shared/skuMatch';
import { loadCases } from './fixtures';

const { skus } = loadCases('cases');

describe('createSkuMatcher', () => {
  it('memoises: a repeated line returns the same frozen result', () => {
    const m = createSkuMatcher(skus);
    const line = { title: '【包邮】实木橡木餐盘 24cm', skuText: '颜色分类:原木色' };
    const a = m.match(line);
    expect(m.match({ ...line })).toBe(a);
    // the same listing written with other spacing and width is the same normalized line
    expect(m.match({ title: '【包邮】 实木橡木餐盘　２４ｃｍ', skuText: '颜色分类：原木色' })).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.reasons) && Object.isFrozen(a.suggestions)).toBe(true);
  });
  it('works with the memo off', () => {
    const m = createSkuMatcher(skus, { memoSize: 0 });
    const line = { title: 'TY-001-橡木餐盘', skuText: '' };
    expect(m.match(line)).toEqual(m.match(line));
    expect(m.match(line).code).toBe('TY-001');
  });
  it('has a version that changes with the master and the options', () => {
    const v = createSkuMatcher(skus).version;
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(createSkuMatcher(skus).version).toBe(v);
    expect(createSkuMatcher(skus.slice(1)).version).not.toBe(v);
    expect(createSkuMatcher(skus, { thresholds: { map: 0.9 } }).version).not.toBe(v);
    expect(createSkuMatcher(skus, { text: { brands: ['木木家'] } }).version).not.toBe(v);
  });
  it('takes thresholds from options', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ map: 0.85, lead: 0.08, ask: 0.45 });
    const strict = createSkuMatcher(skus, { thresholds: { lead: 0.5 } });
    expect(strict.match({ title: '橡木餐盘 24cm', skuText: '' }).decision).toBe('ask');
    expect(createSkuMatcher(skus).match({ title: '橡木餐盘 24cm', skuText: '' }).code).toBe('TY-001');
  });
  it('counts a confirmed alias as strong evidence', () => {
    const line = { title: '原木风 家用 早餐托 圆形 24cm', skuText: '颜色分类:原木色' };
    expect(createSkuMatcher(skus).match(line).decision).not.toBe('mapped');
    const withAlias = skus.map((s) => (s.code === 'TY-001' ? { ...s, aliases: ['原木风 家用 早餐托 圆形 24cm 颜色分类:原木色'] } : s));
    const r = createSkuMatcher(withAlias).match(line);
    expect(r).toMatchObject({ decision: 'mapped', code: 'TY-001' });
    expect(r.reasons[0]).toMatch(/^alias 1\.00 ≈ /);
  });
  it('removes the brands of the SKU rows from titles', () => {
    // the brand 竹木坊 names a material: left in the title it would make the bamboo plate a match too
    const own: SkuForMatch[] = [
      { code: 'A-01', name: '橡木餐盘', spec: '24cm', category: '餐具', brand: '竹木坊' },
      { code: 'A-02', name: '竹制餐盘', spec: '24cm', category: '餐具' },
    ];
    const line = { title: '竹木坊 橡木餐盘 24cm', skuText: '' };
    expect(createSkuMatcher(own).match(line)).toMatchObject({ decision: 'mapped', code: 'A-01' });
    expect(createSkuMatcher(own.map((s) => ({ ...s, brand: undefined }))).match(line).decision).toBe('ask');
  });
  it('refuses a master with a code twice', () => {
    expect(() => createSkuMatcher([skus[0]!, skus[0]!])).toThrow(/TY-001 appears twice/);
  });
  it('answers none on an empty master', () => {
    expect(createSkuMatcher([]).match({ title: '橡木餐盘', skuText: '' })).toMatchObject({ decision: 'none', suggestions: [] });
  });
});
