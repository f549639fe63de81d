// Kuaishou stock push (platforms.md §13.5). open.item.sku.stock.update only adds or reduces, so
// Wharf's absolute quantity becomes a difference: one open.item.sku.list.get per item reads the
// SKUs' current stock, then each SKU that differs gets one positive change with changeType 1
// (add) or 2 (reduce); an equal one gets no call. Read-then-change is not atomic: an order placed
// in between makes the result off by that order, which the next push (from the ledger) corrects.
import { isObj, type Obj } from '../http';
import type { StockPushFailure, StockPushItem } from '../../../../shared/domain/writeBack';
import { eachListing, failureOf, groupBy, lastPerListing, refusalUnless, stopsThePush, codeOf } from '../stockKit';
import type { PlatformCallError } from '../types';
import {
  KUAISHOU_CODES, KUAISHOU_MAX_STOCK_CHANGE, KUAISHOU_SKU_FIELDS, KUAISHOU_SKU_LIST_API, KUAISHOU_STOCK_ADD, KUAISHOU_STOCK_API, KUAISHOU_STOCK_REDUCE,
} from './wire';

type Call = (method: string, biz: Record<string, unknown>, httpMethod: 'GET' | 'POST') => Promise<Obj>;

/** codes about the call: parameters/system params, app key, signature, token, rate limit */
const WHOLE_CALL = new Set([KUAISHOU_CODES.badParam, KUAISHOU_CODES.badAppKey, KUAISHOU_CODES.badSign, KUAISHOU_CODES.tokenExpired, KUAISHOU_CODES.rateLimited].map(String));
const refusal = refusalUnless(WHOLE_CALL);

interface Sku { skuId: string; stock: number; code: string }

const idText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : '');

function skusOf(body: Obj): Sku[] {
  const list = Array.isArray(body.data) ? body.data : isObj(body.data) && Array.isArray(body.data.skuList) ? body.data.skuList : [];
  return (list as unknown[]).filter(isObj).map((s) => ({
    skuId: idText(s[KUAISHOU_SKU_FIELDS.skuId] ?? s.skuId),
    stock: Number(s[KUAISHOU_SKU_FIELDS.stock] ?? s.stock),
    code: typeof s[KUAISHOU_SKU_FIELDS.code] === 'string' ? s[KUAISHOU_SKU_FIELDS.code] as string : '',
  }));
}

async function change(call: Call, itemId: string, skuId: string, from: number, to: number): Promise<void> {
  let left = Math.abs(to - from);
  const changeType = to > from ? KUAISHOU_STOCK_ADD : KUAISHOU_STOCK_REDUCE;
  while (left > 0) {
    const step = Math.min(left, KUAISHOU_MAX_STOCK_CHANGE);
    await call(KUAISHOU_STOCK_API, { kwaiItemId: itemId, skuId, skuChangeStock: step, changeType }, 'POST');
    left -= step;
  }
}

async function pushItem(call: Call, itemId: string, items: StockPushItem[]): Promise<StockPushFailure[]> {
  let skus: Sku[];
  try {
    skus = skusOf(await call(KUAISHOU_SKU_LIST_API, { kwaiItemId: itemId }, 'GET'));
  } catch (e) {
    if (stopsThePush(e, refusal)) throw e;
    const pe = e as PlatformCallError;
    return items.map((i) => failureOf(i, codeOf(pe), pe.platformMessage));
  }
  return eachListing(items, refusal, async (i) => {
    if (i.skuId === undefined && i.outerSkuId === undefined) return failureOf(i, 'no_sku', 'Kuaishou sets stock per SKU: this listing has no SKU id or SKU code');
    const sku = i.skuId !== undefined ? skus.find((s) => s.skuId === i.skuId) : skus.find((s) => s.code === i.outerSkuId);
    // the platform's own "no such SKU" code, though the read (not a write) found it out
    if (!sku) return failureOf(i, String(KUAISHOU_CODES.skuNotFound), `item ${itemId} has no SKU ${i.skuId ?? i.outerSkuId} (${KUAISHOU_SKU_LIST_API})`);
    if (!Number.isInteger(sku.stock) || sku.stock < 0) return failureOf(i, 'bad_response', `${KUAISHOU_SKU_LIST_API} gave no readable stock for SKU ${sku.skuId}`);
    if (sku.stock !== i.quantity) await change(call, itemId, sku.skuId, sku.stock, i.quantity);
    return undefined;
  });
}

export async function pushKuaishouStock(call: Call, items: readonly StockPushItem[]): Promise<{ failed: StockPushFailure[] }> {
  const failed: StockPushFailure[] = [];
  for (const [itemId, list] of groupBy(lastPerListing(items), (i) => i.itemId)) failed.push(...await pushItem(call, itemId, list));
  return { failed };
}
