// The label worker: fonts, layout, canvas text, 1-bit rasterizing and printer bytes off the main
// thread, so a label made while the packer scans never delays a verdict or a scanner's burst.
/// <reference lib="webworker" />
import { countBlack } from '../../../../shared/label/bitmap';
import { encodeLabelBase64 } from './encode';
import type { LabelDoc, LabelSpec } from './layout';
import type { LabelLanguage } from './encode';
import { ensureLabelFonts, renderLabel } from './render';

export interface LabelRequest { id: number; doc: LabelDoc; spec: LabelSpec; language: LabelLanguage; countDots?: boolean }
export type LabelResponse = { id: number; ok: true; data: string; width: number; height: number; black?: number } | { id: number; ok: false; error: string };

const post = (m: LabelResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<LabelRequest>) => {
  const r = e.data;
  try {
    await ensureLabelFonts();
    const bmp = renderLabel(r.doc, r.spec);
    post({ id: r.id, ok: true, data: encodeLabelBase64(bmp, r.spec.size, r.language), width: bmp.width, height: bmp.height, ...(r.countDots ? { black: countBlack(bmp) } : {}) });
  } catch (err) {
    post({ id: r.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
