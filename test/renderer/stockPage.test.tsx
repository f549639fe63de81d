// @vitest-environment happy-dom
// The stock screen: levels per SKU × warehouse open into batches, and every figure drills down to
// the movements that make it (the last step is the figure shown); receiving by scanner fills the
// SKU, counts repeated scans, takes batch and dates and lands as one stock.moved event; a bad
// sheet says what to fix and keeps its lines; the self-check reports no drift, in Settings too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { StockPage } from '../../renderer/features/stock';
import { StockCheckCard } from '../../renderer/features/settings/StockCheckCard';
import { injectScan } from '../../renderer/features/scan';
import { $, $$, click, events, inputOf, pick, press, renderApp, signIn, tid, type, unmountAll, sku } from './skusSupport';
import { seedStock } from '../store/stockSeed';
import { parseShanghai } from '../../shared/time';


let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await db.warehouses.bulkPut([
    { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '', carriers: [], active: true },
    { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', carriers: [], active: true },
  ]);
  await db.skus.bulkPut([
    sku({ code: 'TY-001', name: '橡木餐盘', barcodes: ['6920000000017'] }),
    sku({ code: 'MILK-1', name: '酸奶', barcodes: ['6920000000099'], batchTracked: true, shelfLifeDays: 21 }),
  ]);
  await seedStock(db, [{ sku: 'TY-001', warehouse: 'yiwu', onHand: 10, reserved: 3 }]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const levelRow = (key: string) => $(`${tid('stock-level-row')}[data-key="${key}"]`);

describe('stock screen', () => {
  it('shows levels, opens batches, and drills a figure down to its movements', async () => {
    await renderApp(<StockPage db={db} />);
    const r = await waitFor(() => levelRow('TY-001|yiwu'), 'the TY-001 @ yiwu row');
    expect($(tid('stock-onhand'), r)!.textContent).toBe('10');
    expect($(tid('stock-reserved'), r)!.textContent).toBe('3');
    expect($(tid('stock-sellable'), r)!.textContent).toBe('7');
    await click($('.ant-table-row-expand-icon', r));
    await waitFor(() => $$(tid('stock-batch')).length === 1, 'the batch row');
    await click($(tid('stock-sellable'), r));
    await waitFor(() => $$(`${tid('stock-drill')} ${tid('stock-drill-kind')}`).length === 2, 'two movements');
    // newest first: the reservation, then the opening count; after the last one the figures are the row's
    expect($$(tid('stock-drill-kind')).map((e) => e.textContent)).toEqual(['锁定', '盘点']);
    expect($$(tid('stock-drill-after'))[0]!.textContent).toBe('10 / 3 / 0 / 7');
  });

  it('receives by scanner: a scan fills the SKU, a second scan adds one, batch and dates land in one event', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-receive')), 'the receive tab'));
    await waitFor(() => $(tid('stock-receive')), 'the receiving sheet');
    await act(async () => { await injectScan('6920000000099', 'wedge'); });
    await act(async () => { await injectScan('6920000000099', 'wedge'); });
    await waitFor(() => $$(tid('stock-receive-line')).length === 1, 'one line');
    expect(inputOf('stock-receive-qty')!.value).toBe('2');
    await type($(`${tid('stock-receive-code')}`), 'TY-001');
    await press($(tid('stock-receive-code')), 'Enter');
    await waitFor(() => $$(tid('stock-receive-line')).length === 2, 'a second line typed by code');

    // no warehouse yet: the sheet says so and keeps its lines
    await click($(tid('stock-receive-submit')));
    await waitFor(() => $(tid('stock-receive-error'))?.textContent?.includes('入库仓库'), 'the warehouse warning');
    expect($$(tid('stock-receive-line'))).toHaveLength(2);

    await pick($(tid('stock-receive-warehouse')), '义乌仓');
    await type($(tid('stock-receive-batch')), 'L1201');
    await type($(tid('stock-receive-produced')), '2026-12-01');
    await type($$(tid('stock-receive-location'))[0], 'B-03');
    await type($(tid('stock-receive-source')), 'PO-88');
    await click($(tid('stock-receive-submit')));
    await waitFor(() => $$(tid('stock-receive-line')).length === 0, 'the sheet cleared after receiving');
    const [ev, ...more] = await events(db, 'stock.moved');
    expect(more).toEqual([]);
    expect(ev!.payload).toMatchObject({ source: 'PO-88', movements: [{ kind: 'receive', sku: 'MILK-1', qty: 2, batch: 'L1201', location: 'B-03' }, { kind: 'receive', sku: 'TY-001', qty: 1 }] });
    const milk = await db.stockRows.get('MILK-1|yiwu|L1201');
    // no expiry typed: production date + the SKU's 21-day shelf life
    expect(milk).toMatchObject({ onHand: 2, producedAt: parseShanghai('2026-12-01 00:00:00'), expiresAt: parseShanghai('2026-12-22 00:00:00'), locations: { 'B-03': 2 } });
    expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ onHand: 11, reserved: 3, sellable: 8 });
  });

  it('an unknown barcode says what to do', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-receive')), 'the receive tab'));
    await waitFor(() => $(tid('stock-receive')), 'the receiving sheet');
    await act(async () => { await injectScan('0000000000000', 'wedge'); });
    await waitFor(() => $(tid('stock-receive-error'))?.textContent?.includes('0000000000000'), 'the unknown-code error');
    expect($$(tid('stock-receive-line'))).toHaveLength(0);
  });

  it('a packer may receive; a reviewer only looks', async () => {
    signIn('reviewer');
    await renderApp(<StockPage db={db} />);
    await waitFor(() => $(tid('stock-read-only')), 'the read-only note');
    expect($(tid('stock-tab-receive'))).toBeNull();
    await unmountAll();
    signIn('packer');
    await renderApp(<StockPage db={db} />);
    await waitFor(() => $(tid('stock-tab-receive')), 'the receive tab for a packer');
    expect($(tid('stock-read-only'))).toBeNull();
  });

  it('the self-check reports no drift, on the stock screen and in Settings', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-check')), 'the self-check tab'));
    await click(await waitFor(() => $(tid('stock-selfcheck-run')), 'the run button'));
    await waitFor(() => $(tid('stock-selfcheck-ok')), 'no differences');
    await unmountAll();
    await db.stockRows.update('TY-001|yiwu|', { onHand: 12 });
    await renderApp(<StockCheckCard db={db} />);
    await click(await waitFor(() => $(`${tid('settings-stock-check')} ${tid('stock-selfcheck-run')}`), 'the run button in Settings'));
    await waitFor(() => $(tid('stock-selfcheck-drift')), 'the drift');
    expect($$(tid('stock-drift')).map((d) => d.textContent).join(' ')).toContain('TY-001|yiwu|');
  });
});
