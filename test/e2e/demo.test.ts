// A first-time user in demo mode, end to end: `npm run serve` with nothing configured, the URL
// opened in Chromium with no query string. The pool fills from the built-in simulators (a demo
// shop on every platform, two on Taobao/Tmall), search finds one order, its detail shows the
// story, a tracking number goes back to the platform, an Excel export is imported, Sync pulls
// again, the operator switch takes a PIN, and a real shop can be added and edited.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { getJson, healthz, spawnServe, waitFor, type ServeProcess } from '../support/serve';
import { manualOrder, openAtBench, openFloor, packScan } from '../support/floorUi';

interface SimTrade { tid: string; created: string; modified: string }
interface SimCall { at: number; api: string; params: Record<string, string>; status: number }
interface SimInfo { url: string; credentials: { app_key: string; app_secret: string; session: string }; shopId: string }

let serve: ServeProcess;
let browser: BrowserHandle;
let page: Page;
let simUrl: string;
let channels: { platform: string; url: string }[] = [];
let openedAt = 0;
const FLAGSHIP = 'demo-taobao';
/** platforms.md: PDD lists 3 min and Youzan 30 s behind its own clock */
const MANDATED_DELAY_MS: Record<string, number> = { pdd: 180_000, youzan: 30_000 };

const sim = {
  orders: async () => (await getJson<{ orders: SimTrade[] }>(`${simUrl}/__sim/orders`)).orders,
  calls: async () => (await getJson<{ calls: SimCall[] }>(`${simUrl}/__sim/calls`)).calls,
  now: async () => (await getJson<{ now: number }>(`${simUrl}/__sim/clock`)).now,
  info: () => getJson<SimInfo>(`${simUrl}/__sim/info`),
};

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

async function poolCount(): Promise<number | undefined> {
  const text = (await byTestId('pool-count').textContent({ timeout: 2000 }))?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Scrolls the virtual pool table top to bottom, collecting every row's data-order-id. */
async function scrollPoolIds(): Promise<Set<string>> {
  const table = byTestId('pool-table');
  await table.evaluate((el) => { el.scrollTop = 0; });
  const ids = new Set<string>();
  for (let guard = 0; guard < 500; guard++) {
    // rows still loading render as placeholders (aria-busy) without an order id
    await page.waitForFunction(() => !document.querySelector('[data-testid="pool-table"] [role="row"][aria-busy="true"]'), undefined, { timeout: 5000 }).catch(() => undefined);
    for (const id of await table.locator('[data-testid="pool-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id') ?? ''))) ids.add(id);
    const atEnd = await table.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return true;
      el.scrollTop += Math.max(100, el.clientHeight - 120);
      return false;
    });
    if (atEnd) break;
    await page.waitForTimeout(50);
  }
  ids.delete('');
  return ids;
}

const shanghaiMs = (s: string) => Date.parse(`${s.replace(' ', 'T')}+08:00`);

/**
 * The sim trades the demo shop's pulls so far can have seen (created up to the last list
 * window's end; new ones keep arriving, ~2 a minute) and whether the pulls reached the present.
 */
function visibleToPulls(orders: SimTrade[], calls: SimCall[], simNow: number): { expected: SimTrade[]; caughtUp: boolean } {
  const ends = calls.filter((c) => c.api === 'taobao.trades.sold.increment.get' && c.status === 200 && c.params.end_modified).map((c) => c.params.end_modified!);
  const lastEnd = ends.sort().at(-1);
  if (!lastEnd) return { expected: [], caughtUp: false };
  return { expected: orders.filter((o) => o.created <= lastEnd), caughtUp: simNow - shanghaiMs(lastEnd) < 5 * 60_000 };
}

beforeAll(async () => {
  serve = await spawnServe();
  const h = await healthz(serve.url);
  simUrl = h.demo.channels.find((c) => c.platform === 'taobao')!.url;
  channels = h.demo.channels;
  browser = await launchBrowser({ logPrefix: '[demo page]' });
  page = await browser.page();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `demo-${ctx.task.name}`);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('demo mode as a first-time user', () => {
  it('opens on the order pool, signed in as the demo ops lead, with a demo banner', async () => {
    openedAt = Date.now();
    await page.goto(serve.url);
    expect(new URL(page.url()).search).toBe('');
    await byTestId('pool-table').waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => byTestId('operator-button').textContent(), { timeout: 10_000 }).toContain('林静');
    await byTestId('demo-banner').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await byTestId('operator-modal').count()).toBe(0);
  });

  it('fills the pool with exactly the flagship simulator\'s orders within 30 s, beside every other demo shop', async () => {
    let expected: SimTrade[] = [];
    let agreed = 0;
    const count = await waitFor(async () => {
      const [orders, calls, simNow, shown, flagship, all] = await Promise.all([sim.orders(), sim.calls(), sim.now(), poolCount(), pooledOrderIds([FLAGSHIP]), pooledOrderIds()]);
      const v = visibleToPulls(orders, calls, simNow);
      expected = v.expected;
      // settled: the pull reached the present, the flagship's orders are all in, the pool shows
      // every stored order, and two looks in a row agree
      agreed = v.caughtUp && expected.length > 0 && flagship.length === expected.length && shown === all.length ? agreed + 1 : 0;
      return agreed >= 2 ? flagship.length : undefined;
    }, { timeoutMs: Math.max(5000, openedAt + 30_000 - Date.now()), intervalMs: 300, what: 'the flagship shop\'s orders to equal its simulator\'s within 30 s of opening the page' });
    process.stderr.write(`[demo] the pool showed all ${count} pulled flagship orders ${((Date.now() - openedAt) / 1000).toFixed(1)} s after the page opened\n`);
    expect(count).toBeGreaterThanOrEqual(250); // WHARF_DEMO_ORDERS defaults to 300; a few may be newer than the pull

    const want = new Set(expected.map((o) => o.tid));
    expect(new Set(await pooledOrderIds([FLAGSHIP]))).toEqual(want);
    // the virtual table shows every stored order (all shops), nothing more
    const shown = await scrollPoolIds();
    const stored = new Set(await pooledOrderIds());
    const missing = [...stored].filter((id) => !shown.has(id));
    const extra = [...shown].filter((id) => !stored.has(id));
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5), shown: shown.size }).toEqual({ missing: [], extra: [], shown: stored.size });
  });

  it('pulls every platform\'s demo shop: nothing the platform does not hold, and what it held a while ago', async () => {
    const kit = channels.filter((c) => c.platform !== 'taobao');
    expect(kit.map((c) => c.platform).sort()).toEqual(['douyin', 'jd', 'kuaishou', 'pdd', 'wechat', 'youzan']);
    expect(channels.filter((c) => c.platform === 'taobao')).toHaveLength(2);
    for (const c of kit) {
      const info = await getJson<{ shopId: string }>(`${c.url}/__sim/info`);
      const delayMs = MANDATED_DELAY_MS[c.platform] ?? 0;
      const check = async () => {
        const [{ orders }, { calls }, stored] = await Promise.all([
          getJson<{ orders: { orderId: string; paidAt?: number; modifiedAt: number }[] }>(`${c.url}/__sim/orders?view=neutral`),
          getJson<{ calls: { at: number; status: number }[] }>(`${c.url}/__sim/calls`),
          pooledOrderIds([info.shopId]),
        ]);
        // The first pull began no later than its first answered call, and its windows ended the
        // platform's mandated delay before that. An order whose latest change falls after that
        // horizon is listed by update time only from then on, so the first pull legitimately
        // misses it and the next scheduled pull (15 min later, through the overlap) brings it.
        // What the first pull covered must all be in the pool. PDD and JD list paid orders only.
        const answered = calls.filter((x) => x.status === 200).map((x) => x.at);
        if (answered.length === 0) return undefined;
        const horizon = Math.min(...answered) - delayMs - 1000;
        const listed = orders.filter((o) => (c.platform === 'pdd' || c.platform === 'jd' ? o.paidAt !== undefined : true) && o.modifiedAt < horizon);
        const all = new Set(orders.map((o) => o.orderId));
        const have = new Set(stored);
        return { extra: stored.filter((id) => !all.has(id)), missing: listed.filter((o) => !have.has(o.orderId)).map((o) => o.orderId), covered: listed.length, stored: stored.length };
      };
      let seen: Awaited<ReturnType<typeof check>>;
      const r = await waitFor(async () => { const x = (seen = await check()); return x && x.missing.length === 0 && x.covered > 0 && x.stored > 0 ? x : undefined; }, { timeoutMs: 60_000, intervalMs: 500, what: `the ${c.platform} demo shop's orders in the pool` })
        .catch((e: Error) => { throw new Error(`${e.message}; last look: ${JSON.stringify(seen && { ...seen, missing: seen.missing.slice(0, 10) })}`); });
      process.stderr.write(`[demo] ${c.platform}: ${r.stored} orders pulled\n`);
      expect(r.extra).toEqual([]);
    }
  });

  it('finds one order by its full id and opens its detail with a timeline', async () => {
    const pulled = new Set(await pooledOrderIds());
    const candidates = (await sim.orders()).filter((o) => pulled.has(o.tid));
    const target = candidates[Math.floor(candidates.length / 2)]!;
    expect(target).toBeDefined();
    const search = byTestId('pool-search');
    await search.fill(target.tid);
    await search.press('Enter');
    await expect.poll(poolCount, { timeout: 10_000 }).toBe(1);
    const rows = byTestId('pool-table').locator('[data-testid="pool-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().getAttribute('data-order-id')).toBe(target.tid);

    await rows.first().click();
    await byTestId('order-detail').waitFor({ state: 'visible', timeout: 10_000 });
    const timeline = byTestId('order-timeline');
    await timeline.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => timeline.locator('[data-testid="timeline-entry"]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => byTestId('detail-order-id').first().textContent(), { timeout: 5000 }).toContain(target.tid);

    await page.keyboard.press('Escape');
    await byTestId('order-detail').waitFor({ state: 'hidden', timeout: 10_000 });
    await search.fill('');
    await search.press('Enter');
  });

  it('marks an order shipped: the tracking number reaches the platform through the outbox', async () => {
    const pulled = new Set(await pooledOrderIds([FLAGSHIP]));
    const target = (await getJson<{ orders: (SimTrade & { status: string })[] }>(`${simUrl}/__sim/orders`)).orders.find((o) => pulled.has(o.tid) && o.status === 'WAIT_SELLER_SEND_GOODS');
    expect(target, 'a paid flagship order waiting to ship').toBeDefined();
    const search = byTestId('pool-search');
    await search.fill(target!.tid);
    await search.press('Enter');
    const rows = byTestId('pool-table').locator('[data-testid="pool-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await rows.first().click();
    await byTestId('order-detail').waitFor({ state: 'visible', timeout: 10_000 });
    await byTestId('mark-shipped').click();
    const modal = page.locator('.ant-modal', { hasText: '回传单号' });
    await modal.waitFor({ state: 'visible', timeout: 5000 });
    await modal.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '中通快递' }).click();
    await modal.locator('#trackingNo').fill('75312345678901');
    await byTestId('ship-submit').click();
    await page.locator('[data-testid="write-back-row"][data-state="done"]').waitFor({ state: 'visible', timeout: 30_000 });
    const after = (await getJson<{ orders: (SimTrade & { status: string; orders: { invoice_no?: string; refund_status: string }[] })[] }>(`${simUrl}/__sim/orders`)).orders.find((o) => o.tid === target!.tid)!;
    expect(after.status).toBe('WAIT_BUYER_CONFIRM_GOODS');
    // every line still to ship went with this number (a refunded line stays behind)
    expect(after.orders.filter((l) => l.refund_status !== 'SUCCESS').map((l) => l.invoice_no)).toEqual(after.orders.filter((l) => l.refund_status !== 'SUCCESS').map(() => '75312345678901'));
    await page.keyboard.press('Escape');
    await byTestId('order-detail').waitFor({ state: 'hidden', timeout: 10_000 });
    await search.fill('');
    await search.press('Enter');
  });

  it('imports a GBK CSV export: mapping, row errors, valid rows only, then the orders are in the pool', async () => {
    await byTestId('nav-import').click();
    await byTestId('import-page').waitFor({ state: 'visible', timeout: 10_000 });
    await byTestId('import-shop').click();
    await page.locator('.ant-select-item-option', { hasText: '拾光家居旗舰店' }).click();
    await byTestId('import-page').locator('input[type="file"]').setInputFiles(path.join(process.cwd(), 'test/fixtures/import/taobao-gbk.csv'));
    await byTestId('import-preview').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => byTestId('import-valid').textContent(), { timeout: 5000 }).toContain('2');
    const errors = byTestId('import-errors');
    await expect.poll(() => errors.textContent(), { timeout: 5000 }).toContain('买家实际支付金额');
    expect(await byTestId('import-run').isDisabled()).toBe(true);
    await byTestId('import-valid-only').click();
    await byTestId('import-run').click();
    await page.locator('.ant-message-success', { hasText: '已导入 2 张订单' }).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await pooledOrderIds([FLAGSHIP])).toEqual(expect.arrayContaining(['4012345678901234567', '3987654321098765432']));
    await byTestId('nav-pool').click();
    const search = byTestId('pool-search');
    await search.fill('4012345678901234567');
    await search.press('Enter');
    await expect.poll(poolCount, { timeout: 10_000 }).toBe(1);
    await search.fill('');
    await search.press('Enter');
  });

  it('pulls again from the Sync screen', async () => {
    await byTestId('nav-sync').click();
    await byTestId('sync-panel').waitFor({ state: 'visible', timeout: 10_000 });
    const isList = (c: SimCall) => c.api === 'taobao.trades.sold.increment.get';
    const before = (await sim.calls()).filter(isList).length;
    const pull = byTestId('pull-now').first();
    await expect.poll(() => pull.isEnabled(), { timeout: 30_000 }).toBe(true); // the start-up pull may still run
    await pull.click();
    await expect.poll(async () => (await sim.calls()).filter(isList).length, { timeout: 15_000 }).toBeGreaterThan(before);
  });

  it('switches the operator to the admin with a PIN', async () => {
    await byTestId('operator-button').click();
    const modal = byTestId('operator-modal');
    await modal.waitFor({ state: 'visible', timeout: 10_000 });
    await modal.locator('[data-testid="operator-user"][data-user-id="u-admin"]').click();
    const pin = byTestId('operator-pin');
    await expect.poll(() => pin.isEnabled(), { timeout: 5000 }).toBe(true);
    await pin.fill('0000');
    await pin.press('Enter');
    await expect.poll(() => byTestId('operator-button').textContent(), { timeout: 10_000 }).toContain('周敏');
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('adds a shop on the simulator and edits its name', async () => {
    const info = await sim.info();
    await byTestId('nav-shops').click();
    await byTestId('shops-page').waitFor({ state: 'visible', timeout: 10_000 });

    await byTestId('shop-add').click();
    const form = byTestId('shop-form');
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    await form.locator('#name').fill('测试淘宝店');
    await form.locator('#gatewayUrl').fill(`${info.url}/router/rest`);
    await form.locator('#appKey').fill(info.credentials.app_key);
    await form.locator('#secret').fill(info.credentials.app_secret);
    await form.locator('#session').fill(info.credentials.session);
    await saveShopForm();

    const row = page.locator('[data-testid="shop-row"]', { hasText: '测试淘宝店' });
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const shopId = await row.getAttribute('data-shop-id');
    expect(shopId).toBeTruthy();
    expect(shopId).not.toBe(info.shopId);

    await row.locator('[data-testid="shop-edit"]').click();
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => form.locator('#name').inputValue(), { timeout: 5000 }).toBe('测试淘宝店');
    await form.locator('#name').fill('测试淘宝店（改名）');
    await saveShopForm();
    const edited = page.locator(`[data-testid="shop-row"][data-shop-id="${shopId}"]`);
    await expect.poll(() => edited.textContent(), { timeout: 10_000 }).toContain('测试淘宝店（改名）');

    // the host has it too, with its secrets stored (never shown)
    const shops = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { db: { shops: { toArray(): Promise<{ id: string; name: string; hasSecret: boolean; hasSession: boolean }[]> } } } }).wharfDiagnostics.db.shops.toArray());
    expect(shops.find((s) => s.id === shopId)).toMatchObject({ name: '测试淘宝店（改名）', hasSecret: true, hasSession: true });
  });

  it('copies diagnostics and saves an update URL from Settings', async () => {
    await byTestId('nav-settings').click();
    await byTestId('device-card').waitFor({ state: 'visible', timeout: 10_000 });
    // so the test can read back what the app wrote (the app itself only writes)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(serve.url).origin });
    await byTestId('copy-diagnostics').click();
    // headless Chromium may refuse the clipboard: then the text is shown to copy by hand
    const text = await Promise.race([
      byTestId('diagnostics-text').waitFor({ state: 'visible', timeout: 10_000 }).then(() => byTestId('diagnostics-text').inputValue()),
      page.locator('.ant-message-success', { hasText: '诊断信息已复制' }).waitFor({ state: 'visible', timeout: 10_000 }).then(() => page.evaluate(() => navigator.clipboard.readText())),
    ]);
    expect(text).toMatch(/^Wharf \S+ diagnostics/);
    expect(text).toContain('测试淘宝店（改名）');
    expect(text).toMatch(/renderer: device \S+/);
    await page.keyboard.press('Escape');

    const card = byTestId('updates-card');
    await expect.poll(() => byTestId('updates-status').textContent(), { timeout: 10_000 }).toContain('git pull');
    await card.locator('[data-testid="updates-url"]').fill('http://updates.example.cn/wharf/');
    await byTestId('updates-save').click();
    await page.locator('.ant-message-error', { hasText: 'https://' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await card.locator('[data-testid="updates-url"]').fill('https://updates.example.cn/wharf/');
    await byTestId('updates-save').click();
    await page.locator('.ant-message-success', { hasText: '更新设置已保存' }).waitFor({ state: 'visible', timeout: 10_000 });
    const saved = JSON.parse(fs.readFileSync(path.join(serve.dataDir, 'updates.json'), 'utf8'));
    expect(saved).toEqual({ url: 'https://updates.example.cn/wharf/', channel: 'stable' });
  });

  it('packs a manual order on the floor and prints its own label on the demo printer, with nothing set up', async () => {
    const h = await healthz(serve.url);
    expect(h.demo.printer?.port).toBeGreaterThan(0);
    const orderId = await manualOrder(page, 3, [['TY-004', 1]]);
    await openFloor(page, 'pack');
    await openAtBench(page, orderId);
    await packScan(page, '692000237573');
    await expect.poll(() => byTestId('pack-verdict').getAttribute('data-verdict'), { timeout: 15_000 }).toBe('label.printed');
    // the demo company's ZTO range, the demo printer's job in the queue
    expect(await byTestId('pack-verdict').textContent()).toMatch(/ZTO 7310000\d{5}/);
    await openFloor(page, 'queue');
    await expect.poll(() => page.locator('[data-testid^="job-state-"]', { hasText: '已打印' }).count()).toBe(1);
  });

  it('after every scenario above the stock self-check finds no drift', async () => {
    const report = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { checkStock(): Promise<{ drifts: unknown[]; movements: number }> } }).wharfDiagnostics.checkStock());
    expect(report.drifts).toEqual([]);
    expect(report.movements).toBeGreaterThan(0);
  });
});

/** Saves the shop drawer; when it stays open, fails with what the form says is wrong. */
async function saveShopForm(): Promise<void> {
  await byTestId('shop-save').click();
  try {
    await byTestId('shop-form').waitFor({ state: 'hidden', timeout: 10_000 });
  } catch {
    const errors = await page.locator('[data-testid="shop-form-error"], .ant-form-item-explain-error').allTextContents();
    throw new Error(`the shop form did not close after Save; it shows: ${JSON.stringify(errors)}`);
  }
}

/** Order ids in the local store (window.wharfDiagnostics: the support tools' read-only view). */
async function pooledOrderIds(shopIds?: string[]): Promise<string[]> {
  const keys = await page.evaluate((ids) => (globalThis as unknown as { wharfDiagnostics: { poolKeys(f: object): Promise<string[]> } }).wharfDiagnostics.poolKeys(ids ? { shopIds: ids } : {}), shopIds);
  return keys.map((k) => k.split(':').slice(2).join(':'));
}
