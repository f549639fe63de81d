// Builds the renderer when its sources changed since the last build (or with --force), so
// `npm run serve`, `npm test` and `npm run bench` work right after `npm ci` with no other step.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'out', 'renderer', '.source-hash');

function hashTree() {
  const h = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else { h.update(path.relative(root, p)); h.update(fs.readFileSync(p)); }
    }
  };
  for (const d of ['renderer', 'shared']) walk(path.join(root, d));
  for (const f of ['vite.config.ts', 'package-lock.json']) if (fs.existsSync(path.join(root, f))) h.update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex');
}

const want = hashTree();
const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
if (!process.argv.includes('--force') && want === have && fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write('renderer build is up to date\n');
} else {
  process.stderr.write('building the renderer…\n');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stamp, want);
}
