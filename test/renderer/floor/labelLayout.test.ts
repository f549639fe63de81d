// The own label's layout, with a fixed-width measure (every character as wide as it is high,
// as CJK glyphs are): everything stays inside the label, long addresses wrap and end in "…",
// the waybill barcode is the widest that fits, and the small label scales down.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutLabel, wrapText, type LabelDoc, type Measure } from '../../../renderer/features/floor/label/layout';
import { code128Width } from '../../../shared/label/barcode';

const measure: Measure = (text, size) => [...text].length * size;
const bars = (t: string) => code128Width(t, 1);

const doc = (over: Partial<LabelDoc> = {}): LabelDoc => ({
  carrierName: 'ZTO', waybillNo: '731000000001', orderId: 'M20261204103631532', shopName: '自有渠道（手工单）',
  receiver: { name: '韩梅梅', phone: '13912345678', address: '浙江省杭州市西湖区 文三路100号华星大厦5楼' },
  sender: { name: '义乌仓', phone: '', address: '浙江省金华市义乌市 稠城街道' },
  items: [{ name: '橡木餐盘 直径24cm', qty: 2 }, { name: '橡木餐盘 直径20cm', qty: 1 }],
  printedAt: '2026-12-04 10:36', ...over,
});

describe('own label layout', () => {
  it('wraps at any character and ellipsizes the last allowed line', () => {
    expect(wrapText('一二三四五六七', 30, 10, false, measure, 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('一二三四五六七', 30, 10, false, measure, 2)).toEqual(['一二三', '四五…']);
    expect(wrapText('  ', 30, 10, false, measure, 2)).toEqual([]);
  });

  it('a 100×180 label at 203 dpi (8 dots/mm) is 800×1440 dots; at 300 dpi (12/mm) 1200×2160; 76×130 at 203 is 608×1040', () => {
    expect(layoutLabel(doc(), { size: '100x180', dpi: 203 }, measure, bars)).toMatchObject({ width: 800, height: 1440 });
    expect(layoutLabel(doc(), { size: '100x180', dpi: 300 }, measure, bars)).toMatchObject({ width: 1200, height: 2160 });
    expect(layoutLabel(doc(), { size: '76x130', dpi: 203 }, measure, bars)).toMatchObject({ width: 608, height: 1040 });
  });

  it('the waybill barcode comes first, as wide as fits, and the order number last', () => {
    const l = layoutLabel(doc(), { size: '100x180', dpi: 203 }, measure, bars);
    const codes = l.ops.filter((o) => o.kind === 'code128');
    expect(codes.map((c) => c.kind === 'code128' && c.text)).toEqual(['731000000001', 'M20261204103631532']);
    const wb = codes[0]!;
    if (wb.kind !== 'code128') throw new Error('not a barcode');
    expect(wb.module).toBeGreaterThanOrEqual(3);
    expect(wb.x + bars(wb.text) * wb.module).toBeLessThanOrEqual(l.width);
    const texts = l.ops.filter((o) => o.kind === 'text').map((o) => (o.kind === 'text' ? o.text : ''));
    expect(texts).toContain('收 韩梅梅  13912345678');
    expect(texts).toContain('7310 0000 0001');
    expect(texts.some((t) => t.includes('共 3 件'))).toBe(true);
  });

  it('whatever the text, every operation stays inside the label and text never overlaps the order barcode', () => {
    fc.assert(fc.property(
      fc.string({ maxLength: 120 }), fc.array(fc.record({ name: fc.string({ maxLength: 60 }), qty: fc.integer({ min: 1, max: 99 }) }), { minLength: 1, maxLength: 40 }),
      fc.constantFrom('100x180' as const, '76x130' as const), fc.constantFrom(203 as const, 300 as const),
      (address, items, size, dpi) => {
        const l = layoutLabel(doc({ receiver: { name: '王', phone: '1', address }, items }), { size, dpi }, measure, bars);
        const footer = l.ops.filter((o) => o.kind === 'code128')[1]!;
        for (const o of l.ops) {
          expect(o.x).toBeGreaterThanOrEqual(0);
          expect(o.y).toBeGreaterThanOrEqual(0);
          if (o.kind === 'text') {
            expect(o.y + o.size).toBeLessThanOrEqual(l.height);
            expect(o.x + o.width).toBeLessThanOrEqual(l.width);
            if (o.y < footer.y) expect(o.y + o.size).toBeLessThanOrEqual(footer.y);
          }
          if (o.kind === 'code128') expect(o.x + bars(o.text) * o.module).toBeLessThanOrEqual(l.width);
        }
      },
    ), { numRuns: 200, seed: 7 });
  });
});
