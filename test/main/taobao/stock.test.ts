// Taobao stock push against the simulator over loopback HTTP: taobao.skus.quantity.update in
// batches of 20 SKUs of one item, taobao.item.quantity.update for single listings, FULL (type=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/services/platforms/simulators';
import { PlatformCallError } from '../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../platforms/stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('taobao'); });
afterAll(async () => { await sim?.close(); });

describe('Taobao stock push', () => {
  it('sets the known listings and reports the unknown SKU with its sub_code while the rest still go', async () => {
    const a = listing(0);
    const noSkus = '612345678901';
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, outerSkuId: 'BIG-01', quantity: 3 }, { itemId: noSkus, skuId: null, quantity: 4 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
      { itemId: noSkus, quantity: 9 },
    ] });
    expect(failed).toEqual([{ itemId: a.itemId, skuId: '5999999999999', code: 'isv.invalid-parameter:sku-properties', message: expect.stringContaining('5999999999999') }]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    expect((await stockOf(sim, noSkus))!.quantity).toBe(9);
    // one batch per item; the refused one is sent again SKU by SKU so the good SKU lands
    const batches = await callsTo(sim, 'taobao.skus.quantity.update');
    expect(batches.map((c) => [c.params.num_iid, c.params.skuid_quantities, c.params.type, c.error_code])).toEqual([
      [a.itemId, `${a.skuId}:17;5999999999999:5`, '1', 15],
      [BIG.itemId, `${BIG.skuId}:0`, '1', null],
    ]);
    const singles = await callsTo(sim, 'taobao.item.quantity.update');
    expect(singles.map((c) => [c.params.num_iid, c.params.sku_id, c.params.quantity, c.params.type, c.error_code])).toEqual([
      [a.itemId, a.skuId, '17', '1', null],
      [a.itemId, '5999999999999', '5', '1', 15],
      [noSkus, undefined, '9', '1', null],
    ]);
  });

  it('fails every SKU of a deleted item at once, without sending them one by one', async () => {
    const [x, y] = [listing(2), listing(3)];
    await addListings(sim, [{ itemId: x.itemId, skuId: x.skuId, deleted: true }, { itemId: y.itemId, skuId: y.skuId, deleted: true }]);
    const before = (await callsTo(sim, 'taobao.item.quantity.update')).length;
    const { failed } = await connector(sim).pushStock({ items: [{ itemId: x.itemId, skuId: x.skuId, quantity: 1 }, { itemId: y.itemId, skuId: y.skuId, quantity: 2 }] });
    expect(failed.map((f) => [f.skuId, f.code])).toEqual([[x.skuId, 'isv.item-is-delete:invalid-numIid-or-iid'], [y.skuId, 'isv.item-is-delete:invalid-numIid-or-iid']]);
    expect((await callsTo(sim, 'taobao.item.quantity.update')).length).toBe(before);
  });

  it('splits 25 SKUs of one item into batches of 20 and 5', async () => {
    const itemId = '698765432101';
    const skus = Array.from({ length: 25 }, (_, i) => `57000000000${String(i).padStart(2, '0')}`);
    await addListings(sim, skus.map((skuId) => ({ itemId, skuId, quantity: 1 })));
    const { failed } = await connector(sim).pushStock({ items: skus.map((skuId, i) => ({ itemId, skuId, quantity: 100 + i })) });
    expect(failed).toEqual([]);
    const calls = (await callsTo(sim, 'taobao.skus.quantity.update')).filter((c) => c.params.num_iid === itemId);
    expect(calls.map((c) => String(c.params.skuid_quantities).split(';').length)).toEqual([20, 5]);
    expect((await stockOf(sim, itemId, skus[24]!))!.quantity).toBe(124);
  });

  it('a wrongly signed push is refused by the router and changes nothing', async () => {
    const a = listing(4);
    const err = await connector(sim, { secret: 'not-the-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).code).toBe('25');
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
