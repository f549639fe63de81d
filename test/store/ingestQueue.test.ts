import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WharfDB } from '../../renderer/store/db';
import { createIngestQueue, MERGE_LIMIT } from '../../renderer/store/ingestQueue';
import { decodeEventFrame, encodeEvent, isEventFrame, type InboxBatch } from '../../shared/contract';
import { makeOrder } from '../support/orders';

let n = 0;
const dbs: WharfDB[] = [];
afterEach(async () => { for (const d of dbs.splice(0)) { d.close(); await d.delete(); } });
function freshDb() {
  const db = new WharfDB(`queue-${process.pid}-${n++}`);
  dbs.push(db);
  return db;
}

function batch(id: string, count: number, from: number): InboxBatch {
  const orders = Array.from({ length: count }, (_, i) => {
    const order = makeOrder({ orderId: `5${String(from + i).padStart(18, '0')}` });
    return { order, payloadHash: `h${from + i}` };
  });
  return { batchId: id, shopId: 'shop-a', platform: 'taobao', fetchedAt: 1, orders, quarantine: [] };
}

describe('ingest queue (runs in the worker)', () => {
  it('merges batches that queue up while a write runs, up to the limit, and reports them for ack', async () => {
    const db = freshDb();
    const done: { ids: string[]; orders: number }[] = [];
    const q = createIngestQueue(db, { done: (ids, r) => done.push({ ids, orders: r.orders }), failed: (_ids, e) => { throw e; } });
    q.push(batch('b1', 10, 0));
    q.push(batch('b2', 10, 10));
    q.push(batch('b3', MERGE_LIMIT - 15, 20));
    q.push(batch('b4', 10, 5000));
    q.push(batch('b2', 10, 10)); // the host re-delivered one: merged away, still reported once per write
    await q.idle();
    // b1 alone (the write started at once); b2 joins b3 while it fits; b4 and the repeat after
    expect(done.map((d) => d.ids)).toEqual([['b1'], ['b2', 'b3'], ['b4', 'b2']]);
    expect(await db.orders.count()).toBe(10 + 10 + MERGE_LIMIT - 15 + 10);
  });

  it('a write that fails is reported and not acked; the next batch still lands', async () => {
    const db = freshDb();
    const done: string[][] = [];
    const failed: string[][] = [];
    const q = createIngestQueue(db, { done: (ids) => done.push(ids), failed: (ids) => failed.push(ids) });
    const bad = batch('bad', 1, 0);
    (bad.orders[0]!.order as { orderId: unknown }).orderId = undefined; // the key cannot be built
    bad.orders[0]!.order.lines = undefined as never;
    q.push(bad);
    await q.idle();
    q.push(batch('good', 3, 100));
    await q.idle();
    expect(failed).toEqual([['bad']]);
    expect(done).toEqual([['good']]);
    expect(await db.orders.count()).toBe(3);
  });
});

describe('event frames', () => {
  it('are recognised by their first bytes and decode with validation', () => {
    const b = batch('b1', 2, 0);
    const text = encodeEvent('inbox.batch', b);
    expect(isEventFrame(text, 'inbox.batch')).toBe(true);
    expect(isEventFrame(text, 'sync.status')).toBe(false);
    expect(JSON.parse(text)).toEqual({ t: 'evt', name: 'inbox.batch', payload: b });
    expect(decodeEventFrame(text, 'inbox.batch').orders[1]!.order.orderId).toBe(b.orders[1]!.order.orderId);
    const broken = encodeEvent('inbox.batch', { ...b, orders: [{ order: { orderId: 1 }, payloadHash: 'x' }] });
    expect(() => decodeEventFrame(broken, 'inbox.batch')).toThrow();
  });
});
