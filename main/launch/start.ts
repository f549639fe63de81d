// `npm start`: the desktop app where the Electron runtime exists; otherwise one plain
// sentence and serve mode (no prompt, no stack trace).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronRuntime';
import { runServe } from './runServe';

const bin = electronBinary();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

if (bin) {
  // main and preload bundles (the renderer was built by the npm script before this)
  const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
  const built = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('wharf: building the desktop bundles failed (see above); `npm run serve` still works in a browser\n');
    process.exit(1);
  }
  const child = spawn(bin, [repoRoot], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write('The Electron runtime is not installed on this machine, so Wharf starts in serve mode for your browser instead.\n');
  await runServe();
}
