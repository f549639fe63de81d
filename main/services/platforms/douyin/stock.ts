// Douyin stock push (platforms.md §13.2), FULL (incremental=false): SKUs by id go up to 50 per
// sku.syncStockBatchMultiProducts, across products, and its per-SKU results say which ones
// failed (status_code 0 = set is UNCONFIRMED; the doc names the field only). A SKU addressed by
// its merchant code alone goes through sku.syncStock with `code`. Ids are int64 in the SDK, so
// they go as JSON numbers written from their text. If a whole batch is refused for a business
// reason, its SKUs are sent again one by one, so one bad listing cannot hold up the others.
import { isObj, type Obj } from '../http';
import type { PlatformCallError } from '../types';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { chunk, codeOf, eachListing, failureOf, lastPerListing, refusalUnless, stopsThePush } from '../stockKit';

export const DOUYIN_SKUS_PER_CALL = 50;
const BATCH_API = 'sku.syncStockBatchMultiProducts';
const ONE_API = 'sku.syncStock';
const ID_KEYS = ['product_id', 'sku_id'] as const;
/** what the results say for a SKU that was set (UNCONFIRMED) */
export const DOUYIN_STOCK_OK = 0;
/** §2.8: unavailable, permission, IP list, missing system params, bad signature/token, token, rate limit, API gone */
const WHOLE_CALL = new Set(['20000', '20001', '30001', '30002', '40001', '40003', '50001', '60000', '70000', '90000']);
const refusal = refusalUnless(WHOLE_CALL);

type Call = (method: string, biz: Record<string, unknown>, bareKeys: readonly string[]) => Promise<Obj>;

const idText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : '');

async function one(call: Call, item: StockPushItem): Promise<undefined> {
  const sku = item.skuId !== undefined ? { sku_id: item.skuId } : { code: item.outerSkuId };
  await call(ONE_API, { product_id: item.itemId, ...sku, stock_num: item.quantity, incremental: false }, ID_KEYS);
  return undefined;
}

async function batch(call: Call, items: StockPushItem[]): Promise<StockPushFailure[]> {
  let d: Obj;
  try {
    d = await call(BATCH_API, { incremental: false, source: 'wharf', items: items.map((i) => ({ product_id: i.itemId, sku_id: i.skuId, stock_num: i.quantity })) }, ID_KEYS);
  } catch (e) {
    if (stopsThePush(e, refusal)) throw e;
    const pe = e as PlatformCallError;
    if (items.length === 1) return [failureOf(items[0]!, codeOf(pe), pe.platformMessage)];
    return eachListing(items, refusal, (i) => one(call, i));
  }
  // no results at all on a plain success: nothing to say about any SKU, so all were set
  if (!Array.isArray(d.results)) return [];
  const results = (d.results as unknown[]).filter(isObj);
  const failed: StockPushFailure[] = [];
  for (const i of items) {
    const r = results.find((x) => idText(x.sku_id) === i.skuId);
    if (!r) failed.push(failureOf(i, 'no_result', `Douyin answered results without SKU ${i.skuId}; whether it was set is unknown`));
    else if (Number(r.status_code) !== DOUYIN_STOCK_OK) failed.push(failureOf(i, String(r.status_code), typeof r.status_message === 'string' ? r.status_message : ''));
  }
  return failed;
}

export async function pushDouyinStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const list = lastPerListing(items);
  const failed: StockPushFailure[] = [];
  for (const part of chunk(list.filter((i) => i.skuId !== undefined), DOUYIN_SKUS_PER_CALL)) failed.push(...await batch(call, part));
  const rest = list.filter((i) => i.skuId === undefined);
  // every Douyin product has SKUs: a listing with neither SKU id nor code cannot be addressed
  for (const i of rest) if (i.outerSkuId === undefined) failed.push(failureOf(i, 'no_sku', 'Douyin sets stock per SKU: this listing has no SKU id or SKU code'));
  failed.push(...await eachListing(rest.filter((i) => i.outerSkuId !== undefined), refusal, (i) => one(call, i)));
  return { failed };
}
