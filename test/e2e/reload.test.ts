// The local store lives in the browser profile (on-disk IndexedDB): closing and reopening the
// browser keeps every order without the host re-sending anything, and a new, empty profile is
// offered the host's journal to rebuild from.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, removeDir, screenshot, tempDir, type BrowserHandle } from '../support/browser';
import { inboxFiles, spawnServe, waitFor, type ServeProcess } from '../support/serve';

let serve: ServeProcess;
let profileDir: string;
let current: { browser: BrowserHandle; page: Page } | undefined;
let firstIds: string[] = [];

const ORDERS = 60;

async function open(profile?: string) {
  const browser = await launchBrowser({ profileDir: profile, logPrefix: '[reload page]' });
  const page = await browser.page();
  current = { browser, page };
  await page.goto(serve.url);
  await page.locator('[data-testid="pool-table"]').waitFor({ state: 'visible', timeout: 20_000 });
  return current;
}

async function storedIds(page: Page): Promise<string[]> {
  const keys = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { poolKeys(f: object): Promise<string[]> } }).wharfDiagnostics.poolKeys({}));
  return keys.sort();
}

async function poolCount(page: Page): Promise<number | undefined> {
  const text = (await page.locator('[data-testid="pool-count"]').textContent({ timeout: 2000 }))?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

beforeAll(async () => {
  // no new orders arrive: the store can settle while the eight demo shops finish their first pulls
  serve = await spawnServe({ env: { WHARF_DEMO_ORDERS: String(ORDERS), WHARF_DEMO_ARRIVALS_PER_MIN: '0' } });
  profileDir = tempDir('wharf-profile-reload-');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(current?.page, `reload-${ctx.task.name}`);
});

afterAll(async () => {
  await current?.browser.close();
  await serve?.stop();
  removeDir(profileDir);
});

describe('the store survives the browser', () => {
  it('ingests the demo orders into a profile', async () => {
    const { page } = await open(profileDir);
    // settled: every inbox batch acknowledged and two looks at the store agree
    let last = -1;
    let same = 0;
    await waitFor(async () => {
      const ids = await storedIds(page);
      same = ids.length === last && inboxFiles(serve.dataDir).length === 0 ? same + 1 : 0;
      last = ids.length;
      // every demo shop's first pull is in: the count has not moved for 3 s and nothing waits
      return ids.length >= ORDERS * 0.8 && same >= 6;
    }, { timeoutMs: 60_000, intervalMs: 500, what: 'the demo orders to be ingested and acknowledged' });
    firstIds = await storedIds(page);
    await expect.poll(() => poolCount(page), { timeout: 10_000 }).toBe(firstIds.length);
    // give the journal pump time to stream the new events to the host
    await page.waitForTimeout(1500);
    await current!.browser.close({ keepProfile: true });
    current = undefined;
  });

  it('reopening the same profile shows the same orders from disk', async () => {
    expect(inboxFiles(serve.dataDir)).toEqual([]); // nothing left for the host to re-send
    const { page, browser } = await open(profileDir);
    await expect.poll(() => poolCount(page), { timeout: 10_000 }).toBe(firstIds.length);
    expect(await storedIds(page)).toEqual(firstIds);
    // not a fresh store: no journal replay offered
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-testid="journal-banner"]').count()).toBe(0);
    await browser.close({ keepProfile: true });
    current = undefined;
  });

  it('a new profile is offered the journal and rebuilds the orders from it', async () => {
    const { page } = await open();
    const banner = page.locator('[data-testid="journal-banner"]');
    await banner.waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('[data-testid="nav-settings"]').click();
    const start = page.locator('[data-testid="journal-replay-start"]');
    await start.waitFor({ state: 'visible', timeout: 10_000 });
    await start.click();
    await expect.poll(async () => (await storedIds(page)).length, { timeout: 30_000 }).toBe(firstIds.length);
    expect(await storedIds(page)).toEqual(firstIds);
  });
});
