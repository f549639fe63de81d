// Reading one cell of an export as what it means: an id kept exact as text, yuan → fen, a
// Beijing time, a status phrase. Each failure says what is wrong and how to fix the file.
import type { ChannelStatus } from '../domain/types';
import { parseYuan } from '../money';
import { SHANGHAI_OFFSET_MS } from '../time';

export class CellError extends Error {
  constructor(message: string, readonly fix: string) { super(message); }
}

/** Exports keep long ids as text with ="…", a leading apostrophe or a tab; strip those. */
export function cleanText(v: string): string {
  let s = v.replace(/^\uFEFF/, '').trim();
  const eq = /^="(.*)"$/.exec(s);
  if (eq) s = eq[1]!;
  return s.replace(/^['\t]+/, '').trim();
}

export function idCell(v: string): string {
  const s = cleanText(v);
  if (s === '') throw new CellError('is empty', 'every row needs its order number');
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s)) throw new CellError(`"${s}" is in scientific notation: the long number lost its last digits when the file went through Excel`, 'export again and open the CSV directly in Wharf, or format the id column as text before saving');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/.test(s)) throw new CellError(`"${s}" is not an order number (letters, digits, - and _ only)`, 'check that the mapped column really holds the order number');
  return s;
}

export function yuanCell(v: string): number {
  const s = cleanText(v).replace(/[¥￥,，\s]/g, '').replace(/元$/, '');
  if (s === '') throw new CellError('is empty', 'enter the amount in yuan, e.g. 129.00');
  try {
    return parseYuan(s);
  } catch {
    throw new CellError(`"${cleanText(v)}" is not an amount in yuan`, 'use digits with at most 2 decimals, e.g. 129.00');
  }
}

export function qtyCell(v: string): number {
  const s = cleanText(v);
  if (s === '') return 1;
  if (!/^\d{1,6}$/.test(s) || Number(s) === 0) throw new CellError(`"${s}" is not a quantity`, 'use a whole number of pieces, 1 or more');
  return Number(s);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** "2026-11-20 10:00:00", "2026/11/20 10:00", or an Excel date serial; Beijing wall time. */
export function timeCell(v: string): number {
  const s = cleanText(v);
  if (s === '') throw new CellError('is empty', 'enter a time like 2026-11-20 10:00:00 (Beijing time)');
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Number(s);
    // Excel stores wall-clock days; the shop's wall clock is Beijing time
    return Math.round(EXCEL_EPOCH_MS + serial * 86_400_000) - SHANGHAI_OFFSET_MS;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) throw new CellError(`"${s}" is not a date and time`, 'use yyyy-MM-dd HH:mm:ss, e.g. 2026-11-20 10:00:00');
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - SHANGHAI_OFFSET_MS;
  const check = new Date(ms + SHANGHAI_OFFSET_MS);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) throw new CellError(`"${s}" is not a real date`, 'check the day and month');
  return ms;
}

/** Status phrases the platforms' exports use, most specific first. */
const STATUS_PHRASES: Array<[RegExp, ChannelStatus, boolean]> = [
  [/退款中|售后中|退款处理中/, 'paid', true],
  [/部分发货/, 'partially_shipped', false],
  [/等待买家付款|待付款|未付款|待支付/, 'awaiting_payment', false],
  [/交易关闭|已关闭|已取消|取消|退款成功|交易失败/, 'closed', false],
  [/交易成功|已完成|已签收|已收货|交易完成|完成/, 'completed', false],
  [/卖家已发货|已发货|待收货|等待买家确认收货|配送中|待签收/, 'shipped', false],
  [/等待卖家发货|买家已付款|待发货|已付款|待出库|备货中|待配货/, 'paid', false],
];

export function statusCell(v: string): { channelStatus: ChannelStatus; refunding: boolean; text: string } {
  const s = cleanText(v);
  if (s === '') throw new CellError('is empty', 'every order needs its status as the platform exported it');
  const hit = STATUS_PHRASES.find(([re]) => re.test(s));
  if (!hit) throw new CellError(`"${s}" is not a status Wharf knows`, 'use the platform\'s own status text, e.g. 买家已付款，等待卖家发货 / 卖家已发货 / 交易成功 / 交易关闭');
  return { channelStatus: hit[1], refunding: hit[2], text: s };
}
