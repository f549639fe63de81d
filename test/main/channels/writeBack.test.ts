// Tracking and memo write-back end to end below the UI: the renderer's outbox → the host's
// platform.call (idempotency ledger) → the platform's own ship/memo API on its simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../main/services/platforms/simulators';
import { requestWriteBack, pumpOutbox } from '../../../renderer/store/outbox';
import { makeHost, attachRenderer, tempDir, ADMIN } from '../../support/hostHarness';
import { connectShop, pullUntilClean } from './channelHarness';
import type { UserPublic } from '../../../shared/domain/types';
import type { OutboxPayload } from '../../../renderer/store/outbox';
import { replayEvents } from '../../../renderer/store/journal';
import { WharfDB } from '../../../renderer/store/db';

const admin: UserPublic = { id: ADMIN.userId, name: '管理员', role: 'admin' } as UserPublic;
let sim: RunningSimulator;
beforeAll(async () => { sim = await startSimulator('pdd', { seed: 5, orders: 60, backlogSpanMs: 20 * 3600_000, arrivalsPerMin: 0 }); });
afterAll(async () => { await sim?.close(); });

async function setup() {
  const dir = tempDir();
  const host = makeHost(dir, { clock: sim.kit!.clock });
  const r = attachRenderer(host);
  const shopId = await connectShop(host, sim);
  await pullUntilClean(host, shopId);
  await r.settle();
  const ctx = { user: admin, device: 'test-pc', now: () => sim.kit!.clock.now() };
  return { dir, host, r, shopId, ctx };
}

const waiting = (o: { state: string; hold: boolean; lines: { refund: string }[] }) => o.state === 'paid' && !o.hold && o.lines.every((l) => l.refund === 'none');

describe('write-back through the outbox', () => {
  it('uploads a tracking number once, even when the answer is lost and the row is sent again', async () => {
    const { host, r, shopId, ctx } = await setup();
    const target = sim.kit!.simOrders().find(waiting)!;
    const key = `pdd:${shopId}:${target.orderId}`;
    const id = await requestWriteBack(r.db, ctx, key, { op: 'ship', orderId: target.orderId, carrierCode: 'YTO', trackingNo: 'YT1234567890123' });
    expect((await r.db.orders.get(key))!.writeBacks![0]).toMatchObject({ state: 'pending' });
    expect(await pumpOutbox(r.db, host.handlers, ctx.now)).toBe(1);
    const row = (await r.db.orders.get(key))!;
    expect(row.writeBacks![0]).toMatchObject({ id, state: 'done' });
    expect(row.fulfilment).toBe('shipped');
    expect(row.lines.every((l) => l.trackingNo === 'YT1234567890123')).toBe(true);
    expect(sim.kit!.simOrders().find((o) => o.orderId === target.orderId)!.state).toBe('shipped');
    // the answer was lost: the same key again is answered from the ledger, not the platform
    const again = await host.handlers['platform.call']({ actor: ADMIN, idempotencyKey: id, shopId, call: { op: 'ship', orderId: target.orderId, carrierCode: 'YTO', trackingNo: 'YT1234567890123' } });
    expect(again.replayed).toBe(true);
    expect(sim.kit!.calls().filter((c) => c.api === 'pdd.logistics.online.send' && c.params.order_sn === target.orderId)).toHaveLength(1);
    // a cleared profile rebuilt from the journal's events shows the same write-back
    const fresh = new WharfDB(`replay-${process.pid}-${Date.now()}`);
    await replayEvents(fresh, (await r.db.events.toArray()).map(({ seq: _s, ...e }) => e));
    expect((await fresh.orders.get(key))!.writeBacks).toEqual([expect.objectContaining({ id, state: 'done' })]);
    fresh.close();
    // a restarted host remembers it too (the ledger is on disk)
    await host.stop();
    const host2 = makeHost((host.config).dataDir, { clock: sim.kit!.clock });
    expect((await host2.handlers['platform.call']({ actor: ADMIN, idempotencyKey: id, shopId, call: { op: 'ship', orderId: target.orderId, carrierCode: 'YTO', trackingNo: 'YT1234567890123' } })).replayed).toBe(true);
    await host2.stop();
    await r.dispose();
  });

  it('retries while the platform is down, then lands; a refusal is final and says why', async () => {
    const { host, r, shopId, ctx } = await setup();
    const [a, b] = sim.kit!.simOrders().filter(waiting);
    sim.kit!.setFaults({ rate: 1, kinds: ['5xx'] });
    const id = await requestWriteBack(r.db, ctx, `pdd:${shopId}:${a!.orderId}`, { op: 'memo', orderId: a!.orderId, memo: '周五前发出', flag: 2 });
    expect(await pumpOutbox(r.db, host.handlers, ctx.now)).toBe(0);
    const pending = await r.db.outbox.get(id);
    expect(pending!.state).toBe('pending');
    expect((pending!.payload as OutboxPayload).attempts).toBe(1);
    sim.kit!.setFaults({ rate: 0, kinds: [] });
    // not due yet: the backoff waits on the clock
    expect(await pumpOutbox(r.db, host.handlers, ctx.now)).toBe(0);
    sim.kit!.advance(10_000);
    expect(await pumpOutbox(r.db, host.handlers, ctx.now)).toBe(1);
    expect(sim.kit!.simOrders().find((o) => o.orderId === a!.orderId)).toMatchObject({ sellerMemo: '周五前发出', sellerFlag: 2 });
    const row = (await r.db.orders.get(`pdd:${shopId}:${a!.orderId}`))!;
    expect([row.sellerMemo, row.sellerFlag, row.writeBacks![0]!.state]).toEqual(['周五前发出', 2, 'done']);

    // shipping an order the platform holds as already shipped is refused for good
    await sim.kit!.upsert([{ orderId: b!.orderId, state: 'shipped', shippedAt: sim.kit!.clock.now() }]);
    const id2 = await requestWriteBack(r.db, ctx, `pdd:${shopId}:${b!.orderId}`, { op: 'ship', orderId: b!.orderId, carrierCode: 'SF', trackingNo: 'SF1234567890' });
    expect(await pumpOutbox(r.db, host.handlers, ctx.now)).toBe(1);
    expect(await r.db.outbox.get(id2)).toMatchObject({ state: 'failed' });
    const failed = (await r.db.orders.get(`pdd:${shopId}:${b!.orderId}`))!.writeBacks!.find((w) => w.id === id2)!;
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/50002/);
    const events = (await r.db.events.toArray()).filter((e) => e.type.startsWith('writeback.'));
    expect(events.map((e) => e.type)).toEqual(['writeback.requested', 'writeback.failed', 'writeback.done', 'writeback.requested', 'writeback.failed']);
    await host.stop();
    await r.dispose();
  });

  it('refuses an operator without the permission, and a malformed tracking number, before anything is queued', async () => {
    const { host, r, shopId, ctx } = await setup();
    const o = sim.kit!.simOrders().find(waiting)!;
    const key = `pdd:${shopId}:${o.orderId}`;
    await expect(requestWriteBack(r.db, { ...ctx, user: { ...admin, role: 'cs' } }, key, { op: 'ship', orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '7531234567890' })).rejects.toThrow(/may not floor.ship/);
    await expect(requestWriteBack(r.db, ctx, key, { op: 'ship', orderId: o.orderId, carrierCode: 'ZTO', trackingNo: '75 31' })).rejects.toThrow(/trackingNo/);
    expect(await r.db.outbox.count()).toBe(0);
    await host.stop();
    await r.dispose();
  });
});
