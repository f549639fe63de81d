// JD stock push (platforms.md §13.4): jingdong.stock.write.updateSkuStock sets one SKU's stock
// (FULL, stockNum absolute; skuId and stockNum are Longs, so JSON numbers). JD answers a gateway
// problem in error_response (thrown: it is about the call) and a refused SKU inside its own root
// with success:false (reported; the rest still go).
import { isObj, type Obj } from '../http';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { eachListing, failureOf, lastPerListing } from '../stockKit';
import { JD_STOCK_API } from './wire';

type Call = (method: string, biz: Record<string, unknown>) => Promise<Obj>;

/** error_response codes are the gateway's; a refused SKU never comes as one */
const gatewayOnly = () => false;

export async function pushJdStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed = await eachListing(lastPerListing(items), gatewayOnly, async (i) => {
    // JD stock is per SKU: every ware has at least one
    if (i.skuId === undefined) return failureOf(i, 'no_sku', 'JD sets stock per SKU: this listing has no SKU id');
    const r = await call(JD_STOCK_API, { skuId: i.skuId, stockNum: i.quantity });
    if (r.success === true) return undefined;
    const e = isObj(r) ? r : {};
    const code = String(e.numberCode ?? e.error_code ?? e.errorCode ?? 'not_success');
    return failureOf(i, code, String(e.chineseErrCode ?? e.chinese_err_code ?? e.msg ?? `JD did not confirm the stock: ${JSON.stringify(r).slice(0, 200)}`));
  });
  return { failed };
}
