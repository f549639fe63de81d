// The stock ledger in the real store (Dexie over fake-indexeddb): orders lock stock at
// allocation and give it back or ship it; unpaid locks lapse on the injected clock, also when
// the PC was off; batches are taken first-expiry-first-out within the shop's shelf-life minimum;
// the warehouse's own sheets (receipts, counts, transfers) are checked and recorded; a v2 store
// upgrades without changing sellable; and the self-check finds nothing — until a row is
// corrupted and a movement's effect dropped, when it names both.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, WharfDB } from '../../renderer/store/db';
import { bumpConfig, readSettings, SETTINGS_KEY } from '../../renderer/store/decide/config';
import { cancelOrders, setStock } from '../../renderer/store/decisionMutators';
import { moveStock } from '../../renderer/store/stockMutators';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { startLapseTimer } from '../../renderer/store/stock/lapseTimer';
import { ManualClock } from '../../shared/clock';
import type { DecisionSettings } from '../../shared/decide/settings';
import type { NormalizedOrder } from '../../shared/domain/types';
import { decideFixtures } from './decideFixtures';

const { freshDb, setUp, order, ingest, row, stockOf, openRuleHolds, lead, time } = decideFixtures('stock-ledger');
const MIN = 60_000;
const DAY = 86_400_000;

async function stockSettings(db: WharfDB, s: Partial<DecisionSettings['stock']>): Promise<void> {
  const cur = await readSettings(db);
  await db.settings.put({ key: SETTINGS_KEY, value: { ...cur, stock: { ...cur.stock, ...s } } });
  await bumpConfig(db);
}

const lockMoves = async (db: WharfDB, key: string) => (await db.movements.where('lock').equals(key).toArray()).map((m) => `${m.kind}${m.kind === 'firm' ? '' : ` ${m.qty}`}@${Math.round((m.at - time.now) / MIN)}`);
const keyOf = (o: NormalizedOrder) => `taobao:${o.shopId}:${o.orderId}`;

function unpaid(createdAt: number): NormalizedOrder {
  const o = order();
  return { ...o, channelStatus: 'awaiting_payment', platformStatus: 'WAIT_BUYER_PAY', paidAt: undefined, createdAt, modifiedAt: createdAt };
}
const paid = (o: NormalizedOrder, at: number): NormalizedOrder => ({ ...o, channelStatus: 'paid', platformStatus: 'WAIT_SELLER_SEND_GOODS', paidAt: at, modifiedAt: at });

describe('stock ledger in the store', () => {
  it('locks at allocation, ships or releases with the platform and by hand, and the self-check finds no drift', async () => {
    const db = freshDb();
    await setUp(db);
    const [a, b, c] = [order(), order(), order()];
    await ingest(db, [a, b, c]);
    expect((await db.locks.get(keyOf(a)))).toMatchObject({ state: 'firm', lines: [{ sku: 'TY-001', warehouse: 'yiwu', qty: 1 }] });
    expect((await row(db, a)).decision?.reasons.some((r) => r.includes('锁定 1'))).toBe(true);
    await ingest(db, [{ ...a, channelStatus: 'shipped', platformStatus: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: a.modifiedAt + 60 * MIN }], '-shipped');
    await cancelOrders(db, lead, [keyOf(c)], '买家要求取消');
    expect(await db.locks.get(keyOf(a))).toMatchObject({ state: 'shipped' });
    expect(await db.locks.get(keyOf(c))).toMatchObject({ state: 'released' });
    // 2 + 1 counted; a shipped (1 left yiwu), b holds yiwu's other unit, c gave guangzhou's back
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 1, reserved: 1 });
    expect(await stockOf(db, 'TY-001', 'guangzhou')).toEqual({ onHand: 1, reserved: 0 });
    expect(await lockMoves(db, keyOf(c))).toEqual(['reserve 1@-57', 'release 1@0']);
    const report = await checkStock(db);
    expect(report.drifts).toEqual([]);
    expect(report.movements).toBeGreaterThan(5);
  });

  it('an unpaid order locks for 30 minutes: payment makes it firm, the timer releases the others, also after the PC was off', async () => {
    const db = freshDb();
    await setUp(db, { onHand: [{ sku: 'TY-001', warehouse: 'yiwu', qty: 3 }] });
    await stockSettings(db, { reserveUnpaid: true });
    const t = time.now;
    const [u1, u2, u3] = [unpaid(t), unpaid(t + MIN), unpaid(t + 2 * MIN)];
    await ingest(db, [u1, u2, u3]);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 3, reserved: 3 });
    expect(await db.locks.get(keyOf(u2))).toMatchObject({ state: 'unpaid', unpaidUntil: t + 31 * MIN });
    expect((await row(db, u2)).decision?.reasons.join(' ')).toContain('未付款预占');

    // u1 pays after 10 minutes: the same lock becomes firm, no release and re-take
    await ingest(db, [paid(u1, t + 10 * MIN)], '-paid');
    expect(await lockMoves(db, keyOf(u1))).toEqual(['reserve 1@0', 'firm@10']);
    expect((await row(db, u1)).fulfilment).toBe('allocated');

    // the timer, on the injected clock: u2 runs out at +31 min and is released as of then
    const clock = new ManualClock(t + 10 * MIN);
    const timer = startLapseTimer(db, clock);
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    // it looks at least once a minute (locks written meanwhile by the ingest worker are noticed)
    for (let i = 0; i < 21; i++) {
      clock.advance(MIN);
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
    }
    await vi.waitFor(async () => expect((await db.locks.get(keyOf(u2)))?.state).toBe('released'));
    timer.stop();
    expect((await db.locks.get(keyOf(u3)))?.state).toBe('unpaid');
    expect(await lockMoves(db, keyOf(u2))).toEqual(['reserve 1@1', 'release 1@31']);
    expect((await row(db, u2)).decision?.allocation?.committed).toBe(false);
    // u3 lapsed at +32 min while nothing ran; it pays at +40: released as of +32, then locked anew
    await ingest(db, [paid(u3, t + 40 * MIN)], '-paid');
    expect(await lockMoves(db, keyOf(u3))).toEqual(['reserve 1@2', 'release 1@32', 'reserve 1@40']);
    expect(await db.locks.get(keyOf(u3))).toMatchObject({ state: 'firm' });
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 3, reserved: 2 });
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('only on payment by default: an unpaid order takes nothing', async () => {
    const db = freshDb();
    await setUp(db);
    await ingest(db, [unpaid(time.now)]);
    expect(await db.locks.count()).toBe(0);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 0 });
  });

  it('receives batches by sheet and locks first-expiry-first-out within the shop\'s shelf-life minimum', async () => {
    const db = freshDb();
    await setUp(db);
    const now = time.now;
    await moveStock(db, lead, [
      { kind: 'receive', sku: 'TY-002', warehouse: 'yiwu', batch: 'B-LATE', location: 'A-01', qty: 5, expiresAt: now + 200 * DAY },
      { kind: 'receive', sku: 'TY-002', warehouse: 'yiwu', batch: 'B-SOON', location: 'A-02', qty: 4, expiresAt: now + 20 * DAY },
    ], { source: 'PO-1201' });
    const line = (id: string, qty: number) => [{ lineId: `${id}-1`, title: '橡木餐盘', skuText: '直径20cm', qty, priceFen: 2900, paymentFen: 2900 * qty, outerSkuId: 'TY-002' }];
    const o1 = order();
    await ingest(db, [{ ...o1, lines: line(o1.orderId, 2), totalFen: 5800, paymentFen: 5800 }]);
    expect((await db.locks.get(keyOf(o1)))!.lines).toMatchObject([{ batch: 'B-SOON', qty: 2 }]);
    expect((await row(db, o1)).decision?.reasons.join(' ')).toContain('先到期先出：B-SOON×2');

    // the shop now demands 60 days left: B-SOON (20 days) is not offered, 6 cannot be filled
    await stockSettings(db, { minRemainingDays: { [o1.shopId]: 60 } });
    const o2 = order();
    await ingest(db, [{ ...o2, lines: line(o2.orderId, 6), totalFen: 17400, paymentFen: 17400 }]);
    expect(openRuleHolds(await row(db, o2))).toEqual(['r10']);
    const o3 = order();
    await ingest(db, [{ ...o3, lines: line(o3.orderId, 3), totalFen: 8700, paymentFen: 8700 }]);
    expect((await db.locks.get(keyOf(o3)))!.lines).toMatchObject([{ batch: 'B-LATE', qty: 3 }]);
    expect((await db.stockRows.get('TY-002|yiwu|B-LATE'))).toMatchObject({ onHand: 5, reserved: 3, locations: { 'A-01': 5 } });
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('checks a sheet before it lands: unknown SKU, no reason, more than is free, an expired receipt', async () => {
    const db = freshDb();
    await setUp(db);
    await ingest(db, [order()]);
    await expect(moveStock(db, lead, [{ kind: 'receive', sku: 'NOPE', warehouse: 'yiwu', qty: 1 }])).rejects.toThrow(/row 1.*NOPE is not in the SKU master/);
    await expect(moveStock(db, lead, [{ kind: 'adjust', sku: 'TY-001', warehouse: 'yiwu', qty: -1 }])).rejects.toThrow(/write a reason/);
    // yiwu has 2, one reserved by the order: 1 can leave
    await expect(moveStock(db, lead, [{ kind: 'transfer_out', sku: 'TY-001', warehouse: 'yiwu', qty: 2, transfer: 'T-1', toWarehouse: 'guangzhou' }])).rejects.toThrow(/only 1 sellable/);
    await expect(moveStock(db, lead, [{ kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', batch: 'OLD', qty: 1, expiresAt: time.now - DAY }])).rejects.toThrow(/already expired/);
    expect(await db.events.where('id').notEqual('').filter((e) => e.type === 'stock.moved').count()).toBe(0);
  });

  it('a transfer is in transit between its two halves, and a count sets the shelf', async () => {
    const db = freshDb();
    await setUp(db);
    await moveStock(db, lead, [{ kind: 'transfer_out', sku: 'TY-004', warehouse: 'yiwu', qty: 4, transfer: 'T-7', toWarehouse: 'guangzhou' }]);
    expect(await db.transit.toArray()).toMatchObject([{ transfer: 'T-7', sku: 'TY-004', from: 'yiwu', to: 'guangzhou', qty: 4 }]);
    await expect(moveStock(db, lead, [{ kind: 'transfer_in', sku: 'TY-004', warehouse: 'guangzhou', qty: 5, transfer: 'T-7' }])).rejects.toThrow(/4 of TY-004 in transit/);
    await moveStock(db, lead, [{ kind: 'transfer_in', sku: 'TY-004', warehouse: 'guangzhou', qty: 4, transfer: 'T-7' }]);
    expect((await db.transit.toArray())[0]!.qty).toBe(0);
    expect(await stockOf(db, 'TY-004', 'guangzhou')).toEqual({ onHand: 4, reserved: 0 });
    await moveStock(db, lead, [{ kind: 'count', sku: 'TY-004', warehouse: 'yiwu', qty: 5, reason: '12月循环盘点' }]);
    expect(await stockOf(db, 'TY-004', 'yiwu')).toEqual({ onHand: 5, reserved: 0 });
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('the self-check names a corrupted row and a movement whose effect was dropped', async () => {
    const db = freshDb();
    await setUp(db);
    await ingest(db, [order()]);
    const ev = await moveStock(db, lead, [{ kind: 'receive', sku: 'TY-004', warehouse: 'yiwu', qty: 6 }], { source: 'PO-9' });
    await db.stockRows.update('TY-001|yiwu|', { onHand: 7 });
    const r = (await db.stockRows.get('TY-004|yiwu|'))!;
    await db.stockRows.put({ ...r, onHand: r.onHand - 6 });
    const { drifts } = await checkStock(db);
    const rowDrifts = drifts.filter((d) => d.kind === 'row');
    expect(rowDrifts.map((d) => [d.key, d.field, d.stored, d.derived])).toEqual([['TY-001|yiwu|', 'onHand', 7, 2], ['TY-004|yiwu|', 'onHand', 10, 16]]);
    expect(rowDrifts[0]!.message).toContain('这一行被改过');
    expect(rowDrifts[1]!.movement).toMatchObject({ id: `${ev.id}:0`, kind: 'receive', effect: 'missing' });
  });

  it('on-hand typed in the SKU master is a count; below what orders reserve, sellable shows the shortfall', async () => {
    const db = freshDb();
    await setUp(db);
    await ingest(db, [order(), order()]);
    await setStock(db, lead, [{ sku: 'TY-001', warehouse: 'yiwu', qty: 1 }], '货架破损');
    expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ onHand: 1, reserved: 2, sellable: -1 });
    const m = await db.movements.where('[sku+warehouse]').equals(['TY-001', 'yiwu']).last();
    expect(m).toMatchObject({ kind: 'count', qty: 1, reason: '货架破损', actor: 'u-lead' });
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('a v2 store upgrades: on-hand becomes opening counts and allocated orders get their locks back', async () => {
    const name = `stock-v2-${process.pid}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table('stock').bulkPut([
      { key: 'TY-001|yiwu', sku: 'TY-001', warehouse: 'yiwu', onHand: 5, allocated: 1 },
      { key: 'TY-004|yiwu', sku: 'TY-004', warehouse: 'yiwu', onHand: 3, allocated: 0 },
    ]);
    const decision = {
      at: 1, trigger: 'arrival', revision: 'r', mergeWith: [], hits: [], outcome: 'pass', reasons: [],
      lines: [{ lineId: 'l1', sku: 'TY-001', units: 1, components: [{ sku: 'TY-001', qty: 1 }] }],
      allocation: { parts: [{ warehouse: 'yiwu', lineIds: ['l1'], reasons: [] }], short: [], policy: 'split', reasons: [], committed: true },
    };
    await v2.table('orders').put({ key: 'taobao:s:1', createdAt: 1, modifiedAt: 1, fulfilment: 'allocated', channelStatus: 'paid', shopId: 's', terms: [], rk: [], um: [], decision });
    v2.close();
    const db = new WharfDB(name);
    try {
      expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ onHand: 5, reserved: 1, sellable: 4 });
      expect(await db.locks.get('taobao:s:1')).toMatchObject({ state: 'firm', lines: [{ qty: 1 }] });
      expect((await checkStock(db)).drifts).toEqual([]);
    } finally {
      db.close();
      await db.delete();
    }
  });
  it('a v3 store upgrades: the listings of orders decided before are learnt, the latest name wins, own-channel orders name none', async () => {
    const name = `stock-v3-${process.pid}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const line = (lineId: string, itemId: string, skuId: string, qty: number) => ({ lineId, itemId, platformSkuId: skuId, outerSkuId: 'TY-001-01', title: '四件套', skuText: '奶白', qty });
    const decided = (lines: { lineId: string; sku: string; units: number }[]) => ({ lines: lines.map((l) => ({ ...l, components: [{ sku: l.sku, qty: l.units }] })), outcome: 'pass', reasons: [], hits: [] });
    await v3.table('orders').bulkPut([
      { key: 'taobao:s:1', shopId: 's', platform: 'taobao', createdAt: 1, modifiedAt: 10, terms: [], rk: [], um: [], lines: [line('a', '612345678901', '5123456789012', 2)], decision: decided([{ lineId: 'a', sku: 'OLD', units: 2 }]) },
      // a later order: the item now sells a two-pack (2 SKU units per platform unit)
      { key: 'taobao:s:2', shopId: 's', platform: 'taobao', createdAt: 2, modifiedAt: 20, terms: [], rk: [], um: [], lines: [line('a', '612345678901', '5123456789012', 1)], decision: decided([{ lineId: 'a', sku: 'TY-001', units: 2 }]) },
      // undecided: names nothing
      { key: 'taobao:s:3', shopId: 's', platform: 'taobao', createdAt: 3, modifiedAt: 30, terms: [], rk: [], um: [], lines: [line('a', '699999999999', '5999999999999', 1)] },
      { key: 'own:own:4', shopId: 'own', platform: 'own', createdAt: 4, modifiedAt: 40, terms: [], rk: [], um: [], lines: [line('a', '1', '', 1)], decision: decided([{ lineId: 'a', sku: 'TY-001', units: 1 }]) },
    ]);
    v3.close();
    const db = new WharfDB(name);
    try {
      expect(await db.listings.toArray()).toEqual([expect.objectContaining({ key: 's|612345678901|5123456789012', itemId: '612345678901', skuId: '5123456789012', sku: 'TY-001', units: 2, seenAt: 20 })]);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
