import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WharfDB } from '../../renderer/store/db';
import { ingestBatch } from '../../renderer/store/ingest';
import { countPool, poolKeys, queryPool, orderTimeline } from '../../renderer/store/pool';
import { pumpJournal, replayEvents } from '../../renderer/store/journal';
import { JOURNAL_CURSOR } from '../../renderer/store/journalCursor';
import { pulledEvents } from '../../main/services/sync/deliveries';
import type { WharfEvent } from '../../shared/events/envelope';
import { makeOrder } from '../support/orders';

let n = 0;
const dbs: WharfDB[] = [];
function freshDb() {
  const db = new WharfDB(`test-${process.pid}-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => { for (const d of dbs.splice(0)) { d.close(); await d.delete(); } });

const base = Date.UTC(2026, 10, 20, 0, 0, 0);
function orders(count: number) {
  return Array.from({ length: count }, (_, i) => makeOrder({
    orderId: `40${String(1000000000000000 + i * 7919).padStart(17, '0')}`,
    shopId: i % 3 === 0 ? 'shop-b' : 'shop-a',
    createdAt: base + i * 60_000,
    modifiedAt: base + i * 60_000 + 1000,
    channelStatus: i % 5 === 0 ? 'awaiting_payment' : 'paid',
    receiver: { nameMasked: i % 2 ? '李**' : '张**', phoneMasked: `138****${String(i % 10000).padStart(4, '0')}`, phoneTail: String(i % 10000).padStart(4, '0'), province: '广东省', city: '广州市', district: '天河区', town: '', addressMasked: '', cipher: {}, mergeKey: `oaid-${i}` },
    lines: [{ lineId: `L${i}`, title: '橡木餐盘', skuText: '', qty: 1, priceFen: 100, paymentFen: 100, trackingNo: i % 7 === 0 ? `SF${1000000 + i}` : undefined }],
  }));
}

describe('ingest into Dexie', () => {
  it('writes events and projections once; re-delivery changes nothing', async () => {
    const db = freshDb();
    const batch = { orders: orders(30).map((o) => ({ order: o, payloadHash: `h-${o.orderId}` })), quarantine: [] };
    const r1 = await ingestBatch(db, batch);
    expect(r1).toMatchObject({ orders: 30, newEvents: 30, changedOrders: 30 });
    const snapshot = await db.orders.toArray();
    const r2 = await ingestBatch(db, batch);
    expect(r2).toMatchObject({ newEvents: 0, changedOrders: 0 });
    expect(await db.orders.toArray()).toEqual(snapshot);
    expect(await db.events.count()).toBe(30);
  });

  it('a malformed order lands in quarantine and the rest of the batch lands', async () => {
    const db = freshDb();
    const os = orders(3);
    await ingestBatch(db, {
      orders: os.map((o) => ({ order: o, payloadHash: o.orderId })),
      quarantine: [{ id: 'q1', shopId: 'shop-a', platform: 'taobao', orderId: '999', reason: 'payment: not a yuan amount', where: 'trade.payment', at: 1, raw: '{}' }],
    });
    expect(await db.orders.count()).toBe(3);
    expect((await db.quarantine.get('q1'))?.where).toBe('trade.payment');
  });

  it('answers the pool queries newest first, with keyset paging and counts', async () => {
    const db = freshDb();
    const all = orders(120);
    await ingestBatch(db, { orders: all.map((o) => ({ order: o, payloadHash: o.orderId })), quarantine: [] });
    const first = await queryPool(db, {}, 50);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.orderId).toBe(all[119]!.orderId);
    const second = await queryPool(db, {}, 50, first.next);
    expect(second.rows[0]!.orderId).toBe(all[69]!.orderId);
    expect(await countPool(db, {})).toBe(120);
    expect(await countPool(db, { channelStatuses: ['awaiting_payment'] })).toBe(24);
    const unpaidB = await queryPool(db, { channelStatuses: ['awaiting_payment'], shopIds: ['shop-b'] }, 50);
    expect(unpaidB.rows.every((r) => r.shopId === 'shop-b' && r.channelStatus === 'awaiting_payment')).toBe(true);
    expect(unpaidB.rows).toHaveLength(8);
    const ranged = await queryPool(db, { from: base + 10 * 60_000, to: base + 19 * 60_000 }, 50);
    expect(ranged.rows.map((r) => r.createdAt)).toEqual(Array.from({ length: 10 }, (_, i) => base + (19 - i) * 60_000));
    // search: full id, id prefix, phone tail, tracking number, masked name, merge key
    const target = all[42]!;
    expect((await queryPool(db, { search: target.orderId })).rows.map((r) => r.orderId)).toEqual([target.orderId]);
    expect((await queryPool(db, { search: target.orderId.slice(0, 15) })).rows.map((r) => r.orderId)).toContain(target.orderId);
    expect((await queryPool(db, { search: '0042' })).rows.map((r) => r.orderId)).toEqual([target.orderId]);
    expect((await queryPool(db, { search: 'sf1000042' })).rows.map((r) => r.orderId)).toEqual([target.orderId]);
    expect((await queryPool(db, { search: 'oaid-42' })).rows.map((r) => r.orderId)).toEqual([target.orderId]);
    expect(await countPool(db, { search: '李**' })).toBe(60);
    const keys = await poolKeys(db, { channelStatuses: ['paid', 'awaiting_payment'] });
    expect(keys).toHaveLength(120);
    expect(keys[0]).toBe(`taobao:${all[119]!.shopId}:${all[119]!.orderId}`);
  });

  it('streams only local events to the journal (the host journals pulled ones) and replays them into an empty store', async () => {
    const db = freshDb();
    const v1 = orders(10);
    const b1 = { orders: v1.map((o) => ({ order: o, payloadHash: o.orderId })), quarantine: [] };
    await ingestBatch(db, b1);
    // nothing local was waiting: ingest moved the cursor past the pulled events, no read-back
    expect((await db.cursors.get(JOURNAL_CURSOR))?.value).toBe(10);
    await db.events.add({ id: '0190b2c0-0000-7000-8000-000000000001', type: 'operator.switched', at: 5, actor: 'u-ops', device: 'd1', payload: { userId: 'u-ops', method: 'pin' } });
    const changed = { ...v1[3]!, modifiedAt: v1[3]!.modifiedAt + 5000, sellerMemo: '加急' };
    const b2 = { orders: [{ order: changed, payloadHash: 'changed' }], quarantine: [] };
    await ingestBatch(db, b2);
    // a local event was waiting: the cursor stays for the pump, which skips the pulled one
    expect((await db.cursors.get(JOURNAL_CURSOR))?.value).toBe(10);
    // the host side: what it journals when these batches are acknowledged
    const journal: WharfEvent[] = [...pulledEvents(b1), ...pulledEvents(b2)];
    const sent: WharfEvent[] = [];
    const fakeHost = { 'journal.append': async ({ events }: { events: WharfEvent[] }) => { sent.push(...events); return { appended: events.length, total: sent.length }; } };
    expect(await pumpJournal(db, fakeHost)).toBe(1);
    expect(sent.map((e) => e.type)).toEqual(['operator.switched']);
    expect((await db.cursors.get(JOURNAL_CURSOR))?.value).toBe(12);
    expect(await pumpJournal(db, fakeHost)).toBe(0);
    journal.push(...sent);
    // the host built the very events the renderer stored
    const local = (await db.events.toArray()).map(({ seq: _seq, ...e }) => e);
    expect([...local].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...journal].sort((a, b) => a.id.localeCompare(b.id)));

    const empty = freshDb();
    expect(await replayEvents(empty, journal)).toBe(12);
    expect(await replayEvents(empty, journal)).toBe(0);
    const strip = (rows: { key: string }[]) => rows.sort((a, b) => a.key.localeCompare(b.key));
    expect(strip(await empty.orders.toArray())).toEqual(strip(await db.orders.toArray()));
    const key = `taobao:${changed.shopId}:${changed.orderId}`;
    expect((await orderTimeline(empty, key)).map((e) => e.at)).toEqual([v1[3]!.modifiedAt, changed.modifiedAt]);
    expect((await empty.orders.get(key))!.sellerMemo).toBe('加急');
  });
});
