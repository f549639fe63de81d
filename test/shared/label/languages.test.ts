import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { blankBitmap, countBlack, fillRect, toBitmap, type Bitmap1 } from '../../../shared/label/bitmap';
import { drawCode128, drawQr } from '../../../shared/label/barcode';
import { tsplJob } from '../../../shared/label/tspl';
import { zplJob } from '../../../shared/label/zpl';
import { readTspl } from '../../../shared/label/read/readTspl';
import { readZpl } from '../../../shared/label/read/readZpl';
import { readBitmapBarcode, readRgbaBarcode } from '../../helpers/readBarcode';

const bitmapArb = fc.record({ w: fc.integer({ min: 1, max: 90 }), h: fc.integer({ min: 1, max: 40 }) }).chain(({ w, h }) =>
  fc.array(fc.oneof(fc.constant(0), fc.constant(255), fc.integer({ min: 0, max: 255 })), { minLength: Math.ceil(w / 8) * h, maxLength: Math.ceil(w / 8) * h }).map((bytes) => {
    const b = blankBitmap(w, h);
    b.data.set(bytes);
    // bits past the width are not part of the image
    if (w % 8) for (let y = 0; y < h; y++) b.data[y * b.stride + b.stride - 1]! &= (0xff << (8 - (w % 8))) & 0xff;
    return b;
  }));

const sameImage = (a: Bitmap1, b: Bitmap1) => {
  for (let y = 0; y < a.height; y++) for (let i = 0; i < a.stride; i++) expect(b.data[y * b.stride + i], `row ${y} byte ${i}`).toBe(a.data[y * a.stride + i]);
};

function label(tracking: string): Bitmap1 {
  const b = blankBitmap(800, 1440);
  fillRect(b, 0, 0, 800, 4);
  drawCode128(b, tracking, 60, 200, 160, 3);
  drawQr(b, `https://wharf.local/t/${tracking}`, 560, 1100, 6);
  return b;
}

describe('TSPL', () => {
  it('writes SIZE/GAP/BITMAP/PRINT, with 0 bits as dots, and our interpreter reads the same image back', () => {
    const job = tsplJob(label('ZT1234567890123'), { widthMm: 100, heightMm: 180, copies: 2 });
    const head = new TextDecoder().decode(job.subarray(0, 80));
    expect(head).toMatch(/^SIZE 100 mm,180 mm\r\nGAP 2 mm,0 mm\r\n/);
    const [page] = readTspl(job);
    expect(page).toMatchObject({ widthMm: 100, heightMm: 180, copies: 2, unknown: [] });
    expect(readBitmapBarcode(page!.bitmap, { x: 0, y: 150, width: 800, height: 260 })).toBe('ZT1234567890123');
    expect(readBitmapBarcode(page!.bitmap, { x: 520, y: 1060, width: 280, height: 300 })).toBe('https://wharf.local/t/ZT1234567890123');
  });

  it('round-trips any bitmap', () => {
    fc.assert(fc.property(bitmapArb, (b) => {
      const [page] = readTspl(tsplJob(b, { widthMm: Math.ceil(b.stride), heightMm: Math.ceil(b.height / 8) + 1 }));
      sameImage(b, page!.bitmap);
    }), { seed: 710, numRuns: 200 });
  });

  it('names a malformed job', () => {
    expect(() => readTspl(new TextEncoder().encode('CLS\r\n'))).toThrow(/before SIZE/);
    expect(() => readTspl(new TextEncoder().encode('SIZE 10 mm,10 mm\r\nBITMAP 0,0,10,10,0,\u0000'))).toThrow(/job ends/);
  });
});

describe('ZPL', () => {
  it('compresses ^GFA (a blank-heavy label is small) and round-trips any bitmap', () => {
    const job = zplJob(label('SF1234567890'));
    expect(job.length).toBeLessThan(40_000);
    expect(job).toMatch(/^\^XA\^CI28\^PW800\^LL1440/);
    fc.assert(fc.property(bitmapArb, (b) => sameImage(b, readZpl(zplJob(b))[0]!.bitmap)), { seed: 711, numRuns: 300 });
  });

  it('Zebra’s own renderer (zpl-renderer-js) prints the same barcode from our bytes', async () => {
    const { Render } = await import('zpl-renderer-js');
    const b = blankBitmap(800, 400);
    drawCode128(b, 'YT9876543210', 60, 100, 160, 3);
    const ours = readZpl(zplJob(b))[0]!.bitmap;
    expect(readBitmapBarcode(ours)).toBe('YT9876543210');
    const png = PNG.sync.read(Buffer.from(await Render(zplJob(b), 100, 50, 8), 'base64'));
    expect(readRgbaBarcode(png.data, png.width, png.height)).toBe('YT9876543210');
    // and dot for dot the same image (the renderer may add nothing, drop nothing)
    let diff = 0;
    for (let y = 0; y < 400; y++) for (let x = 0; x < 800; x++) {
      const dark = png.data[(y * png.width + x) * 4]! < 128;
      if (dark !== ((ours.data[y * ours.stride + (x >> 3)]! & (0x80 >> (x & 7))) !== 0)) diff++;
    }
    expect(diff).toBe(0);
  }, 60_000);
});

describe('toBitmap', () => {
  it('thresholds greyscale and dithers a mid-grey to about half the dots', () => {
    const grey = new Uint8Array(64 * 64).fill(128);
    expect(countBlack(toBitmap(grey, 64, 64))).toBe(0);
    const d = countBlack(toBitmap(grey, 64, 64, { dither: true }));
    expect(d).toBeGreaterThan(64 * 64 * 0.4);
    expect(d).toBeLessThan(64 * 64 * 0.6);
    const rgba = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]);
    const b = toBitmap(rgba, 3, 1, { rgba: true });
    expect([...Array(3)].map((_, x) => (b.data[0]! & (0x80 >> x)) !== 0)).toEqual([true, false, false]);
  });
});
