// Our ESC/POS interpreter: reads a receipt printer job back into lines of text (with alignment,
// bold and size), barcodes, raster images and cuts — the preview of a pick list or receipt and
// the tests' oracle. Chinese printers take GB18030/GBK text in "Chinese mode" (FS &); the text
// decoder is passed in (TextDecoder('gb18030') in the browser and in Node) so this stays pure.
import { blankBitmap, type Bitmap1 } from '../bitmap';

export interface EscposLine { text: string; align: 'left' | 'center' | 'right'; bold: boolean; width: number; height: number }
export interface EscposDoc { lines: EscposLine[]; barcodes: { type: number; data: string }[]; images: Bitmap1[]; cuts: number; unknown: string[] }

export function readEscpos(b: Uint8Array, decodeText: (bytes: Uint8Array) => string): EscposDoc {
  const doc: EscposDoc = { lines: [], barcodes: [], images: [], cuts: 0, unknown: [] };
  let align: EscposLine['align'] = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let text: number[] = [];
  let lineStyle: Omit<EscposLine, 'text'> | undefined;
  const flush = (force: boolean) => {
    if (!text.length && !force) return;
    const style = lineStyle ?? { align, bold, width, height };
    doc.lines.push({ text: decodeText(new Uint8Array(text)), ...style });
    text = [];
    lineStyle = undefined;
  };
  const need = (i: number, n: number, what: string) => {
    if (i + n > b.length) throw new Error(`ESC/POS: ${what} at byte ${i} is cut off (the job ends early)`);
  };
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) { flush(true); i++; continue; }
    if (c === 0x0d || c === 0x09) { i++; continue; }
    if (c === 0x1b) { // ESC
      need(i, 2, 'ESC');
      const k = b[i + 1]!;
      if (k === 0x40) { align = 'left'; bold = false; width = height = 1; i += 2; continue; }
      need(i, 3, `ESC ${String.fromCharCode(k)}`);
      const n = b[i + 2]!;
      switch (k) {
        case 0x61: align = n === 1 || n === 49 ? 'center' : n === 2 || n === 50 ? 'right' : 'left'; break;
        case 0x45: bold = (n & 1) === 1; break;
        case 0x21: bold = (n & 0x08) !== 0; height = n & 0x10 ? 2 : 1; width = n & 0x20 ? 2 : 1; break;
        case 0x64: flush(false); break; // feed n lines
        case 0x52: case 0x74: case 0x32: case 0x33: case 0x4d: case 0x2d: case 0x47: case 0x7b: break;
        default: doc.unknown.push(`ESC ${k.toString(16)}`);
      }
      i += k === 0x32 ? 2 : 3;
      continue;
    }
    if (c === 0x1c) { // FS: & Chinese mode on, . off, ! Chinese print mode
      need(i, 2, 'FS');
      const k = b[i + 1]!;
      i += k === 0x21 ? 3 : 2;
      continue;
    }
    if (c === 0x1d) { // GS
      need(i, 2, 'GS');
      const k = b[i + 1]!;
      if (k === 0x21) { need(i, 3, 'GS !'); const n = b[i + 2]!; width = (n >> 4) + 1; height = (n & 15) + 1; i += 3; continue; }
      if (k === 0x56) { flush(false); need(i, 3, 'GS V'); doc.cuts++; i += b[i + 2]! >= 65 ? 4 : 3; continue; }
      if (k === 0x48 || k === 0x66 || k === 0x77 || k === 0x68) { i += 3; continue; }
      if (k === 0x6b) { // GS k m …
        need(i, 3, 'GS k');
        const m = b[i + 2]!;
        if (m >= 65) {
          need(i, 4, 'GS k');
          const n = b[i + 3]!;
          need(i + 4, n, 'barcode data');
          let data = String.fromCharCode(...b.subarray(i + 4, i + 4 + n));
          // Code 128 data starts with its code set: {A {B {C
          if (m === 73) data = data.replace(/^\{[ABC]/, '').replace(/\{[ABC]/g, '');
          doc.barcodes.push({ type: m, data });
          i += 4 + n;
        } else {
          let j = i + 3;
          while (j < b.length && b[j] !== 0) j++;
          doc.barcodes.push({ type: m, data: String.fromCharCode(...b.subarray(i + 3, j)) });
          i = j + 1;
        }
        continue;
      }
      if (k === 0x76 && b[i + 2] === 0x30) { // GS v 0 m xL xH yL yH d…
        need(i, 8, 'GS v 0');
        const wb = b[i + 4]! | (b[i + 5]! << 8);
        const h = b[i + 6]! | (b[i + 7]! << 8);
        need(i + 8, wb * h, 'raster data');
        const img = blankBitmap(wb * 8, h);
        img.data.set(b.subarray(i + 8, i + 8 + wb * h));
        flush(false);
        doc.images.push(img);
        i += 8 + wb * h;
        continue;
      }
      doc.unknown.push(`GS ${k.toString(16)}`);
      i += 2;
      continue;
    }
    if (!text.length) lineStyle = { align, bold, width, height };
    text.push(c);
    i++;
  }
  flush(false);
  return doc;
}
