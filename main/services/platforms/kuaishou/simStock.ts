// The simulator's Kuaishou stock APIs (platforms.md §13.5): open.item.sku.list.get reads an item's
// SKUs with their stock; open.item.sku.stock.update only adds (changeType 1) or reduces (2) by a
// positive skuChangeStock — a reduce below 0 is refused. Codes and the list's field names are
// UNCONFIRMED and live in ./wire with the connector's.
import type { SimCtx } from '../simkit/protocol';
import type { SimListing } from '../simkit/stock';
import { idParam, int, KsError } from './simShared';
import {
  KUAISHOU_CODES as C, KUAISHOU_MAX_STOCK_CHANGE, KUAISHOU_OK, KUAISHOU_SKU_FIELDS, KUAISHOU_SKU_LIST_API, KUAISHOU_STOCK_ADD, KUAISHOU_STOCK_API, KUAISHOU_STOCK_REDUCE,
} from './wire';

type Biz = Record<string, unknown>;

function itemOf(ctx: SimCtx, b: Biz): { itemId: string; live: SimListing[] } {
  const itemId = idParam(b, 'kwaiItemId');
  const live = ctx.stock.item(itemId).filter((l) => !l.deleted && l.skuId !== undefined);
  if (live.length === 0) throw new KsError(C.itemNotFound, `商品不存在或已删除: ${itemId}`);
  return { itemId, live };
}

function skuList(ctx: SimCtx, b: Biz) {
  const { itemId, live } = itemOf(ctx, b);
  return {
    result: KUAISHOU_OK,
    data: live.map((l) => ({ kwaiItemId: itemId, [KUAISHOU_SKU_FIELDS.skuId]: l.skuId, [KUAISHOU_SKU_FIELDS.stock]: l.quantity, [KUAISHOU_SKU_FIELDS.code]: l.outerSkuId })),
  };
}

function stockUpdate(ctx: SimCtx, b: Biz) {
  const { itemId, live } = itemOf(ctx, b);
  const skuId = idParam(b, 'skuId');
  const n = int(b, 'skuChangeStock', null, 1, KUAISHOU_MAX_STOCK_CHANGE);
  const type = int(b, 'changeType', null, KUAISHOU_STOCK_ADD, KUAISHOU_STOCK_REDUCE);
  const row = live.find((l) => l.skuId === skuId);
  if (!row) throw new KsError(C.skuNotFound, `商品 ${itemId} 下不存在 sku ${skuId}`);
  const next = type === KUAISHOU_STOCK_ADD ? row.quantity + n : row.quantity - n;
  if (next < 0) throw new KsError(C.stockNotEnough, `库存不足: 当前 ${row.quantity}，不能减少 ${n}`);
  ctx.stock.set(row, next, ctx.now());
  return { result: KUAISHOU_OK, data: null };
}

export const STOCK_APIS: Record<string, (ctx: SimCtx, b: Biz, dup: boolean) => unknown> = {
  [KUAISHOU_SKU_LIST_API]: skuList,
  [KUAISHOU_STOCK_API]: stockUpdate,
};
