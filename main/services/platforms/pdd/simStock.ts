// The simulator's pdd.goods.quantity.update (platforms.md §13.3): one SKU per call, by sku_id or
// (when sku_id is empty) the SKU's outer_id; update_type 1 FULL (default) / 2 INCREMENTAL, never
// below 0. The refusal codes are UNCONFIRMED (./wire). "Goods on a resource slot may not lose
// stock" is not simulated.
import type { SimCtx } from '../simkit/protocol';
import { PddError } from './simError';
import { PDD_STOCK_CODES as C } from './wire';

const MAX_STOCK = 9_999_999;
const param = (msg: string) => new PddError(C.badParam, '参数错误', msg);

function whole(p: Record<string, string>, name: string, min: number, max: number, dflt?: number): number {
  const raw = p[name];
  if (raw === undefined || raw === '') {
    if (dflt === undefined) throw param(`缺少参数:${name}`);
    return dflt;
  }
  const n = /^-?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw param(`${name} 应为 ${min}–${max} 的整数`);
  return n;
}

export function goodsQuantityUpdate(ctx: SimCtx, p: Record<string, string>): Record<string, unknown> {
  if (!p.goods_id) throw param('缺少参数:goods_id');
  if (!/^\d{1,20}$/.test(p.goods_id)) throw param('goods_id 应为数字');
  const skuId = p.sku_id || undefined;
  const outerId = skuId ? undefined : p.outer_id || undefined;
  if (!skuId && !outerId) throw param('sku_id 与 outer_id 至少传一个');
  const type = whole(p, 'update_type', 1, 2, 1);
  const qty = whole(p, 'quantity', type === 1 ? 0 : -MAX_STOCK, MAX_STOCK);
  const all = ctx.stock.item(p.goods_id);
  if (all.length === 0 || all.every((l) => l.deleted)) throw new PddError(C.goodsNotFound, '商品不存在', `goods_id ${p.goods_id} 不存在或已删除`);
  const rows = all.filter((l) => !l.deleted && l.skuId !== undefined && (skuId ? l.skuId === skuId : l.outerSkuId === outerId));
  if (rows.length === 0) throw new PddError(C.skuNotFound, 'sku不存在', `${skuId ? `sku_id ${skuId}` : `outer_id ${outerId}`} 不属于商品 ${p.goods_id}`);
  if (rows.some((l) => (type === 1 ? qty : l.quantity + qty) < 0)) throw new PddError(C.belowZero, '库存不足', '增量更新后库存不能小于0');
  for (const l of rows) ctx.stock.set(l, type === 1 ? qty : l.quantity + qty, ctx.now());
  return { goods_quantity_update_response: { is_success: true } };
}
