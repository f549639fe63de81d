// The pack bench in the browser, on demo data: a manual (own-channel) order is opened by its
// number; a wrong item scanned with a keyboard-wedge burst blocks it with the error tone until
// the packer confirms it is out; the right units complete it; Wharf renders its own label with
// the bundled CJK font and prints it as TSPL to a printer on a real loopback socket — where the
// bytes are decoded and the waybill barcode read back — and the parcel ships. Then the printer
// is switched off: the next label waits in the queue (the parcel set aside), and prints once the
// printer is back. The self-check finds no stock drift after it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { spawnServe, type ServeProcess } from '../support/serve';
import { VirtualPrinter } from '../../main/services/printers/virtualPrinter';
import { readTspl } from '../../shared/label/read/readTspl';
import { countBlack } from '../../shared/label/bitmap';
import { readBitmapBarcode } from '../helpers/readBarcode';
import { manualOrder as enterManualOrder, openAtBench, openFloor as openFloorTab, packScan, setUpStation, wedge as wedgeScan } from '../support/floorUi';

let serve: ServeProcess;
let browser: BrowserHandle;
let page: Page;
const printer = new VirtualPrinter();
let printerPort = 0;

const byTestId = (id: string, root: Page | Locator = page) => root.locator(`[data-testid="${id}"]`);
const BARCODE = { 'TY-001': '692000000000', 'TY-002': '692000079191', 'TY-003': '692000158382' };

interface Verdict { verdict: string; sound: string; code: string }
const verdicts = () => page.evaluate(() => ((globalThis as unknown as { __verdicts?: Verdict[] }).__verdicts ?? []).map((v) => `${v.verdict}:${v.sound}`));

let buyer = 0;
const wedge = (code: string) => wedgeScan(page, code);
const manualOrder = (skus: [string, number][]) => enterManualOrder(page, buyer++, skus);
const openFloor = (tab: Parameters<typeof openFloorTab>[1]) => openFloorTab(page, tab);

const lastVerdict = () => byTestId('pack-verdict').getAttribute('data-verdict');

beforeAll(async () => {
  printerPort = (await printer.start()).port;
  serve = await spawnServe({ env: { WHARF_DEMO_ORDERS: '10', WHARF_DEMO_ARRIVALS_PER_MIN: '0' } });
  browser = await launchBrowser({ logPrefix: '[pack station]' });
  page = await browser.page();
  await page.goto(serve.url);
  await byTestId('pool-table').waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate(() => {
    const g = globalThis as unknown as { __verdicts: unknown[] };
    g.__verdicts = [];
    globalThis.addEventListener('scan.verdict', (e) => { g.__verdicts.push((e as CustomEvent).detail); });
  });
}, 90_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `pack-station-${ctx.task.name}`);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await printer.stop();
});

describe('the pack bench', () => {
  it('sets up this station: its label printer (TSPL on 9100) and a ZTO waybill range', async () => {
    await setUpStation(page, printerPort, { from: '731000000001', to: '731000000100' });
  });

  it('verifies every unit: a wrong item blocks with the error tone until confirmed out; complete prints the own label', async () => {
    const orderId = await manualOrder([['TY-001', 2], ['TY-002', 1]]);
    await openFloor('pack');
    await openAtBench(page, orderId);
    expect(await byTestId('pack-progress').textContent()).toContain('0 / 3');

    await wedge(BARCODE['TY-003']);
    await expect.poll(lastVerdict).toBe('wrong_item');
    expect(await byTestId('pack-verdict').getAttribute('data-sound')).toBe('error');
    expect(await byTestId('pack-verdict').textContent()).toContain('错误商品');
    // blocked: the next right unit is refused until the packer confirms the wrong one is out
    await wedge(BARCODE['TY-001']);
    await expect.poll(lastVerdict).toBe('blocked');
    expect(await byTestId('pack-progress').textContent()).toContain('0 / 3');
    await page.keyboard.press('F8');
    await wedge(BARCODE['TY-001']);
    await expect.poll(lastVerdict).toBe('ok');
    expect(await byTestId('pack-line-TY-001').textContent()).toContain('1');
    await packScan(page, BARCODE['TY-001']);
    await packScan(page, BARCODE['TY-002']);
    await expect.poll(lastVerdict, { timeout: 15_000 }).toBe('label.printed');
    expect(await verdicts()).toEqual(['opened:ok', 'wrong_item:error', 'blocked:error', 'ok:ok', 'ok:ok', 'complete:done', 'label.printed:done']);

    await printer.waitForJobs(1);
    const [pageOut] = readTspl(printer.jobs[0]!.bytes);
    expect(pageOut).toMatchObject({ widthMm: 100, heightMm: 180, copies: 1 });
    expect(pageOut!.bitmap.width).toBe(800);
    // text was drawn (the font loaded: thousands of dots beyond the barcodes)
    expect(countBlack(pageOut!.bitmap)).toBeGreaterThan(40_000);
    // the waybill barcode reads back from the top third of the label as the number Wharf issued
    const top = readBitmapBarcode(pageOut!.bitmap, { x: 0, y: 80, width: 800, height: 260 });
    expect(top).toBe('731000000001');

    const state = await page.evaluate(async (id) => {
      const db = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { toArray(): Promise<Array<{ orderId: string; fulfilment: string; floor?: { waybillNo?: string } }>> }; parcels: { toArray(): Promise<Array<{ state: string; waybillNo: string; labelSource?: string }>> } } } }).wharfDiagnostics.db;
      const o = (await db.orders.toArray()).find((x) => x.orderId === id);
      const p = (await db.parcels.toArray()).find((x) => x.waybillNo === o?.floor?.waybillNo);
      return { fulfilment: o?.fulfilment, waybill: o?.floor?.waybillNo, parcel: p?.state, source: p?.labelSource };
    }, orderId);
    expect(state).toEqual({ fulfilment: 'shipped', waybill: '731000000001', parcel: 'shipped', source: 'own' });
  });

  it('with the printer off the label waits in the queue and the parcel is set aside; it prints when the printer is back', async () => {
    const orderId = await manualOrder([['TY-001', 1]]);
    await printer.stop();
    await openFloor('pack');
    await openAtBench(page, orderId);
    await wedge(BARCODE['TY-001']);
    await expect.poll(lastVerdict, { timeout: 15_000 }).toBe('label.waiting');
    expect(await byTestId('pack-verdict').textContent()).toContain('排队');
    await openFloor('queue');
    const waiting = page.locator('[data-testid^="job-state-"]', { hasText: '等待重试' });
    await expect.poll(() => waiting.count()).toBe(1);

    await printer.start(printerPort);
    // the page retries waiting jobs by itself once their backoff ran out
    await printer.waitForJobs(2);
    await expect.poll(() => page.locator('[data-testid^="job-state-"]', { hasText: '已打印' }).count(), { timeout: 20_000 }).toBe(2);
    const top = readBitmapBarcode(readTspl(printer.jobs[1]!.bytes)[0]!.bitmap, { x: 0, y: 80, width: 800, height: 260 });
    expect(top).toBe('731000000002');
    // preview: the job as the printer got it
    await page.locator('[data-testid^="job-preview-"]').first().click();
    await byTestId('job-preview-image').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');

    const report = await page.evaluate(() => (globalThis as unknown as { wharfDiagnostics: { checkStock(): Promise<{ drifts: unknown[] }> } }).wharfDiagnostics.checkStock());
    expect(report.drifts).toEqual([]);
  });

  it('a shift: waves planned and released, a stop picked by scan, packed by its pick slot, handed over with one parcel missing', async () => {
    const a = await manualOrder([['TY-001', 1]]);
    const b = await manualOrder([['TY-002', 1]]);
    await openFloor('waves');
    await byTestId('waves-plan').click();
    await byTestId('waves-plan-table').waitFor({ state: 'visible', timeout: 10_000 });
    await byTestId('waves-release').click();
    const where = (id: string) => page.evaluate(async (orderId) => {
      const db = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { toArray(): Promise<Array<{ orderId: string; fulfilment: string; floor?: { waveNo?: string; slot?: number; waybillNo?: string } }>> } } } }).wharfDiagnostics.db;
      const o = (await db.orders.toArray()).find((x) => x.orderId === orderId);
      return { fulfilment: o?.fulfilment, ...o?.floor };
    }, id);
    await expect.poll(async () => (await where(a)).fulfilment, { timeout: 10_000 }).toBe('in_wave');
    const wa = await where(a);
    expect(wa.waveNo).toMatch(/^W\d{4}-\d{3}$/);

    // the picker opens the wave and scans the item at its stop
    await byTestId(`wave-${wa.waveNo}`).click();
    await byTestId('pick-view').waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('body').click();
    await wedge(BARCODE['TY-001']);
    await expect.poll(() => page.locator('[data-testid^="stop-picked-"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // packed by the pick-slot label, then the other order by its number
    await openFloor('pack');
    await openAtBench(page, `${wa.waveNo}-${wa.slot}`);
    await wedge(BARCODE['TY-001']);
    await expect.poll(lastVerdict, { timeout: 15_000 }).toBe('label.printed');
    await openAtBench(page, b);
    await wedge(BARCODE['TY-002']);
    await expect.poll(lastVerdict, { timeout: 15_000 }).toBe('label.printed');
    const [pa, pb] = [await where(a), await where(b)];
    expect([pa.fulfilment, pb.fulfilment]).toEqual(['shipped', 'shipped']);

    // pickup: a's parcel scanned, an unknown code scanned by mistake, b's forgotten
    await openFloor('handover');
    await byTestId('handover-warehouse').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: '义乌仓' }).first().click();
    await page.locator('body').click();
    await wedge(pa.waybillNo!);
    await expect.poll(() => byTestId(`handover-verdict-${pa.waybillNo}`).textContent(), { timeout: 10_000 }).toBe(`✓ ${pa.waybillNo}`);
    await wedge('ZZ99999999');
    await expect.poll(() => byTestId('handover-verdict-ZZ99999999').textContent()).toContain('不认识');
    expect(await byTestId('handover-missing').textContent()).toContain(pb.waybillNo!);
    await byTestId('handover-close').click();
    await byTestId('handover-done').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await byTestId('handover-done').textContent()).toContain(`漏扫：${pb.waybillNo}`);
    expect((await where(a)).fulfilment).toBe('handed_over');
    expect((await where(b)).fulfilment).toBe('shipped');
    const sounds = (await verdicts()).filter((v) => v.startsWith('handover.'));
    expect(sounds).toEqual(['handover.ok:ok', 'handover.unknown:error']);
  });
});
