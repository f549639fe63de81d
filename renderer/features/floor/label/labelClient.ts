// The main thread's side of the label worker: one worker per page, requests answered by id.
import type { LabelLanguage } from './encode';
import type { LabelDoc, LabelSpec } from './layout';
import type { LabelRequest, LabelResponse } from './labelWorker';

export interface RenderedLabel { data: string; width: number; height: number; black?: number }

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve(r: RenderedLabel): void; reject(e: Error): void }>();

function labelWorker(): Worker {
  if (worker) return worker;
  // written inline so the bundler sees and builds the worker
  const w = new Worker(new URL('./labelWorker.ts', import.meta.url), { type: 'module', name: 'wharf-label' });
  w.onmessage = (e: MessageEvent<LabelResponse>) => {
    const m = e.data;
    const p = waiting.get(m.id);
    if (!p) return;
    waiting.delete(m.id);
    if (m.ok) p.resolve({ data: m.data, width: m.width, height: m.height, ...(m.black !== undefined ? { black: m.black } : {}) });
    else p.reject(new Error(m.error));
  };
  w.onerror = (e) => {
    // a worker that cannot start fails every label waiting on it; the next label starts a new one
    for (const p of waiting.values()) p.reject(new Error(`the label worker failed: ${e.message}`));
    waiting.clear();
    worker = undefined;
  };
  worker = w;
  return w;
}

/** The label as base64 printer bytes (TSPL or ZPL), rendered in the label worker. */
export function renderLabelJob(doc: LabelDoc, spec: LabelSpec, language: LabelLanguage, opts: { countDots?: boolean } = {}): Promise<RenderedLabel> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    labelWorker().postMessage({ id, doc, spec, language, ...(opts.countDots ? { countDots: true } : {}) } satisfies LabelRequest);
  });
}
