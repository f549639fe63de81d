// An export's rows → orders, with every problem as a row error (row, column, what, how to fix).
// Rows of one order (one row per line, as most exports have) are grouped by order number; order
// fields come from its first row. Receiver text is masked here: plaintext from a file is never
// stored. The event id is derived from the file's content, so importing the same file twice
// changes nothing; a later API pull of the same order enriches it instead of adding a second.
import { allocate } from '../money';
import { maskAddress, maskName, maskPhone, phoneTailOf } from '../mask';
import { sha256Hex } from '../hash';
import { NormalizedOrder, type Platform } from '../domain/types';
import { CellError, cleanText, idCell, qtyCell, statusCell, timeCell, yuanCell } from './cells';
import { REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './fields';

export interface ImportTable { headers: string[]; rows: string[][] }

export interface RowError {
  /** 1-based row number as the spreadsheet shows it (the header is row 1) */
  row: number;
  /** the column's header text, or the field when no column is mapped */
  column: string;
  message: string;
  fix: string;
}

export interface ImportedOrder { order: NormalizedOrder; payloadHash: string; rows: number[] }

export interface ImportResult {
  orders: ImportedOrder[];
  errors: RowError[];
  /** orders that had at least one error (skipped by "import the valid rows") */
  invalidOrders: number;
  /** missing required mappings: nothing can be read until these are mapped */
  unmapped: ImportField[];
}

export function rowsToOrders(table: ImportTable, mapping: ColumnMapping, ctx: { platform: Platform; shopId: string }): ImportResult {
  const unmapped = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (unmapped.length) return { orders: [], errors: [], invalidOrders: 0, unmapped };
  const errors: RowError[] = [];
  const columnName = (f: ImportField) => table.headers[mapping[f]!] ?? f;
  const cell = (row: string[], f: ImportField): string => (mapping[f] === undefined ? '' : String(row[mapping[f]!] ?? ''));

  // group rows by order number (row numbers are spreadsheet rows: header = 1)
  const groups = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    if (row.every((c) => cleanText(String(c ?? '')) === '')) return; // blank line at the end of a sheet
    try {
      const id = idCell(cell(row, 'orderId'));
      groups.set(id, [...(groups.get(id) ?? []), i]);
    } catch (e) {
      errors.push({ row: i + 2, column: columnName('orderId'), message: (e as Error).message, fix: (e as CellError).fix ?? '' });
    }
  });

  const orders: ImportedOrder[] = [];
  let invalidOrders = 0;
  for (const [orderId, idx] of groups) {
    const before = errors.length;
    const read = <T>(i: number, f: ImportField, fn: (v: string) => T, optional = false): T | undefined => {
      const raw = cell(table.rows[i]!, f);
      if (optional && cleanText(raw) === '') return undefined;
      try { return fn(raw); } catch (e) {
        errors.push({ row: i + 2, column: columnName(f), message: e instanceof CellError ? e.message : String(e), fix: e instanceof CellError ? e.fix : '' });
        return undefined;
      }
    };
    const first = idx[0]!;
    const status = read(first, 'status', statusCell);
    const createdAt = read(first, 'createdAt', timeCell);
    const paidAt = read(first, 'paidAt', timeCell, true);
    const paymentFen = read(first, 'paymentFen', yuanCell);
    const postFeeFen = read(first, 'postFeeFen', yuanCell, true) ?? 0;
    const discountFen = read(first, 'discountFen', yuanCell, true) ?? 0;
    const lineRows = idx.map((i, n) => {
      const title = read(i, 'title', (v) => { const s = cleanText(v); if (!s) throw new CellError('is empty', 'every line needs the item title'); return s; });
      const qty = read(i, 'qty', qtyCell, true) ?? 1;
      const price = read(i, 'priceFen', yuanCell, true);
      const lineId = read(i, 'lineId', idCell, true) ?? (idx.length === 1 ? orderId : `${orderId}-${n + 1}`);
      return { title, qty, price, lineId, skuText: cleanText(cell(table.rows[i]!, 'skuText')), outerSkuId: cleanText(cell(table.rows[i]!, 'outerSkuId')) || undefined, trackingNo: cleanText(cell(table.rows[i]!, 'trackingNo')) || undefined, carrier: cleanText(cell(table.rows[i]!, 'carrier')) || undefined };
    });
    if (errors.length > before || !status || createdAt === undefined || paymentFen === undefined) { invalidOrders++; continue; }

    // without unit prices the goods payment is split evenly by quantity
    const weights = lineRows.map((l) => (l.price ?? 1) * l.qty);
    const goodsPaid = Math.max(0, paymentFen - postFeeFen);
    const shares = allocate(goodsPaid, weights);
    const lines = lineRows.map((l, n) => ({
      lineId: l.lineId, title: l.title!, skuText: l.skuText, qty: l.qty, outerSkuId: l.outerSkuId,
      priceFen: l.price ?? Math.round(shares[n]! / Math.max(1, l.qty)), paymentFen: shares[n]!, trackingNo: l.trackingNo, carrier: l.carrier,
    }));
    const row = table.rows[first]!;
    const phoneMasked = maskPhone(cleanText(cell(row, 'receiverPhone'))) === '****' ? '' : maskPhone(cleanText(cell(row, 'receiverPhone')));
    const candidate = {
      platform: ctx.platform, shopId: ctx.shopId, orderId,
      platformStatus: status.text, channelStatus: status.channelStatus, refunding: status.refunding,
      createdAt, paidAt,
      // the file has no modified time: the latest time it shows, so re-importing changes nothing
      modifiedAt: Math.max(createdAt, paidAt ?? 0),
      buyerNick: cleanText(cell(row, 'buyerNick')),
      receiver: {
        nameMasked: maskName(cleanText(cell(row, 'receiverName'))), phoneMasked, phoneTail: phoneTailOf(phoneMasked),
        province: cleanText(cell(row, 'province')), city: cleanText(cell(row, 'city')), district: cleanText(cell(row, 'district')), town: '',
        addressMasked: maskAddress(cleanText(cell(row, 'address'))), cipher: {}, mergeKey: '',
      },
      lines,
      totalFen: lines.reduce((s, l) => s + l.priceFen * l.qty, 0),
      paymentFen, postFeeFen, discountFen,
      buyerMessage: cleanText(cell(row, 'buyerMessage')),
      sellerMemo: cleanText(cell(row, 'sellerMemo')),
      // exports name the flag inconsistently (or not at all); the next API pull brings it
      sellerFlag: 0,
      channelHolds: [],
    };
    const parsed = NormalizedOrder.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({ row: first + 2, column: issue.path.join('.'), message: issue.message, fix: 'check the mapped columns for this order' });
      invalidOrders++;
      continue;
    }
    const canonical = JSON.stringify(idx.map((i) => table.rows[i]));
    orders.push({ order: parsed.data, payloadHash: sha256Hex(`excel\u0000${canonical}`), rows: idx.map((i) => i + 2) });
  }
  return { orders, errors: errors.sort((a, b) => a.row - b.row), invalidOrders, unmapped: [] };
}
