import { describe, expect, it } from 'vitest';
import { createSkuMatcher, type MatchResult } from '../../../shared/skuMatch';
import { loadCases, type MatchCase } from './fixtures';

const { skus, cases } = loadCases('cases');
const matcher = createSkuMatcher(skus);
const run = (c: MatchCase) => matcher.match({ title: c.title, skuText: c.skuText });
const show = (c: MatchCase, r: MatchResult) =>
  `${c.id} "${c.title}" / "${c.skuText}" → ${r.decision} ${r.code ?? ''} ${r.confidence}\n  reasons: ${r.reasons.join('; ')}\n  suggestions: ${r.suggestions.map((s) => `${s.code} ${s.score}`).join(', ')}`;

describe('fixture shape', () => {
  it('has a master of 40+ SKUs and the counts the issue asks for', () => {
    expect(skus.length).toBeGreaterThanOrEqual(40);
    const perCode = new Map<string, number>();
    for (const c of cases) if (c.expect !== 'ask' && !c.id.startsWith('nb-')) perCode.set(c.expect, (perCode.get(c.expect) ?? 0) + 1);
    const tricky = [...perCode].filter(([, n]) => n >= 7);
    expect(tricky.length).toBeGreaterThanOrEqual(8);
    const families = new Map<string, number>();
    for (const c of cases) if (c.id.startsWith('nb-')) families.set(c.id.split('-')[1]!, (families.get(c.id.split('-')[1]!) ?? 0) + 1);
    expect(families.size).toBeGreaterThanOrEqual(3);
    for (const [, n] of families) expect(n).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.reference)).toHaveLength(7);
  });
});

describe('never a wrong automatic map', () => {
  it('no line maps to a SKU other than the expected one (the worst failure)', () => {
    const wrong = cases
      .map((c) => ({ c, r: run(c) }))
      .filter(({ c, r }) => r.decision === 'mapped' && r.code !== c.expect)
      .map(({ c, r }) => show(c, r));
    expect(wrong, `WRONG AUTOMATIC MAP:\n${wrong.join('\n')}`).toEqual([]);
  });
});

describe('the 7 reference namings of TY-001-橡木餐盘', () => {
  it.each(cases.filter((c) => c.reference))('$id: $title / $skuText', (c) => {
    const r = run(c);
    expect(r.decision, show(c, r)).toBe('mapped');
    expect(r.code, show(c, r)).toBe('TY-001');
  });
});

describe('every case', () => {
  it.each(cases)('$id: $title / $skuText → $expect', (c) => {
    const r = run(c);
    if (c.expect === 'ask') {
      expect(r.decision, show(c, r)).not.toBe('mapped');
    } else {
      expect(r.decision, show(c, r)).toBe('mapped');
      expect(r.code, show(c, r)).toBe(c.expect);
      expect(r.confidence).toBeGreaterThanOrEqual(0.85);
    }
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
  });
});

describe('reasons', () => {
  it('a code in the title maps with confidence ≥ 0.95 and says so', () => {
    const r = matcher.match({ title: 'TY-001-橡木餐盘', skuText: '' });
    expect(r).toMatchObject({ decision: 'mapped', code: 'TY-001' });
    expect(r.confidence).toBeGreaterThanOrEqual(0.95);
    expect(r.reasons).toContain('code TY-001 in title');
  });
  it('a mapped title says how well the words matched and which attributes agree', () => {
    const r = matcher.match({ title: '【包邮】北欧ins风 实木橡木餐盘 24cm 家用西餐盘 牛排盘', skuText: '颜色分类:原木色;尺寸:24cm' });
    expect(r.reasons[0]).toMatch(/^title 1\.00 ≈ 橡木餐盘 TY-001$/);
    expect(r.reasons).toContain('尺寸 24cm 一致');
    expect(r.reasons).toContain('材质 橡木 一致');
  });
  it('a size or material that differs is named in the reasons of that suggestion', () => {
    const size = matcher.match({ title: '橡木餐盘 22cm', skuText: '' });
    expect(size.decision).toBe('ask');
    expect(size.suggestions.find((s) => s.code === 'TY-001')?.why).toContain('尺寸 22cm ≠ 24cm');
    const material = matcher.match({ title: 'TY-001 胡桃木餐盘 24cm', skuText: '' });
    expect(material.suggestions.find((s) => s.code === 'TY-001')?.why).toContain('材质 胡桃木 ≠ 橡木');
  });
  it('two SKUs scoring close ask, naming the runner-up', () => {
    const r = matcher.match({ title: '不锈钢保温杯 500ml', skuText: '' });
    expect(r.decision).toBe('ask');
    expect(r.reasons.some((x) => /^close second: BW-10[12] /.test(x))).toBe(true);
    expect(r.suggestions.slice(0, 2).map((s) => s.code).sort()).toEqual(['BW-101', 'BW-102']);
  });
  it('a code that names another SKU is a conflict', () => {
    const r = matcher.match({ title: 'TY-001 胡桃木餐盘 24cm', skuText: '' });
    expect(r.decision).toBe('ask');
    expect(r.suggestions.find((s) => s.code === 'TY-003')?.why).toContain('code TY-001 in title names another SKU');
  });
  it('a line with nothing in common is none', () => {
    expect(matcher.match({ title: '运动蓝牙耳机', skuText: '' })).toMatchObject({ decision: 'none', confidence: 0 });
  });
});

describe('held-out cases (written after tuning, own SKU master)', () => {
  const held = loadCases('holdout');
  const m = createSkuMatcher(held.skus);
  const results = held.cases.map((c) => ({ c, r: m.match({ title: c.title, skuText: c.skuText }) }));
  const good = results.filter(({ c, r }) => (c.expect === 'ask' ? r.decision !== 'mapped' : r.decision === 'mapped' && r.code === c.expect));
  it('has 40+ cases', () => {
    expect(held.cases.length).toBeGreaterThanOrEqual(40);
  });
  it('maps none of them to a wrong SKU', () => {
    const wrong = results.filter(({ c, r }) => r.decision === 'mapped' && r.code !== c.expect).map(({ c, r }) => show(c, r));
    expect(wrong, `WRONG AUTOMATIC MAP:\n${wrong.join('\n')}`).toEqual([]);
  });
  it('gets at least 90 % right (misses are lines left to ask)', () => {
    const misses = results.filter((x) => !good.includes(x)).map(({ c, r }) => show(c, r));
    expect(good.length / held.cases.length, `accuracy ${good.length}/${held.cases.length}; missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });
});
