// A 1-bit image as label printers take it: rows of packed bits, most significant bit leftmost,
// 1 = a black dot. Every own label is rasterized to this before it becomes TSPL, ZPL or ESC/POS,
// so Chinese text needs no fonts in the printer, and our interpreters read jobs back into it.

export interface Bitmap1 {
  width: number;
  height: number;
  /** bytes per row: ceil(width / 8) */
  stride: number;
  data: Uint8Array;
}

export function blankBitmap(width: number, height: number): Bitmap1 {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new RangeError(`bitmap ${width}×${height}: width and height must be positive whole dots`);
  const stride = Math.ceil(width / 8);
  return { width, height, stride, data: new Uint8Array(stride * height) };
}

export function getDot(b: Bitmap1, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return false;
  return (b.data[y * b.stride + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

export function setDot(b: Bitmap1, x: number, y: number, black = true): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  const i = y * b.stride + (x >> 3);
  if (black) b.data[i]! |= 0x80 >> (x & 7); else b.data[i]! &= ~(0x80 >> (x & 7));
}

export function fillRect(b: Bitmap1, x: number, y: number, w: number, h: number, black = true): void {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(b.width, Math.floor(x + w));
  const y1 = Math.min(b.height, Math.floor(y + h));
  for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) setDot(b, xx, yy, black);
}

export function countBlack(b: Bitmap1): number {
  let n = 0;
  for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (getDot(b, x, y)) n++;
  return n;
}

/**
 * Greyscale (0 black … 255 white, one byte per pixel, or RGBA) to 1 bit. Text and barcodes
 * want a hard threshold (sharp edges scan better); photos and logos want error diffusion.
 */
export function toBitmap(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, opts: { rgba?: boolean; dither?: boolean; threshold?: number } = {}): Bitmap1 {
  const b = blankBitmap(width, height);
  const n = width * height;
  const grey = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (opts.rgba) {
      const r = pixels[i * 4]!, g = pixels[i * 4 + 1]!, bl = pixels[i * 4 + 2]!, a = pixels[i * 4 + 3]! / 255;
      // transparent = paper
      grey[i] = 255 - a * (255 - (0.299 * r + 0.587 * g + 0.114 * bl));
    } else grey[i] = pixels[i]!;
  }
  const t = opts.threshold ?? 128;
  for (let y = 0; y < height; y++) {
    const rowByte = y * b.stride;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const old = grey[i]!;
      const black = old < t;
      if (black) b.data[rowByte + (x >> 3)]! |= 0x80 >> (x & 7);
      if (opts.dither) {
        // Floyd–Steinberg
        const err = old - (black ? 0 : 255);
        if (x + 1 < width) grey[i + 1]! += (err * 7) / 16;
        if (y + 1 < height) {
          if (x > 0) grey[i + width - 1]! += (err * 3) / 16;
          grey[i + width]! += (err * 5) / 16;
          if (x + 1 < width) grey[i + width + 1]! += err / 16;
        }
      }
    }
  }
  return b;
}
