// WeChat Channels stock push (platforms.md §13.7): /channels/ec/product/stock/update per SKU with
// diff_type 3 (set). The doc prefers 1/2 (add/reduce) because a set can race concurrent orders,
// but a read-then-diff races them just the same (it is not atomic either) and needs a product
// read whose shape §13 does not give; a set from Wharf's ledger is what the push means, and the
// next push corrects any drift. Ids are string uint64s, num a number.
import type { Obj } from '../http';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { eachListing, failureOf, lastPerListing, refusalUnless } from '../stockKit';

const API = '/channels/ec/product/stock/update';
const DIFF_SET = 3;
/** codes about the call: token missing/invalid/expired, quota, no permission, body format, method */
const WHOLE_CALL = new Set(['-1', '40001', '40014', '41001', '42001', '45009', '45011', '48001', '47001', '43002']);

type Call = (path: string, body: Record<string, unknown>) => Promise<Obj>;

export async function pushWechatStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed = await eachListing(lastPerListing(items), refusalUnless(WHOLE_CALL), async (i) => {
    if (i.skuId === undefined) return failureOf(i, 'no_sku', 'WeChat sets stock per SKU: this listing has no SKU id');
    await call(API, { product_id: i.itemId, sku_id: i.skuId, diff_type: DIFF_SET, num: i.quantity });
    return undefined;
  });
  return { failed };
}
