// Draws a label layout in one named runtime — an OffscreenCanvas in the renderer's label worker
// (labelWorker.ts) with the bundled Noto Sans SC (OFL; the chinese-simplified subset, one file per
// weight) — then rasterizes it to 1 bit and draws the barcodes dot-exact on top. The printer then
// needs no fonts: the label is one bitmap. Works on the main thread too (window's font set).
import font400 from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2?url';
import font700 from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff2?url';
import { code128Width, drawCode128 } from '../../../../shared/label/barcode';
import { toBitmap, type Bitmap1 } from '../../../../shared/label/bitmap';
import { layoutLabel, type LabelDoc, type LabelLayout, type LabelSpec, type Measure } from './layout';

export const LABEL_FONT = 'Wharf Noto Sans SC';

let fontsReady: Promise<void> | undefined;

/** Loads the label font once (from the app's own files: no network). Throws if it cannot. */
export function ensureLabelFonts(): Promise<void> {
  fontsReady ??= (async () => {
    const faces = [new FontFace(LABEL_FONT, `url(${font400})`, { weight: '400' }), new FontFace(LABEL_FONT, `url(${font700})`, { weight: '700' })];
    // a worker has its own font set (self.fonts); a window has document.fonts
    const set = (globalThis as { fonts?: FontFaceSet }).fonts ?? document.fonts;
    for (const f of await Promise.all(faces.map((x) => x.load()))) set.add(f);
  })().catch((e: unknown) => {
    fontsReady = undefined;
    throw new Error(`the label font (Noto Sans SC) could not be loaded: ${(e as Error).message}`);
  });
  return fontsReady;
}

const fontOf = (size: number, bold: boolean) => `${bold ? 700 : 400} ${size}px "${LABEL_FONT}"`;

function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser gives no 2D canvas: labels cannot be drawn here');
  return ctx;
}

let measurer: OffscreenCanvasRenderingContext2D | undefined;
export const measureText: Measure = (text, size, bold) => {
  measurer ??= context(1, 1);
  measurer.font = fontOf(size, bold);
  return measurer.measureText(text).width;
};

export function paintLayout(layout: LabelLayout): Bitmap1 {
  const ctx = context(layout.width, layout.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  for (const op of layout.ops) {
    if (op.kind === 'rule') ctx.fillRect(op.x, op.y, op.w, op.h);
    if (op.kind !== 'text') continue;
    ctx.font = fontOf(op.size, op.bold);
    ctx.textAlign = op.align;
    const x = op.align === 'left' ? op.x : op.align === 'center' ? op.x + op.width / 2 : op.x + op.width;
    ctx.fillText(op.text, x, op.y, op.width);
  }
  const img = ctx.getImageData(0, 0, layout.width, layout.height);
  // a hard threshold: thermal dots are on or off, and sharp text reads better than dithered
  const bmp = toBitmap(img.data, layout.width, layout.height, { rgba: true, threshold: 150 });
  for (const op of layout.ops) if (op.kind === 'code128') drawCode128(bmp, op.text, op.x, op.y, op.height, op.module);
  return bmp;
}

/** The label as the printer will print it (fonts must be loaded: ensureLabelFonts). */
export function renderLabel(doc: LabelDoc, spec: LabelSpec): Bitmap1 {
  return paintLayout(layoutLabel(doc, spec, measureText, (t) => code128Width(t, 1)));
}
