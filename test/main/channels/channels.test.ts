// Every kit platform through the whole pull path: after any fault kind, an 8-hour outage or a
// kill between fetch and store, the store equals what the platform holds — 0 lost, 0 doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { FAULT_KINDS } from '../../../main/services/platforms/simkit/faults';
import type { RunningSimulator } from '../../../main/services/platforms/simulators';
import { attachRenderer, makeHost, tempDir } from '../../support/hostHarness';
import { connectShop, expectStoreEqualsTruth, pullUntilClean, startChannelSim, type ChannelSpec } from './channelHarness';

export const CHANNELS: ChannelSpec[] = [
  { platform: 'douyin', lists: () => true, delayMs: 0 },
  { platform: 'pdd', lists: (o) => o.paidAt !== undefined, delayMs: 3 * 60_000 },
  // JD's order search lists orders once they are paid
  { platform: 'jd', lists: (o) => o.paidAt !== undefined, delayMs: 0 },
  { platform: 'kuaishou', lists: () => true, delayMs: 0 },
  { platform: 'youzan', lists: () => true, delayMs: 30_000 },
  { platform: 'wechat', lists: () => true, delayMs: 0 },
];

for (const [i, spec] of CHANNELS.entries()) {
  describe(`${spec.platform}: pull path through the host`, () => {
    let sim: RunningSimulator;
    beforeAll(async () => { sim = await startChannelSim(spec.platform, 100 + i); });
    afterAll(async () => { await sim?.close(); });

    const setup = async (dir = tempDir()) => {
      const host = makeHost(dir, { clock: sim.kit!.clock });
      const r = attachRenderer(host);
      const shopId = await connectShop(host, sim);
      return { dir, host, r, shopId };
    };

    it('a first pull stores every order the platform lists', async () => {
      const { host, r, shopId } = await setup();
      await pullUntilClean(host, shopId);
      await r.settle();
      await expectStoreEqualsTruth(r.db, shopId, sim, spec);
      await host.stop();
      await r.dispose();
    });

    it('after faults of every kind, statuses moving and orders arriving, the store equals the platform', async () => {
      const { host, r, shopId } = await setup();
      await pullUntilClean(host, shopId);
      for (const kind of FAULT_KINDS) {
        sim.kit!.setFaults({ rate: 0.3, kinds: [kind] });
        sim.kit!.advance(7 * 60_000);
        await host.sync.pull(shopId);
      }
      sim.kit!.setFaults({ rate: 0, kinds: [] });
      await pullUntilClean(host, shopId);
      await r.settle();
      await expectStoreEqualsTruth(r.db, shopId, sim, spec);
      await host.stop();
      await r.dispose();
    });

    it('an 8-hour outage catches up window by window', async () => {
      const { host, r, shopId } = await setup();
      await pullUntilClean(host, shopId);
      sim.kit!.setFaults({ rate: 1, kinds: ['5xx'] });
      sim.kit!.advance(8 * 3600_000);
      await host.sync.pull(shopId);
      expect(host.sync.statusOf(shopId)!.error).toBeDefined();
      sim.kit!.setFaults({ rate: 0, kinds: [] });
      await pullUntilClean(host, shopId);
      await r.settle();
      await expectStoreEqualsTruth(r.db, shopId, sim, spec);
      expect(host.sync.statusOf(shopId)!.lagMs).toBeLessThanOrEqual(spec.delayMs + 10_000);
      await host.stop();
      await r.dispose();
    });

    it('a kill between fetch and store loses nothing', async () => {
      const dir = tempDir();
      const host1 = makeHost(dir, { clock: sim.kit!.clock });
      const dead = attachRenderer(host1, { ack: false });
      dead.detach();
      const shopId = await connectShop(host1, sim);
      await pullUntilClean(host1, shopId);
      await host1.stop();
      expect(fs.readdirSync(path.join(dir, 'inbox')).length).toBeGreaterThan(0);
      const host2 = makeHost(dir, { clock: sim.kit!.clock });
      const r = attachRenderer(host2);
      await host2.handlers['inbox.redeliver']({});
      await r.settle();
      await pullUntilClean(host2, shopId);
      await r.settle();
      await expectStoreEqualsTruth(r.db, shopId, sim, spec);
      await host2.stop();
      await r.dispose();
    });

    it('a lapsed token is renewed and kept; a lapsed authorization asks to re-authorize', async () => {
      const { host, r, shopId } = await setup();
      await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'access' }) });
      await host.sync.pull(shopId);
      expect(host.sync.statusOf(shopId)!.error).toBeUndefined();
      const shop = (await host.handlers['shops.list']({})).find((s) => s.id === shopId)!;
      // WeChat renews from the app's id and secret: it has no refresh token to keep
      expect(shop.hasRefreshToken).toBe(spec.platform !== 'wechat');
      await fetch(`${sim.url}/__sim/token`, { method: 'POST', body: JSON.stringify({ expire: 'all' }) });
      await host.sync.pull(shopId);
      expect(host.sync.statusOf(shopId)!.error).toMatchObject({ reauthorize: true });
      // the simulated platform issues a fresh authorization again for the following tests
      sim.kit!.tokens.renew(sim.kit!.clock.now());
      sim.kit!.tokens.refreshExpiresAt = null;
      await host.stop();
      await r.dispose();
    });
  });
}
