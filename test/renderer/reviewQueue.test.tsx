// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeLayout, freshDb, render, settle, typeInto, waitFor, type Rendered } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { ReviewPage, useReviewStore } from '../../renderer/features/review';
import { usePoolFilter } from '../../renderer/features/pool';
import { useAppState } from '../../renderer/app/appState';
import { Desk, HIT, PACKER, T0, events, heldOrder, press, resetUi, seedCompany, signIn, waitForDb } from './reviewFixtures';

let db: WharfDB;
let unLayout: () => void;
let view: Rendered | undefined;

const HIGH = heldOrder('4012345678901234567', { hits: [HIT.r1(680_000)], paymentFen: 680_000, createdAt: T0 });
const NOTE = heldOrder('4012345678901234568', { hits: [HIT.r4('请周五前送到')], createdAt: T0 + 60_000, shopId: 'shop-b', platform: 'douyin' });
const BY_HAND = heldOrder('4012345678901234569', {
  hits: [], createdAt: T0 + 120_000,
  extraHolds: [
    { code: 'manual', source: 'manual', values: { reason: '等客户确认颜色', by: 'u-ops' }, at: T0 + 130_000 },
    { code: 'refund_open', source: 'channel', values: { lines: ['L1:WAIT_SELLER_AGREE'] }, at: T0 + 125_000 },
  ],
});

beforeEach(async () => {
  unLayout = fakeLayout('[data-testid="queue-list"]', { width: 1400, height: 700 });
  db = freshDb();
  resetUi();
  signIn();
  await seedCompany(db);
  await db.orders.bulkPut([HIGH, NOTE, BY_HAND]);
});
afterEach(async () => { await view?.unmount(); view = undefined; unLayout(); db.close(); await db.delete(); });
const mount = async () => { view = await render(<Desk><ReviewPage db={db} /></Desk>); };

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')];
const ids = () => rows().map((r) => r.dataset.orderId);
const count = (tab: string) => document.querySelector(`[data-testid="review-count-${tab}"]`)?.textContent;
const dialogInput = () => document.querySelector<HTMLInputElement>('[data-testid="reason-input"]');
const okButton = () => document.querySelector<HTMLButtonElement>('[data-testid="reason-ok"]');

describe('review queue', () => {
  it('lists held orders newest first with shop, amount, receiver, items and every reason', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    expect(ids()).toEqual([BY_HAND.orderId, NOTE.orderId, HIGH.orderId]);
    expect(count('queue')).toBe('3');

    const [byHand, note, high] = rows();
    expect(high!.querySelector('[data-testid="queue-order-id"]')!.textContent).toBe('4012345678901234567');
    expect(high!.textContent).toContain('淘宝/天猫 · 家居旗舰店');
    expect(high!.querySelector('[data-testid="queue-amount"]')!.textContent).toBe('¥6800.00');
    expect(high!.textContent).toContain('r1 高额订单');
    expect(high!.textContent).toContain('商品实付 ¥6800.00 超过 ¥5000.00');
    expect(high!.querySelector('[data-testid="line-sku"]')!.textContent).toBe('SKU PLATE-24');
    expect(high!.querySelector('[data-testid="queue-receiver"]')!.textContent).toContain('浙江省 杭州市 西湖区');
    expect(note!.textContent).toContain('抖店 · 抖音厨房小店');
    expect(note!.textContent).toContain('买家留言：请周五前送到');
    // a person's hold names the reason and who; a platform hold says only the platform clears it
    expect(byHand!.textContent).toContain('人工挂起等客户确认颜色');
    expect(byHand!.textContent).toContain('林静');
    expect(byHand!.textContent).toContain('平台挂起退款未完结');
    expect(byHand!.textContent).toContain('平台解除后自动放行');

    // the summary line counts open holds per reason
    const summary = document.querySelector('[data-testid="rule-summary"]')!;
    const chips = [...summary.querySelectorAll<HTMLElement>('[data-testid="summary-reason"]')].map((c) => `${c.dataset.reason}=${c.querySelector('[data-testid="summary-count"]')!.textContent}`);
    expect(chips).toEqual(['r1=1', 'r4=1', 'manual=1', 'channel=1']);
  });

  it('A approves the current order: holds cleared by the operator, re-decided, gone from the queue', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    // ↓ twice: the oldest (high amount) order
    await press('ArrowDown');
    await press('j');
    await waitFor(() => rows()[2]!.getAttribute('aria-current') === 'true', 'the third row current');
    await press('a');
    await waitFor(() => ids().length === 2, 'the approved order leaves the queue');
    expect(ids()).toEqual([BY_HAND.orderId, NOTE.orderId]);

    const row = (await db.orders.get(HIGH.key))!;
    const r1 = row.holds.find((h) => h.code === 'r1')!;
    expect(r1.clearedBy).toBe('u-ops');
    expect(r1.clearedAt).toBeGreaterThan(0);
    // the store ran the pipeline again: allocated from the one warehouse, stock counted
    expect(row.decision!.trigger).toBe('approve');
    expect(row.fulfilment).toBe('allocated');
    expect(row.decision!.allocation!.parts[0]!.warehouse).toBe('yiwu');
    expect((await db.stock.get('PLATE-24|yiwu'))!.reserved).toBe(1);
    const [ev, ...more] = await events(db, 'review.approved');
    expect(more).toHaveLength(0);
    expect(ev).toMatchObject({ actor: 'u-ops', device: 'dev-review', payload: { orderKeys: [HIGH.key] } });
    expect((await db.ruleStats.get('r1'))?.approved).toBe(1);
    await waitFor(() => count('queue') === '2', 'the badge follows');
  });

  it('approving clears rule and manual holds but never a platform hold', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    await press('a'); // the newest: held by hand and by the platform
    await waitForDb(async () => (await events(db, 'review.approved')).length === 1, 'approved');
    await waitFor(() => rows()[0]?.textContent?.includes('平台挂起') && !rows()[0]?.textContent?.includes('人工挂起'), 'only the platform hold left');
    const row = (await db.orders.get(BY_HAND.key))!;
    expect(row.fulfilment).toBe('on_hold');
    expect(row.holds.find((h) => h.code === 'manual')!.clearedBy).toBe('u-ops');
    expect(row.holds.find((h) => h.code === 'refund_open')!.clearedBy).toBeUndefined();
    expect(ids()).toContain(BY_HAND.orderId);
  });

  it('Space selects, H holds the selection with a reason', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    await press('ArrowDown');
    await press(' ');
    await press('ArrowDown');
    await press(' ');
    await waitFor(() => document.querySelector('[data-testid="queue-selected"]')?.textContent === '已选 2 单', 'two selected');
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'true', 'true']);
    await press('h');
    await waitFor(() => document.querySelector('[data-testid="reason-dialog-hold"]'), 'the hold dialog');
    expect(document.querySelector('[data-testid="reason-orders"]')!.textContent).toContain(NOTE.orderId);
    expect(document.querySelector('[data-testid="reason-orders"]')!.textContent).toContain(HIGH.orderId);
    // an empty reason is refused with words
    await act(async () => { okButton()!.click(); });
    await waitFor(() => document.querySelector('[data-testid="reason-error"]'), 'the reason error');
    expect(document.querySelector('[data-testid="reason-error"]')!.textContent).toContain('请写原因');
    await act(async () => { typeInto(dialogInput()!, '等仓库核实批次'); });
    await act(async () => { okButton()!.click(); });
    await waitForDb(async () => (await events(db, 'review.held')).length === 1, 'review.held recorded');
    const [ev] = await events(db, 'review.held');
    expect(ev!.payload).toEqual({ orderKeys: [NOTE.key, HIGH.key], reason: '等仓库核实批次' });
    for (const key of [NOTE.key, HIGH.key]) {
      const manual = (await db.orders.get(key))!.holds.find((h) => h.code === 'manual')!;
      expect(manual).toMatchObject({ source: 'manual', values: { reason: '等仓库核实批次', by: 'u-ops' } });
    }
    await waitFor(() => rows()[2]?.textContent?.includes('人工挂起等仓库核实批次'), 'the new reason on screen');
    expect(document.querySelector('[data-testid="queue-selected"]')!.textContent).not.toContain('已选');
  });

  it('C cancels after a reason and a confirmation; the order leaves the queue', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    await press('ArrowDown');
    await press('c');
    await waitFor(() => document.querySelector('[data-testid="reason-dialog-cancel"]'), 'the cancel dialog');
    expect(document.querySelector('[data-testid="reason-dialog-cancel"]')!.textContent).toContain('不会关闭平台订单');
    expect(await db.orders.get(NOTE.key).then((r) => r!.fulfilment)).toBe('on_hold');
    const preset = [...document.querySelectorAll<HTMLElement>('[data-testid="reason-preset"]')].find((p) => p.textContent === '客户要求取消')!;
    await act(async () => { preset.click(); });
    await act(async () => { okButton()!.click(); });
    await waitFor(() => ids().length === 2, 'the cancelled order leaves');
    const row = (await db.orders.get(NOTE.key))!;
    expect(row.fulfilment).toBe('cancelled');
    expect(row.cancelled).toMatchObject({ by: 'u-ops', reason: '客户要求取消' });
    expect(row.holds.every((h) => h.clearedBy === 'u-ops')).toBe(true);
    expect((await events(db, 'review.cancelled'))[0]!.payload).toEqual({ orderKeys: [NOTE.key], reason: '客户要求取消' });
  });

  it('filters by reason (summary chip or select), by shop and by order id', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    const chip = (r: string) => document.querySelector<HTMLElement>(`[data-testid="summary-reason"][data-reason="${r}"]`)!;
    await act(async () => { chip('r1').click(); });
    await waitFor(() => ids().length === 1, 'only r1');
    expect(ids()).toEqual([HIGH.orderId]);
    expect(document.querySelector('[data-testid="queue-shown"]')!.textContent).toBe('显示 1 / 3 单');
    await act(async () => { chip('channel').click(); });
    await waitFor(() => ids().length === 2, 'r1 or a platform hold');
    expect(ids()).toEqual([BY_HAND.orderId, HIGH.orderId]);
    await act(async () => { document.querySelector<HTMLElement>('[data-testid="queue-clear-filters"]')!.click(); });
    await waitFor(() => ids().length === 3, 'all again');

    await act(async () => { typeInto(document.querySelector<HTMLInputElement>('[data-testid="queue-search"] input, input[data-testid="queue-search"]')!, '4568'); });
    await waitFor(() => ids().length === 1, 'one id hit');
    expect(ids()).toEqual([NOTE.orderId]);
    await act(async () => { document.querySelector<HTMLElement>('[data-testid="queue-clear-filters"]')!.click(); });
    await waitFor(() => ids().length === 3, 'all again');

    await act(async () => { useReviewStore.getState().setFilter({ shopId: 'shop-b' }); });
    await waitFor(() => ids().length === 1, 'one shop');
    expect(ids()).toEqual([NOTE.orderId]);
  });

  it('E corrects the address and the order is decided again; Enter opens it in the pool', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    await press('End');
    await press('e');
    const dialog = await waitFor(() => document.querySelector('[data-testid="address-dialog"]'), 'the address dialog');
    expect(dialog.textContent).toContain('浙江省 杭州市 西湖区');
    // the region comes resolved from the platform's names; only the street is typed
    expect(dialog.querySelector('.ant-cascader')!.textContent).toContain('西湖区');
    await act(async () => { typeInto(dialog.querySelector<HTMLInputElement>('[data-testid="address-detail"]')!, '文三路 398 号 3 栋 801 室'); });
    await act(async () => { document.querySelector<HTMLButtonElement>('[data-testid="address-ok"]')!.click(); });
    await waitForDb(async () => (await db.orders.get(HIGH.key))?.addressEdit !== undefined, 'address saved');
    const row = (await db.orders.get(HIGH.key))!;
    expect(row.addressEdit).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 398 号 3 栋 801 室', by: 'u-ops' });
    expect(row.decision!.trigger).toBe('address');
    // still held: r1 (a high amount is not an address problem)
    expect(row.fulfilment).toBe('on_hold');
    expect((await events(db, 'order.addressEdited'))[0]!.payload).toMatchObject({ orderKey: HIGH.key, detail: '文三路 398 号 3 栋 801 室' });
    await waitFor(() => !document.querySelector('[data-testid="address-dialog"]'), 'dialog closed');
    await waitFor(() => rows()[2]?.textContent?.includes('文三路 398 号'), 'the corrected address shown');

    await press('Enter');
    expect(usePoolFilter.getState().openKey).toBe(HIGH.key);
    expect(useAppState.getState().route).toBe('pool');
  });

  it('a scanner burst types letters but approves nothing; Ctrl+A selects every shown order', async () => {
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    await act(async () => {
      for (const key of ['A', '1', '2', 'H', 'C']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await settle(300);
    expect(await events(db, 'review.approved')).toHaveLength(0);
    expect(document.querySelector('.ant-modal')).toBeNull();
    await press('a', { ctrlKey: true });
    await waitFor(() => document.querySelector('[data-testid="queue-selected"]')?.textContent === '已选 3 单', 'all selected');
    await press('Escape');
    await waitFor(() => !document.querySelector('[data-testid="queue-selected"]')?.textContent?.includes('已选'), 'selection cleared');
  });

  it('an operator without review rights sees the queue but no actions', async () => {
    signIn(PACKER);
    await mount();
    await waitFor(() => rows().length === 3, 'three held orders');
    expect(document.querySelector('[data-testid="queue-approve"]')).toBeNull();
    expect(document.querySelector('[data-testid="review-queue"]')!.textContent).toContain('当前操作员只能查看');
    await press('a');
    expect(await events(db, 'review.approved')).toHaveLength(0);
  });
});
