// @vitest-environment happy-dom
// 商品对应: the remembered platform item → SKU links, searchable by item or SKU, and removed
// through removeMapping (the row goes, a mapping.removed event stays).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { SkusPage } from '../../renderer/features/skus';
import { $, $$, click, events, renderApp, signIn, tid, type, unmountAll } from './skusSupport';

const AT = Date.UTC(2026, 10, 24, 2, 0, 0);
let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await db.users.put({ id: 'u-rev', name: '陈思远', role: 'reviewer', pinHash: 'x', pinSalt: 'y' });
  await db.skus.put({ code: 'TY-001', name: '橡木餐盘', spec: '直径24cm', category: '', barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen: 0, components: [], aliases: [] });
  await db.skuMaps.bulkPut([
    { key: 'platform_sku|taobao:5012345678901', kind: 'platform_sku', value: 'taobao:5012345678901', sku: 'TY-001', units: 1, by: 'u-rev', at: AT },
    { key: 'outer_id|TY001-2', kind: 'outer_id', value: 'TY001-2', sku: 'TY-001', units: 2, by: 'u-rev', at: AT + 60_000 },
    { key: 'text|橡木餐盘 24cm 两只装', kind: 'text', value: '橡木餐盘 24cm 两只装', sku: 'GONE-1', units: 2, by: 'u-rev', at: AT + 120_000 },
  ]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const rows = () => $$(tid('sku-map-row'));

describe('SKU mappings tab', () => {
  it('lists, searches and removes remembered mappings', async () => {
    await renderApp(<SkusPage db={db} />);
    await click(await waitFor(() => $(tid('skus-tab-mappings')), 'the mappings tab'));
    await waitFor(() => rows().length === 3, 'three mappings');
    // newest first, with who confirmed it (by name) and when (Shanghai time)
    expect(rows().map((r) => r.dataset.key)).toEqual(['text|橡木餐盘 24cm 两只装', 'outer_id|TY001-2', 'platform_sku|taobao:5012345678901']);
    const tb = rows()[2]!;
    expect(tb.textContent).toContain('淘宝/天猫');
    expect(tb.textContent).toContain('5012345678901');
    expect(tb.textContent).toContain('陈思远');
    expect(tb.textContent).toContain('2026-11-24 10:00:00');
    expect(rows()[0]!.textContent).toContain('已删除');
    expect(rows()[1]!.textContent).toContain('×2');

    await type($(tid('sku-maps-search')), 'ty001-2');
    await waitFor(() => rows().length === 1, 'one search hit');
    await type($(tid('sku-maps-search')), '');
    await waitFor(() => rows().length === 3, 'all again');

    await click($(tid('sku-map-remove'), rows()[1]!));
    await click(await waitFor(() => $$('.ant-popconfirm .ant-btn-dangerous').at(-1), 'the confirmation'));
    await waitFor(() => rows().length === 2, 'the mapping gone from the list');
    expect(await db.skuMaps.get('outer_id|TY001-2')).toBeUndefined();
    expect(await events(db, 'mapping.removed')).toMatchObject([{ actor: 'u-ops_lead', payload: { key: 'outer_id|TY001-2' } }]);
  });
});
