// An SKU file's rows → SKUs and on-hand stock, with every problem as a row error (row,
// column, a code the screen words as "what is wrong" and "how to fix it"). Columns the file
// does not have keep the SKU's current values, so a file of code + stock updates stock only.
import { parseYuan } from '../../../../shared/money';
import { Sku, type OnHand } from '../../../../shared/domain/types';
import type { StockRow } from '../../../store/db';
import { EXPORT_HEADERS, type SkuColumnMapping, type SkuField } from './columns';
import type { SkuTable } from './readSkuTable';
import { wouldCycle } from '../stock/stockMath';

export type RowErrorCode =
  | 'code_missing' | 'code_duplicate' | 'name_missing' | 'rounded' | 'not_integer' | 'not_yuan' | 'not_yes_no'
  | 'component_format' | 'component_self' | 'component_cycle' | 'component_unknown' | 'component_bad_row' | 'kit_stock' | 'stock_not_integer' | 'invalid';

export interface SkuRowError {
  row: number;
  column: string;
  code: RowErrorCode;
  values: Record<string, string | number>;
}

export interface StockColumnUse { column: number; header: string; warehouse: string }

export interface SkuImportPlan {
  /** SKUs new to the master (valid rows only) */
  created: Sku[];
  /** SKUs whose row differs from the master */
  changed: Sku[];
  unchanged: number;
  /** on-hand cells that differ from what is stored */
  stock: OnHand[];
  errors: SkuRowError[];
  /** rows with at least one error */
  invalidRows: number;
  totalRows: number;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '启用']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '', '不', '停用']);
/** "6.90123E+12": Excel already rounded the number; the digits are gone. */
const ROUNDED = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;
const SPLIT_LIST = /[,;，；/、\s]+/;
const SPLIT_COMPONENTS = /[;；,，\n]+/;
const COMPONENT = /^(.+?)\s*(?:[*×xX]\s*(\d+))?$/;

class CellError extends Error {
  constructor(readonly code: RowErrorCode, readonly values: Record<string, string | number> = {}) { super(code); }
}

function intCell(text: string): number {
  const s = text.trim().replace(/,/g, '');
  if (ROUNDED.test(s)) throw new CellError('rounded', { value: s });
  // Excel writes 120 as "120" and sometimes "120.0": both are whole
  if (!/^\d+(?:\.0+)?$/.test(s)) throw new CellError('not_integer', { value: text.trim() });
  return Number.parseInt(s, 10);
}

function yuanCell(text: string): number {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  if (!s) return 0;
  try {
    const fen = parseYuan(s);
    if (fen < 0) throw new Error('negative');
    return fen;
  } catch {
    throw new CellError('not_yuan', { value: text.trim() });
  }
}

function yesNo(text: string): boolean {
  const s = text.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  throw new CellError('not_yes_no', { value: text.trim() });
}

function textList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SPLIT_LIST)) {
    const s = raw.trim();
    if (!s) continue;
    if (ROUNDED.test(s)) throw new CellError('rounded', { value: s });
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function componentList(text: string): { code: string; qty: number }[] {
  const out: { code: string; qty: number }[] = [];
  for (const raw of text.split(SPLIT_COMPONENTS)) {
    const s = raw.trim();
    if (!s) continue;
    const m = COMPONENT.exec(s);
    const qty = m?.[2] === undefined ? 1 : Number(m[2]);
    if (!m || !m[1]!.trim() || qty < 1) throw new CellError('component_format', { value: s });
    const code = m[1]!.trim();
    const same = out.find((c) => c.code === code);
    if (same) same.qty += qty; else out.push({ code, qty });
  }
  return out;
}

const comparable = (s: Sku) => JSON.stringify({ ...s, aliases: [] });

interface ParsedRow { row: number; sku?: Sku; stock: OnHand[]; errors: SkuRowError[] }

export function planSkuImport(
  table: SkuTable,
  mapping: SkuColumnMapping,
  stockColumns: readonly StockColumnUse[],
  existing: ReadonlyMap<string, Sku>,
  onHand: ReadonlyMap<string, Pick<StockRow, 'onHand'>>,
): SkuImportPlan {
  const header = (f: SkuField) => table.headers[mapping[f]!] || EXPORT_HEADERS[f];
  const seen = new Map<string, number>();
  const parsed: ParsedRow[] = table.rows.map(({ row, cells }) => {
    const errors: SkuRowError[] = [];
    const cell = (f: SkuField) => (mapping[f] === undefined ? undefined : cells[mapping[f]!] ?? '');
    const fail = (column: string, e: unknown) => {
      errors.push(e instanceof CellError ? { row, column, code: e.code, values: e.values } : { row, column, code: 'invalid', values: { why: String((e as Error)?.message ?? e) } });
    };
    const code = (cell('code') ?? '').trim();
    if (!code) return { row, stock: [], errors: [{ row, column: header('code'), code: 'code_missing', values: {} }] };
    if (ROUNDED.test(code)) return { row, stock: [], errors: [{ row, column: header('code'), code: 'rounded', values: { value: code } }] };
    const first = seen.get(code);
    if (first !== undefined) return { row, stock: [], errors: [{ row, column: header('code'), code: 'code_duplicate', values: { code, first } }] };
    seen.set(code, row);

    const old = existing.get(code);
    const base: Record<string, unknown> = old ? { ...old } : { code, spec: '', category: '', barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen: 0, components: [], aliases: [] };
    const read = <T>(f: SkuField, parse: (s: string) => T, put: (v: T) => void) => {
      const v = cell(f);
      if (v === undefined) return;
      try { put(parse(v)); } catch (e) { fail(header(f), e); }
    };
    read('name', (s) => s.trim(), (v) => { base.name = v; });
    if (!String(base.name ?? '').trim()) errors.push({ row, column: header('name'), code: 'name_missing', values: { code } });
    read('spec', (s) => s.trim(), (v) => { base.spec = v; });
    read('category', (s) => s.trim(), (v) => { base.category = v; });
    read('barcodes', textList, (v) => { base.barcodes = v; });
    read('weightG', (s) => (s.trim() ? intCell(s) : 0), (v) => { base.weightG = v; });
    read('volumeCm3', (s) => (s.trim() ? intCell(s) : 0), (v) => { base.volumeCm3 = v; });
    read('cost', yuanCell, (v) => { base.costFen = v; });
    read('minPrice', yuanCell, (v) => { base.minPriceFen = v; });
    read('price', yuanCell, (v) => { base.priceFen = v; });
    read('components', componentList, (v) => { base.components = v; });
    read('batchTracked', yesNo, (v) => { base.batchTracked = v; });
    read('shelfLifeDays', (s) => (s.trim() ? intCell(s) : 0), (v) => { base.shelfLifeDays = v; });
    base.code = code;
    const components = (base.components as { code: string }[] | undefined) ?? [];
    if (components.some((c) => c.code === code)) errors.push({ row, column: header('components'), code: 'component_self', values: { code } });

    const stock: OnHand[] = [];
    for (const s of stockColumns) {
      const v = (cells[s.column] ?? '').trim();
      if (!v) continue;
      if (components.length) {
        // kits ship as their components; "0" is what an empty kit cell often becomes
        if (v !== '0') errors.push({ row, column: s.header, code: 'kit_stock', values: { code, value: v } });
        continue;
      }
      try { stock.push({ sku: code, warehouse: s.warehouse, qty: intCell(v) }); } catch (e) {
        fail(s.header, e instanceof CellError && e.code === 'not_integer' ? new CellError('stock_not_integer', e.values) : e);
      }
    }
    if (errors.length) return { row, stock: [], errors };
    const r = Sku.safeParse(base);
    if (!r.success) return { row, stock: [], errors: r.error.issues.map((i) => ({ row, column: String(i.path[0] ?? ''), code: 'invalid' as const, values: { why: `${i.path.join('.')}: ${i.message}` } })) };
    return { row, sku: r.data, stock, errors };
  });

  // a kit needs its components: in the master already, or in a row that imports
  const fileCodes = new Map(parsed.filter((p) => p.sku).map((p) => [p.sku!.code, p]));
  // kits must not contain each other (A holds B, B holds A), counting the master and the file
  const merged = new Map(existing);
  for (const p of fileCodes.values()) merged.set(p.sku!.code, p.sku!);
  for (const p of fileCodes.values()) {
    const loop = p.sku!.components.find((c) => wouldCycle(p.sku!.code, c.code, merged));
    if (loop) p.errors.push({ row: p.row, column: header('components'), code: 'component_cycle', values: { code: loop.code } });
  }
  for (const p of parsed) if (p.sku && p.errors.length) fileCodes.delete(p.sku.code);
  const badCodes = new Set(table.rows.map((r, i) => (parsed[i]!.sku ? '' : (r.cells[mapping.code ?? -1] ?? '').trim())).filter(Boolean));
  for (let changed = true; changed;) {
    changed = false;
    for (const p of parsed) {
      if (!p.sku) continue;
      // a row already refused (a cycle) is not blamed again for its partner
      if (!p.errors.length) for (const c of p.sku.components) {
        if (fileCodes.has(c.code) || (existing.has(c.code) && !badCodes.has(c.code))) continue;
        const code = badCodes.has(c.code) ? 'component_bad_row' : 'component_unknown';
        p.errors.push({ row: p.row, column: header('components'), code, values: { code: c.code } });
      }
      if (p.errors.length) {
        fileCodes.delete(p.sku.code);
        badCodes.add(p.sku.code);
        p.sku = undefined;
        p.stock = [];
        changed = true;
      }
    }
  }

  const created: Sku[] = [];
  const changedSkus: Sku[] = [];
  let unchanged = 0;
  const stock: OnHand[] = [];
  for (const p of parsed) {
    if (!p.sku) continue;
    const old = existing.get(p.sku.code);
    if (!old) created.push(p.sku);
    else if (comparable({ ...Sku.parse(old) }) !== comparable(p.sku)) changedSkus.push(p.sku);
    else unchanged += 1;
    // no stock row is on-hand 0: a 0 in the file changes nothing there
    for (const s of p.stock) if ((onHand.get(`${s.sku}|${s.warehouse}`)?.onHand ?? 0) !== s.qty) stock.push(s);
  }
  const errors = parsed.flatMap((p) => p.errors);
  return { created, changed: changedSkus, unchanged, stock, errors, invalidRows: parsed.filter((p) => p.errors.length).length, totalRows: parsed.length };
}
