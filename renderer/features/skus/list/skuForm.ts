// The SKU drawer's form values ↔ the stored SKU. Money is typed in yuan and stored as fen
// (never through floating point); the mutator's schema issues come back on the field they name.
import type { Sku } from '../../../../shared/domain/types';
import { formatFen, parseYuan } from '../../../../shared/money';

export interface SkuFormValues {
  code: string;
  name: string;
  spec: string;
  category: string;
  barcodes: string[];
  weightG: number | null;
  volumeCm3: number | null;
  batchTracked: boolean;
  shelfLifeDays: number | null;
  cost: string;
  minPrice: string;
  price: string;
  components: { code?: string; qty?: number | null }[];
}

export type FieldPath = keyof SkuFormValues | ['components', number, 'code' | 'qty'];

export function formValuesOf(s?: Sku): SkuFormValues {
  return {
    code: s?.code ?? '', name: s?.name ?? '', spec: s?.spec ?? '', category: s?.category ?? '', barcodes: [...(s?.barcodes ?? [])],
    weightG: s?.weightG ?? 0, volumeCm3: s?.volumeCm3 ?? 0, batchTracked: s?.batchTracked ?? false, shelfLifeDays: s?.shelfLifeDays ?? 0,
    cost: s ? formatFen(s.costFen ?? 0) : '', minPrice: s ? formatFen(s.minPriceFen ?? 0) : '', price: s ? formatFen(s.priceFen ?? 0) : '',
    components: (s?.components ?? []).map((c) => ({ code: c.code, qty: c.qty })),
  };
}

export interface FormProblem { field: FieldPath; code: 'yuan' | 'pickSku' | 'cycle' | 'duplicateComponent'; values?: Record<string, string> }

/**
 * The SKU to save, or the problems the form itself can see (a yuan amount it cannot read, a
 * kit row without a SKU). Everything else is the mutator's to judge.
 */
export function skuFromValues(v: SkuFormValues, aliases: string[], cycles: (code: string) => boolean): { sku: Sku; problems: [] } | { sku?: undefined; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const money = (field: 'cost' | 'minPrice' | 'price'): number => {
    const text = (v[field] ?? '').trim().replace(/^[¥￥]/, '');
    if (!text) return 0;
    try { return parseYuan(text); } catch { problems.push({ field, code: 'yuan', values: { value: text } }); return 0; }
  };
  const costFen = money('cost');
  const minPriceFen = money('minPrice');
  const priceFen = money('price');
  const components: Sku['components'] = [];
  (v.components ?? []).forEach((c, i) => {
    const code = (c.code ?? '').trim();
    if (!code) { problems.push({ field: ['components', i, 'code'], code: 'pickSku' }); return; }
    if (components.some((x) => x.code === code)) { problems.push({ field: ['components', i, 'code'], code: 'duplicateComponent', values: { code } }); return; }
    if (cycles(code)) { problems.push({ field: ['components', i, 'code'], code: 'cycle', values: { code } }); return; }
    components.push({ code, qty: c.qty ?? 1 });
  });
  if (problems.length) return { problems };
  const barcodes: string[] = [];
  for (const b of v.barcodes ?? []) { const s = b.trim(); if (s && !barcodes.includes(s)) barcodes.push(s); }
  return {
    problems: [],
    sku: {
      code: (v.code ?? '').trim(), name: (v.name ?? '').trim(), spec: (v.spec ?? '').trim(), category: (v.category ?? '').trim(), barcodes,
      weightG: v.weightG ?? 0, volumeCm3: v.volumeCm3 ?? 0, batchTracked: !!v.batchTracked, shelfLifeDays: v.shelfLifeDays ?? 0,
      costFen, minPriceFen, priceFen, components, aliases,
    },
  };
}

const FEN_FIELDS: Record<string, keyof SkuFormValues> = { costFen: 'cost', minPriceFen: 'minPrice', priceFen: 'price' };

/** A schema issue path ("priceFen", "components.1.qty", "barcodes.0") → the form field it concerns. */
export function fieldOfIssue(path: string): FieldPath | undefined {
  const [head, index, leaf] = path.split('.');
  if (!head) return undefined;
  if (head === 'components' && index !== undefined && (leaf === 'code' || leaf === 'qty')) return ['components', Number(index), leaf];
  if (head === 'components') return 'components';
  if (FEN_FIELDS[head]) return FEN_FIELDS[head];
  const fields: (keyof SkuFormValues)[] = ['code', 'name', 'spec', 'category', 'barcodes', 'weightG', 'volumeCm3', 'batchTracked', 'shelfLifeDays'];
  return fields.find((f) => f === head);
}
