// A platform export file → header + rows of text. CSV comes in UTF-8 (with or without BOM) or
// GBK/GB18030 (what Excel on a Chinese Windows saves); xlsx/xls through SheetJS with raw cell
// values, because formatted values turn a 19-digit order id into 4.01235E+18.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import Papa from 'papaparse';
import type { ImportTable } from '../../../shared/import/rowsToOrders';

export type TableEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'xlsx';
export interface ReadTable extends ImportTable { encoding: TableEncoding; sheet?: string }

export class TableReadError extends Error {}

// legacy .xls files store text in the PC's codepage (936 = GBK on a Chinese Windows)
XLSX.set_cptable(cptable);

/** Text from CSV bytes: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A raw cell as text. A number past 2^53 is shown in exponent form so the id check refuses it. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function fromRows(rows: unknown[][], encoding: TableEncoding, sheet?: string): ReadTable {
  const clean = rows.map((r) => r.map(cellText));
  const headerAt = clean.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new TableReadError('the file has no rows; export the orders again and pick that file');
  const headers = clean[headerAt]!.map((h) => h.trim());
  const width = headers.length;
  return { headers, rows: clean.slice(headerAt + 1).map((r) => Array.from({ length: Math.max(width, r.length) }, (_, i) => r[i] ?? '')), encoding, sheet };
}

export function readTable(fileName: string, bytes: Uint8Array): ReadTable {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm') {
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { type: 'array', raw: true, cellDates: false, cellText: false, codepage: 936 });
    } catch (e) {
      throw new TableReadError(`${fileName} is not a readable Excel file (${(e as Error).message}); save it again as .xlsx or .csv`);
    }
    const name = wb.SheetNames[0];
    if (!name) throw new TableReadError(`${fileName} has no sheets`);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, raw: true, defval: '', blankrows: false });
    return fromRows(rows, 'xlsx', name);
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const { text, encoding } = decodeText(bytes);
    // never dynamicTyping: ids past 2^53 must stay text
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', dynamicTyping: false, delimiter: ext === 'tsv' ? '\t' : '' });
    const bad = parsed.errors.find((e) => e.type === 'Quotes');
    if (bad) throw new TableReadError(`${fileName} row ${(bad.row ?? 0) + 1}: ${bad.message}; a quote is not closed — open the file in a text editor and fix that line`);
    return fromRows(parsed.data, encoding);
  }
  throw new TableReadError(`${fileName}: Wharf reads .xlsx, .xls and .csv exports; save the file in one of those formats`);
}
