// JD stock push against the simulator over loopback HTTP: jingdong.stock.write.updateSkuStock per
// SKU, FULL; skuId and stockNum as JSON numbers inside 360buy_param_json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/services/platforms/simulators';
import { JD_BIZ, JD_CODES } from '../../../../main/services/platforms/jd/simProtocol';
import { JD_STOCK_API } from '../../../../main/services/platforms/jd/wire';
import { PlatformCallError } from '../../../../main/services/platforms/types';
import { addListings, BIG, callsTo, connector, listing, startStockSim, stockOf } from '../stockHarness';

let sim: RunningSimulator;
beforeAll(async () => { sim = await startStockSim('jd'); });
afterAll(async () => { await sim?.close(); });

describe('JD stock push', () => {
  it('sets the known SKUs and reports the unknown one from its success:false result', async () => {
    const a = listing(0);
    await addListings(sim, [{ itemId: BIG.itemId, skuId: BIG.skuId, quantity: 3 }]);
    const { failed } = await connector(sim).pushStock({ items: [
      { itemId: a.itemId, skuId: a.skuId, quantity: 17 },
      { itemId: a.itemId, skuId: '5999999999999', quantity: 5 },
      { itemId: BIG.itemId, skuId: BIG.skuId, quantity: 0 },
    ] });
    expect(failed).toEqual([{ itemId: a.itemId, skuId: '5999999999999', code: String(JD_BIZ.noSku), message: expect.stringContaining('5999999999999') }]);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(17);
    expect((await stockOf(sim, BIG.itemId, BIG.skuId))!.quantity).toBe(0);
    const calls = await callsTo(sim, JD_STOCK_API);
    // the exact text sent: Long ids unquoted, the 19-digit one digit for digit
    expect(calls.map((c) => [c.params['360buy_param_json'], c.error_code])).toEqual([
      [`{"skuId":${a.skuId},"stockNum":17}`, null],
      ['{"skuId":5999999999999,"stockNum":5}', JD_BIZ.noSku],
      [`{"skuId":${BIG.skuId},"stockNum":0}`, null],
    ]);
  });

  it('a wrongly signed push is refused by the gateway and changes nothing', async () => {
    const a = listing(4);
    const err = await connector(sim, { secret: 'not-the-secret' }).pushStock({ items: [{ itemId: a.itemId, skuId: a.skuId, quantity: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect((err as PlatformCallError).code).toBe(JD_CODES.invalidSign);
    expect((await stockOf(sim, a.itemId, a.skuId))!.quantity).toBe(100);
  });
});
