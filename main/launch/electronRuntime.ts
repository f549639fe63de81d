// Does this machine have the Electron runtime? Checked without importing electron: the
// package fetches its binary on first require, which is exactly what fails where it's missing.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export function electronBinary(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathTxt)) return undefined;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}
