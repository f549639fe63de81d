// Runs genWorker.ts in a worker thread (TypeScript through tsx's API, as the bench itself runs),
// one chunk ahead of the caller: while the browser ingests chunk k, chunk k+1 is generated.
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ROOT } from '../support/serve';
import type { GenJob, GenMessage } from './genWorker';

type Chunk = Extract<GenMessage, { kind: 'chunk' }>;

export interface ChunkSource {
  /** the chunk with this index (generated ahead where possible) */
  take(index: number): Promise<Chunk>;
  close(): Promise<void>;
}

export function startGenerator(job: GenJob): ChunkSource {
  const tsxApi = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;
  const file = fileURLToPath(new URL('./genWorker.ts', import.meta.url));
  const code = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(pathToFileURL(file).href)}, ${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(`import(${JSON.stringify(`data:text/javascript,${encodeURIComponent(code)}`)})`, { eval: true, workerData: job });
  const ready = new Map<number, Chunk>();
  const waiting = new Map<number, { resolve: (c: Chunk) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: GenMessage) => {
    if (m.kind === 'error') return fail(new Error(`payload generator: ${m.message}`));
    const w = waiting.get(m.index);
    if (w) { waiting.delete(m.index); w.resolve(m); } else ready.set(m.index, m);
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => { if (code !== 0) fail(new Error(`payload generator exited with ${code}`)); });
  const requested = new Set<number>();
  const request = (i: number) => {
    if (i < job.chunks.length && !requested.has(i)) { requested.add(i); worker.postMessage(i); }
  };
  return {
    take(index) {
      request(index);
      request(index + 1);
      const c = ready.get(index);
      if (c) { ready.delete(index); return Promise.resolve(c); }
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.set(index, { resolve, reject }));
    },
    async close() { await worker.terminate(); },
  };
}
