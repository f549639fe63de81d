// @vitest-environment happy-dom
// The stock tab: a cell edit writes the stock row and one stock.set event with its reason (and
// refuses without one), several edits save as one event, 批量调整 adds to the selected SKUs,
// allocated stays and sellable follows, kits show what their components make.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { SkusPage } from '../../renderer/features/skus';
import { $, $$, click, events, pick, press, renderApp, signIn, tid, type, unmountAll, sku } from './skusSupport';
import { seedStock } from '../store/stockSeed';


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
    sku({ code: 'TY-002', name: '橡木餐盘 小' }),
    sku({ code: 'KIT-9', name: '两件套', components: [{ code: 'TY-001', qty: 2 }, { code: 'TY-002', qty: 1 }] }),
  ]);
  await seedStock(db, [{ sku: 'TY-001', warehouse: 'yiwu', onHand: 10, reserved: 3 }]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const cell = (sku: string, wh: string) => $(`[data-stock-cell="${sku}|${wh}"]`);
const input = (sku: string, wh: string) => cell(sku, wh)!.querySelector<HTMLInputElement>('input')!;
const row = (code: string) => $(`${tid('stock-row')}[data-code="${code}"]`);

describe('stock tab', () => {
  it('saves a cell with its reason, keeps allocated, and refuses without a reason', async () => {
    const view = await renderApp(<SkusPage db={db} />);
    await click(await waitFor(() => $(tid('skus-tab-stock')), 'the stock tab'));
    await waitFor(() => cell('TY-001', 'yiwu'), 'the TY-001 × yiwu cell');
    expect(input('TY-001', 'yiwu').value).toBe('10');
    expect($(tid('stock-figures'), cell('TY-001', 'yiwu')!)!.textContent).toContain('可售 7');
    expect(cell('KIT-9', 'yiwu')).toBeNull();
    expect($(tid('stock-kit-cell'), row('KIT-9')!)).not.toBeNull();

    await type(input('TY-001', 'yiwu'), '25');
    await press(input('TY-001', 'yiwu'), 'Enter');
    await waitFor(() => $(tid('stock-reason-error')), 'the reason warning');
    expect(await events(db, 'stock.set')).toEqual([]);

    await type($(tid('stock-reason')), '12月盘点');
    await press(input('TY-001', 'yiwu'), 'Enter');
    await waitFor(() => $(tid('stock-figures'), cell('TY-001', 'yiwu')!)?.textContent?.includes('可售 22'), 'sellable after the count');
    expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ key: 'TY-001|yiwu', sku: 'TY-001', warehouse: 'yiwu', onHand: 25, reserved: 3, sellable: 22 });
    const [ev, ...more] = await events(db, 'stock.set');
    expect(more).toEqual([]);
    expect(ev).toMatchObject({ actor: 'u-ops_lead', device: 'dev-test', payload: { rows: [{ sku: 'TY-001', warehouse: 'yiwu', qty: 25 }], reason: '12月盘点' } });
    // Enter moved on to the next SKU of the same warehouse
    expect(document.activeElement).toBe(input('TY-002', 'yiwu'));
    await view.unmount();
  });

  it('saves several edits as one event, and adds to selected SKUs in bulk', async () => {
    const view = await renderApp(<SkusPage db={db} />);
    await click(await waitFor(() => $(tid('skus-tab-stock')), 'the stock tab'));
    await waitFor(() => cell('TY-002', 'guangzhou'), 'the cells');
    await type($(tid('stock-reason')), '到货入库');
    await type(input('TY-002', 'guangzhou'), '8');
    await type(input('TY-001', 'guangzhou'), '4');
    await waitFor(() => $(tid('stock-save-all'))!.textContent!.includes('2'), 'two pending changes');
    await click($(tid('stock-save-all')));
    await waitFor(() => $(tid('stock-kit-cell'), row('KIT-9')!) && $$(tid('stock-kit-cell'), row('KIT-9')!).some((c) => c.textContent === '可组 2 套'), 'the kits guangzhou now makes');
    const [ev] = await events(db, 'stock.set');
    expect(ev!.payload).toMatchObject({ reason: '到货入库' });
    expect((ev!.payload as { rows: unknown[] }).rows).toEqual(expect.arrayContaining([{ sku: 'TY-002', warehouse: 'guangzhou', qty: 8 }, { sku: 'TY-001', warehouse: 'guangzhou', qty: 4 }]));
    expect(await db.stock.get('TY-001|guangzhou')).toMatchObject({ onHand: 4, reserved: 0 });

    // 批量调整: +5 in yiwu for both plain SKUs (kits cannot be ticked)
    await click($('input[type="checkbox"]', row('TY-001')!));
    await click($('input[type="checkbox"]', row('TY-002')!));
    expect($<HTMLInputElement>('input[type="checkbox"]', row('KIT-9')!)!.disabled).toBe(true);
    await click($(tid('stock-bulk-open')));
    const modal = await waitFor(() => $(tid('stock-bulk')), 'the bulk modal');
    await pick($(tid('stock-bulk-warehouse'), modal), '义乌仓');
    await click($$('input[type="radio"]', modal)[1]);
    await type($(tid('stock-bulk-qty'), modal), '5');
    expect($<HTMLInputElement>(tid('stock-bulk-reason'))!.value).toBe('到货入库');
    await type($(tid('stock-bulk-reason')), '补货');
    await click($(tid('stock-bulk-apply')));
    await waitFor(() => input('TY-002', 'yiwu').value === '5', 'the bulk result on screen');
    expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ onHand: 15, reserved: 3 });
    expect(await db.stock.get('TY-002|yiwu')).toMatchObject({ onHand: 5, reserved: 0 });
    const last = (await events(db, 'stock.set')).at(-1)!;
    expect(last.payload).toEqual({ rows: [{ sku: 'TY-001', warehouse: 'yiwu', qty: 15 }, { sku: 'TY-002', warehouse: 'yiwu', qty: 5 }], reason: '补货' });
    await view.unmount();
  });
});
