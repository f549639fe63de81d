import { describe, expect, it } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { DEFAULT_MARKETING_WORDS, hanNumber, normalizeText } from '../../../shared/skuMatch';
import { TRADITIONAL_PAIRS } from '../../../shared/skuMatch/traditional';

describe('normalizeText', () => {
  it('turns full-width into half-width and lower-cases Latin', () => {
    expect(normalizeText('ＴＹ－００１　橡木餐盘　２４ＣＭ')).toBe('ty-001 橡木餐盘 24cm');
  });
  it('reads traditional characters as simplified', () => {
    expect(normalizeText('橡木餐盤 單只裝')).toBe('橡木餐盘 1只装');
    expect(normalizeText('不銹鋼保溫杯')).toBe('不锈钢保温杯');
    expect(TRADITIONAL_PAIRS).toBeGreaterThan(500);
  });
  it('drops marketing brackets and keeps brackets that carry the product', () => {
    expect(normalizeText('【包邮】橡木餐盘')).toBe('橡木餐盘');
    expect(normalizeText('🔥【直播专享】橡木餐盘')).toBe('橡木餐盘');
    expect(normalizeText('[新品]橡木餐盘(限时特价)')).toBe('橡木餐盘');
    expect(normalizeText('尺寸：大号(24cm)')).toBe('尺寸:大号 24cm');
    expect(normalizeText('【2只装】橡木餐盘')).toBe('2只装 橡木餐盘');
    expect(normalizeText('橡木餐盘(24cm 包邮)')).toBe('橡木餐盘 24cm');
  });
  it('drops promotions whose numbers are not counts', () => {
    expect(normalizeText('保温杯 第二件半价 买2送1')).toBe('保温杯');
    expect(normalizeText('毛巾 2件8折')).toBe('毛巾');
  });
  it('unifies units: 厘米/公分 → cm, mm → cm, 英寸/寸 → inch, 升/毫升, 米', () => {
    expect(normalizeText('直径24厘米')).toBe('直径24cm');
    expect(normalizeText('40×28公分')).toBe('40x28cm');
    expect(normalizeText('240mm')).toBe('24cm');
    expect(normalizeText('400 × 280 mm')).toBe('40x28cm');
    expect(normalizeText('9.5英寸 7寸')).toBe('9.5inch 7inch');
    expect(normalizeText('1.5升 500毫升')).toBe('1.5l 500ml');
    expect(normalizeText('1.8米床 1米8')).toBe('1.8m床 1.8m');
    expect(normalizeText('40*28cm')).toBe('40x28cm');
  });
  it('writes Chinese numerals in counts as digits', () => {
    expect(normalizeText('两只装 三件套 十条 二十个')).toBe('2只装 3件套 10条 20个');
    expect(normalizeText('双层 单人 一套')).toBe('2层 1人 1套');
    expect(normalizeText('10双装')).toBe('10双装');
    expect(normalizeText('一次性 万一')).toBe('一次性 万一');
  });
  it('makes punctuation one separator and collapses whitespace', () => {
    expect(normalizeText('颜色分类:原木色;尺寸:24cm')).toBe('颜色分类:原木色/尺寸:24cm');
    expect(normalizeText('  橡木 ,  餐盘  ')).toBe('橡木/餐盘');
  });
  it('takes word lists from options', () => {
    expect(normalizeText('【清货】橡木餐盘', { bracketMarkers: ['清货'] })).toBe('橡木餐盘');
    expect(normalizeText('拾光家居 橡木餐盘', { brands: ['拾光家居'] })).toBe('橡木餐盘');
    expect(normalizeText('【包邮】橡木餐盘', { marketingWords: [], bracketMarkers: [] })).toBe('包邮 橡木餐盘');
    expect(DEFAULT_MARKETING_WORDS).toContain('包邮');
  });
  it('reads Han numbers', () => {
    expect([hanNumber('十'), hanNumber('十二'), hanNumber('二十'), hanNumber('二十四'), hanNumber('两'), hanNumber('一百')]).toEqual([10, 12, 20, 24, 2, 100]);
  });
  ftest.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 300, seed: 41 })('is idempotent on any text', (s) => {
    const once = normalizeText(s);
    expect(normalizeText(once)).toBe(once);
  });
  ftest.prop([fc.array(fc.constantFrom('【包邮】', '橡木', '餐盘', '两只装', ' ', '24', 'cm', '厘米', 'mm', '×', '*', '(', ')', 'TY', '-', '001', '：', '颜色分类', '原木色', '第二件半价', '一米八', '寸'), { maxLength: 12 })], { numRuns: 300, seed: 43 })(
    'is idempotent on title-like text',
    (parts) => {
      const once = normalizeText(parts.join(''));
      expect(normalizeText(once)).toBe(once);
    },
  );
});
