// An SKU master file → header + rows of text, with each row's number as Excel shows it (so a
// row error says where to look). renderer/store/sheetFile.ts reads the file (encodings, raw
// cells: a long barcode never becomes 6.90123E+12).
import { cellText as sheetCell, readSheet, SheetFileError, type SheetEncoding } from '../../../store/sheetFile';

export interface SkuTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
  /** the header's row number (1-based, as Excel shows it) */
  headerRow: number;
  encoding: SheetEncoding;
}

export class SkuTableError extends Error {
  constructor(readonly code: 'empty' | 'unreadable' | 'format' | 'quotes', readonly values: Record<string, string | number> = {}) {
    super(code);
  }
}

/** A raw cell as text; 是/否 for a true/false cell (the batch column). */
export const cellText = (v: unknown) => sheetCell(v, 'zh');

export function readSkuTable(fileName: string, bytes: Uint8Array): SkuTable {
  let sheet;
  try {
    sheet = readSheet(fileName, bytes, { keepBlankRows: true });
  } catch (e) {
    if (e instanceof SheetFileError) throw new SkuTableError(e.code, e.values);
    throw e;
  }
  const clean = sheet.rows.map((r) => (r ?? []).map(cellText));
  const blank = (r: string[]) => r.every((c) => c.trim() === '');
  const headerAt = clean.findIndex((r) => !blank(r));
  if (headerAt < 0) throw new SkuTableError('empty');
  const headers = clean[headerAt]!.map((h) => h.trim());
  const out: SkuTable['rows'] = [];
  clean.forEach((cells, i) => {
    if (i <= headerAt || blank(cells)) return;
    out.push({ row: sheet.firstRow + i, cells: Array.from({ length: Math.max(headers.length, cells.length) }, (_, j) => cells[j] ?? '') });
  });
  return { headers, rows: out, headerRow: sheet.firstRow + headerAt, encoding: sheet.encoding };
}
