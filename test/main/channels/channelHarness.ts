// What the per-platform pipeline tests share: a kit simulator connected as a real shop through
// the host (sync engine → fsynced inbox → delivery → Dexie ingest → ack), and the check that the
// store equals what the platform holds: every listed order once, at its latest state.
import { expect } from 'vitest';
import type { Host } from '../../../main/services/host';
import type { Platform } from '../../../shared/domain/types';
import { ManualClock, OffsetClock } from '../../../shared/clock';
import { mapFor } from '../../../main/services/platforms/registry';
import { startSimulator, type RunningSimulator } from '../../../main/services/platforms/simulators';
import type { SimOrder } from '../../../main/services/platforms/simkit/model';
import type { WharfDB } from '../../../renderer/store/db';
import { ADMIN, TEST_COMPANY } from '../../support/hostHarness';

export interface ChannelSpec {
  platform: Platform;
  /** which neutral orders the platform's list API shows at all (PDD: only paid ones) */
  lists(o: SimOrder): boolean;
  /** the platform's mandated "stop short" delay, ms */
  delayMs: number;
}

/**
 * A simulator on a stopped clock (tests move it): the platform's truth is then the same when
 * the pull runs and when the store is compared, with no real second slipping in between.
 */
export async function startChannelSim(platform: Platform, seed: number): Promise<RunningSimulator> {
  const clock = new OffsetClock(new ManualClock(Math.floor(Date.now() / 1000) * 1000));
  return startSimulator(platform, { seed, orders: 120, backlogSpanMs: 30 * 3600_000, arrivalsPerMin: 0.5, clock, faultTiming: { slowMs: [20, 60], timeoutHangMs: 700 } });
}

export async function connectShop(host: Host, sim: RunningSimulator): Promise<string> {
  await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
  const c = sim.shopCredentials();
  const shop = await host.handlers['shops.save']({ actor: ADMIN, shop: {
    platform: sim.platform, name: `${sim.platform} 测试店`, gatewayUrl: c.gatewayUrl, appKey: c.appKey,
    ...(c.secret ? { secret: c.secret } : {}), session: c.session, ...(c.refreshToken ? { refreshToken: c.refreshToken } : {}),
    ...(c.signSecret ? { signSecret: c.signSecret } : {}), signMethod: c.signMethod, pullIntervalMin: 15,
  } });
  return shop.id;
}

/** The store equals the platform: the listed orders modified before the horizon, each mapped from its latest payload. */
export async function expectStoreEqualsTruth(db: WharfDB, shopId: string, sim: RunningSimulator, spec: ChannelSpec) {
  const kit = sim.kit!;
  const horizon = Math.floor((kit.clock.now() - spec.delayMs) / 1000) * 1000;
  const rendered = new Map(kit.orders().map((p, i) => [kit.simOrders()[i]!.orderId, p]));
  // must: its latest version is past the platform's mandated delay; may: an older version was
  // (an order changed within the delay stays at the version the last pull saw)
  const truth = kit.simOrders().filter((o) => spec.lists(o) && o.modifiedAt < horizon);
  const may = new Set(kit.simOrders().filter((o) => spec.lists(o) && o.createdAt < horizon).map((o) => o.orderId));
  const rows = await db.orders.where('[shopId+createdAt]').between([shopId, -Infinity], [shopId, Infinity]).toArray();
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  const quarantined = await db.quarantine.toArray().catch(() => []);
  expect(quarantined.filter((q: { shopId?: string }) => q.shopId === shopId)).toEqual([]);
  expect(truth.filter((o) => !byId.has(o.orderId)).map((o) => o.orderId), 'orders the platform lists but the store lacks').toEqual([]);
  expect(rows.filter((r) => !may.has(r.orderId)).map((r) => r.orderId), 'orders in the store the platform does not hold').toEqual([]);
  const map = mapFor(spec.platform);
  for (const o of truth) {
    const want = map(rendered.get(o.orderId), shopId);
    const got = byId.get(o.orderId)!;
    expect({ id: got.orderId, status: got.platformStatus, channel: got.channelStatus, memo: got.sellerMemo, pay: got.paymentFen })
      .toEqual({ id: want.orderId, status: want.platformStatus, channel: want.channelStatus, memo: want.sellerMemo, pay: want.paymentFen });
  }
  const events = (await db.events.toArray()).filter((e) => e.type === 'order.pulled');
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
}

/** Pulls until a pull ends without an error (a pull that gives up is retried by the schedule). */
export async function pullUntilClean(host: Host, shopId: string, max = 6): Promise<void> {
  for (let i = 0; i < max; i++) {
    await host.sync.pull(shopId);
    if (!host.sync.statusOf(shopId)!.error) return;
  }
  throw new Error(`pull of ${shopId} still failing: ${JSON.stringify(host.sync.statusOf(shopId)!.error)}`);
}
