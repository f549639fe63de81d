// Pinduoduo stock push (platforms.md §13.3): pdd.goods.quantity.update sets one SKU per call,
// FULL (update_type=1), by sku_id or — for a listing known only by its merchant code — outer_id.
// Like every PDD business param, ids and quantities travel as strings. A refusal of one SKU is
// reported with PDD's code; a gateway, signature, token or rate-limit error stops the push.
import { isObj, type Obj } from '../http';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { eachListing, failureOf, lastPerListing, refusalUnless } from '../stockKit';
import { PDD_WHOLE_CALL_CODES } from './wire';

const API = 'pdd.goods.quantity.update';
const FULL = '1';

type Call = (type: string, biz: Record<string, unknown>) => Promise<Obj>;

export async function pushPddStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed = await eachListing(lastPerListing(items), refusalUnless(PDD_WHOLE_CALL_CODES), async (i) => {
    const sku = i.skuId !== undefined ? { sku_id: i.skuId } : i.outerSkuId !== undefined ? { outer_id: i.outerSkuId } : undefined;
    if (!sku) return failureOf(i, 'no_sku', 'PDD sets stock per SKU: this listing has no SKU id or merchant code');
    const body = await call(API, { goods_id: i.itemId, ...sku, quantity: String(i.quantity), update_type: FULL });
    const r = body.goods_quantity_update_response;
    if (!isObj(r) || r.is_success !== true) return failureOf(i, 'not_success', `PDD did not confirm the stock: ${JSON.stringify(body).slice(0, 200)}`);
    return undefined;
  });
  return { failed };
}
