// Barcodes drawn straight into the 1-bit label: bar widths in whole dots, no anti-aliasing, so
// every edge is sharp at 203 dpi and a scanner reads it the first time. bwip-js encodes; we
// place the modules.
import * as bwip from 'bwip-js/browser';
import { fillRect, type Bitmap1 } from './bitmap';

// The browser build's default export carries the encoder-only raw(bcid, text, opts) (module
// widths, no canvas: it runs in Node too); its named `raw` is the "raw" symbology instead, and
// the typings omit the default, hence the cast.
type Raw = (bcid: string, text: string, opts: Record<string, unknown>) => unknown;
const bwipRaw: Raw = ((bwip as unknown as { default?: { raw: Raw } }).default ?? (bwip as unknown as { raw: Raw })).raw;

export interface BarcodeBox { x: number; y: number; width: number; height: number }

/** Code 128 at (x, y), `module` dots per narrow bar; returns the box it covers (quiet zone not included). */
export function drawCode128(b: Bitmap1, text: string, x: number, y: number, height: number, module = 3): BarcodeBox {
  if (!text) throw new Error('barcode: nothing to encode');
  const [enc] = bwipRaw('code128', text, {}) as unknown as { sbs: number[] }[];
  if (!enc) throw new Error(`barcode: Code 128 cannot encode "${text}"`);
  let cx = x;
  enc.sbs.forEach((w, i) => {
    // even positions are bars, odd are spaces
    if (i % 2 === 0) fillRect(b, cx, y, w * module, height);
    cx += w * module;
  });
  return { x, y, width: cx - x, height };
}

/** Width in dots Code 128 of `text` needs at `module`. */
export function code128Width(text: string, module = 3): number {
  const [enc] = bwipRaw('code128', text, {}) as unknown as { sbs: number[] }[];
  return (enc?.sbs.reduce((n, w) => n + w, 0) ?? 0) * module;
}

/** QR code (error level M) at (x, y), `module` dots per cell. */
export function drawQr(b: Bitmap1, text: string, x: number, y: number, module = 4): BarcodeBox {
  const [enc] = bwipRaw('qrcode', text, { eclevel: 'M' }) as unknown as { pixs: number[]; pixx: number; pixy: number }[];
  if (!enc) throw new Error(`barcode: QR cannot encode "${text}"`);
  for (let r = 0; r < enc.pixy; r++) for (let c = 0; c < enc.pixx; c++) if (enc.pixs[r * enc.pixx + c]) fillRect(b, x + c * module, y + r * module, module, module);
  return { x, y, width: enc.pixx * module, height: enc.pixy * module };
}
