// The warehouse desk's stock screens in the browser, on demo data, one session: goods received
// onto a fresh shelf (one batch near expiry), a blind cycle count of that shelf with one
// variance and its reason, a transfer to the other warehouse with a partial arrival, the
// near-expiry list, the replenishment list exported to Excel, the figures pushed to the demo
// shops — and the self-check finding no
// drift in the ledger after all of it.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { spawnServe, type ServeProcess } from '../support/serve';
import { formatShanghai } from '../../shared/time';

let serve: ServeProcess;
let browser: BrowserHandle;
let page: Page;

const SHELF = 'E2E-A';
const BATCH = 'E2E-B1';
const byTestId = (id: string, root: Page | Locator = page) => root.locator(`[data-testid="${id}"]`);

/** Opens an antd select and clicks the option with this text (in the dropdown opened last). */
async function choose(select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function typeCode(prefix: string, code: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await byTestId(`${prefix}-code`).fill(code);
    await byTestId(`${prefix}-code`).press('Enter');
  }
}

async function tab(name: string, ready: string): Promise<void> {
  await byTestId(`stock-tab-${name}`).click();
  await byTestId(ready).waitFor({ state: 'visible', timeout: 10_000 });
}

beforeAll(async () => {
  // a small demo and no new orders: the desk's own stock work is what moves the shelves here
  serve = await spawnServe({ env: { WHARF_DEMO_ORDERS: '20', WHARF_DEMO_ARRIVALS_PER_MIN: '0' } });
  browser = await launchBrowser({ logPrefix: '[stock screens]' });
  page = await browser.page();
  await page.goto(serve.url);
  await byTestId('pool-table').waitFor({ state: 'visible', timeout: 30_000 });
  await byTestId('nav-stock').click();
  await byTestId('stock-levels').waitFor({ state: 'visible', timeout: 10_000 });
}, 90_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `stock-screens-${ctx.task.name}`);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('stock screens at the warehouse desk', () => {
  it('receives goods onto a fresh shelf, one batch expiring in ten days', async () => {
    await tab('receive', 'stock-receive');
    await choose(byTestId('stock-receive-warehouse'), '义乌仓');
    await typeCode('stock-receive', 'TY-001');
    await byTestId('stock-receive-qty').first().fill('5');
    await byTestId('stock-receive-location').first().fill(SHELF);
    await typeCode('stock-receive', 'TY-002');
    const second = byTestId('stock-receive-line').nth(1);
    await byTestId('stock-receive-qty', second).fill('3');
    await byTestId('stock-receive-batch', second).fill(BATCH);
    await byTestId('stock-receive-expires', second).fill(formatShanghai(Date.now() + 10 * 86_400_000).slice(0, 10));
    await byTestId('stock-receive-submit').click();
    await expect.poll(() => byTestId('stock-receive-line').count(), { timeout: 10_000 }).toBe(0);
  });

  it('counts the shelf blind: system quantities appear only at review, one variance with its reason', async () => {
    await tab('count', 'stock-count');
    await choose(byTestId('stock-count-warehouse'), '义乌仓');
    await byTestId('stock-count-location').locator('input').fill(SHELF);
    expect(await byTestId('stock-count-blind').getAttribute('aria-checked')).toBe('true');
    await typeCode('stock-count', 'TY-001', 4);
    await typeCode('stock-count', 'TY-002');
    await expect.poll(() => byTestId('stock-count-line').count()).toBe(2);
    expect(await byTestId('stock-count-system').count()).toBe(0);
    await byTestId('stock-count-qty').nth(1).fill('3');
    await expect.poll(() => byTestId('stock-count-batch').nth(1).locator('input').inputValue()).toBe(BATCH);
    await byTestId('stock-count-review').click();
    const ty = page.locator('[data-testid="stock-count-review-line"][data-key="TY-001|"]');
    await ty.waitFor({ state: 'visible' });
    expect(await byTestId('stock-count-review-system', ty).textContent()).toBe('5');
    expect(await byTestId('stock-count-variance', ty).textContent()).toBe('-1');
    expect(await page.locator(`[data-testid="stock-count-review-line"][data-key="TY-002|${BATCH}"] [data-testid="stock-count-variance"]`).textContent()).toBe('0');
    await choose(byTestId('stock-count-reason', ty), '盘亏');
    await byTestId('stock-count-reason-text', ty).fill('e2e 少一件');
    await byTestId('stock-count-submit').click();
    await byTestId('stock-count-done').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await byTestId('stock-count-done-summary').textContent()).toContain('差异 1 行（盘盈 +0，盘亏 -1）');
    const counts = await page.evaluate(async () => {
      const db = (globalThis as unknown as { wharfDiagnostics: { db: { movements: { toArray(): Promise<Array<{ kind: string; sku: string; location: string; qty: number; reason: string }>> } } } }).wharfDiagnostics.db;
      return (await db.movements.toArray()).filter((m) => m.kind === 'count' && m.location === 'E2E-A').map((m) => [m.sku, m.qty, m.reason]);
    });
    expect(counts).toEqual([['TY-001', 4, '盘亏：e2e 少一件'], ['TY-002', 3, '盘点无差异']]);
  });

  it('sends a transfer to guangzhou; part arrives, the rest stays in transit', async () => {
    await tab('transfer', 'stock-transfer');
    await choose(byTestId('stock-transfer-from'), '义乌仓');
    await choose(byTestId('stock-transfer-to'), '广州仓');
    await typeCode('stock-transfer', 'TY-001');
    await byTestId('stock-transfer-qty').first().fill('3');
    await byTestId('stock-transfer-submit').click();
    const sent = byTestId('stock-transfer-sent');
    await sent.waitFor({ state: 'visible', timeout: 10_000 });
    const id = /TR-\d{14}-\w{3}/.exec((await sent.textContent()) ?? '')![0];
    await choose(byTestId('stock-transit-to'), '到 广州仓');
    const line = page.locator(`[data-testid="stock-transit-line"][data-transfer="${id}"]`);
    await line.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await byTestId('stock-transit-qty', line).textContent()).toBe('3');
    await byTestId('stock-transit-arrive-qty', line).fill('2');
    await byTestId('stock-transit-location', line).fill('E2E-G');
    await byTestId('stock-transit-confirm', line).click();
    await expect.poll(() => byTestId('stock-transit-qty', line).textContent(), { timeout: 10_000 }).toBe('1');
  });

  it('lists the batch near expiry as the one to sell first', async () => {
    await tab('expiry', 'stock-expiry');
    const row = page.locator(`[data-testid="stock-expiry-row"][data-key="TY-002|yiwu|${BATCH}"]`);
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await row.getAttribute('data-decision')).toBe('sell_first');
    expect(await byTestId('stock-expiry-days', row).textContent()).toMatch(/^(9|10) 天$/);
    expect(await row.textContent()).toContain(`${SHELF}×3`);
  });

  it('exports the replenishment list to Excel, the transfer counted as in transit', async () => {
    await tab('replenish', 'stock-replenish');
    const gz = page.locator('[data-testid="stock-replenish-row"][data-key="TY-001|guangzhou"]');
    await gz.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await byTestId('stock-replenish-transit', gz).textContent()).toBe('1');
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await byTestId('stock-replenish-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^wharf-replenish-\d{8}-\d{4}\.xlsx$/);
    const path = await file.path();
    const wb = XLSX.read(fs.readFileSync(path), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '' });
    expect(aoa[0]!.slice(0, 4)).toEqual(['SKU编码', '名称', '仓库编码', '仓库']);
    const hit = aoa.findIndex((r) => r[0] === 'TY-001' && r[2] === 'guangzhou');
    expect(hit).toBeGreaterThan(0);
    expect(aoa[hit]![6]).toBe(1);
    expect((ws[XLSX.utils.encode_cell({ r: hit, c: 0 })] as XLSX.CellObject).t).toBe('s');
  });

  it('pushes every listing learnt from the demo orders to its shop; the platforms confirm the figures', async () => {
    await tab('channel', 'stock-channel');
    await byTestId('stock-channel-row').first().waitFor({ state: 'visible', timeout: 20_000 });
    const rows = byTestId('stock-channel-row');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    await byTestId('stock-channel-push-all').click();
    await expect.poll(async () => byTestId('stock-channel-result').textContent(), { timeout: 10_000 }).toMatch(/\d+/);
    // the outbox hands them to the host, which calls each demo platform's stock API
    await expect.poll(async () => byTestId('stock-channel-queued').count(), { timeout: 30_000 }).toBe(0);
    const first = rows.first();
    const figure = (await byTestId('stock-channel-figure', first).textContent())!.trim();
    await expect.poll(async () => (await byTestId('stock-channel-pushed', first).textContent())!.trim(), { timeout: 30_000 }).toMatch(new RegExp(`^${figure}\\b`));
    expect(await byTestId('stock-channel-error').count()).toBe(0);
  });

  it('the self-check finds no drift after all of it', async () => {
    await tab('check', 'stock-selfcheck');
    await byTestId('stock-selfcheck-run').click();
    await byTestId('stock-selfcheck-ok').waitFor({ state: 'visible', timeout: 20_000 });
    const report = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { checkStock(): Promise<{ drifts: unknown[]; movements: number }> } }).wharfDiagnostics.checkStock());
    expect(report.drifts).toEqual([]);
    expect(report.movements).toBeGreaterThan(0);
  });
});
