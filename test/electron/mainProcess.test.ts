// The desktop main process, composed with a faked Electron: the order things happen in (scheme
// before ready, single-instance lock), the window it opens, the IPC it binds, the tray, hiding
// on close and the clean quit. The real runtime cannot run here; this is the next best proof.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/hostHarness';

type Handler = (...a: any[]) => any;
const calls: string[] = [];
const appEvents = new Map<string, Handler[]>();
const ipcHandlers = new Map<string, Handler>();
const windows: FakeWindow[] = [];
let readyResolve!: () => void;
const ready = new Promise<void>((r) => { readyResolve = r; });
let lockGranted = true;
let protocolHandler: Handler | undefined;

class FakeWebContents {
  sent: [string, string][] = [];
  send(ch: string, text: string) { this.sent.push([ch, text]); }
  isDestroyed() { return false; }
}
class FakeWindow {
  events = new Map<string, Handler[]>();
  webContents = new FakeWebContents();
  visible = false;
  url = '';
  constructor(readonly opts: any) { windows.push(this); calls.push('BrowserWindow'); }
  on(ev: string, fn: Handler) { this.events.set(ev, [...(this.events.get(ev) ?? []), fn]); return this; }
  once(ev: string, fn: Handler) { return this.on(ev, fn); }
  emit(ev: string, ...a: any[]) { for (const fn of this.events.get(ev) ?? []) fn(...a); }
  loadURL(u: string) { this.url = u; return Promise.resolve(); }
  show() { this.visible = true; }
  hide() { this.visible = false; }
  focus() { calls.push('focus'); }
  isMinimized() { return false; }
  restore() {}
  maximize() {}
  isMaximized() { return false; }
  isDestroyed() { return false; }
  getBounds() { return { x: 10, y: 20, width: 1400, height: 880 }; }
  getNormalBounds() { return this.getBounds(); }
}

vi.mock('electron', () => ({
  app: {
    getAppPath: () => path.resolve(import.meta.dirname, '../..'),
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: () => { calls.push('lock'); return lockGranted; },
    whenReady: () => ready,
    on: (ev: string, fn: Handler) => { appEvents.set(ev, [...(appEvents.get(ev) ?? []), fn]); },
    quit: () => { calls.push('quit'); },
    exit: (code: number) => { calls.push(`exit ${code}`); },
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown) => { calls.push(`privileged ${JSON.stringify(s)}`); },
    handle: (scheme: string, fn: Handler) => { calls.push(`handle ${scheme}`); protocolHandler = fn; },
  },
  BrowserWindow: FakeWindow,
  ipcMain: { handle: (ch: string, fn: Handler) => { ipcHandlers.set(ch, fn); }, removeHandler: (ch: string) => ipcHandlers.delete(ch) },
  Menu: { buildFromTemplate: (t: unknown) => t },
  Tray: class { menu: unknown; constructor() { calls.push('tray'); } setToolTip() {} setContextMenu(m: unknown) { this.menu = m; } on() {} destroy() { calls.push('tray destroyed'); } },
  nativeImage: { createFromPath: () => ({}), createEmpty: () => ({}) },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (s: string) => Buffer.from(`OS:${s}`),
    decryptStringAsync: async (b: Buffer) => ({ result: b.toString().slice(3), shouldReEncrypt: false }),
  },
  screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }), getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  session: { defaultSession: { setPermissionRequestHandler: () => calls.push('permission handler'), setPermissionCheckHandler: () => calls.push('permission check') } },
  shell: { openExternal: async () => undefined },
}));
vi.mock('electron-updater', () => ({ default: { autoUpdater: { on() {}, removeListener() {}, setFeedURL() {}, checkForUpdates: async () => null } } }));
vi.mock('electron-log/main', () => ({
  default: {
    transports: { file: {} }, hooks: [], errorHandler: { startCatching() {} },
    info: (...a: unknown[]) => calls.push(`log ${a.join(' ')}`), warn: (...a: unknown[]) => calls.push(`warn ${a.join(' ')}`), error: (...a: unknown[]) => calls.push(`error ${a.join(' ')}`),
  },
}));

const dataDir = tempDir('wharf-desktop-');
const savedEnv = { ...process.env };

beforeAll(async () => {
  process.env.WHARF_DATA_DIR = dataDir;
  process.env.WHARF_DEMO = '0';
  await import('../../main/electron/main');
  expect(calls.slice(0, 2)).toEqual([expect.stringMatching(/^privileged .*"scheme":"app".*"standard":true.*"secure":true/), 'lock']);
  readyResolve();
  await vi.waitFor(() => expect(windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(() => { process.env = savedEnv; });

describe('the desktop main process (faked Electron)', () => {
  it('opens one sandboxed window on app://wharf with the preload bridge', () => {
    const w = windows[0]!;
    expect(w.url).toBe('app://wharf/index.html');
    expect(w.opts.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(w.opts.webPreferences.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(w.opts.title).toBe('Wharf 码头');
    expect(calls).toContain('handle app');
    expect(calls).toContain('tray');
    expect(calls).toContain('permission handler');
  });

  it('binds every contract request over IPC and answers from the app frame only', async () => {
    const h = ipcHandlers.get('wharf:req:app.info')!;
    const ok = await h({ senderFrame: { url: 'app://wharf/index.html' } }, {});
    expect(ok).toMatchObject({ ok: true, output: { version: '0.1.0-test', shell: 'desktop', secretStore: { kind: 'os' } } });
    const refused = await h({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const diag = await ipcHandlers.get('wharf:req:app.diagnostics')!({ senderFrame: { url: 'app://wharf/index.html' } }, {});
    expect(diag.output.text).toContain('shell: desktop');
  });

  it('seals the secrets key with safeStorage, not a key file', () => {
    expect(fs.existsSync(path.join(dataDir, 'secret.key.safe'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
  });

  it('serves the renderer over app:// and refuses paths out of it', async () => {
    const page = await protocolHandler!({ url: 'app://wharf/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await protocolHandler!({ url: 'app://wharf/..%2f..%2fpackage.json', method: 'GET' })).status).toBe(400);
  });

  it('hides to the tray on close; a second start focuses the window', () => {
    const w = windows[0]!;
    w.visible = true;
    let prevented = false;
    w.emit('close', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
    expect(w.visible).toBe(false);
    for (const fn of appEvents.get('second-instance') ?? []) fn();
    expect(w.visible).toBe(true);
    expect(calls).toContain('focus');
  });

  it('quits cleanly: the host stops first, then the app quits and the window may close', async () => {
    let prevented = false;
    for (const fn of appEvents.get('before-quit') ?? []) fn({ preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(calls).toContain('quit'), { timeout: 10_000 });
    expect(calls).toContain('tray destroyed');
    // quitting now: close is no longer turned into hide
    let closePrevented = false;
    windows[0]!.emit('close', { preventDefault: () => { closePrevented = true; } });
    expect(closePrevented).toBe(false);
    // the second before-quit (from app.quit) goes through
    let again = false;
    for (const fn of appEvents.get('before-quit') ?? []) fn({ preventDefault: () => { again = true; } });
    expect(again).toBe(false);
  });
});
