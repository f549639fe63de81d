// A platform export file → header + rows of text (renderer/store/sheetFile.ts reads the file:
// encodings, raw cells, long ids kept exact).
import type { ImportTable } from '../../../shared/import/rowsToOrders';
import { cellText, readSheet, SheetFileError, type SheetEncoding } from '../../store/sheetFile';

export type TableEncoding = SheetEncoding;
export interface ReadTable extends ImportTable { encoding: TableEncoding; sheet?: string }

export class TableReadError extends Error {}


export function readTable(fileName: string, bytes: Uint8Array): ReadTable {
  let sheet;
  try {
    sheet = readSheet(fileName, bytes);
  } catch (e) {
    if (e instanceof SheetFileError) throw new TableReadError(e.code === 'format' ? `${fileName}: Wharf reads .xlsx, .xls and .csv exports; save the file in one of those formats` : e.message);
    throw e;
  }
  const clean = sheet.rows.map((r) => r.map((c) => cellText(c)));
  const headerAt = clean.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new TableReadError('the file has no rows; export the orders again and pick that file');
  const headers = clean[headerAt]!.map((h) => h.trim());
  const width = headers.length;
  return { headers, rows: clean.slice(headerAt + 1).map((r) => Array.from({ length: Math.max(width, r.length) }, (_, i) => r[i] ?? '')), encoding: sheet.encoding, ...(sheet.sheet ? { sheet: sheet.sheet } : {}) };
}
