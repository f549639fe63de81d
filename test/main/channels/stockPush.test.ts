// The host's side of a stock push: platform.call {op:'stock'} goes to the platform once per
// idempotency key, answers (and replays, across a restart) the listings it refused, may be sent
// from any company user's session, and starts no order pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/services/platforms/simulators';
import { PDD_STOCK_CODES } from '../../../main/services/platforms/pdd/wire';
import { makeHost, tempDir } from '../../support/hostHarness';
import { connectShop, pullUntilClean } from './channelHarness';
import { callsTo, listing, startStockSim, stockOf } from '../platforms/stockHarness';

const PACKER = { userId: 'u-pack', device: 'packing-pc' };
let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('pdd'); });
afterAll(async () => { await sim?.close(); });

describe('platform.call stock push', () => {
  it('calls the platform once per key, returns the same refusals on a replay and after a restart, and pulls nothing', async () => {
    const dir = tempDir();
    const host = makeHost(dir, { clock: sim.kit!.clock });
    const shopId = await connectShop(host, sim);
    await pullUntilClean(host, shopId); // the new shop's first pull, out of the way
    const a = listing(0);
    const call = { op: 'stock' as const, items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 42 }, { itemId: a.itemId, skuId: '5999999999999', quantity: 1 }] };
    const pullsBefore = (await callsTo(sim, 'pdd.order.number.list.increment.get')).length;

    // a packer's session sends it: the push follows the stock ledger, not an operator's decision
    const first = await host.handlers['platform.call']({ actor: PACKER, idempotencyKey: 'stock-push-0001', shopId, call });
    expect(first).toEqual({ at: expect.any(Number), replayed: false, failed: [{ itemId: a.itemId, skuId: '5999999999999', code: String(PDD_STOCK_CODES.skuNotFound), message: expect.any(String) }] });
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(42);

    const again = await host.handlers['platform.call']({ actor: PACKER, idempotencyKey: 'stock-push-0001', shopId, call });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await callsTo(sim, 'pdd.goods.quantity.update')).length).toBe(2);

    await new Promise((r) => setTimeout(r, 50));
    expect((await callsTo(sim, 'pdd.order.number.list.increment.get')).length).toBe(pullsBefore);

    await host.stop();
    const host2 = makeHost(dir, { clock: sim.kit!.clock });
    expect(await host2.handlers['platform.call']({ actor: PACKER, idempotencyKey: 'stock-push-0001', shopId, call })).toEqual({ ...first, replayed: true });
    expect((await callsTo(sim, 'pdd.goods.quantity.update')).length).toBe(2);
    await host2.stop();
  });

  it('answers a push the platform refused whole as a platform error, and records nothing', async () => {
    const host = makeHost(tempDir(), { clock: sim.kit!.clock });
    const shopId = await connectShop(host, sim);
    sim.kit!.setFaults({ rate: 1, kinds: ['rate_limit'] });
    try {
      const a = listing(2);
      const call = { op: 'stock' as const, items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 7 }] };
      await expect(host.handlers['platform.call']({ actor: PACKER, idempotencyKey: 'stock-push-0002', shopId, call })).rejects.toMatchObject({ code: 'platform_error' });
      sim.kit!.setFaults({ rate: 0, kinds: [] });
      // not in the ledger: the retry goes to the platform and lands
      expect(await host.handlers['platform.call']({ actor: PACKER, idempotencyKey: 'stock-push-0002', shopId, call })).toMatchObject({ replayed: false, failed: [] });
      expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(7);
    } finally {
      sim.kit!.setFaults({ rate: 0, kinds: [] });
      await host.stop();
    }
  });
});
