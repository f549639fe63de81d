// WeChat Channels stock push against the simulator over loopback HTTP:
// /channels/ec/product/stock/update per SKU, diff_type 3 (set), ids as string uint64s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import { WECHAT_PRODUCT_NOT_FOUND_CODE, WECHAT_SKU_NOT_FOUND_CODE } from '../../../../main/services/platforms/wechat/simStock';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

const API = '/channels/ec/product/stock/update';
let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('wechat'); });
afterAll(async () => { await sim?.close(); });

describe('WeChat Channels stock push', () => {
  it('sets the known SKUs and reports the unknown SKU and product with their codes', async () => {
    const a = listing(0);
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
      { itemId: '999999999', skuId: '1', quantity: 1 },
    ] });
    expect(failed.map((f) => [f.skuId, f.code])).toEqual([['5999999999999', String(WECHAT_SKU_NOT_FOUND_CODE)], ['1', String(WECHAT_PRODUCT_NOT_FOUND_CODE)]]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    const calls = await callsTo(sim, API);
    expect(calls.slice(0, 3).map((c) => [c.params.product_id, c.params.sku_id, c.params.diff_type, c.params.num, c.error_code])).toEqual([
      [a.itemId, a.skuId, 3, 17, null],
      [a.itemId, '5999999999999', 3, 5, WECHAT_SKU_NOT_FOUND_CODE],
      [BIG.itemId, BIG.skuId, 3, 0, null],
    ]);
  });

  it('a push whose token is bad and cannot be renewed is refused whole', async () => {
    const a = listing(4);
    const err = await connector(sim, { session: 'not-a-token', secret: 'not-the-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).reauthorize).toBe(true);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
