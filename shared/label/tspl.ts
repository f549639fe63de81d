// TSPL (TSC, Gprinter 佳博, Xprinter 芯烨, HPRT 汉印 and most Chinese label printers): the
// whole label as one BITMAP, so it prints the same on every model with no fonts installed.
// TSPL prints a 0 bit as a dot, the opposite of our bitmaps (1 = black), so rows are inverted.
import type { Bitmap1 } from './bitmap';
import { ascii, concat } from './bytes';

export interface TsplOptions {
  widthMm: number;
  heightMm: number;
  /** gap between labels (die-cut stock) */
  gapMm?: number;
  copies?: number;
  /** 0–15 */
  density?: number;
  /** 1 prints the label top first out of the printer (most 100×180 e-waybill setups) */
  direction?: 0 | 1;
}

export function tsplJob(bmp: Bitmap1, o: TsplOptions): Uint8Array {
  const copies = Math.max(1, Math.floor(o.copies ?? 1));
  const head = [
    `SIZE ${o.widthMm} mm,${o.heightMm} mm`,
    `GAP ${o.gapMm ?? 2} mm,0 mm`,
    `DIRECTION ${o.direction ?? 1}`,
    `DENSITY ${o.density ?? 8}`,
    'CLS',
    `BITMAP 0,0,${bmp.stride},${bmp.height},0,`,
  ].join('\r\n');
  const data = new Uint8Array(bmp.data.length);
  for (let i = 0; i < data.length; i++) data[i] = ~bmp.data[i]! & 0xff;
  return concat([ascii(head), data, ascii(`\r\nPRINT 1,${copies}\r\n`)]);
}
