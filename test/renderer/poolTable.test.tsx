// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeLayout, freshDb, makeRow, render, settle, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { PoolPage, usePoolFilter } from '../../renderer/features/pool';
import type { WharfEvent } from '../../shared/events/envelope';
import { makeOrder } from '../support/orders';

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const FAST = { debounceMs: 20, maxWaitMs: 60 };

let db: WharfDB;
let unLayout: () => void;
beforeEach(async () => {
  unLayout = fakeLayout('[data-testid="pool-table"]', { width: 1400, height: 600 });
  db = freshDb();
  usePoolFilter.setState({ filter: {}, searchText: '', openKey: undefined });
  await db.shops.bulkPut([
    { id: 'shop-a', platform: 'taobao', name: '家居旗舰店', gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false },
    { id: 'shop-b', platform: 'taobao', name: '厨房专营店', gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false },
  ]);
  await db.orders.bulkPut([
    makeRow({ orderId: '4012345678901234567', createdAt: T0, buyerMessage: '请发顺丰', sellerFlag: 1 }),
    makeRow({ orderId: '4012345678901234568', shopId: 'shop-b', createdAt: T0 + 60_000, refunding: true }, {
      holds: [{ code: 'refund_open', source: 'channel', values: { lines: ['L1:WAIT_SELLER_AGREE'] }, at: T0 }],
    }),
    makeRow({ orderId: '4012345678901234569', createdAt: T0 + 120_000, paymentFen: 12345 }),
  ]);
});
afterEach(async () => { unLayout(); db.close(); await db.delete(); });

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="pool-row"]')];
const ids = () => rows().map((r) => r.dataset.orderId);
const count = () => document.querySelector('[data-testid="pool-count"]')?.textContent;

describe('order pool table', () => {
  it('renders seeded orders newest first, follows live writes and the search filter', async () => {
    const view = await render(<PoolPage db={db} refresh={FAST} />);
    expect(document.querySelector('[data-testid="pool-table"]')).not.toBeNull();
    await waitFor(() => rows().length === 3, 'three pool rows');
    expect(ids()).toEqual(['4012345678901234569', '4012345678901234568', '4012345678901234567']);
    expect(count()).toBe('3');

    const [newest, refunding, flagged] = rows();
    expect(newest!.textContent).toContain('¥123.45');
    expect(newest!.textContent).toContain('家居旗舰店');
    expect(refunding!.textContent).toContain('厨房专营店');
    expect(refunding!.textContent).toContain('退款未完结');
    expect(refunding!.textContent).toContain('退款中');
    // the full 19-digit id as text, never a rounded number
    expect(flagged!.querySelector('[data-testid="pool-order-id"]')!.textContent).toBe('4012345678901234567');
    expect(flagged!.querySelector('[data-testid="pool-note"]')!.textContent).toContain('请发顺丰');
    expect(flagged!.querySelector('[data-testid="flag-mark"]')!.textContent).toBe('红旗');

    // live: a write to the orders table (here, or by the ingest worker) shows up on its own
    await act(async () => { await db.orders.put(makeRow({ orderId: '4099999999999999999', createdAt: T0 + 999_000 })); });
    await waitFor(() => rows().length === 4 && ids()[0] === '4099999999999999999', 'the new order on top');
    expect(count()).toBe('4');

    await act(async () => { usePoolFilter.getState().applySearch('4012345678901234568'); });
    await waitFor(() => rows().length === 1, 'one search hit');
    expect(ids()).toEqual(['4012345678901234568']);
    expect(count()).toBe('1');
    await settle(50);
    await view.unmount();
  });

  it('opens the order detail with its timeline on click', async () => {
    const key = 'taobao:shop-a:4012345678901234567';
    const before = makeOrder({ orderId: '4012345678901234567', createdAt: T0, platformStatus: 'WAIT_BUYER_PAY', channelStatus: 'awaiting_payment', modifiedAt: T0 + 1000 });
    const after = { ...before, platformStatus: 'WAIT_SELLER_SEND_GOODS', channelStatus: 'paid' as const, modifiedAt: T0 + 5000 };
    const pulled = (id: string, order: typeof before): WharfEvent => ({ id, type: 'order.pulled', at: order.modifiedAt, actor: 'system', device: 'shop:shop-a', orderKey: key, payload: { order, payloadHash: id, source: 'api' } });
    await db.events.bulkAdd([pulled('e1', before), pulled('e2', after)]);

    const view = await render(<PoolPage db={db} refresh={FAST} />);
    await waitFor(() => rows().length === 3, 'three pool rows');
    await act(async () => { rows()[2]!.click(); });
    const timeline = await waitFor(() => document.querySelector('[data-testid="order-timeline"]'), 'the order timeline');
    expect(document.querySelector('[data-testid="order-detail"]')!.textContent).toContain('请发顺丰');
    await waitFor(() => timeline.querySelectorAll('[data-testid="timeline-entry"]').length === 2, 'two timeline entries');
    expect(timeline.textContent).toContain('WAIT_BUYER_PAY → WAIT_SELLER_SEND_GOODS');
    expect(timeline.textContent).toContain('平台 · 家居旗舰店');
    expect(timeline.textContent).toContain('2026-11-24 10:00:05');
    await settle(50);
    await view.unmount();
  });
});
