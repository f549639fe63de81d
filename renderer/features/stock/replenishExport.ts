// The replenishment list as an Excel sheet: SKU and warehouse codes as text cells (a code like
// 0012 or 6900000000011 stays as typed), figures as numbers a buyer can sum, the reasons in words.
import * as XLSX from '@e965/xlsx';
import type { TFunction } from 'i18next';
import type { ReplenishRow } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';
import { reasonText } from './reasonText';

export type Cell = string | number;

/** Columns that hold codes: written as text. */
const TEXT_COLUMNS = [0, 2];

export function replenishSheet(rows: readonly ReplenishRow[], t: TFunction, names: ReadonlyMap<string, string>, warehouses: ReadonlyMap<string, string>): Cell[][] {
  const head: Cell[] = ['sku', 'name', 'warehouseCode', 'warehouse', 'rate', 'sellable', 'inTransit', 'cover', 'alertDays', 'alert', 'suggest', 'reasons'].map((c) => t(`stock.replenish.xlsx.${c}`));
  const body = rows.map((r): Cell[] => [
    r.sku, names.get(r.sku) ?? '', r.warehouse, warehouses.get(r.warehouse) ?? r.warehouse,
    Math.round(r.rate.rate * 10) / 10, r.sellable, r.inTransit,
    Number.isFinite(r.cover.days) ? Math.round(r.cover.days * 10) / 10 : '',
    r.alertDays, r.cover.alert ? t('stock.replenish.xlsx.yes') : '', r.cover.suggest,
    r.reasons.map((x) => reasonText(t, 'stock.replenish.reason', x)).join('；'),
  ]);
  return [head, ...body];
}

export function replenishXlsx(rows: readonly Cell[][], sheet: string): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows as Cell[][]);
  for (let r = 1; r < rows.length; r += 1) {
    for (const c of TEXT_COLUMNS) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) { cell.t = 's'; cell.v = String(cell.v); cell.z = '@'; }
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function replenishFileName(now: number): string {
  const s = formatShanghai(now);
  return `wharf-replenish-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 16).replace(':', '')}.xlsx`;
}
