// The SKU master's file columns, shared by export and import so an exported file re-imports
// as it is. Export headers are fixed Chinese (the file is the company's, whatever language
// this PC shows); the import also knows the usual English and platform-tool names.
import type { Warehouse } from '../../../../shared/domain/types';

export const SKU_FIELDS = [
  'code', 'name', 'spec', 'category', 'barcodes', 'weightG', 'volumeCm3', 'cost', 'minPrice', 'price', 'components', 'batchTracked', 'shelfLifeDays',
] as const;
export type SkuField = (typeof SKU_FIELDS)[number];
export type SkuColumnMapping = Partial<Record<SkuField, number>>;

/** What an export writes, and the first name the import looks for. */
export const EXPORT_HEADERS: Record<SkuField, string> = {
  code: '编码', name: '名称', spec: '规格', category: '分类', barcodes: '条码', weightG: '重量(克)', volumeCm3: '体积(立方厘米)',
  cost: '成本(元)', minPrice: '底价(元)', price: '售价(元)', components: '组合明细', batchTracked: '批次管理', shelfLifeDays: '保质期(天)',
};

const NAMES: Record<SkuField, string[]> = {
  code: ['编码', '商品编码', 'sku编码', '商家编码', '货号', '规格编码', 'code', 'sku', 'skucode'],
  name: ['名称', '商品名称', '品名', 'name', 'productname'],
  spec: ['规格', '规格名称', '销售属性', 'spec', 'specification'],
  category: ['分类', '类目', '商品分类', 'category'],
  barcodes: ['条码', '条形码', '商品条码', '国际条码', 'barcode', 'barcodes', 'ean'],
  weightG: ['重量', '重量克', '毛重', 'weight', 'weightg'],
  volumeCm3: ['体积', '体积立方厘米', 'volume', 'volumecm3'],
  cost: ['成本', '成本价', '进价', 'cost'],
  minPrice: ['底价', '最低售价', '最低价', 'minprice', 'floorprice'],
  price: ['售价', '销售价', '零售价', '吊牌价', 'price', 'listprice'],
  components: ['组合明细', '组合', '套装明细', '组合装明细', 'components', 'kit'],
  batchTracked: ['批次管理', '批次', 'batch', 'batchtracked'],
  shelfLifeDays: ['保质期', '保质期天', 'shelflife', 'shelflifedays'],
};

/** "成本（元）", "Cost (yuan)", " SKU 编码 " → "成本", "cost", "sku编码". */
export function headerKey(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, '').replace(/[\s_\-:：*]/g, '');
}

/** A weight column in kilograms is not grams: it is left for the person to map (or not). */
const NOT_GRAMS = /kg|千克|公斤/i;

const STOCK_HEADER = /^(?:库存|在库|stock|onhand)\s*[-－—_:：]\s*(.+)$/i;

export interface StockColumn {
  column: number;
  header: string;
  /** what follows "库存-": a warehouse code or name */
  label: string;
  /** the warehouse it names, if any */
  warehouse?: string;
}

export function stockColumnHeader(w: Pick<Warehouse, 'code'>): string {
  return `库存-${w.code}`;
}

export function guessColumns(headers: readonly string[], warehouses: readonly Pick<Warehouse, 'code' | 'name'>[]): { mapping: SkuColumnMapping; stock: StockColumn[] } {
  const mapping: SkuColumnMapping = {};
  const stock: StockColumn[] = [];
  headers.forEach((h, i) => {
    const s = STOCK_HEADER.exec(h.normalize('NFKC').trim());
    if (s) {
      const label = s[1]!.trim();
      const w = warehouses.find((x) => x.code === label) ?? warehouses.find((x) => x.code.toLowerCase() === label.toLowerCase() || x.name === label);
      stock.push({ column: i, header: h, label, ...(w ? { warehouse: w.code } : {}) });
      return;
    }
    const key = headerKey(h);
    if (!key) return;
    for (const f of SKU_FIELDS) {
      if (mapping[f] !== undefined) continue;
      if (f === 'weightG' && NOT_GRAMS.test(h)) continue;
      if (NAMES[f].includes(key)) { mapping[f] = i; return; }
    }
  });
  return { mapping, stock };
}
