// A spreadsheet file (xlsx, xls, csv, tsv) → its first sheet's rows as raw cells. CSV comes in
// UTF-8 (with or without BOM), UTF-16LE or GBK/GB18030 (what Excel on a Chinese Windows saves);
// xlsx/xls through SheetJS with raw cell values, because formatted values turn a 19-digit order
// id or a long barcode into 4.01235E+18. Shared by the order import and the SKU master import.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import Papa from 'papaparse';

export type SheetEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'xlsx';

export interface SheetRows {
  /** every row of the first sheet, raw cells (CSV: text) */
  rows: unknown[][];
  /** the number Excel shows beside rows[0] (1-based) */
  firstRow: number;
  encoding: SheetEncoding;
  sheet?: string;
}

export class SheetFileError extends Error {
  constructor(readonly code: 'empty' | 'unreadable' | 'format' | 'quotes', readonly values: Record<string, string | number>, message: string) {
    super(message);
  }
}

// legacy .xls files store text in the PC's codepage (936 = GBK on a Chinese Windows)
XLSX.set_cptable(cptable);

/** Text from CSV bytes: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A raw cell as text. A whole number past 2^53 is shown in exponent form, so an id check refuses it. */
export function cellText(v: unknown, booleans: 'text' | 'zh' = 'text'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
  if (typeof v === 'boolean' && booleans === 'zh') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** `keepBlankRows`: blank rows stay in place, so every row keeps the number Excel shows. */
export function readSheet(fileName: string, bytes: Uint8Array, opts: { keepBlankRows?: boolean } = {}): SheetRows {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm') {
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { type: 'array', raw: true, cellDates: false, cellText: false, codepage: 936 });
    } catch (e) {
      throw new SheetFileError('unreadable', { file: fileName, why: (e as Error).message }, `${fileName} is not a readable Excel file (${(e as Error).message}); save it again as .xlsx or .csv`);
    }
    const name = wb.SheetNames[0];
    const sheet = name ? wb.Sheets[name] : undefined;
    if (!sheet) throw new SheetFileError('empty', { file: fileName }, `${fileName} has no sheets`);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: !!opts.keepBlankRows });
    const start = opts.keepBlankRows && sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s.r : 0;
    return { rows, firstRow: start + 1, encoding: 'xlsx', sheet: name };
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const { text, encoding } = decodeText(bytes);
    // never dynamicTyping: ids and barcodes past 2^53 must stay text
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: opts.keepBlankRows ? false : 'greedy', dynamicTyping: false, delimiter: ext === 'tsv' ? '\t' : '' });
    const bad = parsed.errors.find((e) => e.type === 'Quotes');
    if (bad) throw new SheetFileError('quotes', { file: fileName, row: (bad.row ?? 0) + 1 }, `${fileName} row ${(bad.row ?? 0) + 1}: ${bad.message}; a quote is not closed — open the file in a text editor and fix that line`);
    return { rows: parsed.data, firstRow: 1, encoding };
  }
  throw new SheetFileError('format', { file: fileName }, `${fileName}: Wharf reads .xlsx, .xls and .csv files; save the file in one of those formats`);
}
