// Our ZPL interpreter (the subset Wharf writes: ^PW/^LL/^FO/^GFA with ZPL compression, ^PQ):
// renders the label bitmap for the preview and the tests. zpl-renderer-js cross-checks it in
// the tests with Zebra's full language.
import { blankBitmap, setDot, type Bitmap1 } from '../bitmap';

export interface ZplLabel { bitmap: Bitmap1; copies: number; fields: string[]; unknown: string[] }

function expandRows(body: string, stride: number, rows: number): Uint8Array {
  const out = new Uint8Array(stride * rows);
  const hexPerRow = stride * 2;
  let row = 0;
  let col = 0; // hex digits written in this row
  let prevRow: Uint8Array | undefined;
  let rep = 0;
  const put = (h: string) => {
    const v = parseInt(h, 16);
    if (Number.isNaN(v)) throw new Error(`ZPL ^GFA: "${h}" is not hex (row ${row + 1})`);
    if (row >= rows) return;
    const byte = row * stride + (col >> 1);
    out[byte] = col & 1 ? out[byte]! | v : v << 4;
    col++;
    if (col === hexPerRow) endRow();
  };
  const endRow = () => {
    prevRow = out.slice(row * stride, row * stride + stride);
    row++;
    col = 0;
  };
  for (let i = 0; i < body.length && row < rows; i++) {
    const c = body[i]!;
    if (c >= 'G' && c <= 'Y') { rep += c.charCodeAt(0) - 70; continue; }
    if (c >= 'g' && c <= 'z') { rep += (c.charCodeAt(0) - 102) * 20; continue; }
    // "," / "!": the rest of this row (all of it on a fresh row) is white / black
    if (c === ',') { do put('0'); while (col !== 0); rep = 0; continue; }
    if (c === '!') { do put('F'); while (col !== 0); rep = 0; continue; }
    if (c === ':') {
      if (!prevRow) throw new Error('ZPL ^GFA: ":" (repeat row) before any row');
      out.set(prevRow, row * stride);
      row++;
      col = 0;
      continue;
    }
    if (/\s/.test(c)) continue;
    const n = rep || 1;
    rep = 0;
    for (let k = 0; k < n; k++) put(c);
  }
  return out;
}

export function readZpl(text: string): ZplLabel[] {
  const labels: ZplLabel[] = [];
  for (const part of text.split('^XA').slice(1)) {
    const end = part.indexOf('^XZ');
    const body = end >= 0 ? part.slice(0, end) : part;
    let width = 0;
    let height = 0;
    let fo = { x: 0, y: 0 };
    let copies = 1;
    const fields: string[] = [];
    const unknown: string[] = [];
    const graphics: { x: number; y: number; stride: number; rows: number; data: Uint8Array }[] = [];
    for (const cmd of body.split(/(?=[\^~])/)) {
      const code = cmd.slice(0, 3).toUpperCase();
      const arg = cmd.slice(3);
      switch (code) {
        case '^PW': width = Number(arg); break;
        case '^LL': height = Number(arg); break;
        case '^FO': { const [x, y] = arg.split(',').map(Number); fo = { x: x ?? 0, y: y ?? 0 }; break; }
        case '^PQ': copies = Math.max(1, Number(arg.split(',')[0]) || 1); break;
        case '^GF': {
          const [fmt, , total, stride, ...rest] = arg.split(',');
          if (fmt !== 'A') throw new Error(`ZPL ^GF: only the ASCII hex form (^GFA) is read, got ^GF${fmt}`);
          const s = Number(stride);
          const rows = Math.floor(Number(total) / s);
          graphics.push({ ...fo, stride: s, rows, data: expandRows(rest.join(','), s, rows) });
          break;
        }
        case '^FD': fields.push(arg); break;
        case '^FS': case '^CI': case '^LH': case '~SD': case '^MM': case '^MN': case '^PR': break;
        default: if (code.trim()) unknown.push(code);
      }
    }
    const bmp = blankBitmap(Math.max(1, width || Math.max(0, ...graphics.map((g) => g.x + g.stride * 8))), Math.max(1, height || Math.max(0, ...graphics.map((g) => g.y + g.rows))));
    for (const g of graphics) {
      for (let y = 0; y < g.rows; y++) for (let x = 0; x < g.stride * 8; x++) {
        if (g.data[y * g.stride + (x >> 3)]! & (0x80 >> (x & 7))) setDot(bmp, g.x + x, g.y + y);
      }
    }
    labels.push({ bitmap: bmp, copies, fields, unknown });
  }
  return labels;
}
