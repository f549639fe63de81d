// The whole pull path against the real Taobao simulator over loopback HTTP: host sync
// engine → fsynced inbox → delivery → Dexie ingest → ack. After every fault kind the store
// must equal the simulator's truth: nothing missing, nothing doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startTaobaoSimulator, type TaobaoSimulator } from '../../main/services/platforms/taobao/simulator';
import { FAULT_KINDS } from '../../main/services/platforms/simkit/faults';
import { ADMIN, TEST_COMPANY, attachRenderer, makeHost, tempDir } from '../support/hostHarness';
import type { Host } from '../../main/services/host';
import type { WharfDB } from '../../renderer/store/db';
import type { WharfEvent } from '../../shared/events/envelope';

let sim: TaobaoSimulator;

beforeAll(async () => {
  sim = await startTaobaoSimulator({ port: 0, seed: 7, orders: 160, backlogSpanMs: 36 * 3600_000, arrivalsPerMin: 0.5, faultTiming: { slowMs: [50, 150], timeoutHangMs: 700 } });
});
afterAll(async () => { await sim?.close(); });

async function connectShop(host: Host): Promise<string> {
  await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
  const shop = await host.handlers['shops.save']({ actor: ADMIN, shop: {
    platform: 'taobao', name: '测试店', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key,
    secret: sim.credentials.app_secret, session: sim.credentials.session, signMethod: 'hmac-sha256', pullIntervalMin: 15,
  } });
  return shop.id;
}

/** The store equals the simulator: same tids, each at the simulator's latest modified/status, no extras. */
async function expectStoreEqualsTruth(db: WharfDB, shopId: string) {
  const truth = sim.orders();
  const rows = await db.orders.where('[shopId+createdAt]').between([shopId, -Infinity], [shopId, Infinity]).toArray();
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  expect(rows.length).toBe(truth.length);
  for (const t of truth) {
    const r = byId.get(t.tid_str);
    expect(r, `order ${t.tid_str} missing`).toBeDefined();
    expect(r!.platformStatus).toBe(t.status);
  }
  // nothing doubled: event ids are unique and every event belongs to a stored order
  const events = (await db.events.toArray()).filter((e) => e.type === 'order.pulled');
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  for (const e of events) expect(byId.has(e.orderKey!.split(':')[2]!)).toBe(true);
}

/** The host journaled, at ack, exactly the pulled events the renderer stored (same ids, same content). */
async function expectJournalHoldsPulled(host: Host, db: WharfDB) {
  const journal: WharfEvent[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page = await host.handlers['journal.read']({ offset, limit: 5000 });
    journal.push(...page.events);
    offset = page.next;
  }
  const stored = (await db.events.toArray()).filter((e) => e.type === 'order.pulled').map(({ seq: _seq, ...e }) => e);
  const byId = new Map(journal.map((e) => [e.id, e]));
  expect(byId.size).toBe(journal.length);
  expect(journal.filter((e) => e.type === 'order.pulled').length).toBe(stored.length);
  for (const e of stored) expect(byId.get(e.id)).toEqual(e);
}

describe('pull path against the Taobao simulator', () => {
  it('a first pull brings every order of the lookback into the store, with status and lag', async () => {
    const dir = tempDir();
    const host = makeHost(dir, { clock: sim.clock });
    const r = attachRenderer(host);
    const shopId = await connectShop(host);
    await host.sync.pull(shopId);
    await r.settle();
    await expectStoreEqualsTruth(r.db, shopId);
    await expectJournalHoldsPulled(host, r.db);
    const st = host.sync.statusOf(shopId)!;
    expect(st.error).toBeUndefined();
    expect(st.totalPulled).toBeGreaterThanOrEqual(160);
    expect(st.pendingBatches).toBe(0);
    expect(st.nextPullAt! - st.lastPullAt!).toBeGreaterThanOrEqual(15 * 60_000 - 5000);
    await host.stop();
    await r.dispose();
  });

  for (const kind of FAULT_KINDS) {
    it(`recovers from "${kind}" faults: store equals the simulator's truth`, async () => {
      const dir = tempDir();
      const host = makeHost(dir, { clock: sim.clock });
      const r = attachRenderer(host);
      const shopId = await connectShop(host);
      await host.sync.pull(shopId);
      sim.setFaults({ rate: 0.3, kinds: [kind] });
      sim.advance(20 * 60_000); // statuses move, new orders arrive
      for (let i = 0; i < 2; i++) await host.sync.pull(shopId);
      sim.setFaults({ rate: 0, kinds: [] });
      await host.sync.pull(shopId);
      await r.settle();
      await expectStoreEqualsTruth(r.db, shopId);
      await expectJournalHoldsPulled(host, r.db);
      if (kind === 'token_expired') {
        // the platform's own code reached the status while the fault was on
        const calls = sim.calls().filter((c) => c.error_code === 27);
        expect(calls.length).toBeGreaterThan(0);
      }
      await host.stop();
      await r.dispose();
    });
  }

  it('surfaces the platform\'s own code and message for a bad session', async () => {
    const host = makeHost(tempDir(), { clock: sim.clock });
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    const shop = await host.handlers['shops.save']({ actor: ADMIN, shop: {
      platform: 'taobao', name: '过期店', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key,
      secret: sim.credentials.app_secret, session: 'expired-session', signMethod: 'md5', pullIntervalMin: 15,
    } });
    await host.sync.pull(shop.id);
    expect(host.sync.statusOf(shop.id)!.error).toMatchObject({ code: '27' });
    const test = await host.handlers['shops.test']({ shopId: shop.id });
    expect(test.ok).toBe(false);
    expect(test.error).toMatchObject({ code: '27' });
    const good = await host.handlers['shops.test']({ draft: { id: shop.id, platform: 'taobao', name: 'x', gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key, session: sim.credentials.session, signMethod: 'md5', pullIntervalMin: 15 } });
    expect(good.ok).toBe(true);
    await host.stop();
  });

  it('a kill between fetch and store loses nothing: the restarted host re-delivers the inbox', async () => {
    const dir = tempDir();
    const host1 = makeHost(dir, { clock: sim.clock });
    // the renderer dies before storing anything: batches arrive but are never acked
    const dead = attachRenderer(host1, { ack: false });
    dead.detach();
    const shopId = await connectShop(host1);
    await host1.sync.pull(shopId);
    await host1.stop();
    const pending = fs.readdirSync(path.join(dir, 'inbox')).length;
    expect(pending).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'cursors.json'))).toBe(true);

    // restart: same data dir; a fresh renderer connects and asks for re-delivery
    const host2 = makeHost(dir, { clock: sim.clock });
    const r = attachRenderer(host2);
    const { batches } = await host2.handlers['inbox.redeliver']({});
    expect(batches).toBe(pending);
    await r.settle();
    expect(fs.readdirSync(path.join(dir, 'inbox')).filter((f) => f.endsWith('.json'))).toEqual([]);
    // crash after commit but before ack: the same batches again change nothing
    const before = await r.db.orders.toArray();
    for (const b of r.received) await (await import('../../renderer/store/ingest')).ingestBatch(r.db, b);
    expect(await r.db.orders.toArray()).toEqual(before);
    await host2.sync.pull(shopId);
    await r.settle();
    await expectStoreEqualsTruth(r.db, shopId);
    await expectJournalHoldsPulled(host2, r.db);
    await host2.stop();
    await r.dispose();
  });

  it('reveals a receiver only to a permitted operator, through the platform decrypt API', async () => {
    const host = makeHost(tempDir(), { clock: sim.clock });
    const r = attachRenderer(host);
    const shopId = await connectShop(host);
    await host.sync.pull(shopId);
    await r.settle();
    const row = (await r.db.orders.toArray()).find((o) => o.receiver.mergeKey && o.receiver.phoneTail)!;
    const plain = await host.handlers['orders.revealReceiver']({ actor: ADMIN, shopId, orderId: row.orderId, mergeKey: row.receiver.mergeKey, scene: '1006' });
    expect(plain.mobile.endsWith(row.receiver.phoneTail)).toBe(true);
    expect(plain.name[0]).toBe(row.receiver.nameMasked[0]);
    expect(plain.province).toBe(row.receiver.province);
    // the decrypted data is not in the store
    expect(JSON.stringify(await r.db.orders.get(row.key))).not.toContain(plain.mobile);
    await expect(host.handlers['orders.revealReceiver']({ actor: { userId: 'u-pack', device: 'd' }, shopId, orderId: row.orderId, mergeKey: row.receiver.mergeKey, scene: '1006' }))
      .rejects.toMatchObject({ code: 'forbidden' });
    await expect(host.handlers['orders.revealReceiver']({ actor: ADMIN, shopId, orderId: row.orderId, mergeKey: 'not-the-oaid', scene: '1006' }))
      .rejects.toMatchObject({ code: 'platform_error', extra: { platform: { code: '15', subCode: 'isv.oaid-decrypt-fail' } } });
    expect(sim.calls().some((c) => c.api === 'taobao.top.oaid.decrypt' && c.status === 200)).toBe(true);
    await host.stop();
    await r.dispose();
  });

  it('refuses shop changes from an operator whose role may not manage shops', async () => {
    const host = makeHost(tempDir(), { clock: sim.clock });
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    await expect(host.handlers['shops.save']({ actor: { userId: 'u-pack', device: 'd' }, shop: {
      platform: 'taobao', name: 'x', gatewayUrl: sim.routerUrl, appKey: 'k', secret: 's', session: 's', signMethod: 'md5', pullIntervalMin: 15,
    } })).rejects.toMatchObject({ code: 'forbidden' });
    // secrets never appear in what the renderer gets
    const saved = await host.handlers['shops.save']({ actor: ADMIN, shop: { platform: 'taobao', name: 'y', gatewayUrl: sim.routerUrl, appKey: 'k', secret: 'TOPSECRET', session: 'SESSIONX', signMethod: 'md5', pullIntervalMin: 15 } });
    expect(JSON.stringify(await host.handlers['shops.list']({}))).not.toMatch(/TOPSECRET|SESSIONX/);
    expect(saved.hasSecret).toBe(true);
    await host.stop();
  });
});
