// Pinduoduo stock push against the simulator over loopback HTTP: pdd.goods.quantity.update per
// SKU, update_type=1 (FULL), every business param a string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import { PDD_SIGN_ERROR_CODE } from '../../../../main/services/platforms/pdd/simProtocol';
import { PDD_STOCK_CODES } from '../../../../main/services/platforms/pdd/wire';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('pdd'); });
afterAll(async () => { await sim?.close(); });

describe('Pinduoduo stock push', () => {
  it('sets the known SKUs and reports the unknown one with its code while the rest still go', async () => {
    const a = listing(0);
    const byCode = listing(2);
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
      { itemId: byCode.itemId, outerSkuId: byCode.outerSkuId, quantity: 8 },
    ] });
    expect(failed).toEqual([{ itemId: a.itemId, skuId: '5999999999999', code: String(PDD_STOCK_CODES.skuNotFound), message: expect.stringContaining('sku') }]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    expect((await stockOf(sim, byCode.itemId, byCode.skuId))!.quantity).toBe(8);
    const calls = await callsTo(sim, 'pdd.goods.quantity.update');
    expect(calls.map((c) => [c.params.goods_id, c.params.sku_id ?? c.params.outer_id, c.params.quantity, c.params.update_type, c.error_code])).toEqual([
      [a.itemId, '5999999999999', '5', '1', PDD_STOCK_CODES.skuNotFound],
      [a.itemId, a.skuId, '17', '1', null],
      [BIG.itemId, BIG.skuId, '0', '1', null],
      [byCode.itemId, byCode.outerSkuId, '8', '1', null],
    ]);
  });

  it('reports goods PDD does not know, and a wrongly signed push is refused whole', async () => {
    const { failed } = await connector(sim).pushStock({ items: [{ itemId: '999999999', skuId: '1', quantity: 1 }] });
    expect(failed.map((f) => f.code)).toEqual([String(PDD_STOCK_CODES.goodsNotFound)]);
    const a = listing(4);
    const err = await connector(sim, { secret: 'not-the-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).code).toBe(String(PDD_SIGN_ERROR_CODE));
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
