// `npm start`: the desktop app where the Electron runtime exists; otherwise one plain
// sentence and serve mode (no prompt, no stack trace). The desktop shell is the next issue.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electronRuntime';
import { runServe } from './runServe';

const bin = electronBinary();
const mainEntry = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

if (bin && fs.existsSync(mainEntry)) {
  const child = spawn(bin, [mainEntry], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(bin
    ? 'The Wharf desktop shell is not built in this version yet, so Wharf starts in serve mode for your browser instead.\n'
    : 'The Electron runtime is not installed on this machine, so Wharf starts in serve mode for your browser instead.\n');
  await runServe();
}
