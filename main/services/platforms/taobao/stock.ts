// Taobao stock push (platforms.md §13.1), always FULL (type=1): SKUs by id go 20 of one item per
// taobao.skus.quantity.update; a listing addressed by merchant code only, or an item without
// SKUs, goes alone through taobao.item.quantity.update (outer ids may hold ':' or ';', which the
// batch format cannot carry). Whether a batch with one bad SKU is refused whole is UNCONFIRMED, so
// a refused batch is sent again SKU by SKU: the good ones land, the bad one is reported with
// Taobao's own sub_code. An item-level refusal (not found, deleted) fails its whole batch at once.
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { PlatformCallError } from '../types';
import { chunk, codeOf, eachListing, failureOf, groupBy, lastPerListing, stopsThePush } from '../stockKit';

export const TAOBAO_SKUS_PER_CALL = 20;
const ITEM_API = 'taobao.item.quantity.update';
const SKUS_API = 'taobao.skus.quantity.update';
/** FULL: the quantity given is the stock shown */
const FULL = '1';
/** "Remote service error": the business refusal, its reason in sub_code; every other code (§1.10) is about the call */
const BUSINESS = '15';
/** the item itself is refused: no SKU of it can land; with or without Tmall's "-tmall" suffix */
const ITEM_REFUSED = /^isv\.item-(not-exist|is-delete):/;

type Call = (method: string, params: Record<string, string>) => Promise<Record<string, unknown>>;

const refusal = (e: PlatformCallError) => e.code === BUSINESS;
const isRefusal = (e: unknown): e is PlatformCallError => e instanceof PlatformCallError && !stopsThePush(e, refusal);

function confirmed(api: string, body: Record<string, unknown>): void {
  if (typeof body.item !== 'object' || body.item === null) throw new PlatformCallError(api, 'not_success', `Taobao did not confirm the stock: ${JSON.stringify(body).slice(0, 200)}`, false);
}

async function one(call: Call, item: StockPushItem): Promise<undefined> {
  // sku_id wins over outer_id on Taobao's side; neither = the item's own stock
  const which: Record<string, string> = item.skuId !== undefined ? { sku_id: item.skuId } : item.outerSkuId !== undefined ? { outer_id: item.outerSkuId } : {};
  confirmed(ITEM_API, await call(ITEM_API, { num_iid: item.itemId, ...which, quantity: String(item.quantity), type: FULL }));
  return undefined;
}

async function batch(call: Call, items: StockPushItem[]): Promise<StockPushFailure[]> {
  try {
    const skuidQuantities = items.map((i) => `${i.skuId}:${i.quantity}`).join(';');
    confirmed(SKUS_API, await call(SKUS_API, { num_iid: items[0]!.itemId, skuid_quantities: skuidQuantities, type: FULL }));
    return [];
  } catch (e) {
    if (!isRefusal(e)) throw e;
    if (items.length === 1 || ITEM_REFUSED.test(e.subCode ?? '')) return items.map((i) => failureOf(i, codeOf(e), e.platformMessage));
    return eachListing(items, refusal, (i) => one(call, i));
  }
}

export async function pushTaobaoStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed: StockPushFailure[] = [];
  const list = lastPerListing(items);
  const bySku = groupBy(list.filter((i) => i.skuId !== undefined), (i) => i.itemId);
  for (const skus of bySku.values()) {
    for (const part of chunk(skus, TAOBAO_SKUS_PER_CALL)) failed.push(...await batch(call, part));
  }
  failed.push(...await eachListing(list.filter((i) => i.skuId === undefined), refusal, (i) => one(call, i)));
  return { failed };
}
