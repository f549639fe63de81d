// Kuaishou stock push against the simulator over loopback HTTP: open.item.sku.stock.update only
// adds or reduces, so the connector reads open.item.sku.list.get and sends the difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import type { KuaishouConnector } from '../../../../main/services/platforms/kuaishou/client';
import { KUAISHOU_CODES, KUAISHOU_SKU_LIST_API, KUAISHOU_STOCK_API } from '../../../../main/services/platforms/kuaishou/wire';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { parseJsonKeepingBigInts } from '../../../../main/services/platforms/json';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('kuaishou'); });
afterAll(async () => { await sim?.close(); });

const changes = async () => (await callsTo(sim, KUAISHOU_STOCK_API)).map((c) => ({ ...(parseJsonKeepingBigInts(c.params.param) as Record<string, unknown>), error: c.error_code }));

describe('Kuaishou stock push', () => {
  it('adds up, reduces down, sends nothing when equal, and reports an unknown SKU', async () => {
    const [up, down, same] = [listing(0), listing(1), listing(2)];
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: up.itemId, skuId: up.skuId, quantity: 130 },
      { itemId: down.itemId, skuId: down.skuId, quantity: 60 },
      { itemId: up.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: same.itemId, skuId: same.skuId, quantity: 100 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
    ] });
    expect(failed).toEqual([{ itemId: up.itemId, skuId: '5999999999999', code: String(KUAISHOU_CODES.skuNotFound), message: expect.stringContaining('5999999999999') }]);
    expect((await stockOf(sim, up.itemId, up.skuId))!.quantity).toBe(130);
    expect((await stockOf(sim, down.itemId, down.skuId))!.quantity).toBe(60);
    expect((await stockOf(sim, same.itemId, same.skuId))!.quantity).toBe(100);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    // one read per item, then one positive change per SKU that differs; ids as exact JSON longs
    expect((await callsTo(sim, KUAISHOU_SKU_LIST_API)).length).toBe(3);
    expect(await changes()).toEqual([
      { kwaiItemId: Number(up.itemId), skuId: Number(up.skuId), skuChangeStock: 30, changeType: 1, error: null },
      { kwaiItemId: Number(down.itemId), skuId: Number(down.skuId), skuChangeStock: 40, changeType: 2, error: null },
      { kwaiItemId: BIG.itemId, skuId: BIG.skuId, skuChangeStock: 3, changeType: 2, error: null },
    ]);
    // the same push again finds every SKU where it should be: nothing to change
    const again = await connector(sim).pushStock({ items: [{ itemId: up.itemId, skuId: up.skuId, quantity: 130 }, { itemId: down.itemId, skuId: down.skuId, quantity: 60 }] });
    expect(again.failed).toEqual([]);
    expect((await changes()).length).toBe(3);
  });

  it('the simulator refuses a reduce below 0, an unknown item, and a wrong signature', async () => {
    const a = listing(4);
    const ks = connector(sim) as KuaishouConnector;
    const below = await ks.call(KUAISHOU_STOCK_API, { kwaiItemId: a.itemId, skuId: a.skuId, skuChangeStock: 101, changeType: 2 }, 'POST').catch((e: unknown) => e);
    expect((below as PlatformCallError).code).toBe(String(KUAISHOU_CODES.stockNotEnough));
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
    const { failed } = await ks.pushStock({ items: [{ itemId: '999999999', skuId: '1', quantity: 1 }] });
    expect(failed.map((f) => f.code)).toEqual([String(KUAISHOU_CODES.itemNotFound)]);
    const err = await connector(sim, { signSecret: 'not-the-sign-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).code).toBe(String(KUAISHOU_CODES.badSign));
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
