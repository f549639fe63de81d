// Test oracle: read barcodes back from what a printer would print, with @zxing/library (the
// library the camera scanner uses), from our 1-bit bitmaps or from an RGBA image (PNG).
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { getDot, type Bitmap1 } from '../../shared/label/bitmap';

function decode(lum: Uint8ClampedArray, width: number, height: number): string | undefined {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]], [DecodeHintType.TRY_HARDER, true]]);
  reader.setHints(hints);
  try {
    return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, width, height)))).getText();
  } catch {
    return undefined;
  }
}

/** The first barcode found in (a region of) a bitmap, or undefined. */
export function readBitmapBarcode(b: Bitmap1, region?: { x: number; y: number; width: number; height: number }): string | undefined {
  const r = region ?? { x: 0, y: 0, width: b.width, height: b.height };
  // a white margin around the region: zxing wants a quiet zone
  const pad = 20;
  const w = r.width + pad * 2;
  const h = r.height + pad * 2;
  const lum = new Uint8ClampedArray(w * h).fill(255);
  for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) if (getDot(b, r.x + x, r.y + y)) lum[(y + pad) * w + x + pad] = 0;
  return decode(lum, w, h);
}

export function readRgbaBarcode(rgba: Uint8Array, width: number, height: number): string | undefined {
  const lum = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) lum[i] = (rgba[i * 4]! * 299 + rgba[i * 4 + 1]! * 587 + rgba[i * 4 + 2]! * 114) / 1000;
  return decode(lum, width, height);
}
