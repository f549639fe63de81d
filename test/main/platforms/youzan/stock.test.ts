// Youzan stock push against the simulator over loopback HTTP: youzan.item.quantity.update 3.0.0
// per SKU, type 0 (Youzan's FULL), Long ids and quantity as JSON numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import { YOUZAN_BIZ, YOUZAN_GW, YOUZAN_STOCK_API } from '../../../../main/services/platforms/youzan/api';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('youzan'); });
afterAll(async () => { await sim?.close(); });

describe('Youzan stock push', () => {
  it('sets the known SKUs and an item without SKUs, and reports the unknown SKU with its code', async () => {
    const a = listing(0);
    const noSkus = '412345678';
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }, { itemId: noSkus, skuId: null, quantity: 4 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
      { itemId: noSkus, quantity: 9 },
    ] });
    expect(failed).toEqual([{ itemId: a.itemId, skuId: '5999999999999', code: String(YOUZAN_BIZ.skuNotFound), message: expect.stringContaining('5999999999999') }]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    expect((await stockOf(sim, noSkus))!.quantity).toBe(9);
    const calls = await callsTo(sim, YOUZAN_STOCK_API.name);
    // numbers on the wire; the 19-digit ids arrive exact (kept as text by the reader)
    expect(calls.map((c) => [c.params.item_id, c.params.sku_id, c.params.quantity, c.params.type, c.error_code])).toEqual([
      [Number(a.itemId), Number(a.skuId), 17, 0, null],
      [Number(a.itemId), 5999999999999, 5, 0, YOUZAN_BIZ.skuNotFound],
      [BIG.itemId, BIG.skuId, 0, 0, null],
      [Number(noSkus), undefined, 9, 0, null],
    ]);
  });

  it('a push with a token Youzan does not know is refused whole (no signing on Youzan: the token is the check)', async () => {
    const a = listing(4);
    const err = await connector(sim, { session: 'not-a-token', refreshToken: undefined }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect([(err as PlatformCallError).code, (err as PlatformCallError).reauthorize]).toEqual([String(YOUZAN_GW.tokenUnknown), true]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
