// The SKU file's pure parts: header guessing (Chinese, English, full-width, units), row rules
// (money in yuan, yes/no, kits and their cycles), and columns a file lacks keeping the master's.
import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../renderer/features/skus/excel/columns';
import { planSkuImport } from '../../renderer/features/skus/excel/rowsToSkus';
import type { SkuTable } from '../../renderer/features/skus/excel/readSkuTable';
import { expandKit, wouldCycle } from '../../renderer/features/skus/stock/stockMath';
import type { Sku } from '../../shared/domain/types';

const sku = (over: Partial<Sku> & { code: string; name: string }): Sku => ({
  spec: '', category: '', barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen: 0, components: [], aliases: [], ...over,
});
const table = (headers: string[], ...rows: string[][]): SkuTable => ({ headers, headerRow: 1, encoding: 'utf-8', rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('SKU file columns', () => {
  it('guesses Chinese and English headers and the stock columns', () => {
    const g = guessColumns(['SKU编码', 'Name', '规格', '类目', 'Barcode', '重量（克）', 'Cost (yuan)', '最低售价', '售价', '组合明细', 'Batch', '保质期(天)', '库存-yiwu', 'stock: 广州仓', '库存-杭州'], [{ code: 'yiwu', name: '义乌仓' }, { code: 'guangzhou', name: '广州仓' }]);
    expect(g.mapping).toEqual({ code: 0, name: 1, spec: 2, category: 3, barcodes: 4, weightG: 5, cost: 6, minPrice: 7, price: 8, components: 9, batchTracked: 10, shelfLifeDays: 11 });
    expect(g.stock).toEqual([
      { column: 12, header: '库存-yiwu', label: 'yiwu', warehouse: 'yiwu' },
      { column: 13, header: 'stock: 广州仓', label: '广州仓', warehouse: 'guangzhou' },
      { column: 14, header: '库存-杭州', label: '杭州' },
    ]);
  });

  it('leaves a weight in kilograms unmapped rather than read it as grams', () => {
    expect(guessColumns(['编码', '重量(kg)'], []).mapping).toEqual({ code: 0 });
  });
});

describe('SKU file rows', () => {
  it('keeps what the file does not say, and reads yuan, yes/no and components', () => {
    const existing = new Map([['A-1', sku({ code: 'A-1', name: '旧名', category: '餐具', priceFen: 500, aliases: ['别名'] })]]);
    const plan = planSkuImport(table(['编码', '售价', '批次管理', '组合明细'], ['A-1', '¥1,234.5', '是', ''], ['K-1', '9', '', 'A-1×2；A-1*1']), { code: 0, price: 1, batchTracked: 2, components: 3 }, [], existing, new Map());
    // no name column: the error names the column the file should have
    expect(plan.errors).toEqual([{ row: 3, column: '名称', code: 'name_missing', values: { code: 'K-1' } }]);
    expect(plan.changed).toEqual([{ ...existing.get('A-1')!, priceFen: 123450, batchTracked: true }]);
  });

  it('refuses kits that contain each other, in the file or through the master', () => {
    const existing = new Map([['K-A', sku({ code: 'K-A', name: '甲', components: [{ code: 'X', qty: 1 }] })], ['X', sku({ code: 'X', name: '单品' })]]);
    const plan = planSkuImport(table(['编码', '名称', '组合明细'], ['K-B', '乙', 'K-A*1'], ['K-A', '甲', 'K-B*1;X*1']), { code: 0, name: 1, components: 2 }, [], existing, new Map());
    expect(plan.errors.map((e) => [e.row, e.code])).toEqual([[2, 'component_cycle'], [3, 'component_cycle']]);
    expect(plan.created).toEqual([]);
    expect(plan.changed).toEqual([]);
  });

  it('expands kits of kits and stops at a cycle', () => {
    const skus = new Map([
      ['A', sku({ code: 'A', name: 'a', components: [{ code: 'B', qty: 2 }, { code: 'C', qty: 1 }] })],
      ['B', sku({ code: 'B', name: 'b', components: [{ code: 'C', qty: 3 }] })],
      ['C', sku({ code: 'C', name: 'c' })],
      ['L1', sku({ code: 'L1', name: 'l1', components: [{ code: 'L2', qty: 1 }] })],
      ['L2', sku({ code: 'L2', name: 'l2', components: [{ code: 'L1', qty: 1 }] })],
    ]);
    expect(expandKit(skus.get('A')!, skus)).toEqual([{ sku: 'C', qty: 7 }]);
    expect(expandKit(skus.get('L1')!, skus)).toEqual([{ sku: 'L1', qty: 1 }]);
    expect(wouldCycle('C', 'A', skus)).toBe(true);
    expect(wouldCycle('A', 'C', skus)).toBe(false);
  });
});
