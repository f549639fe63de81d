// Wharf's own shipping label (own-channel and manual orders, packing slips): where everything
// goes on a 100×180 or 76×130 mm label at 203 or 300 dpi, as drawing operations in printer dots.
// Pure — text widths come from the caller's measure, so the same layout is tested in Node and
// drawn in the renderer's canvas. Barcodes are placed here and drawn dot-exact later.
export type LabelSize = '100x180' | '76x130';
export type LabelDpi = 203 | 300;

export interface LabelDoc {
  carrierName: string;
  waybillNo: string;
  orderId: string;
  shopName: string;
  receiver: { name: string; phone: string; address: string };
  sender: { name: string; phone: string; address: string };
  items: { name: string; qty: number }[];
  printedAt: string;
  /** e.g. 补发 / 赠品, printed beside the order number */
  note?: string;
}

export type LabelOp =
  | { kind: 'text'; text: string; x: number; y: number; size: number; bold: boolean; align: 'left' | 'center' | 'right'; width: number }
  | { kind: 'rule'; x: number; y: number; w: number; h: number }
  | { kind: 'code128'; text: string; x: number; y: number; height: number; module: number };

export interface LabelSpec { size: LabelSize; dpi: LabelDpi }
export interface LabelLayout { width: number; height: number; ops: LabelOp[] }

/** width in dots of `text` at `size` dots high */
export type Measure = (text: string, size: number, bold: boolean) => number;
/** bars of Code 128 for `text` at 1 dot per module */
export type BarcodeWidth = (text: string) => number;

export const DOTS_PER_MM: Record<LabelDpi, number> = { 203: 8, 300: 12 };
export const LABEL_MM: Record<LabelSize, { w: number; h: number }> = { '100x180': { w: 100, h: 180 }, '76x130': { w: 76, h: 130 } };

/** Greedy wrap at any character (Chinese addresses have no spaces), at most `max` lines, the last one ellipsized. */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: Measure, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (!cur || measure(cur + ch, size, bold) <= width) { cur += ch; continue; }
    lines.push(cur);
    cur = ch === ' ' ? '' : ch;
  }
  if (cur) lines.push(cur);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && measure(`${last}…`, size, bold) > width) last = [...last].slice(0, -1).join('');
  kept[max - 1] = `${last}…`;
  return kept;
}

export function layoutLabel(doc: LabelDoc, spec: LabelSpec, measure: Measure, barcodeWidth: BarcodeWidth): LabelLayout {
  const mm = LABEL_MM[spec.size];
  // printers count whole dots per millimetre: "203 dpi" is 8 dots/mm, "300 dpi" 12
  const dpm = DOTS_PER_MM[spec.dpi];
  const d = (x: number) => Math.round(x * dpm);
  const width = d(mm.w);
  const height = d(mm.h);
  // sizes are for 100×180; the smaller label scales them down
  const s = Math.min(mm.w / 100, mm.h / 180);
  const f = (x: number) => d(x * s);
  const margin = d(3);
  const inner = width - 2 * margin;
  const ops: LabelOp[] = [];
  let y = margin;
  const text = (t: string, size: number, bold: boolean, align: 'left' | 'center' | 'right' = 'left', x = margin, w = inner) => {
    ops.push({ kind: 'text', text: t, x, y, size, bold, align, width: w });
  };
  const rule = (gap = f(1.5)) => { y += gap; ops.push({ kind: 'rule', x: margin, y, w: inner, h: Math.max(2, d(0.4)) }); y += Math.max(2, d(0.4)) + gap; };

  // carrier and the label's origin
  text(doc.carrierName, f(8), true);
  text('自有面单', f(3.5), false, 'right');
  y += f(8);
  rule();

  // the waybill number as the widest Code 128 that fits, then in digits
  const bars = barcodeWidth(doc.waybillNo);
  const module = Math.max(1, Math.min(d(0.5), Math.floor(inner / Math.max(1, bars + 20))));
  const bw = bars * module;
  ops.push({ kind: 'code128', text: doc.waybillNo, x: margin + Math.floor((inner - bw) / 2), y, height: f(18), module });
  y += f(18) + f(1.5);
  text(doc.waybillNo.replace(/(.{4})(?=.)/g, '$1 '), f(5), true, 'center');
  y += f(5);
  rule();

  // receiver: what the courier reads from across the room
  const recvSize = f(6);
  text(`收 ${doc.receiver.name}  ${doc.receiver.phone}`, recvSize, true);
  y += recvSize + f(1.5);
  for (const l of wrapText(doc.receiver.address, inner, f(5), true, measure, 3)) { text(l, f(5), true); y += f(5) + f(1); }
  rule();

  // sender, smaller
  text(`寄 ${doc.sender.name}  ${doc.sender.phone}`, f(3.5), false);
  y += f(3.5) + f(1);
  for (const l of wrapText(doc.sender.address, inner, f(3.5), false, measure, 2)) { text(l, f(3.5), false); y += f(3.5) + f(0.8); }
  rule();

  // the order and its goods (the packer checks the box against these)
  text(`订单 ${doc.orderId}${doc.note ? `  ${doc.note}` : ''}`, f(3.5), true);
  text(doc.shopName, f(3.5), false, 'right');
  y += f(3.5) + f(1.5);
  const footer = f(10) + f(3) + f(3) + margin;
  const room = Math.max(1, Math.floor((height - footer - y) / (f(3.5) + f(1))));
  const units = doc.items.reduce((n, i) => n + i.qty, 0);
  const shown = doc.items.length > room ? doc.items.slice(0, room - 1) : doc.items;
  for (const it of shown) {
    const [name] = wrapText(it.name, inner - d(12 * s), f(3.5), false, measure, 1);
    text(name ?? '', f(3.5), false);
    text(`×${it.qty}`, f(3.5), true, 'right');
    y += f(3.5) + f(1);
  }
  if (shown.length < doc.items.length) { text(`…另 ${doc.items.length - shown.length} 种，共 ${units} 件`, f(3.5), false); y += f(3.5) + f(1); }

  // the order number as a barcode: scanned at the pack station or at a return
  y = height - footer;
  const oBars = barcodeWidth(doc.orderId);
  const oModule = Math.max(1, Math.min(d(0.3), Math.floor(inner / Math.max(1, oBars + 20))));
  ops.push({ kind: 'code128', text: doc.orderId, x: margin, y, height: f(10), module: oModule });
  y += f(10) + f(1);
  text(`${doc.printedAt}  共 ${units} 件`, f(3), false);
  text('Wharf', f(3), false, 'right');
  return { width, height, ops };
}
