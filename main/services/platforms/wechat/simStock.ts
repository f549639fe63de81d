// The simulator's /channels/ec/product/stock/update (platforms.md §13.7): one SKU per call,
// diff_type 1 add / 2 reduce / 3 set, num ≥ 0; a reduce below 0 is refused. The codes for an
// unknown product or SKU are the older 小商店 API's (100002 / 100004), UNCONFIRMED for Channels.
// The "listed once, draft not under review" rule is not simulated.
import type { SimCtx } from '../simkit/protocol';
import { bad, idOf, uint, WxError } from './simShared';

export const WECHAT_PRODUCT_NOT_FOUND_CODE = 100002;
export const WECHAT_SKU_NOT_FOUND_CODE = 100004;
export const WECHAT_DIFF_ADD = 1;
export const WECHAT_DIFF_REDUCE = 2;
export const WECHAT_DIFF_SET = 3;

export function productStockUpdate(ctx: SimCtx, b: Record<string, unknown>): Record<string, unknown> {
  const productId = idOf(b.product_id, 'product_id');
  const skuId = idOf(b.sku_id, 'sku_id');
  const diff = uint(b.diff_type, 'diff_type');
  if (diff !== WECHAT_DIFF_ADD && diff !== WECHAT_DIFF_REDUCE && diff !== WECHAT_DIFF_SET) throw bad('diff_type 取值 1 增加 / 2 减少 / 3 设置');
  const num = uint(b.num, 'num');
  const live = ctx.stock.item(productId).filter((l) => !l.deleted);
  if (live.length === 0) throw new WxError(WECHAT_PRODUCT_NOT_FOUND_CODE, `product not exist hint: product_id ${productId}`);
  const row = live.find((l) => l.skuId === skuId);
  if (!row) throw new WxError(WECHAT_SKU_NOT_FOUND_CODE, `sku not exist hint: sku_id ${skuId}`);
  const next = diff === WECHAT_DIFF_SET ? num : diff === WECHAT_DIFF_ADD ? row.quantity + num : row.quantity - num;
  if (next < 0) throw bad(`库存不足: 当前 ${row.quantity}，不能减少 ${num}`);
  ctx.stock.set(row, next, ctx.now());
  return {};
}
