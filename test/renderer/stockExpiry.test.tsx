// @vitest-environment happy-dom
// 临期: batches within the near-expiry window and the expired ones, soonest first, expired ones
// marked and never "sell first", the batch allocation takes first said so, and a shop whose
// minimum remaining shelf life a batch no longer meets named; the warehouse filter; English.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, waitFor } from './support';
import { setLanguage } from '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { StockPage } from '../../renderer/features/stock';
import { SETTINGS_KEY } from '../../renderer/store/decide/config';
import { defaultDecisionSettings } from '../../shared/decide/settings';
import { $, $$, click, renderApp, signIn, tid, unmountAll } from './skusSupport';
import { daysAgo, pickLast, seedLedger, stockWorld } from './stockSupport';

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('reviewer');
  await stockWorld(db);
  const s = defaultDecisionSettings();
  await db.settings.put({ key: SETTINGS_KEY, value: { ...s, stock: { ...s.stock, nearExpiryDays: 30, minRemainingDays: { 'tb-main': 15 } } } });
  // expiries at China midnight, as receiving records them; "now" is noon, so whole days are exact
  const midnight = (daysAhead: number) => daysAgo(-daysAhead) - 12 * 3600_000;
  await seedLedger(db, [
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'B10', qty: 20, location: 'A-02', expiresAt: midnight(11) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'OLD', qty: 3, location: 'A-01', expiresAt: midnight(-2) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'B20', qty: 8, expiresAt: midnight(21) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'B60', qty: 30, expiresAt: midnight(61) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'guangzhou', batch: 'G5', qty: 2, expiresAt: midnight(6) },
    { kind: 'freeze', sku: 'MILK-1', warehouse: 'yiwu', batch: 'B20', qty: 8, reason: '退货待检' },
  ], daysAgo(30));
});
afterEach(async () => { await unmountAll(); await setLanguage('zh-CN'); db.close(); await db.delete(); });

const rows = () => $$(tid('stock-expiry-row'));
const row = (batch: string) => rows().find((r) => r.getAttribute('data-key')!.endsWith(`|${batch}`))!;

describe('near-expiry list', () => {
  it('lists the soonest first, marks the expired batch, suggests what to sell first and why', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-expiry')), 'the near-expiry tab'));
    await waitFor(() => rows().length === 4, 'four batches within 30 days');
    expect(rows().map((r) => [r.getAttribute('data-key'), r.getAttribute('data-decision')])).toEqual([
      ['MILK-1|yiwu|OLD', 'expired'], ['MILK-1|guangzhou|G5', 'sell_first'], ['MILK-1|yiwu|B10', 'sell_first'], ['MILK-1|yiwu|B20', 'nothing_free'],
    ]);
    expect($(tid('stock-expiry-days'), row('OLD'))!.textContent).toBe('已过期 2 天');
    expect($(tid('stock-expiry-decision'), row('OLD'))!.textContent).toBe('下架处理');
    expect(row('OLD').textContent).toContain('分配不会再用这一批');
    expect(row('OLD').textContent).not.toContain('优先销售');
    expect($(tid('stock-expiry-days'), row('B10'))!.textContent).toBe('10 天');
    expect($(tid('stock-expiry-decision'), row('B10'))!.textContent).toBe('优先销售');
    expect(row('B10').textContent).toContain('A-02×20');
    expect(row('B10').textContent).toContain('是这个仓库最早到期的可售批次');
    // the flagship demands 15 days: B10 (10 left) no longer goes to its orders
    expect(row('B10').textContent).toContain('家居旗舰店 要求剩余保质期至少 15 天（剩 10 天）');
    expect(row('B20').textContent).toContain('冻结（8）');
    expect(row('B20').textContent).not.toContain('家居旗舰店');

    await pickLast($(tid('stock-expiry-warehouse')), '广州仓');
    await waitFor(() => rows().length === 1, 'only guangzhou');
    expect(row('G5').textContent).toContain('家居旗舰店');
  });

  it('speaks English', async () => {
    await setLanguage('en');
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-expiry')), 'the near-expiry tab'));
    await waitFor(() => rows().length === 4, 'the list');
    expect($(tid('stock-expiry-days'), row('OLD'))!.textContent).toBe('Expired 2 days ago');
    expect($(tid('stock-expiry-decision'), row('B10'))!.textContent).toBe('Sell first');
    expect(row('B10').textContent).toContain('家居旗舰店 requires at least 15 days of shelf life (10 left)');
  });
});
