// The simulator's Douyin stock APIs (platforms.md §13.2): sku.syncStock (one SKU, by sku_id or
// SKU code) and sku.syncStockBatchMultiProducts (≤ 50 SKUs across products, per-SKU results).
// incremental=false sets, true adds (may be negative; never below 0). Codes are the §13.2 table's;
// a batch where some SKUs failed answers 10001 部分失败 with its results (UNCONFIRMED), one where
// none did 10000. Region/step stock and idempotent_id replay are not simulated.
import type { SimCtx } from '../simkit/protocol';
import type { SimListing } from '../simkit/stock';
import { boolParam, DouyinError, intParam, textParam, type Biz } from './simShared';

const MAX_BATCH = 50;
const MAX_STOCK = 9_999_999;
const bad = (subCode: string, msg: string) => new DouyinError(40004, '业务参数错误', `isv.parameter-invalid${subCode}`, msg);
const failedBiz = (subCode: string, msg: string) => new DouyinError(50002, '业务处理失败', `isv.business-failed:${subCode}`, msg);

/** [status code, message] of a refused SKU, or the live listing */
type Found = SimListing | [number, string];

function find(ctx: SimCtx, productId: string, pick: (l: SimListing) => boolean, what: string): Found {
  const all = ctx.stock.item(productId);
  if (all.length === 0) return [2010058, '商品不存在或已彻底删除'];
  if (all.every((l) => l.deleted)) return [2010042, '商品已删除'];
  const l = all.find(pick);
  if (!l) return [5, `${what}, 找不到对应的sku`];
  if (l.deleted) return [4, '当前sku已被删除,禁止修改库存'];
  return l;
}

/** stock_num: the Go SDK leaves a 0 out (omitempty), so absent means 0 */
const stockNum = (b: Biz, incremental: boolean) => intParam(b, 'stock_num', 0, incremental ? -MAX_STOCK : 0, MAX_STOCK);

function incrementalOf(b: Biz, required: boolean): boolean {
  if (b.incremental === undefined || b.incremental === null || b.incremental === '') {
    if (required) throw new DouyinError(40002, '缺少必填参数', 'isv.missing-parameter:2010004', 'incremental 必填');
    return false;
  }
  return boolParam(b, 'incremental');
}

function syncStock(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const productId = textParam(b, 'product_id');
  const incremental = incrementalOf(b, false);
  if (incremental && !b.idempotent_id) throw new DouyinError(40002, '缺少必填参数', 'isv.missing-parameter', '增量更新时 idempotent_id 必填');
  const n = stockNum(b, incremental);
  const skuId = b.sku_id === undefined ? undefined : textParam(b, 'sku_id');
  const code = typeof b.code === 'string' && b.code !== '' ? b.code : undefined;
  if (skuId === undefined && code === undefined) throw bad('', 'sku_id 与 code 至少传一个');
  const found = find(ctx, productId, (l) => (skuId !== undefined ? l.skuId === skuId : l.outerSkuId === code), `sku_id: ${skuId ?? code}`);
  if (Array.isArray(found)) {
    const [status, msg] = found;
    throw status === 4 || status === 5 ? bad(`:${status}`, msg) : failedBiz(String(status), msg);
  }
  const next = incremental ? found.quantity + n : n;
  if (next < 0) throw failedBiz('2010012', '更新库存数失败: 库存不足');
  ctx.stock.set(found, next, ctx.now());
  return {};
}

function syncStockBatchMultiProducts(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const incremental = incrementalOf(b, true);
  const items = b.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH) throw bad('', `items 需 1–${MAX_BATCH} 个 sku`);
  // the whole request is read first: a malformed item refuses the call before anything changes
  const plan = items.map((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) throw bad('', 'items 的每一项应为对象');
    const it = raw as Biz;
    if (it.out_warehouse_id) throw bad('', 'the simulator keeps 普通 stock only (out_warehouse_id is not simulated)');
    return { productId: textParam(it, 'product_id'), skuId: textParam(it, 'sku_id'), n: stockNum(it, incremental) };
  });
  let failures = 0;
  const results = plan.map(({ productId, skuId, n }) => {
    const found = find(ctx, productId, (l) => l.skuId === skuId, `sku_id: ${skuId}`);
    const result = (status: number, msg: string, stock: number, change: number) => ({
      sku_id: Number.isSafeInteger(Number(skuId)) ? Number(skuId) : skuId, warehouse_id: 0, stock_num: stock, step_stock_num: 0,
      change_num: change, step_change_num: 0, status_code: status, status_message: msg,
    });
    if (Array.isArray(found)) { failures++; return result(found[0], found[1], 0, 0); }
    const next = incremental ? found.quantity + n : n;
    if (next < 0) { failures++; return result(2010012, '库存不足', found.quantity, 0); }
    const before = found.quantity;
    ctx.stock.set(found, next, ctx.now());
    return result(0, 'success', next, next - before);
  });
  if (failures > 0) throw new DouyinError(10001, '部分失败', '', `${failures} 个 sku 更新失败，见 results`, { results });
  return { results };
}

export const STOCK_APIS: Record<string, { token: boolean; run: (ctx: SimCtx, b: Biz, dup: boolean) => Record<string, unknown> }> = {
  'sku.syncStock': { token: true, run: syncStock },
  'sku.syncStockBatchMultiProducts': { token: true, run: syncStockBatchMultiProducts },
};
