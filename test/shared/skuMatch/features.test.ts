import { describe, expect, it } from 'vitest';
import { codeInText, createCodeFinder, dimensionsAgree, extractFeatures } from '../../../shared/skuMatch';

const dims = (s: string) => extractFeatures(s).dimensions.map((d) => d.text);

describe('extractFeatures', () => {
  it('reads lengths in any unit as cm, and sizes side by side', () => {
    expect(dims('24cm')).toEqual(['24cm']);
    expect(dims('直径24厘米')).toEqual(['24cm']);
    expect(dims('240mm')).toEqual(['24cm']);
    expect(dims('Φ24')).toEqual(['24cm']);
    expect(dims('9.5英寸')).toEqual(['24.13cm']);
    expect(dims('1.8m床')).toEqual(['180cm']);
    expect(dims('40×28cm')).toEqual(['40x28cm']);
    expect(dims('40x28')).toEqual(['40x28cm']);
    expect(dims('28*40cm')).toEqual(['40x28cm']);
    expect(dims('40cm×28cm×2cm')).toEqual(['40x28x2cm']);
  });
  it('reads volumes and weights', () => {
    expect(dims('1.5L 500ML 350毫升')).toEqual(['1500ml', '500ml', '350ml']);
    expect(dims('1kg 500克 2斤')).toEqual(['1000g', '500g', '1000g']);
  });
  it('reads counts: pieces, kits and set sizes', () => {
    const f = (s: string) => { const x = extractFeatures(s); return { packs: x.packs, kits: x.kits, sets: x.sets }; };
    expect(f('2只装')).toEqual({ packs: [2], kits: [], sets: [] });
    expect(f('两个装')).toEqual({ packs: [2], kits: [], sets: [] });
    expect(f('单只')).toEqual({ packs: [1], kits: [], sets: [] });
    expect(f('10双装')).toEqual({ packs: [10], kits: [], sets: [] });
    expect(f('一对')).toEqual({ packs: [2], kits: [], sets: [] });
    expect(f('一套')).toEqual({ packs: [], kits: [1], sets: [] });
    expect(f('餐盘x2')).toEqual({ packs: [], kits: [2], sets: [] });
    expect(f('24cm×2')).toEqual({ packs: [], kits: [2], sets: [] });
    expect(f('三件套')).toEqual({ packs: [], kits: [], sets: [3] });
    expect(f('第2件半价 满2件减5')).toEqual({ packs: [], kits: [], sets: [] });
    expect(f('3个月')).toEqual({ packs: [], kits: [], sets: [] });
  });
  it('reads numbered attributes', () => {
    expect(extractFeatures('双层沥水碗架').attrs).toEqual({ 层: [2] });
    expect(extractFeatures('五层鞋架').attrs).toEqual({ 层: [5] });
  });
  it('reads merchant codes in any spelling, upper-cased with a dash', () => {
    for (const s of ['TY-001-橡木餐盘', 'ty001 实木餐盘', 'TY 001', 'ＴＹ－００１', '款号:ty_001']) expect(extractFeatures(s).codes).toEqual(['TY-001']);
    expect(extractFeatures('TY-001-B 橡木').codes).toEqual(['TY-001-B']);
    expect(extractFeatures('40x28cm 衣架x20').codes).toEqual([]);
  });
  it('keeps materials, colours and size words as separate features', () => {
    const f = extractFeatures('【包邮】北欧 实木橡木餐盘 原木色 大号');
    expect(f.materials).toEqual(['木', '橡木']);
    expect(f.colours).toEqual(['原木']);
    expect(f.sizes).toEqual(['大']);
    expect(f.noun).toBe('北欧实木橡木餐盘');
    expect(f.bigrams).toContain('餐盘');
  });
  it('tells a colour from the material it is named after', () => {
    expect(extractFeatures('胡桃色 餐盘').materials).toEqual([]);
    expect(extractFeatures('胡桃色 餐盘').colours).toEqual(['棕']);
    expect(extractFeatures('黑胡桃 餐盘').materials).toEqual(['胡桃木']);
    expect(extractFeatures('橡胶木 砧板').materials).toEqual(['橡胶木']);
    expect(extractFeatures('竹纤维毛巾').materials).toEqual(['竹纤维']);
  });
  it('reads a bare colour root only as the value of a colour property', () => {
    expect(extractFeatures('颜色分类:白').colours).toEqual(['白']);
    expect(extractFeatures('白瓷餐盘').colours).toEqual([]);
  });
  it('compares sizes side by side, within unit rounding', () => {
    const d = (s: string) => extractFeatures(s).dimensions[0]!;
    expect(dimensionsAgree(d('9.5英寸'), d('24cm'))).toBe(true);
    expect(dimensionsAgree(d('23cm'), d('24cm'))).toBe(false);
    expect(dimensionsAgree(d('28x40cm'), d('40×28cm'))).toBe(true);
    expect(dimensionsAgree(d('40x28x2cm'), d('40×28cm'))).toBe(true);
    expect(dimensionsAgree(d('45x30cm'), d('40×28cm'))).toBe(false);
  });
});

describe('codeInText', () => {
  const master = ['TY-001', 'TY-002', 'BW-101'];
  it('finds master codes in any spelling, in order, once each', () => {
    expect(codeInText('TY-001-橡木餐盘', master)).toEqual(['TY-001']);
    expect(codeInText('ty002 和 TY 001 和 ty-002', master)).toEqual(['TY-002', 'TY-001']);
    expect(codeInText('ＢＷ１０１ 保温杯', master)).toEqual(['BW-101']);
    expect(codeInText('TY-009 橡木', master)).toEqual([]);
    expect(codeInText('TY-001-B', master)).toEqual(['TY-001']);
  });
  it('builds once and finds per line', () => {
    const find = createCodeFinder(master);
    expect(find('bw-101')).toEqual(['BW-101']);
    expect(find('no code here')).toEqual([]);
  });
});
