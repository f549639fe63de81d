// @vitest-environment happy-dom
// 补货: the sales rate from a seeded ledger with a stock-out left out, days of cover, the alert,
// the suggestion after what is in transit; a SKU's own alert days edited inline; the Excel export
// read back; one desktop notification per newly alerted SKU a day, a banner where refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshDb, render, waitFor } from './support';
import type { WharfDB } from '../../renderer/store/db';
import { announceAlerts, ReplenishBanner, StockPage, useStockTab } from '../../renderer/features/stock';
import { REPLENISH_CHECK_EVERY_MS, REPLENISH_FIRST_CHECK_MS } from '../../renderer/features/stock/ReplenishBanner';
import { ManualClock } from '../../shared/clock';
import { i18n } from '../../renderer/i18n';
import { loadReplenishData } from '../../renderer/store/stock/replenishData';
import { replenishList } from '../../shared/stock';
import { readSettings } from '../../renderer/store/decide/config';
import { $, $$, click, events, renderApp, signIn, tid, type, unmountAll } from './skusSupport';
import { daysAgo, seedLedger, stockWorld, type SeedMove } from './stockSupport';

const shipped = (sku: string, warehouse: string, ago: number, qty: number, lock: string, batch = ''): SeedMove[] => [
  { kind: 'reserve', sku, warehouse, batch, qty, lock, at: daysAgo(ago) },
  { kind: 'ship', sku, warehouse, batch, qty, lock, at: daysAgo(ago) + 60_000 },
];

class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static asked = 0;
  static shown: Array<{ title: string; body?: string }> = [];
  static async requestPermission(): Promise<NotificationPermission> { FakeNotification.asked++; return FakeNotification.permission === 'default' ? 'denied' : FakeNotification.permission; }
  constructor(title: string, opts?: NotificationOptions) { FakeNotification.shown.push({ title, body: opts?.body }); }
}

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  localStorage.clear();
  FakeNotification.permission = 'granted';
  FakeNotification.asked = 0;
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
  await stockWorld(db);
  // TY-001 @ yiwu: 3 a day; the shelf runs empty on day -8 and is refilled late on day -7 (two
  // stock-out days, left out of the rate); today's sale is not a whole day yet
  const ty: SeedMove[] = [{ kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 9, at: daysAgo(10) - 3600_000 }];
  for (const d of [10, 9, 8]) ty.push(...shipped('TY-001', 'yiwu', d, 3, `o-ty-${d}`));
  ty.push({ kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 21, at: daysAgo(7) });
  for (const d of [6, 5, 4, 3, 2, 1]) ty.push(...shipped('TY-001', 'yiwu', d, 3, `o-ty-${d}`));
  ty.push(...shipped('TY-001', 'yiwu', 0, 1, 'o-ty-0'));
  // 6 more on their way from guangzhou
  ty.push({ kind: 'receive', sku: 'TY-001', warehouse: 'guangzhou', qty: 20, at: daysAgo(3) });
  ty.push({ kind: 'transfer_out', sku: 'TY-001', warehouse: 'guangzhou', qty: 6, transfer: 'TR-1', toWarehouse: 'yiwu', at: daysAgo(1) });
  // MILK-1 @ yiwu: plenty, one a day
  const milk: SeedMove[] = [{ kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'M1', qty: 100, expiresAt: daysAgo(-300), at: daysAgo(5) - 3600_000 }];
  for (const d of [5, 4, 3, 2, 1]) milk.push(...shipped('MILK-1', 'yiwu', d, 1, `o-milk-${d}`, 'M1'));
  await seedLedger(db, [...ty, ...milk]);
});
afterEach(async () => { await unmountAll(); vi.unstubAllGlobals(); vi.restoreAllMocks(); db.close(); await db.delete(); });

const row = (key: string) => $(`${tid('stock-replenish-row')}[data-key="${key}"]`);
const cell = (key: string, id: string) => $(tid(id), row(key)!)!.textContent;

async function openTab(): Promise<void> {
  await renderApp(<StockPage db={db} />);
  await click(await waitFor(() => $(tid('stock-tab-replenish')), 'the replenishment tab'));
  await waitFor(() => $$(tid('stock-replenish-row')).length === 3, 'three SKU × warehouse rows');
}

describe('replenishment', () => {
  it('computes rate, cover, alert and suggestion from the ledger; notifies once; a SKU\'s own alert days alert it too', async () => {
    await openTab();
    expect($$(tid('stock-replenish-row')).map((r) => [r.getAttribute('data-key'), r.getAttribute('data-alert')])).toEqual([
      ['TY-001|yiwu', '1'], ['MILK-1|yiwu', '0'], ['TY-001|guangzhou', '0'],
    ]);
    // 24 units over 8 in-stock days (the two stock-out days left out): 3 a day
    expect(cell('TY-001|yiwu', 'stock-replenish-rate')).toBe('3.0');
    expect(cell('TY-001|yiwu', 'stock-replenish-sellable')).toBe('2');
    expect(cell('TY-001|yiwu', 'stock-replenish-transit')).toBe('6');
    expect(cell('TY-001|yiwu', 'stock-replenish-cover')).toBe('0.7');
    // 30 days × 3 = 90, minus 2 sellable and 6 in transit
    expect(cell('TY-001|yiwu', 'stock-replenish-suggest')).toBe('82');
    const why = cell('TY-001|yiwu', 'stock-replenish-reasons')!;
    expect(why).toContain('2 天缺货，不计入日均');
    expect(why).toContain('低于预警 7 天');
    expect(why).toContain('补到 30 天需 90，扣除可售 2 和在途 6，建议补 82');
    expect(cell('MILK-1|yiwu', 'stock-replenish-rate')).toBe('1.0');
    expect(cell('MILK-1|yiwu', 'stock-replenish-cover')).toBe('95.0');
    expect(cell('MILK-1|yiwu', 'stock-replenish-suggest')).toBe('0');
    expect(cell('TY-001|guangzhou', 'stock-replenish-reasons')).toContain('近期没有销量');
    expect(cell('TY-001|guangzhou', 'stock-replenish-cover')).toBe('∞');

    await waitFor(() => FakeNotification.shown.length === 1, 'one notification');
    expect(FakeNotification.shown[0]).toEqual({ title: 'Wharf 补货预警：1 个 SKU', body: 'TY-001@yiwu 的可售天数低于预警天数' });
    // computing again the same day: nothing new to say
    await click($(tid('stock-replenish-refresh')));
    await waitFor(() => !$(tid('stock-replenish-refresh'))!.classList.contains('ant-btn-loading'), 'recomputed');
    expect(FakeNotification.shown).toHaveLength(1);

    // MILK-1 should alert below 100 days: edited where it shows, saved into the settings
    await type($(tid('stock-replenish-alertdays-input'), row('MILK-1|yiwu')!), '100');
    await click(await waitFor(() => $(tid('stock-replenish-alertdays-save'), row('MILK-1|yiwu')!), 'the save button'));
    await waitFor(() => row('MILK-1|yiwu')?.getAttribute('data-alert') === '1', 'MILK-1 in alert');
    expect((await readSettings(db)).stock.skuAlertDays).toEqual({ 'MILK-1': 100 });
    expect(await events(db, 'rules.saved')).toHaveLength(1);
    expect(cell('MILK-1|yiwu', 'stock-replenish-reasons')).toContain('低于此 SKU 单独设置的预警 100 天');
    await click($(tid('stock-replenish-refresh')));
    await waitFor(() => FakeNotification.shown.length === 2, 'a notification for the newly alerted SKU');
    expect(FakeNotification.shown[1]!.body).toBe('MILK-1@yiwu 的可售天数低于预警天数');
    expect(FakeNotification.asked).toBe(0);
  });

  it('exports the list to Excel: codes as text cells, figures as numbers', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blob = b as Blob; return 'blob:wharf-test'; });
    await openTab();
    await click($(tid('stock-replenish-export')));
    await waitFor(() => blob, 'the file');
    const wb = XLSX.read(new Uint8Array(await blob!.arrayBuffer()), { type: 'array' });
    expect(wb.SheetNames).toEqual(['补货建议']);
    const ws = wb.Sheets['补货建议']!;
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '' });
    expect(aoa[0]).toEqual(['SKU编码', '名称', '仓库编码', '仓库', '日均销量', '可售', '在途', '可售天数', '预警天数', '预警', '建议补货', '依据']);
    expect(aoa[1]!.slice(0, 11)).toEqual(['TY-001', '橡木餐盘', 'yiwu', '义乌仓', 3, 2, 6, 0.7, 7, '是', 82]);
    expect(String(aoa[1]![11])).toContain('建议补 82');
    expect(aoa[3]!.slice(0, 11)).toEqual(['TY-001', '橡木餐盘', 'guangzhou', '广州仓', 0, 14, 0, '', 7, '', 0]);
    for (const c of ['A2', 'C2']) expect((ws[c] as XLSX.CellObject).t).toBe('s');
    expect((ws.K2 as XLSX.CellObject).t).toBe('n');
  });

  it('shows a banner instead when notifications are refused, asking first when not yet decided', async () => {
    FakeNotification.permission = 'default';
    await openTab();
    const banner = await waitFor(() => $(tid('stock-replenish-banner')), 'the banner');
    expect(banner.textContent).toContain('Wharf 补货预警：1 个 SKU');
    expect(banner.textContent).toContain('TY-001@yiwu');
    expect(FakeNotification.asked).toBe(1);
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('a reviewer sees the alert days but cannot change them', async () => {
    signIn('reviewer');
    FakeNotification.permission = 'denied';
    await openTab();
    expect($(tid('stock-replenish-alertdays-input'))).toBeNull();
    expect(cell('TY-001|yiwu', 'stock-replenish-alertdays')).toBe('7');
    await waitFor(() => $(tid('stock-replenish-banner')), 'the banner');
  });

  it('where the runtime has no Notification at all, the check asks for the banner; the next day it tells again', async () => {
    const now = Date.now();
    const data = await loadReplenishData(db, { now });
    const rows = replenishList({ ...data, alertDays: 7, skuAlertDays: {}, targetDays: 30 });
    const t = i18n.t.bind(i18n);
    expect(await announceAlerts(rows, t, { now, notification: undefined })).toMatchObject({ kind: 'banner', title: 'Wharf 补货预警：1 个 SKU' });
    expect((await announceAlerts(rows, t, { now, notification: undefined })).kind).toBe('none');
    const tomorrow = await announceAlerts(rows, t, { now: now + 86_400_000 });
    expect(tomorrow.kind).toBe('notified');
    expect(tomorrow.fresh.map((r) => r.key)).toEqual(['TY-001|yiwu']);
    // only today's list is kept
    expect(Object.keys(localStorage).filter((k) => k.startsWith('wharf.stock.alerted.'))).toHaveLength(1);
  });
  it('the app shell checks after start and hourly on its clock; without notifications its banner opens 补货', async () => {
    const clock = new ManualClock(Date.now());
    const go = vi.fn();
    const r = await render(<ReplenishBanner db={db} clock={clock} deps={{ notification: undefined }} go={go} />);
    await new Promise((res) => setTimeout(res, 30));
    expect($(tid('replenish-banner'))).toBeNull();
    clock.advance(REPLENISH_FIRST_CHECK_MS);
    const banner = await waitFor(() => $(tid('replenish-banner')), 'the shell banner');
    expect(banner.textContent).toContain('Wharf 补货预警：1 个 SKU');
    await click($(tid('replenish-banner-go')));
    expect(go).toHaveBeenCalledOnce();
    expect(useStockTab.getState().take()).toBe('replenish');
    expect($(tid('replenish-banner'))).toBeNull();
    // the same SKU is not announced twice a day: the hourly check stays quiet
    clock.advance(REPLENISH_CHECK_EVERY_MS);
    await new Promise((res) => setTimeout(res, 50));
    expect($(tid('replenish-banner'))).toBeNull();
    await r.unmount();
  });
});
