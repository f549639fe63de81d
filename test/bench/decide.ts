// decide.orders_per_s (the work itself is in decidePasses.ts).
//
// The desk runs the pipeline from the production bundle, which esbuild builds without tsx's
// keep-names wrappers (tsx wraps every closure a hot function creates in a defineProperty call,
// about 15 % of this figure). So the passes are bundled the same way and run in a fresh Node
// process: the figure measures what ships, on a heap that holds nothing of the other benchmarks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { log, type Bench, type Figure } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function bundle(): Promise<string> {
  // inside the checkout, so the bundle's bare imports resolve from node_modules
  const out = path.join(root, 'out', 'bench', 'decidePasses.mjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await build({
    entryPoints: [path.join(root, 'test', 'bench', 'decidePasses.ts')],
    outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', sourcemap: 'inline', logLevel: 'error',
  });
  return out;
}

export const decideBench: Bench = {
  figures: ['decide.orders_per_s'],
  async run({ emit, signal }) {
    const file = await bundle();
    const child = spawn(process.execPath, [file], { env: { ...process.env, WHARF_DECIDE_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'], signal });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    const code = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('close', resolve); });
    if (code !== 0) throw new Error(`the decide passes exited with ${code} (their log is above)`);
    const last = stdout.trim().split('\n').pop() ?? '';
    let figure: Figure;
    try { figure = JSON.parse(last) as Figure; } catch { throw new Error(`the decide passes printed no figure: ${JSON.stringify(last.slice(0, 200))}`); }
    log(`decide: measured in a child Node on the production-style bundle ${path.relative(root, file)}`);
    emit(figure);
  },
};
