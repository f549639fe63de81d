// Single rules of the matcher, each on a small master of its own.
import { describe, expect, it } from 'vitest';
import { createSkuMatcher, type SkuForMatch } from '../../../shared/skuMatch';

const sku = (code: string, name: string, spec: string): SkuForMatch => ({ code, name, spec, category: 'x' });
const match = (skus: SkuForMatch[], title: string, skuText = '') => createSkuMatcher(skus).match({ title, skuText });

describe('matching rules', () => {
  it('a category word in the SKU name is not missed when the title leaves it out', () => {
    const r = match([sku('B-1', '四件套床品', '1.8m 纯棉 灰色'), sku('B-2', '四件套床品', '1.5m 纯棉 灰色')], '全棉四件套 1.8米床 灰色');
    expect(r).toMatchObject({ decision: 'mapped', code: 'B-1' });
  });
  it('the words of a material count only when the title names a material, and then must agree', () => {
    const skus = [sku('C-1', '不锈钢保温杯', '500ml'), sku('C-2', '玻璃保温杯', '350ml')];
    expect(match(skus, '保温杯 500ml')).toMatchObject({ decision: 'mapped', code: 'C-1' });
    expect(match(skus, '保温杯 玻璃 500ml').decision).not.toBe('mapped');
  });
  it('a one-character product word must be in the title, and not as the start of another word', () => {
    const skus = [sku('D-1', '橡木碗', '直径15cm'), sku('D-2', '沥水碗架', '双层')];
    expect(match(skus, '实木橡木碗 15cm')).toMatchObject({ decision: 'mapped', code: 'D-1' });
    expect(match(skus, '碗架 沥水 两层')).toMatchObject({ decision: 'mapped', code: 'D-2' });
    expect(match([skus[0]!], '厨房碗架 沥水').decision).not.toBe('mapped');
  });
  it('an accessory named after the product is not the product', () => {
    const towel = [sku('E-1', '纯棉毛巾', '3条装')];
    expect(match(towel, '纯棉毛巾 3条装')).toMatchObject({ decision: 'mapped', code: 'E-1' });
    expect(match(towel, '毛巾架 免打孔 浴室').decision).not.toBe('mapped');
    const r = match([...towel, sku('E-2', '太空铝毛巾架', '60cm')], '毛巾架 免打孔 浴室');
    expect(r).toMatchObject({ decision: 'mapped', code: 'E-2' });
    expect(r.suggestions.find((s) => s.code === 'E-1')?.why.some((w) => w.startsWith('名称 毛巾架'))).toBe(true);
  });
  it('a spare part is not the product it fits, but may be a SKU that is a part', () => {
    const skus = [sku('F-1', '平板拖把', '超细纤维'), sku('F-2', '拖把布', '替换装 2片')];
    expect(match([skus[0]!], '平板拖把 超细纤维 替换拖布').decision).not.toBe('mapped');
    expect(match(skus, '平板拖把 替换装 拖把布 2片')).toMatchObject({ decision: 'mapped', code: 'F-2' });
  });
  it('the SKU text names the variant when the title lists several', () => {
    const skus = [sku('G-1', '橡木餐盘', '24cm'), sku('G-2', '橡木餐盘', '20cm')];
    expect(match(skus, '橡木餐盘 20cm/24cm 可选', '尺寸:20cm')).toMatchObject({ decision: 'mapped', code: 'G-2' });
    expect(match(skus, '橡木餐盘 20cm/24cm 可选').decision).toBe('ask');
  });
  it('a count the SKU does not have is a conflict; a pack SKU is not the default for a title without count', () => {
    const skus = [sku('H-1', '乳胶枕', '单只'), sku('H-2', '乳胶枕', '2只装')];
    expect(match(skus, '乳胶枕 两只装')).toMatchObject({ decision: 'mapped', code: 'H-2' });
    expect(match(skus, '乳胶枕 护颈')).toMatchObject({ decision: 'mapped', code: 'H-1' });
    expect(match(skus, '乳胶枕 3只装').decision).not.toBe('mapped');
  });
  it('a set is not one of its pieces', () => {
    const skus = [sku('J-1', '玻璃保鲜盒', '1000ml 3件套')];
    expect(match(skus, '玻璃保鲜盒 1000ml 三个装')).toMatchObject({ decision: 'mapped', code: 'J-1' });
    expect(match(skus, '玻璃保鲜盒 1000ml 单个').decision).not.toBe('mapped');
  });
});
