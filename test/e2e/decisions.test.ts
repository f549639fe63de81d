// The decision desk in the browser, on demo data: the demo plants tricky orders in the platform
// simulators (a cross-channel duplicate, a 6,000-yuan pot order, a parcel-point address, a city
// outside its province, scalping, a blacklisted receiver) and lists items the SKU master lacks.
// The ops lead sees why each order is where it is, approves a held order from the keyboard,
// maps an unknown item once for every waiting order, sees the duplicate pair side by side,
// enters a manual order, tries a rule change on past orders before saving it, and exports the
// pool in the standard preset.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { getJson, healthz, spawnServe, waitFor, type ServeProcess } from '../support/serve';
import type { OrderRow } from '../../shared/domain/types';

let serve: ServeProcess;
let browser: BrowserHandle;
let page: Page;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

/** Rows of the app's own store, read in the page (the UI's data, not a copy), filtered here. */
async function rows(keep: (r: OrderRow) => boolean = () => true): Promise<OrderRow[]> {
  const all = await page.evaluate(async () => {
    const db = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { toArray(): Promise<unknown[]> } } } }).wharfDiagnostics.db;
    return db.orders.toArray();
  });
  return (all as OrderRow[]).filter(keep);
}

const openHold = (r: OrderRow, code: string) => r.holds.some((h) => h.code === code && !h.clearedBy);

beforeAll(async () => {
  serve = await spawnServe();
  await healthz(serve.url);
  browser = await launchBrowser({ logPrefix: '[decisions page]' });
  page = await browser.page();
  await page.goto(serve.url);
  await byTestId('pool-table').waitFor({ state: 'visible', timeout: 30_000 });
  // every demo shop's first pull has reached the present (the planted orders are hours old) and
  // everything stored is decided
  const channels = (await healthz(serve.url)).demo.channels.filter((c) => c.platform !== 'taobao');
  const since = Date.now() - 5 * 60_000;
  await waitFor(async () => {
    const stored = new Set((await rows()).map((r) => r.orderId));
    for (const c of channels) {
      const { orders } = await getJson<{ orders: Array<{ orderId: string; paidAt?: number; modifiedAt: number }> }>(`${c.url}/__sim/orders?view=neutral`);
      if (orders.some((o) => o.paidAt !== undefined && o.modifiedAt < since && !stored.has(o.orderId))) return undefined;
    }
    const undecided = (await rows((r) => !r.decision)).length;
    return undecided === 0 || undefined;
  }, { timeoutMs: 110_000, intervalMs: 1000, what: 'every demo shop pulled to the present and its orders decided' });
}, 200_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `decisions-${ctx.task.name}`);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function openInPool(orderId: string): Promise<void> {
  await byTestId('nav-pool').click();
  const search = byTestId('pool-search');
  await search.fill(orderId);
  await search.press('Enter');
  const hit = byTestId('pool-table').locator(`[data-testid="pool-row"][data-order-id="${orderId}"]`);
  await hit.waitFor({ state: 'visible', timeout: 10_000 });
  await hit.click();
  await byTestId('decision-section').waitFor({ state: 'visible', timeout: 10_000 });
}

async function closeDetail(): Promise<void> {
  await page.keyboard.press('Escape');
  await byTestId('order-detail').waitFor({ state: 'hidden', timeout: 10_000 });
  await byTestId('pool-search').fill('');
  await byTestId('pool-search').press('Enter');
}

describe('decisions that explain themselves, on demo data', () => {
  it('every planted case lands where it should', async () => {
    const held = await rows((r) => r.fulfilment === 'on_hold');
    const codes = new Set(held.flatMap((r) => r.holds.filter((h) => !h.clearedBy).map((h) => h.code)));
    for (const c of ['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r8', 'r9', 'r12']) expect(codes, `a demo order held by ${c}`).toContain(c);
    const dup = held.find((r) => openHold(r, 'r8'))!;
    expect(dup.duplicateOf).toMatch(/^douyin:demo-douyin:/);
    expect(dup.platform).toBe('pdd');
    // the pan is only in guangzhou: a passed order with pan + pillow ships split or from there
    const passed = await rows((r) => !!r.decision?.allocation?.committed && r.decision.outcome === 'pass');
    expect(passed.length).toBeGreaterThan(50);
    expect(new Set(passed.map((r) => r.decision!.allocation!.parts[0]!.warehouse))).toEqual(new Set(['yiwu', 'guangzhou']));
  });

  it('the order detail answers "why is this order here?"', async () => {
    const [rich] = await rows((r) => openHold(r, 'r1'));
    await openInPool(rich!.orderId);
    const section = byTestId('decision-section');
    expect(await section.getAttribute('data-outcome')).toBe('hold');
    await expect.poll(() => section.locator('[data-testid="decision-hits"] li').evaluateAll((li) => li.map((x) => x.getAttribute('data-rule')))).toEqual(expect.arrayContaining(['r1', 'r5']));
    expect(await section.textContent()).toContain('超过 5000.00 元');
    expect(await byTestId('decision-line-sku').first().textContent()).toBe('TY-014');
    await closeDetail();

    const [ok] = await rows((r) => r.platform === 'douyin' && r.decision?.outcome === 'pass' && r.decision.lines.some((l) => l.method === 'title'));
    await openInPool(ok!.orderId);
    expect(await byTestId('decision-outcome').textContent()).toContain('自动放行');
    // a Douyin listing has no merchant code: the title matched, and the reason says so
    expect(await byTestId('decision-lines').textContent()).toMatch(/title \d\.\d\d ≈ /);
    const wh = await byTestId('decision-warehouse').first().getAttribute('data-warehouse');
    expect(['yiwu', 'guangzhou']).toContain(wh);
    expect(await byTestId('decision-allocation').textContent()).toMatch(/公里|km/);
    await closeDetail();
  });

  it('a reviewer approves a held order with the keyboard; it leaves the queue and is allocated', async () => {
    const r1 = await rows((r) => r.fulfilment === 'on_hold' && openHold(r, 'r1'));
    const target = r1.find((r) => !openHold(r, 'r9') && !openHold(r, 'r10') && !r.holds.some((h) => h.source === 'channel' && !h.clearedBy));
    expect(target, JSON.stringify(r1.map((r) => [r.platform, r.holds.filter((h) => !h.clearedBy).map((h) => h.code)]))).toBeDefined();
    await byTestId('nav-review').click();
    await byTestId('review-page').waitFor({ state: 'visible', timeout: 10_000 });
    await byTestId('queue-search').locator('input').first().fill(target!.orderId);
    const card = page.locator(`[data-testid="queue-row"][data-order-id="${target!.orderId}"]`);
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.textContent()).toContain('高额订单');
    await card.click();
    await page.keyboard.press('a');
    await card.waitFor({ state: 'detached', timeout: 15_000 });
    const [after] = await rows((r) => r.orderId === target!.orderId);
    expect(after!.holds.filter((h) => h.source === 'rule').every((h) => h.clearedBy === 'u-ops')).toBe(true);
    expect(after!.decision!.trigger).toBe('approve');
    expect(after!.fulfilment).toBe('allocated');
  });

  it('one confirmation in the map-SKU queue maps every waiting order with that item', async () => {
    await byTestId('review-tab-map').click();
    await byTestId('map-queue').waitFor({ state: 'visible', timeout: 10_000 });
    const first = page.locator('[data-testid="map-item"]', { hasText: '环保帆布购物袋' }).first();
    await first.waitFor({ state: 'visible', timeout: 10_000 });
    const itemKey = (await first.getAttribute('data-item-key'))!;
    // the same gift bag is listed on several platforms, each its own item: this one by its key
    const bag = page.locator(`[data-testid="map-item"][data-item-key="${itemKey}"]`);
    const waiting = await rows((r) => (r.um ?? []).includes(itemKey));
    expect(waiting.length).toBeGreaterThan(0);
    await bag.click();
    await bag.locator('[data-testid="map-search"]').click();
    await page.keyboard.type('TY-039');
    await page.locator('.ant-select-item-option', { hasText: 'TY-039' }).first().click();
    await bag.locator('[data-testid="map-confirm"]').click();
    await bag.waitFor({ state: 'detached', timeout: 15_000 });
    const after = await rows((r) => waiting.some((w) => w.key === r.key));
    expect(after.map((r) => r.decision!.lines.some((l) => l.sku === 'TY-039'))).toEqual(after.map(() => true));
    expect(after.every((r) => !(r.um ?? []).includes(itemKey))).toBe(true);
  });

  it('the duplicate pair is shown side by side, never cancelled by itself', async () => {
    await byTestId('review-tab-dups').click();
    const pair = byTestId('dup-pair').first();
    await pair.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await pair.textContent()) ?? '';
    expect(text).toContain('手机尾号 2468');
    expect(await pair.locator('[data-testid="brief-order-id"]').count()).toBe(2);
    const [dup] = await rows((r) => openHold(r, 'r8'));
    expect(dup!.fulfilment).toBe('on_hold');
  });

  it('a manual order from a pasted address runs the same pipeline', async () => {
    await byTestId('nav-pool').click();
    await byTestId('manual-open').click();
    await byTestId('manual-order').waitFor({ state: 'visible', timeout: 10_000 });
    await byTestId('manual-paste').fill('李雷 13812345678 浙江省杭州市西湖区文三路100号华星大厦5楼');
    await byTestId('manual-parse').click();
    await expect.poll(() => byTestId('manual-province').inputValue()).toBe('浙江省');
    expect(await byTestId('manual-name').inputValue()).toBe('李雷');
    expect(await byTestId('manual-phone').inputValue()).toBe('13812345678');
    await byTestId('manual-sku-pick').locator('input').fill('TY-001');
    await byTestId('manual-sku-pick').locator('input').press('Enter');
    await expect.poll(() => byTestId('manual-lines').locator('tbody tr').count()).toBe(1);
    await byTestId('manual-submit').click();
    // the drawer closes and the new order opens with its decision
    await byTestId('manual-order').waitFor({ state: 'hidden', timeout: 10_000 });
    await expect.poll(() => byTestId('decision-outcome').textContent(), { timeout: 10_000 }).toContain('自动放行');
    const [own] = await rows((r) => r.platform === 'own');
    expect(own!.decision!.allocation!.parts[0]!.warehouse).toBe('yiwu');
    expect(own!.decision!.lines[0]!.sku).toBe('TY-001');
    expect(await byTestId('order-detail').textContent()).toContain('自有渠道（手工单）');
    await page.keyboard.press('Escape');
    await byTestId('order-detail').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('the SKU master and the warehouses are there to edit', async () => {
    await byTestId('nav-skus').click();
    await byTestId('sku-search').fill('橡木餐盘');
    await expect.poll(async () => (await page.locator('[data-testid="sku-row"]').count())).toBeGreaterThanOrEqual(2);
    await byTestId('nav-warehouses').click();
    await expect.poll(async () => (await page.locator('[data-testid="warehouse-row"]').count())).toBe(2);
  });

  it('a rule change is tried on past orders before it is saved, then decides the open orders', async () => {
    await byTestId('nav-rules').click();
    await byTestId('rules-page').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await byTestId('rules-save').isDisabled()).toBe(true);
    // lower the high-amount line from 5,000 to 300 yuan: more orders would be held
    const amount = page.locator('[data-testid="rule-r1-minYuan"] input, input[data-testid="rule-r1-minYuan"]').first();
    await amount.fill('300');
    await amount.press('Tab');
    await expect.poll(() => byTestId('dry-run').isDisabled()).toBe(false);
    expect(await byTestId('rules-save').isDisabled()).toBe(true);
    await byTestId('dry-run').click();
    await byTestId('dry-run-report').waitFor({ state: 'visible', timeout: 60_000 });
    const r1 = byTestId('dry-run-rule-r1');
    const before = Number(await r1.getAttribute('data-before'));
    const after = Number(await r1.getAttribute('data-after'));
    expect(after).toBeGreaterThan(before);
    const heldBefore = (await rows((r) => openHold(r, 'r1'))).length;
    await expect.poll(() => byTestId('rules-save').isDisabled()).toBe(false);
    await byTestId('rules-save').click();
    await expect.poll(async () => (await rows((r) => openHold(r, 'r1'))).length, { timeout: 20_000 }).toBeGreaterThan(heldBefore);
    const saved = await page.evaluate(async () => {
      const db = (globalThis as unknown as { wharfDiagnostics: { db: { events: { toArray(): Promise<Array<{ type: string; payload: { settings: { rules: { r1: { minFen: number } } }; dryRun?: unknown } }>> } } } }).wharfDiagnostics.db;
      return (await db.events.toArray()).filter((e) => e.type === 'rules.saved').map((e) => ({ minFen: e.payload.settings.rules.r1.minFen, dryRun: !!e.payload.dryRun }));
    });
    expect(saved).toEqual([{ minFen: 30_000, dryRun: true }]);
  });

  it('the standard export of the pool has the documented columns, one row per line', async () => {
    const dir = fs.mkdtempSync('/tmp/wharf-export-');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.evaluate(() => { location.hash = '#/export?preset=standard&format=csv'; });
    const file = await download;
    const path = `${dir}/${file.suggestedFilename()}`;
    await file.saveAs(path);
    const text = fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['platform', 'shop_id', 'order_id', 'line_no', 'created_at', 'paid_at', 'channel_status', 'fulfilment', 'holds', 'hold_reasons', 'duplicate_of', 'warehouse', 'sku_code', 'platform_sku_id', 'outer_id', 'title', 'qty', 'unit_price_yuan', 'line_amount_yuan']);
    const all = await rows();
    expect(parsed.data.length).toBe(all.reduce((s, r) => s + r.lines.length, 0));
    const dup = parsed.data.find((r) => (r.holds ?? '').split(';').includes('r8'))!;
    expect(dup.duplicate_of).toMatch(/^douyin:demo-douyin:/);
    expect(dup.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('stock: order locks show on the stock screen, a figure drills down to its movements, and the self-check finds no drift', async () => {
    await page.evaluate(() => { location.hash = ''; });
    await byTestId('nav-stock').click();
    await byTestId('stock-levels').waitFor({ state: 'visible' });
    // the demo's allocated orders hold stock: some row shows a reservation
    const reserved = page.locator('[data-testid="stock-reserved"]').filter({ hasNotText: /^0$/ }).first();
    await reserved.waitFor({ state: 'visible' });
    await reserved.click();
    await expect.poll(async () => page.locator('[data-testid="stock-drill-kind"]').allTextContents()).toContain('锁定');
    await page.keyboard.press('Escape');
    await byTestId('stock-tab-check').click();
    await byTestId('stock-selfcheck-run').click();
    await byTestId('stock-selfcheck-ok').waitFor({ state: 'visible' });
    const report = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { checkStock(): Promise<{ drifts: unknown[]; movements: number; locks: number }> } }).wharfDiagnostics.checkStock());
    expect(report.drifts).toEqual([]);
    expect(report.locks).toBeGreaterThan(0);
  });
});
