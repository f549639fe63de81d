// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeLayout, freshDb, render, settle, typeInto, waitFor, type Rendered } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import type { OrderRow } from '../../shared/domain/types';
import { textKeyOf, mappingKey } from '../../shared/decide';
import { ReviewPage, useReviewStore } from '../../renderer/features/review';
import { Desk, T0, events, makeWaiting, press, resetUi, seedCompany, signIn, waitForDb } from './reviewFixtures';

let db: WharfDB;
let view: Rendered | undefined;

const MUG_TITLE = { title: '北欧ins风陶瓷马克杯 办公室喝水杯', skuText: '颜色分类:奶白色;容量:350ml' };
const MUG_KEY = mappingKey({ kind: 'text', value: textKeyOf(MUG_TITLE) });
const BOWL_TITLE = { title: '日式釉下彩饭碗 2只装', skuText: '15cm' };
const BOWL_KEY = mappingKey({ kind: 'text', value: textKeyOf(BOWL_TITLE) });

// two shops sell the same mug listing; one more order has a two-pack of bowls
const ORDERS: OrderRow[] = [
  makeWaiting('4100000000000000001', MUG_TITLE, MUG_KEY, [{ sku: 'MUG-350', score: 0.74, why: ['名称：马克杯', '容量 350ml 相同'] }, { sku: 'BOWL-15', score: 0.21, why: ['材质：陶瓷'] }], { createdAt: T0 }),
  makeWaiting('4100000000000000002', MUG_TITLE, MUG_KEY, [{ sku: 'MUG-350', score: 0.74, why: ['名称：马克杯', '容量 350ml 相同'] }], { createdAt: T0 + 60_000, shopId: 'shop-b', platform: 'douyin' }),
  makeWaiting('4100000000000000003', BOWL_TITLE, BOWL_KEY, [], { createdAt: T0 + 120_000 }),
];

beforeEach(async () => {
  db = freshDb();
  resetUi();
  useReviewStore.setState({ tab: 'map' });
  signIn();
  await seedCompany(db);
  await db.orders.bulkPut(ORDERS);
});
afterEach(async () => { await view?.unmount(); view = undefined; db.close(); await db.delete(); });

const items = () => [...document.querySelectorAll<HTMLElement>('[data-testid="map-item"]')];

describe('map-SKU queue', () => {
  it('groups waiting orders by item, with title, spec, shops, count and suggestions', async () => {
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => items().length === 2, 'two waiting items');
    const [mug, bowl] = items();
    expect(mug!.dataset.itemKey).toBe(MUG_KEY);
    expect(mug!.querySelector('[data-testid="map-title"]')!.textContent).toBe(MUG_TITLE.title);
    expect(mug!.textContent).toContain('容量:350ml');
    expect(mug!.querySelector('[data-testid="map-waiting"]')!.textContent).toBe('2 单在等');
    expect(mug!.textContent).toContain('家居旗舰店');
    expect(mug!.textContent).toContain('抖音厨房小店');
    const sugg = [...mug!.querySelectorAll<HTMLElement>('[data-testid="map-suggestion"]')];
    expect(sugg.map((s) => s.dataset.sku)).toEqual(['MUG-350', 'BOWL-15']);
    expect(sugg[0]!.textContent).toContain('陶瓷马克杯');
    expect(sugg[0]!.textContent).toContain('0.74');
    expect(sugg[0]!.textContent).toContain('容量 350ml 相同');
    expect(bowl!.textContent).toContain('没有相似的商品');
    expect(document.querySelector('[data-testid="review-count-map"]')!.textContent).toBe('2');
  });

  it('1 picks the first suggestion, Enter confirms: mapping remembered, every waiting order re-decided', async () => {
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => items().length === 2, 'two waiting items');
    await press('1');
    await waitFor(() => items()[0]!.querySelector('[data-testid="map-picked"]')!.textContent === '已选：MUG-350 陶瓷马克杯', 'picked');
    await press('Enter');
    await waitForDb(async () => !!(await db.skuMaps.get(MUG_KEY)), 'the mapping row');
    expect(await db.skuMaps.get(MUG_KEY)).toMatchObject({ kind: 'text', sku: 'MUG-350', units: 1, by: 'u-ops' });
    const [ev] = await events(db, 'mapping.confirmed');
    expect(ev).toMatchObject({ actor: 'u-ops', payload: { mapping: { kind: 'text', value: textKeyOf(MUG_TITLE), sku: 'MUG-350', units: 1 } } });
    // the store ran the real pipeline on both orders: mapped by the confirmed text, no longer waiting
    for (const o of ORDERS.slice(0, 2)) {
      const row = (await db.orders.get(o.key))!;
      expect(row.um).toEqual([]);
      expect(row.decision!.trigger).toBe('mapping');
      expect(row.decision!.lines[0]).toMatchObject({ sku: 'MUG-350', method: 'confirmed_text' });
      expect(row.holds.some((h) => h.code === 'r9' && !h.clearedBy)).toBe(false);
    }
    await waitFor(() => items().length === 1, 'the mug leaves the queue');
    expect(items()[0]!.dataset.itemKey).toBe(BOWL_KEY);
    expect((await db.orders.get(ORDERS[2]!.key))!.um).toEqual([BOWL_KEY]);
  });

  it('any SKU by search, with units per platform item (a two-pack ships two)', async () => {
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => items().length === 2, 'two waiting items');
    await press('ArrowDown');
    await waitFor(() => items()[1]!.getAttribute('aria-current') === 'true', 'the bowl current');
    const bowl = items()[1]!;
    // the picker is the active item's
    const search = await waitFor(() => bowl.querySelector<HTMLInputElement>('[data-testid="map-search"] input, input[role="combobox"]'), 'the SKU search');
    await act(async () => { search.focus(); typeInto(search, '饭碗'); });
    const option = await waitFor(() => [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) => o.textContent?.includes('BOWL-15')), 'the BOWL-15 option');
    await act(async () => { option.click(); });
    await waitFor(() => bowl.querySelector('[data-testid="map-picked"]')!.textContent === '已选：BOWL-15 日式饭碗', 'picked by search');
    // the title says 2只装: one tap fills 2
    await act(async () => { bowl.querySelector<HTMLElement>('[data-testid="map-units-hint"]')!.click(); });
    await waitFor(() => bowl.querySelector<HTMLInputElement>('[data-testid="map-units"] input, input[data-testid="map-units"]')?.value === '2', 'units 2');
    await act(async () => { bowl.querySelector<HTMLButtonElement>('[data-testid="map-confirm"]')!.click(); });
    await waitForDb(async () => !!(await db.skuMaps.get(BOWL_KEY)), 'the mapping row');
    expect((await db.skuMaps.get(BOWL_KEY))!.units).toBe(2);
    await waitForDb(async () => ((await db.orders.get(ORDERS[2]!.key))!.um ?? []).length === 0, 're-decided');
    const row = (await db.orders.get(ORDERS[2]!.key))!;
    expect(row.decision!.lines[0]).toMatchObject({ sku: 'BOWL-15', units: 2, components: [{ sku: 'BOWL-15', qty: 2 }] });
    await waitFor(() => items().length === 1, 'the bowl leaves the queue');
    await settle(50);
  });

  it('the same orders show in the review queue with the r9 sentence', async () => {
    // the queue and the map tab read the same rows: an r9 hold shows its sentence
    useReviewStore.setState({ tab: 'queue' });
    const unLayout = fakeLayout('[data-testid="queue-list"]', { width: 1400, height: 700 });
    try {
      view = await render(<Desk><ReviewPage db={db} /></Desk>);
      await waitFor(() => document.querySelectorAll('[data-testid="queue-row"]').length === 3, 'three held rows');
      expect(document.querySelector('[data-testid="review-queue"]')!.textContent).toContain('r9 未匹配商品商品未匹配到 SKU：北欧ins风陶瓷马克杯');
      expect(document.querySelector('[data-testid="review-queue"]')!.textContent).toContain('未匹配');
    } finally { unLayout(); }
  });
});
