// @vitest-environment happy-dom
// 仓库: create (code pattern, region, point from the region's centre, carriers with remote
// regions or the default), edit (name, pause), delete with confirm, and the allocation policy
// saved into the decision settings without touching the rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { readSettings, SETTINGS_KEY } from '../../renderer/store/decide/config';
import { WarehousesPage } from '../../renderer/features/warehouses';
import type { Warehouse } from '../../shared/domain/types';
import { $, $$, click, inputOf, events, fieldError, pick, renderApp, signIn, tid, type, unmountAll } from './skusSupport';
import { seedStock } from '../store/stockSeed';

const YIWU: Warehouse = { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '稠江街道 88 号', lat: 29.306, lng: 120.075, carriers: [{ code: 'ZTO' }], active: true };
const GZ: Warehouse = { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', lat: 23.157, lng: 113.273, carriers: [], active: true };

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await db.warehouses.bulkPut([YIWU, GZ]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const row = (code: string) => $(`${tid('warehouse-row')}[data-code="${code}"]`);
const drawerOpen = () => waitFor(() => $(tid('warehouse-form')) && $(tid('warehouse-save')), 'the warehouse drawer');

describe('warehouses', () => {
  it('creates a warehouse with its point and carriers, after refusing a bad code', async () => {
    await renderApp(<WarehousesPage db={db} />);
    await waitFor(() => row('yiwu') && row('guangzhou'), 'two warehouse rows');
    await click($(tid('warehouse-add')));
    await drawerOpen();
    await type($(tid('warehouse-code')), 'HZ 1');
    await type($(tid('warehouse-name')), '杭州仓');
    await click($(tid('warehouse-region-mode')));
    await type($(tid('warehouse-province')), '浙江省');
    await type($(tid('warehouse-city')), '杭州市');
    await type($(tid('warehouse-district')), '西湖区');
    await click($(tid('warehouse-save')));
    await waitFor(() => fieldError('warehouse-code'), 'the code error');
    expect(await db.warehouses.count()).toBe(2);

    await type($(tid('warehouse-code')), 'hz-1');
    await type($(tid('warehouse-address')), '文三路 100 号');
    expect($(tid('warehouse-no-point'))).not.toBeNull();
    await click($(tid('warehouse-fill-point')));
    await waitFor(() => $(tid('warehouse-centroid-note')), 'the centre note');
    const lat = Number(inputOf('warehouse-lat')!.value);
    expect(lat).toBeGreaterThan(29.5);
    expect(lat).toBeLessThan(31);

    await click($(tid('warehouse-carrier-add')));
    await click($(tid('warehouse-carrier-add')));
    const [zto, sf] = $$(tid('warehouse-carrier-row'));
    await type($(tid('warehouse-carrier-code'), zto), 'ZTO');
    await type($(tid('warehouse-carrier-code'), sf), 'SF');
    await pick($(tid('warehouse-carrier-remote'), sf), '西藏自治区', '西藏');
    await click($(tid('warehouse-active')));
    await click($(tid('warehouse-save')));

    await waitFor(() => row('hz-1'), 'the new row');
    const w = (await db.warehouses.get('hz-1'))!;
    expect(w).toMatchObject({ name: '杭州仓', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号', active: false });
    // an empty remote list is left out, so rule r11's default applies to ZTO
    expect(w.carriers).toEqual([{ code: 'ZTO' }, { code: 'SF', remote: ['西藏自治区'] }]);
    expect(w.lat).toBeCloseTo(lat, 6);
    expect(await events(db, 'warehouse.saved')).toMatchObject([{ actor: 'u-ops_lead', payload: { created: true, warehouse: { code: 'hz-1' } } }]);
    expect(row('hz-1')!.textContent).toContain('浙江省 杭州市 西湖区');
    expect($(tid('warehouse-paused'), row('hz-1')!)).not.toBeNull();
  });

  it('edits a warehouse (code fixed) and deletes one after confirming', async () => {
    await seedStock(db, [{ sku: 'TY-001', warehouse: 'guangzhou', onHand: 12, reserved: 2 }]);
    await renderApp(<WarehousesPage db={db} />);
    await waitFor(() => row('yiwu'), 'the yiwu row');
    await click($(tid('warehouse-edit'), row('yiwu')!));
    await drawerOpen();
    expect($<HTMLInputElement>(tid('warehouse-code'))!.disabled).toBe(true);
    // a region from the division list shows in the cascader
    expect($(tid('warehouse-cascader'))!.textContent).toContain('义乌市');
    await type($(tid('warehouse-name')), '义乌一号仓');
    await click($(tid('warehouse-save')));
    await waitFor(() => $(tid('warehouse-name-cell'), row('yiwu')!)?.textContent === '义乌一号仓', 'the new name in the list');
    expect(await db.warehouses.get('yiwu')).toMatchObject({ name: '义乌一号仓', carriers: [{ code: 'ZTO' }], lat: 29.306 });

    await click($(tid('warehouse-remove'), row('guangzhou')!));
    const pop = await waitFor(() => $$('.ant-popconfirm').at(-1), 'the confirmation');
    expect(pop.textContent).toContain('12 件库存');
    await click(await waitFor(() => $(tid('warehouse-remove-ok')), 'the delete button'));
    await waitFor(() => !row('guangzhou'), 'the row gone');
    expect(await db.warehouses.get('guangzhou')).toBeUndefined();
    expect(await events(db, 'warehouse.removed')).toMatchObject([{ payload: { code: 'guangzhou' } }]);
  });

  it('saves the allocation policy into the decision settings and leaves the rules alone', async () => {
    await db.shops.put({ id: 'shop-a', platform: 'taobao', name: '家居旗舰店', gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false });
    await db.skus.put({ code: 'TY-001', name: '橡木餐盘', spec: '', category: '', barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen: 0, components: [], aliases: [] });
    const before = await readSettings(db);
    before.rules.r1.minFen = 123_400;
    await db.settings.put({ key: SETTINGS_KEY, value: before });

    await renderApp(<WarehousesPage db={db} />);
    await waitFor(() => $(tid('allocation-policy')) && inputOf('policy-wait'), 'the policy card');
    expect(inputOf('policy-split')!.checked).toBe(true);
    await click(inputOf('policy-wait'));
    const shop = $(`${tid('policy-shop')}[data-shop="shop-a"]`)!;
    await pick($(tid('shop-warehouse-add'), shop), '义乌仓');
    await pick($(tid('shop-warehouse-add'), shop), '广州仓');
    await click($(tid('shop-warehouse-up'), $(`${tid('shop-warehouse')}[data-code="guangzhou"]`, shop)!));
    expect($$(tid('shop-warehouse'), shop).map((e) => e.dataset.code)).toEqual(['guangzhou', 'yiwu']);
    await pick($(tid('sku-pin-sku')), 'TY-001', 'TY');
    await pick($(tid('sku-pin-new-warehouse')), '广州仓');
    await click($(tid('sku-pin-add')));
    expect($(tid('policy-dirty'))).not.toBeNull();
    await click($(tid('policy-save')));
    await waitFor(() => !$(tid('policy-dirty')), 'the saved state');

    const after = await readSettings(db);
    expect(after.allocation).toEqual({ policy: 'wait', shopWarehouses: { 'shop-a': ['guangzhou', 'yiwu'] }, skuWarehouse: { 'TY-001': 'guangzhou' } });
    expect(after.rules.r1.minFen).toBe(123_400);
    expect(await events(db, 'rules.saved')).toMatchObject([{ actor: 'u-ops_lead', payload: { redecide: false } }]);
  });

  it('is read-only for an operator without settings.manage', async () => {
    signIn('reviewer');
    await renderApp(<WarehousesPage db={db} />);
    await waitFor(() => row('yiwu'), 'the yiwu row');
    expect($(tid('warehouses-read-only'))).not.toBeNull();
    expect($(tid('warehouse-add'))).toBeNull();
    expect($(tid('warehouse-remove'))).toBeNull();
    expect($(tid('policy-save'))).toBeNull();
  });
});
