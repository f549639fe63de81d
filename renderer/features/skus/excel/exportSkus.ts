// The SKU master and its on-hand stock as a table with the import's own headers, written as
// xlsx (codes and barcodes as text cells, so Excel neither rounds nor reformats them) or as
// CSV in UTF-8 with a BOM (without it, Excel on a Chinese Windows reads the file as GBK).
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { Sku, Warehouse } from '../../../../shared/domain/types';
import { formatFen } from '../../../../shared/money';
import type { StockRow } from '../../../store/db';
import { EXPORT_HEADERS, SKU_FIELDS, stockColumnHeader } from './columns';

export type Cell = string | number;

const yuan = (fen: number) => Number(formatFen(fen));

export function skuExportRows(skus: readonly Sku[], stock: readonly StockRow[], warehouses: readonly Warehouse[]): Cell[][] {
  const onHand = new Map(stock.map((r) => [r.key, r.onHand]));
  const whs = [...warehouses].sort((a, b) => a.code.localeCompare(b.code));
  const head: Cell[] = [...SKU_FIELDS.map((f) => EXPORT_HEADERS[f]), ...whs.map(stockColumnHeader)];
  const body = [...skus].sort((a, b) => a.code.localeCompare(b.code)).map((s): Cell[] => {
    const kit = (s.components ?? []).length > 0;
    return [
      s.code, s.name, s.spec ?? '', s.category ?? '', (s.barcodes ?? []).join(';'),
      s.weightG ?? 0, s.volumeCm3 ?? 0, yuan(s.costFen ?? 0), yuan(s.minPriceFen ?? 0), yuan(s.priceFen ?? 0),
      (s.components ?? []).map((c) => `${c.code}*${c.qty}`).join(';'),
      s.batchTracked ? '是' : '否', s.shelfLifeDays ?? 0,
      // a kit holds no stock of its own: its cells stay empty
      ...whs.map((w) => (kit ? '' : onHand.get(`${s.code}|${w.code}`) ?? 0)),
    ];
  });
  return [head, ...body];
}

export function rowsToXlsx(rows: Cell[][], sheet = 'SKU'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  // 编码 and 条码 columns are text already (strings); mark them "@" so a person's edit in Excel stays text too
  for (let r = 1; r < rows.length; r += 1) {
    for (const c of [0, 4]) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) cell.z = '@';
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function rowsToCsv(rows: Cell[][]): Uint8Array {
  const text = Papa.unparse(rows.map((r) => r.map(String)), { newline: '\r\n' });
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Hands bytes to the browser as a download (the desktop shell shows its save dialog). */
export function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
