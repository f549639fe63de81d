// Driving the floor screens as the staff do, for the end-to-end tests and the floor benchmarks:
// manual orders entered in the pool's drawer, the floor's tabs, a keyboard-wedge scanner (the
// code typed in one fast burst, then Enter, wherever the focus is), the station's printer.
import type { Locator, Page } from 'playwright-core';

const byTestId = (page: Page, id: string, root: Page | Locator = page) => root.locator(`[data-testid="${id}"]`);

/** Different buyers: one buyer's many orders would be held as possible duplicates. */
const SURNAMES = '韩李王赵孙周吴郑冯陈褚卫蒋沈杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const CITIES = ['杭州市西湖区文三路', '宁波市鄞州区天童南路', '温州市鹿城区人民路', '绍兴市越城区解放北路', '嘉兴市南湖区中山东路', '湖州市吴兴区红旗路', '台州市椒江区市府大道'];

export function buyerPaste(n: number): string {
  const name = `${SURNAMES[n % SURNAMES.length]}${'明华强芳丽军'[Math.floor(n / SURNAMES.length) % 6]}`;
  const phone = `139${String(10_000_000 + n * 7919).slice(-8)}`;
  return `${name} ${phone} 浙江省${CITIES[n % CITIES.length]}${100 + n}号`;
}

/** Enters a manual order (SKU code × units) in the pool's drawer; returns its order number. */
export async function manualOrder(page: Page, buyer: number, skus: [string, number][]): Promise<string> {
  await byTestId(page, 'nav-pool').click();
  await byTestId(page, 'manual-open').click();
  await byTestId(page, 'manual-order').waitFor({ state: 'visible', timeout: 10_000 });
  await byTestId(page, 'manual-paste').fill(buyerPaste(buyer));
  await byTestId(page, 'manual-parse').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="manual-province"]') as HTMLInputElement | null)?.value === '浙江省', undefined, { timeout: 10_000 });
  // picking a SKU again adds one to its line
  for (const [sku, n] of skus) {
    for (let i = 0; i < n; i++) {
      await byTestId(page, 'manual-sku-pick').locator('input').fill(sku);
      await byTestId(page, 'manual-sku-pick').locator('input').press('Enter');
    }
  }
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="manual-lines"] tbody tr').length === n, skus.length, { timeout: 10_000 });
  await byTestId(page, 'manual-submit').click();
  await byTestId(page, 'manual-order').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Escape');
  const id = await page.evaluate(async () => {
    const db = (globalThis as unknown as { wharfDiagnostics: { db: { orders: { toArray(): Promise<Array<{ platform: string; orderId: string; createdAt: number; fulfilment: string }>> } } } }).wharfDiagnostics.db;
    const own = (await db.orders.toArray()).filter((o) => o.platform === 'own' && o.fulfilment === 'allocated').sort((a, b) => b.createdAt - a.createdAt);
    return own[0]?.orderId;
  });
  if (!id) throw new Error('the manual order was not allocated (held by a rule, or no stock): see its decision in the pool');
  return id;
}

export async function openFloor(page: Page, tab: 'waves' | 'pack' | 'handover' | 'queue' | 'station'): Promise<void> {
  await byTestId(page, 'nav-floor').click();
  await byTestId(page, `floor-tab-${tab}`).click();
  // a bench left mid-order by an earlier step starts clean
  if (tab === 'pack' && (await byTestId(page, 'pack-abandon').count())) await byTestId(page, 'pack-abandon').click();
}

/**
 * A keyboard-wedge scanner: the code as one burst of key presses, then Enter, wherever the focus
 * is. By default the keys are dispatched inside the page back to back, as a scanner's arrive (a
 * scanner's keys carry their own timestamps; Playwright's keyboard waits for the page to take
 * each key, so a busy test machine would stretch one burst into "typing"). `delayMs` sends them
 * through Playwright's keyboard instead, that many ms apart (the benchmarks: the real input path).
 */
export async function wedge(page: Page, code: string, delayMs?: number): Promise<void> {
  if (delayMs !== undefined) {
    await page.keyboard.type(code, { delay: delayMs });
    await page.keyboard.press('Enter');
    return;
  }
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const keyCode = (c: string) => (/[0-9]/.test(c) ? `Digit${c}` : /[a-z]/i.test(c) ? `Key${c.toUpperCase()}` : c === '-' ? 'Minus' : c === ' ' ? 'Space' : '');
    const press = (key: string, code: string, shiftKey: boolean) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code, shiftKey, bubbles: true, cancelable: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, code, shiftKey, bubbles: true, cancelable: true, composed: true }));
    };
    for (const c of text) press(c, keyCode(c), /[A-Z]/.test(c));
    press('Enter', 'Enter', false);
  }, code);
}

/**
 * Opens an order at the pack bench by a typed code (order number, waybill or pick slot) and waits
 * until the station has made its own label, as a packer reaching for the first unit would; then
 * the focus leaves the code field, so scanner bursts go to the bench.
 */
export async function openAtBench(page: Page, code: string, opts: { ownLabel?: boolean } = {}): Promise<void> {
  await byTestId(page, 'pack-code').fill(code);
  await byTestId(page, 'pack-code').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="pack-verdict"]')?.getAttribute('data-verdict') === 'opened', undefined, { timeout: 10_000 });
  if (opts.ownLabel !== false) await byTestId(page, 'pack-label-ready').waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('body').click();
}

/**
 * A scan at the pack bench, then its answer: a packer scans one unit, hears it, takes the next.
 * (Playwright waits for the page to take each key, so keys sent while the page is busy arrive
 * late and would split one burst in two — a real scanner's keys carry their own timestamps.)
 */
export async function packScan(page: Page, code: string): Promise<void> {
  const seq = async () => Number(await page.locator('[data-testid="pack-verdict"]').getAttribute('data-seq'));
  const before = await seq();
  await wedge(page, code);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="pack-verdict"]')?.getAttribute('data-seq') ?? 0) > n, before, { timeout: 10_000 });
}

/** This station's label printer (TSPL) and a ZTO own-waybill range. */
export async function setUpStation(page: Page, printerPort: number, range: { from: string; to: string }): Promise<void> {
  await openFloor(page, 'station');
  await byTestId(page, 'station-host').fill('127.0.0.1');
  await byTestId(page, 'station-port').fill(String(printerPort));
  await byTestId(page, 'station-save').click();
  await byTestId(page, 'pool-add').click();
  await byTestId(page, 'pool-from-0').fill(range.from);
  await byTestId(page, 'pool-to-0').fill(range.to);
  await byTestId(page, 'pool-save').click();
  await page.waitForFunction(async () => {
    const db = (globalThis as unknown as { wharfDiagnostics: { db: { settings: { get(k: string): Promise<{ value: { waybillPools: unknown[] } } | undefined> } } } }).wharfDiagnostics.db;
    return ((await db.settings.get('floor.settings'))?.value.waybillPools.length ?? 0) > 0;
  }, undefined, { timeout: 10_000, polling: 100 });
}
