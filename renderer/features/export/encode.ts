// Rows of text → file bytes. CSV: UTF-8 with a BOM (without it, Excel on a Chinese Windows reads
// GBK), RFC 4180 quoting, CRLF. XLSX: every cell a text cell (type "s", format "@"), so a
// 19-digit order id or a leading-zero code never turns into a number.
import * as XLSX from '@e965/xlsx';

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

// A spreadsheet runs a CSV cell that starts with = + - @ as a formula: a buyer's message or a
// title could. For files meant for people such cells get a leading apostrophe (plain numbers
// like -1.00 are left alone); the standard preset stays byte-exact for scripts.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
export const guardFormula = (cell: string) => (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell);

export function toCsv(rows: readonly (readonly string[])[], opts: { guardFormulas?: boolean } = {}): Uint8Array {
  const fix = opts.guardFormulas ? guardFormula : (c: string) => c;
  const text = rows.map((r) => r.map((c) => quote(fix(c))).join(',')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function toXlsx(rows: readonly (readonly string[])[], sheet: string): Uint8Array {
  const ws: XLSX.WorkSheet = {};
  let width = 0;
  rows.forEach((r, ri) => {
    width = Math.max(width, r.length);
    r.forEach((v, ci) => { ws[XLSX.utils.encode_cell({ r: ri, c: ci })] = { t: 's', v, z: '@' }; });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: Math.max(0, width - 1) } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
