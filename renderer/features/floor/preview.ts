// A job's preview is what the printer would print: its bytes read back by our own TSPL / ZPL
// interpreters (not the bitmap we meant to send), drawn as an image.
import type { Bitmap1 } from '../../../shared/label/bitmap';
import { getDot } from '../../../shared/label/bitmap';
import { fromBase64 } from '../../../shared/label/bytes';
import { readTspl } from '../../../shared/label/read/readTspl';
import { readZpl } from '../../../shared/label/read/readZpl';
import type { PrinterLanguage } from '../../../shared/domain/printing';

export function jobBitmap(language: PrinterLanguage, base64: string): Bitmap1 | undefined {
  const bytes = fromBase64(base64);
  if (language === 'tspl') return readTspl(bytes)[0]?.bitmap;
  if (language === 'zpl') return readZpl(new TextDecoder().decode(bytes))[0]?.bitmap;
  return undefined;
}

export function bitmapDataUrl(b: Bitmap1): string {
  const canvas = document.createElement('canvas');
  canvas.width = b.width;
  canvas.height = b.height;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(b.width, b.height);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const v = getDot(b, x, y) ? 0 : 255;
      const i = (y * b.width + x) * 4;
      img.data[i] = v; img.data[i + 1] = v; img.data[i + 2] = v; img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toDataURL('image/png');
}
