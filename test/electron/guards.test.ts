import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { secureWebPreferences } from '../../main/electron/secureWebPreferences';
import { APP_INDEX, isAppUrl, resolveAppPath } from '../../main/electron/appUrl';
import { guardContents, guardPermissions, isAllowedExternal, permissionAllowed } from '../../main/electron/guards';

describe('secureWebPreferences', () => {
  it('sandboxes the page and keeps Node out of it', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs');
    expect(p).toMatchObject({
      preload: '/app/out/preload/index.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true,
      allowRunningInsecureContent: false, experimentalFeatures: false, navigateOnDragDrop: false,
    });
  });
});

describe('app:// URLs', () => {
  const root = path.resolve('/opt/wharf/resources/app.asar/out/renderer');
  it('knows its own origin', () => {
    expect(isAppUrl(APP_INDEX)).toBe(true);
    expect(isAppUrl('app://wharf/assets/index.js')).toBe(true);
    for (const u of ['app://evil/index.html', 'file:///index.html', 'http://127.0.0.1:5780/', 'https://wharf/', 'not a url']) expect(isAppUrl(u)).toBe(false);
  });
  it('serves files inside the renderer folder, index for the root', () => {
    expect(resolveAppPath(root, 'app://wharf/')).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://wharf/assets/index-abc.js?x=1#y')).toEqual({ ok: true, file: path.join(root, 'assets', 'index-abc.js') });
    expect(resolveAppPath(root, 'app://wharf/assets/%E5%9B%BE.png')).toEqual({ ok: true, file: path.join(root, 'assets', '图.png') });
  });
  it('never resolves outside the folder, and refuses what would', () => {
    // the URL parser itself folds plain and %2e dot segments (they stay inside); what decodes
    // into a way out afterwards is refused
    for (const u of ['app://wharf/../secret.key', 'app://wharf/%2e%2e/secret.key', 'app://wharf/assets/%2E%2E/%2E%2E/x']) {
      const r = resolveAppPath(root, u);
      expect(!r.ok || r.file.startsWith(root + path.sep), u).toBe(true);
    }
    for (const u of [
      'app://wharf/..%2f..%2fx', 'app://wharf/assets/..%2F..%2F..%2Fsecret.key', 'app://wharf/..%5c..%5cx', 'app://wharf/a%00.js',
      'app://wharf/C:/Windows/win.ini', 'app://wharf/%43:%5cWindows', 'app://wharf/%E0%A4%A', 'app://other/index.html', 'file:///etc/passwd',
    ]) {
      expect(resolveAppPath(root, u).ok, u).toBe(false);
    }
  });
});

describe('navigation, new windows and permissions', () => {
  function fakeContents() {
    const handlers = new Map<string, (e: { preventDefault(): void; prevented?: boolean }, url?: string) => void>();
    let open: ((d: { url: string }) => { action: string }) | undefined;
    return {
      on(ev: string, fn: never) { handlers.set(ev, fn); return this; },
      setWindowOpenHandler(fn: never) { open = fn; },
      fire(ev: string, url?: string) { const e = { prevented: false, preventDefault() { this.prevented = true; } }; handlers.get(ev)!(e, url); return e.prevented; },
      open: (url: string) => open!({ url }),
    };
  }
  it('keeps the window on the app and opens allowlisted links outside', () => {
    const wc = fakeContents();
    const external: string[] = [];
    guardContents(wc as never, (u) => external.push(u));
    expect(wc.fire('will-navigate', 'app://wharf/index.html')).toBe(false);
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(wc.fire('will-attach-webview')).toBe(true);
    expect(wc.open('https://open.taobao.com/doc.htm')).toEqual({ action: 'deny' });
    expect(wc.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(wc.open('http://open.taobao.com/')).toEqual({ action: 'deny' });
    expect(external).toEqual(['https://open.taobao.com/doc.htm']);
  });
  it('allowlists by exact host over https only', () => {
    expect(isAllowedExternal('https://open.jd.com/x')).toBe(true);
    for (const u of ['https://open.jd.com.evil.cn/', 'https://user:pw@open.jd.com/', 'javascript:alert(1)', 'file:///c:/x']) expect(isAllowedExternal(u)).toBe(false);
  });
  it('denies permissions by default', () => {
    expect(permissionAllowed('clipboard-sanitized-write', APP_INDEX)).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial']) expect(permissionAllowed(p, APP_INDEX)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    const calls: boolean[] = [];
    let req: (wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl?: string }) => void = () => undefined;
    let check: (wc: unknown, p: string, origin: string) => boolean = () => true;
    guardPermissions({ setPermissionRequestHandler: (fn: never) => { req = fn; }, setPermissionCheckHandler: (fn: never) => { check = fn; } } as never);
    req({ getURL: () => APP_INDEX }, 'media', (ok) => calls.push(ok), { requestingUrl: APP_INDEX });
    req({ getURL: () => APP_INDEX }, 'persistent-storage', (ok) => calls.push(ok), {});
    expect(calls).toEqual([false, true]);
    expect(check(null, 'geolocation', 'app://wharf')).toBe(false);
  });
});

describe('app:// responses', () => {
  it('serves the page with the desktop CSP, assets by type, and refuses the rest', async () => {
    const { appResponse, DESKTOP_CSP } = await import('../../main/electron/appProtocol');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-app-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Wharf</title>');
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'export {}');
    fs.writeFileSync(path.join(path.dirname(root), 'outside.txt'), 'secret');
    const page = await appResponse(root, 'app://wharf/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(await page.text()).toContain('<title>Wharf</title>');
    const js = await appResponse(root, 'app://wharf/assets/a.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await appResponse(root, 'app://wharf/missing.js')).status).toBe(404);
    expect((await appResponse(root, 'app://wharf/..%2foutside.txt')).status).toBe(400);
    expect((await appResponse(root, 'app://wharf/index.html', 'POST')).status).toBe(405);
    expect(DESKTOP_CSP).not.toContain('unsafe-eval');
  });
});
