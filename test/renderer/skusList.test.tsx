// @vitest-environment happy-dom
// The SKU list and drawer: create / edit / delete a kit through the mutators, per-field errors,
// search and scan, stock summed over warehouses, alias removal, read-only operators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, settle, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { SkusPage } from '../../renderer/features/skus';
import { injectScan } from '../../renderer/features/scan';
import { $, $$, click, events, fieldError, pick, press, renderApp, signIn, tid, type, unmountAll, sku } from './skusSupport';
import { seedStock } from '../store/stockSeed';


let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await db.warehouses.bulkPut([
    { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '', lat: 29.3, lng: 120.07, carriers: [], active: true },
    { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', lat: 23.15, lng: 113.27, carriers: [], active: true },
  ]);
  await db.skus.bulkPut([
    sku({ code: 'TY-001', name: '橡木餐盘', spec: '直径24cm', category: '餐具', barcodes: ['6920000000017'], weightG: 300, costFen: 1755, minPriceFen: 2730, priceFen: 3900 }),
    sku({ code: 'TY-002', name: '橡木餐盘', spec: '直径20cm', category: '餐具', barcodes: ['6920000791915'], weightG: 337, costFen: 1305, minPriceFen: 2030, priceFen: 2900, aliases: ['橡木盘子 20cm', '实木餐盘 小号'] }),
    sku({ code: 'BZ-001', name: '玻璃杯', category: '杯具', priceFen: 1500 }),
  ]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const rows = () => $$(tid('sku-row'));
const row = (code: string) => $(`${tid('sku-row')}[data-code="${code}"]`);
const drawerOpen = () => waitFor(() => $(tid('sku-form')) && $(tid('sku-save')), 'the SKU drawer');
const drawerClosed = () => waitFor(() => !$(tid('sku-save')) || !$('.ant-drawer-open'), 'the drawer to close');

describe('SKU list and drawer', () => {
  it('creates a kit, edits it and deletes it, all through the mutators', async () => {
    const view = await renderApp(<SkusPage db={db} />);
    await waitFor(() => rows().length === 3, 'three SKU rows');

    await click($(tid('sku-add')));
    await drawerOpen();
    await type($(tid('sku-code')), 'KIT-01');
    await type($(tid('sku-name')), '餐盘两件套');
    await type($(tid('sku-price')), '99.9');
    await type($(tid('sku-min-price')), '80');
    await type($(tid('sku-barcode-input')), '6920000999990123');
    await press($(tid('sku-barcode-input')), 'Enter');
    await click($(tid('sku-kit-add')));
    await click($(tid('sku-kit-add')));
    const [first, second] = $$(tid('sku-kit-row'));
    await pick($(tid('sku-kit-code'), first), 'TY-001', 'TY-001');
    await type($(tid('sku-kit-qty'), first), '2');
    await pick($(tid('sku-kit-code'), second), 'TY-002', 'TY-002');
    await click($(tid('sku-save')));

    const saved = await waitFor(() => row('KIT-01'), 'the kit in the list');
    const stored = (await db.skus.get('KIT-01'))!;
    expect(stored).toMatchObject({ name: '餐盘两件套', priceFen: 9990, minPriceFen: 8000, barcodes: ['6920000999990123'], components: [{ code: 'TY-001', qty: 2 }, { code: 'TY-002', qty: 1 }] });
    expect(await events(db, 'sku.saved')).toMatchObject([{ actor: 'u-ops_lead', payload: { created: true, sku: { code: 'KIT-01' } } }]);
    expect($(tid('sku-kit-cell'), saved)!.textContent).toContain('TY-001×2 + TY-002×1');
    expect($(tid('sku-price-cell'), saved)!.textContent).toBe('¥99.90');
    expect($(tid('sku-barcodes-cell'), saved)!.textContent).toBe('6920000999990123');
    await drawerClosed();

    // edit: a new price, one component fewer
    await click(row('KIT-01'));
    await drawerOpen();
    expect($<HTMLInputElement>(`${tid('sku-code')}`)!.value).toBe('KIT-01');
    expect($<HTMLInputElement>(`${tid('sku-code')}`)!.disabled).toBe(true);
    await type($(tid('sku-price')), '88');
    await click($$(tid('sku-kit-remove'))[1]);
    await click($(tid('sku-save')));
    await waitFor(() => $(tid('sku-price-cell'), row('KIT-01')!)?.textContent === '¥88.00', 'the new price in the list');
    expect(await db.skus.get('KIT-01')).toMatchObject({ priceFen: 8800, components: [{ code: 'TY-001', qty: 2 }] });
    expect((await events(db, 'sku.saved')).at(-1)).toMatchObject({ payload: { created: false } });
    await drawerClosed();

    // a component cannot go while a kit holds it: the mutator says why, in the drawer
    await click(row('TY-001'));
    await drawerOpen();
    await click($(tid('sku-remove')));
    await click(await waitFor(() => $(tid('sku-remove-ok')), 'the delete confirmation'));
    const err = await waitFor(() => $(tid('sku-error')), 'the delete error');
    expect(err.textContent).toContain('KIT-01');
    expect(await db.skus.get('TY-001')).toBeDefined();
    await click($('.ant-drawer-close'));
    await drawerClosed();

    // the kit itself can be deleted
    await click(row('KIT-01'));
    await drawerOpen();
    await click($(tid('sku-remove')));
    await click(await waitFor(() => $$(tid('sku-remove-ok')).at(-1), 'the delete confirmation'));
    await waitFor(() => !row('KIT-01'), 'the kit gone from the list');
    expect(await db.skus.get('KIT-01')).toBeUndefined();
    expect(await events(db, 'sku.removed')).toMatchObject([{ payload: { code: 'KIT-01' } }]);
    await settle(50);
    await view.unmount();
  });

  it('puts validation errors on the field they concern, and saves nothing', async () => {
    const view = await renderApp(<SkusPage db={db} />);
    await waitFor(() => rows().length === 3, 'three SKU rows');
    await click($(tid('sku-add')));
    await drawerOpen();
    await type($(tid('sku-code')), 'NEW-1');
    await type($(tid('sku-price')), '12.345');
    await click($(tid('sku-save')));
    // the form reads yuan itself: an amount it cannot read never reaches the mutator
    await waitFor(() => fieldError('sku-price').includes('12.345'), 'the price error');

    await type($(tid('sku-price')), '12.34');
    await click($(tid('sku-save')));
    // the name is left empty: the mutator's schema issue lands under the name field
    await waitFor(() => fieldError('sku-name'), 'the name error from the mutator');
    expect(fieldError('sku-price')).toBe('');
    expect(await db.skus.get('NEW-1')).toBeUndefined();
    expect(await events(db)).toEqual([]);

    // an existing code is refused with the mutator's sentence
    await type($(tid('sku-code')), 'TY-001');
    await type($(tid('sku-name')), '重复');
    await click($(tid('sku-save')));
    expect((await waitFor(() => $(tid('sku-error')), 'the duplicate error')).textContent).toContain('TY-001 already exists');
    expect((await db.skus.get('TY-001'))!.name).toBe('橡木餐盘');
    await view.unmount();
  });

  it('searches by code, name, spec and barcode; a scan becomes the search; stock is summed over warehouses', async () => {
    await db.skus.put(sku({ code: 'KIT-9', name: '两件套', components: [{ code: 'TY-001', qty: 2 }, { code: 'TY-002', qty: 1 }] }));
    await seedStock(db, [
      { sku: 'TY-001', warehouse: 'yiwu', onHand: 10, reserved: 3 },
      { sku: 'TY-001', warehouse: 'guangzhou', onHand: 5 },
      { sku: 'TY-002', warehouse: 'yiwu', onHand: 4 },
    ]);
    const view = await renderApp(<SkusPage db={db} />);
    await waitFor(() => rows().length === 4, 'four SKU rows');
    expect($(tid('sku-stock'), row('TY-001')!)!.textContent).toBe('15 / 3 / 12');
    expect($(tid('sku-stock'), row('BZ-001')!)!.textContent).toBe('0 / 0 / 0');
    // yiwu: TY-001 sellable 7 → 3 kits, TY-002 4 → 4 kits: 3; guangzhou has no TY-002: 0
    expect($(tid('sku-stock'), row('KIT-9')!)!.textContent).toContain('3');

    await type($(tid('sku-search')), '直径20');
    await waitFor(() => rows().length === 1 && row('TY-002'), 'the spec match');
    await type($(tid('sku-search')), 'bz-001');
    await waitFor(() => rows().length === 1 && row('BZ-001'), 'the code match, any case');
    await type($(tid('sku-search')), '');
    await waitFor(() => rows().length === 4, 'all rows again');

    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => rows().length === 1 && row('TY-001'), 'the scanned barcode as the search');
    expect($<HTMLInputElement>(tid('sku-search'))!.value).toBe('6920000000017');
    await act(async () => { await injectScan('0000000000000', 'wedge'); });
    await waitFor(() => rows().length === 0, 'no row for an unknown barcode');
    expect($(tid('sku-count'))!.textContent).toBe('0');

    // Enter on a single hit opens it
    await type($(tid('sku-search')), '6920000791915');
    await press($(tid('sku-search')), 'Enter');
    await drawerOpen();
    expect($<HTMLInputElement>(tid('sku-code'))!.value).toBe('TY-002');
    await view.unmount();
  });

  it('removes a wrong alias on save and keeps the rest', async () => {
    const view = await renderApp(<SkusPage db={db} />);
    await waitFor(() => row('TY-002'), 'the TY-002 row');
    await click(row('TY-002'));
    await drawerOpen();
    const aliases = () => $$(tid('sku-alias'));
    expect(aliases().map((a) => a.dataset.alias)).toEqual(['橡木盘子 20cm', '实木餐盘 小号']);
    await click($(tid('sku-alias-remove'), aliases()[0]));
    await click($(tid('sku-save')));
    await waitFor(() => $('.ant-message-notice')?.textContent?.includes('TY-002'), 'the saved message');
    await drawerClosed();
    expect((await db.skus.get('TY-002'))!.aliases).toEqual(['实木餐盘 小号']);
    // and the last one can go too: the save says its aliases were edited
    await click(row('TY-002'));
    await drawerOpen();
    await click($(tid('sku-alias-remove'), aliases()[0]));
    await click($(tid('sku-save')));
    await drawerClosed();
    expect((await db.skus.get('TY-002'))!.aliases).toEqual([]);
    await view.unmount();
  });

  it('is read-only for an operator without skus.manage', async () => {
    signIn('reviewer');
    const view = await renderApp(<SkusPage db={db} />);
    await waitFor(() => rows().length === 3, 'three SKU rows');
    expect($(tid('skus-read-only'))).not.toBeNull();
    expect($(tid('sku-add'))).toBeNull();
    await click(row('TY-001'));
    await waitFor(() => $(tid('sku-form')), 'the drawer');
    expect($(tid('sku-save'))).toBeNull();
    expect($(tid('sku-remove'))).toBeNull();
    expect($<HTMLInputElement>(tid('sku-name'))!.disabled).toBe(true);
    await view.unmount();
  });
});
