// Packaging check: electron-builder packs the desktop app (linux dir) against a stand-in
// electronDist — the real Electron binary cannot be downloaded here — and the asar must hold the
// three bundles and only production dependencies. The Windows NSIS target is validated as
// configuration with electron-builder's own schema (building it needs Windows' Electron).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

/** What electron-builder copies from an Electron zip, as empty stand-ins. */
function standInElectronDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-edist-'));
  fs.mkdirSync(path.join(dir, 'resources'));
  fs.mkdirSync(path.join(dir, 'locales'));
  for (const l of ['en-US', 'zh-CN', 'fr', 'de']) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), '');
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in electron"\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0');
  fs.writeFileSync(path.join(dir, 'LICENSE'), '');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '');
  return dir;
}

let unpacked = '';
let files: string[] = [];

beforeAll(async () => {
  for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` (npm test builds it before the tests)`);
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-pkg-'));
  await run(process.execPath, [
    require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--publish', 'never',
    `-c.electronDist=${standInElectronDist()}`, '-c.electronVersion=45.5.0', `-c.directories.output=${out}`,
  ], { cwd: root, timeout: 240_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
  unpacked = path.join(out, 'linux-unpacked');
  files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
}, 300_000);

describe('the packaged desktop app (linux dir, stand-in Electron)', () => {
  it('holds the main, preload and renderer bundles and the icons', () => {
    for (const f of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/assets/icons/icon.png']) expect(files).toContain(f);
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'Wharf'))).toBe(true);
  });

  it('carries the production dependencies and none of the development ones', () => {
    const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3).join('/')));
    for (const m of ['zod', '@noble/hashes', 'electron-log', 'electron-updater']) expect(modules).toContain(m);
    for (const m of ['electron', 'react', 'antd', 'dexie', 'vitest', 'typescript', 'vite', 'playwright-core', 'tsx', 'electron-builder', 'fake-indexeddb']) expect(modules).not.toContain(m);
    // no sources, tests, TypeScript or source maps (zod ships its .ts sources: left out)
    expect(files.filter((f) => /^\/(main|renderer|shared|preload|test|scripts)\//.test(f) || /\.(map|ts|mts|cts)$/.test(f))).toEqual([]);
  });

  it('has a main bundle that loads only production dependencies, Node built-ins and electron', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const main = fs.readFileSync(path.join(root, 'out/main/index.js'), 'utf8');
    const specs = [...main.matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((m) => m[1]!);
    const pkgName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    expect(specs).toEqual(expect.arrayContaining(['zod', 'electron', 'electron-updater']));
    const outside = specs.filter((s) => !s.startsWith('node:') && s !== 'electron' && !(pkgName(s) in pkg.dependencies));
    expect(outside).toEqual([]);
  });

  it('keeps only the zh-CN and en-US Chromium locales', () => {
    expect(fs.readdirSync(path.join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema, and the check can fail', async () => {
    const quiet = { isEnabled: false, add: () => undefined, save: async () => undefined } as never;
    await expect(validateConfiguration(config as never, quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: true } } as never, quiet)).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds a per-user NSIS installer for Windows x64 with a desktop shortcut, published to a generic host', () => {
    expect(config.productName).toBe('Wharf 码头');
    expect(config.npmRebuild).toBe(false);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: 'always' });
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
    expect(fs.existsSync(path.join(root, config.win.icon))).toBe(true);
  });
});
