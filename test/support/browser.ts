// Chromium for end-to-end tests and benchmarks: Debian's /usr/bin/chromium driven by
// playwright-core, one persistent (on-disk) profile per caller, so IndexedDB behaves as it does
// for a real user. Never downloads a browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHandle {
  context: BrowserContext;
  profileDir: string;
  /** the first page of the context (a persistent context always opens one) */
  page(): Promise<Page>;
  /** closes the browser; removes the profile unless keepProfile (or it was given by the caller) */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (!dir) return;
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch (e) {
    process.stderr.write(`[support] could not remove ${dir}: ${(e as Error).message}\n`);
  }
}

export interface LaunchOptions {
  /** reuse an existing profile (reload tests); otherwise a fresh temp dir is made */
  profileDir?: string;
  /** console messages and page errors go to stderr with this prefix (default: only errors) */
  logPrefix?: string;
  verboseConsole?: boolean;
  viewport?: { width: number; height: number };
}

export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserHandle> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set WHARF_CHROMIUM`);
  }
  const own = !opts.profileDir;
  const profileDir = opts.profileDir ?? tempDir('wharf-profile-');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const prefix = opts.logPrefix ?? '[page]';
  const wire = (p: Page) => {
    p.on('pageerror', (e) => process.stderr.write(`${prefix} pageerror: ${e.message}\n`));
    p.on('response', (r) => {
      if (r.status() >= 400) process.stderr.write(`${prefix} HTTP ${r.status()} ${r.request().method()} ${r.url()}\n`);
    });
    p.on('console', (m) => {
      if (opts.verboseConsole || m.type() === 'error') process.stderr.write(`${prefix} console.${m.type()}: ${m.text().slice(0, 2000)}\n`);
    });
  };
  context.pages().forEach(wire);
  context.on('page', wire);
  let closed = false;
  return {
    context,
    profileDir,
    async page() {
      return context.pages()[0] ?? context.newPage();
    },
    async close(o = {}) {
      if (!closed) {
        closed = true;
        await context.close().catch((e) => process.stderr.write(`[support] closing the browser: ${(e as Error).message}\n`));
      }
      if (own && !o.keepProfile) removeDir(profileDir);
    },
  };
}

/** Saves a screenshot (best effort) and returns its path. */
export async function screenshot(page: Page | undefined, name: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  const file = path.join(os.tmpdir(), `e2e-${name.replace(/[^\w.-]+/g, '_')}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    process.stderr.write(`[support] screenshot: ${file}\n`);
    return file;
  } catch (e) {
    process.stderr.write(`[support] screenshot failed: ${(e as Error).message}\n`);
    return undefined;
  }
}
