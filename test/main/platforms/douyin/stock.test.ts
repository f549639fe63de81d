// Douyin stock push against the simulator over loopback HTTP: sku.syncStockBatchMultiProducts
// (≤ 50 SKUs, per-SKU results, incremental=false), sku.syncStock for a SKU known by code only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('douyin'); });
afterAll(async () => { await sim?.close(); });

describe('Douyin stock push', () => {
  it('sets the known SKUs, reports the unknown one from the per-SKU results, and sends int64 ids exactly', async () => {
    const a = listing(0);
    const byCode = listing(2);
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
      { itemId: byCode.itemId, outerSkuId: byCode.outerSkuId, quantity: 8 },
    ] });
    expect(failed).toEqual([{ itemId: a.itemId, skuId: '5999999999999', code: '5', message: expect.stringContaining('找不到对应的sku') }]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    expect((await stockOf(sim, byCode.itemId, byCode.skuId))!.quantity).toBe(8);
    const [batch] = await callsTo(sim, 'sku.syncStockBatchMultiProducts');
    expect(batch!.error_code).toBe(10001); // 部分失败
    expect(batch!.params.incremental).toBe(false);
    // JSON numbers on the wire: the 19-digit ones arrive exact (kept as text by the reader)
    expect(batch!.params.items).toEqual([
      { product_id: Number(a.itemId), sku_id: Number(a.skuId), stock_num: 17 },
      { product_id: Number(a.itemId), sku_id: 5999999999999, stock_num: 5 },
      { product_id: BIG.itemId, sku_id: BIG.skuId, stock_num: 0 },
    ]);
    const single = await callsTo(sim, 'sku.syncStock');
    expect(single.map((c) => [c.params.code, c.params.stock_num, c.params.incremental, c.error_code])).toEqual([[byCode.outerSkuId, 8, false, null]]);
  });

  it('splits 60 SKUs into batches of 50 and 10', async () => {
    const itemId = '3612345678901234567';
    const skus = Array.from({ length: 60 }, (_, i) => `17${String(i).padStart(17, '0')}`);
    await addListings(sim, skus.map((skuId) => ({ itemId, skuId, quantity: 1 })));
    const { failed } = await connector(sim).pushStock({ items: skus.map((skuId, i) => ({ itemId, skuId, quantity: i })) });
    expect(failed).toEqual([]);
    const calls = (await callsTo(sim, 'sku.syncStockBatchMultiProducts')).filter((c) => c.params.items[0].product_id === itemId);
    expect(calls.map((c) => [c.params.items.length, c.error_code])).toEqual([[50, null], [10, null]]);
    expect((await stockOf(sim, itemId, skus[59]!))!.quantity).toBe(59);
  });

  it('a wrongly signed push is refused by the gateway and changes nothing', async () => {
    const a = listing(4);
    const err = await connector(sim, { secret: 'not-the-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect([(err as PlatformCallError).code, (err as PlatformCallError).subCode]).toEqual(['40003', 'isv.signature-invalid']);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
