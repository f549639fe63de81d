// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, render, waitFor, type Rendered } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import type { OrderRow } from '../../shared/domain/types';
import { ReviewPage, useReviewStore } from '../../renderer/features/review';
import { Desk, HIT, T0, decision, events, heldOrder, resetUi, seedCompany, signIn, waitForDb } from './reviewFixtures';
import { makeRow } from './support';
import { receiverKeys } from '../../shared/decide';

let db: WharfDB;
let view: Rendered | undefined;
const HOUR = 3_600_000;

// receiver keys as the pipeline stores them, so a re-decision finds the same pair again
const withKeys = (r: OrderRow): OrderRow => ({ ...r, rk: receiverKeys(r).all });

// the same buyer bought the same plate on Taobao and, 2.5 h later, on Douyin
const EARLIER: OrderRow = withKeys({ ...heldOrder('4200000000000000001', { hits: [], createdAt: T0 }), fulfilment: 'allocated', holds: [] });
const laterOf = (orderId: string, createdAt: number): OrderRow => {
  const r = heldOrder(orderId, { hits: [HIT.r8(EARLIER.key, 2.5)], shopId: 'shop-b', platform: 'douyin', createdAt });
  return withKeys({
    ...r, receiver: { ...EARLIER.receiver, mergeKey: '' }, duplicateOf: EARLIER.key,
    decision: { ...r.decision!, duplicate: { of: EARLIER.key, matchedBy: ['收件人张 + 尾号 1234 + 浙江省杭州市西湖区'], hoursApart: 2.5, products: ['PLATE-24'] } },
  });
};
const LATER = laterOf('4200000000000000002', T0 + 2.5 * HOUR);
const LATER2 = laterOf('4200000000000000003', T0 + 3 * HOUR);

// one receiver, one shop, two paid orders not yet on the floor: one parcel is suggested
const receiver = { nameMasked: '陈**', phoneMasked: '137****5678', phoneTail: '5678', province: '浙江省', city: '宁波市', district: '鄞州区', town: '', addressMasked: '天童南路**号', cipher: {}, mergeKey: 'oaid-merge' };
const mergeRow = (orderId: string, createdAt: number, mergeWith: string[]): OrderRow => {
  const row = makeRow({ orderId, createdAt, receiver, lines: [{ lineId: `${orderId}-1`, title: '橡木餐盘', skuText: '直径24cm', outerSkuId: 'PLATE-24', qty: 1, priceFen: 3900, paymentFen: 3900 }] }, { fulfilment: 'allocated' });
  return withKeys({ ...row, decision: { ...decision(row, []), mergeWith } });
};
const M1 = mergeRow('4300000000000000001', T0, []);
const M2 = mergeRow('4300000000000000002', T0 + HOUR, [M1.key]);

beforeEach(async () => {
  db = freshDb();
  resetUi();
  signIn();
  await seedCompany(db);
  await db.orders.bulkPut([EARLIER, LATER, LATER2, M1, M2]);
});
afterEach(async () => { await view?.unmount(); view = undefined; db.close(); await db.delete(); });

const pairs = () => [...document.querySelectorAll<HTMLElement>('[data-testid="dup-pair"]')];
const pairOf = (key: string) => pairs().find((p) => p.dataset.key === key);

describe('possible duplicates', () => {
  it('shows the later order beside the earlier one, with why they look alike', async () => {
    useReviewStore.setState({ tab: 'dups' });
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => pairs().length === 2 && pairOf(LATER.key)?.querySelector('[data-testid="dup-earlier"]'), 'two pairs with their earlier order');
    expect(document.querySelector('[data-testid="review-count-dups"]')!.textContent).toBe('2');
    const pair = pairOf(LATER.key)!;
    const later = pair.querySelector<HTMLElement>('[data-testid="dup-later"]')!;
    const earlier = pair.querySelector<HTMLElement>('[data-testid="dup-earlier"]')!;
    expect(later.querySelector('[data-testid="brief-order-id"]')!.textContent).toBe(LATER.orderId);
    expect(later.textContent).toContain('抖店 · 抖音厨房小店');
    expect(earlier.querySelector('[data-testid="brief-order-id"]')!.textContent).toBe(EARLIER.orderId);
    expect(earlier.textContent).toContain('淘宝/天猫 · 家居旗舰店');
    expect(earlier.textContent).toContain('已分仓');
    expect(later.textContent).toContain('¥39.00');
    expect(later.textContent).toContain(EARLIER.receiver.nameMasked);
    expect(pair.textContent).toContain('相隔 2.5 小时');
    expect(pair.querySelector('[data-testid="dup-matched"]')!.textContent).toContain('收件人张 + 尾号 1234 + 浙江省杭州市西湖区');
  });

  it('"cancel the later order" asks first, with the kept order named in the reason', async () => {
    useReviewStore.setState({ tab: 'dups' });
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => pairOf(LATER.key)?.querySelector('[data-testid="dup-earlier"]'), 'the pair');
    await act(async () => { pairOf(LATER.key)!.querySelector<HTMLButtonElement>('[data-testid="dup-cancel"]')!.click(); });
    const input = await waitFor(() => document.querySelector<HTMLInputElement>('[data-testid="reason-input"]'), 'the cancel dialog');
    expect(input.value).toBe(`重复订单，保留 ${EARLIER.key}`);
    // nothing happened yet: a person confirms
    expect((await db.orders.get(LATER.key))!.fulfilment).toBe('on_hold');
    await act(async () => { document.querySelector<HTMLButtonElement>('[data-testid="reason-ok"]')!.click(); });
    await waitForDb(async () => (await db.orders.get(LATER.key))!.fulfilment === 'cancelled', 'the later order cancelled');
    expect((await db.orders.get(LATER.key))!.cancelled).toMatchObject({ by: 'u-ops', reason: `重复订单，保留 ${EARLIER.key}` });
    expect((await db.orders.get(EARLIER.key))!.fulfilment).toBe('allocated');
    expect((await db.ruleStats.get('r8'))?.cancelled).toBe(1);
    await waitFor(() => pairs().length === 1, 'the pair leaves the tab');
  });

  it('"not a duplicate" approves the later order', async () => {
    useReviewStore.setState({ tab: 'dups' });
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    await waitFor(() => pairOf(LATER2.key), 'the pair');
    await act(async () => { pairOf(LATER2.key)!.querySelector<HTMLButtonElement>('[data-testid="dup-approve"]')!.click(); });
    await waitForDb(async () => (await events(db, 'review.approved')).length === 1, 'approved');
    const row = (await db.orders.get(LATER2.key))!;
    // decided again: still the later of the pair, but the reviewer's word stands
    expect(row.decision!.trigger).toBe('approve');
    expect(row.decision!.duplicate?.of).toBe(EARLIER.key);
    expect(row.holds.find((h) => h.code === 'r8')!.clearedBy).toBe('u-ops');
    expect(row.fulfilment).toBe('allocated');
    expect((await events(db, 'review.approved'))[0]!.payload).toMatchObject({ orderKeys: [LATER2.key] });
    await waitFor(() => !pairOf(LATER2.key), 'the pair leaves the tab');
  });
});

describe('merge suggestions', () => {
  it('groups one receiver\'s orders and merges them into one parcel from the allocated warehouse', async () => {
    useReviewStore.setState({ tab: 'merge' });
    view = await render(<Desk><ReviewPage db={db} /></Desk>);
    const group = await waitFor(() => document.querySelector<HTMLElement>('[data-testid="merge-group"]'), 'the merge group');
    expect(document.querySelector('[data-testid="review-count-merge"]')!.textContent).toBe('1');
    expect([...group.querySelectorAll<HTMLElement>('[data-testid="merge-order"]')].map((o) => o.dataset.key)).toEqual([M1.key, M2.key]);
    expect(group.textContent).toContain('2 单 · 同一收件人');
    expect(group.textContent).toContain('陈** 137****5678');
    expect(group.querySelector('[data-testid="merge-warehouse"]')!.textContent).toContain('义乌仓');
    await act(async () => { group.querySelector<HTMLButtonElement>('[data-testid="merge-accept"]')!.click(); });
    await waitForDb(async () => (await db.parcels.count()) === 1, 'a parcel');
    const [parcel] = await db.parcels.toArray();
    expect(parcel).toMatchObject({ warehouse: 'yiwu', state: 'open', orderKeys: [M1.key, M2.key] });
    expect(parcel!.lines).toEqual([{ orderKey: M1.key, lineId: `${M1.orderId}-1`, qty: 1 }, { orderKey: M2.key, lineId: `${M2.orderId}-1`, qty: 1 }]);
    expect((await db.orders.get(M1.key))!.mergedInto).toBe(parcel!.id);
    expect((await db.orders.get(M2.key))!.mergedInto).toBe(parcel!.id);
    expect((await events(db, 'merge.accepted'))[0]!.payload).toMatchObject({ parcelId: parcel!.id, orderKeys: [M1.key, M2.key], warehouse: 'yiwu' });
    // the group stays, shown as merged with its parcel id, and no longer counts as a suggestion
    await waitFor(() => document.querySelector('[data-testid="merge-group"]')?.getAttribute('data-merged') === 'yes', 'shown as merged');
    expect(document.querySelector('[data-testid="merge-parcel"]')!.textContent).toBe(`已合并 · 包裹 ${parcel!.id}`);
    expect(document.querySelector('[data-testid="merge-accept"]')).toBeNull();
    await waitFor(() => document.querySelector('[data-testid="review-count-merge"]')?.textContent === '0', 'badge 0');
  });
});
