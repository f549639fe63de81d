// Youzan stock push (platforms.md §13.6): youzan.item.quantity.update 3.0.0 per SKU, FULL —
// Youzan's FULL is type 0 (Taobao/PDD use 1). item_id, sku_id, quantity and type are Longs in the
// SDK, so they go as JSON numbers (ids written from their text). An item without SKUs (无规格)
// is sent without sku_id. A gateway refusal (gw_err_resp: path, token, rate limit) stops the push;
// a business refusal {success:false, code} is about the listing and is reported.
import { isObj, type Obj } from '../http';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { eachListing, failureOf, lastPerListing, refusalUnless } from '../stockKit';
import { YOUZAN_GW, YOUZAN_STOCK_API, YOUZAN_STOCK_FULL } from './api';

type Call = (api: { name: string; version: string }, biz: Record<string, unknown>, bareKeys: readonly string[]) => Promise<Obj>;

const ID_KEYS = ['item_id', 'sku_id'] as const;
const refusal = refusalUnless(new Set(Object.values(YOUZAN_GW).map(String)));

export async function pushYouzanStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed = await eachListing(lastPerListing(items), refusal, async (i) => {
    const sku = i.skuId !== undefined ? { sku_id: i.skuId } : {};
    const body = await call(YOUZAN_STOCK_API, { item_id: i.itemId, ...sku, quantity: i.quantity, type: YOUZAN_STOCK_FULL }, ID_KEYS);
    if (!isObj(body.data) || body.data.is_success !== true) return failureOf(i, 'not_success', `Youzan did not confirm the stock: ${JSON.stringify(body).slice(0, 200)}`);
    return undefined;
  });
  return { failed };
}
