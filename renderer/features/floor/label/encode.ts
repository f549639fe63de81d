// A rendered label as the bytes its printer speaks: TSPL `BITMAP` for the Chinese label printers,
// ZPL `^GFA` for Zebras. Both carry the whole label as one image, so Chinese needs no printer font.
import type { Bitmap1 } from '../../../../shared/label/bitmap';
import { ascii, toBase64 } from '../../../../shared/label/bytes';
import { tsplJob } from '../../../../shared/label/tspl';
import { zplJob } from '../../../../shared/label/zpl';
import { LABEL_MM, type LabelSize } from './layout';

export type LabelLanguage = 'tspl' | 'zpl';

export function encodeLabel(bmp: Bitmap1, size: LabelSize, language: LabelLanguage, copies = 1): Uint8Array {
  const mm = LABEL_MM[size];
  return language === 'tspl' ? tsplJob(bmp, { widthMm: mm.w, heightMm: mm.h, copies }) : ascii(zplJob(bmp, { copies }));
}

export const encodeLabelBase64 = (bmp: Bitmap1, size: LabelSize, language: LabelLanguage) => toBase64(encodeLabel(bmp, size, language));
