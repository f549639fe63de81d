// The simulator's TOP stock APIs (platforms.md §13.1): taobao.item.quantity.update (one item or
// one SKU) and taobao.skus.quantity.update (≤ 20 SKUs of one item), type 1 FULL / 2 INCREMENTAL.
// Refusals are code 15 with the sub_codes production ERPs see; a batch naming one unknown SKU is
// refused whole (all-or-nothing is UNCONFIRMED — the doc does not say; refusing is the safe model).
import { formatShanghai } from '../../../../shared/time';
import type { SimListing } from '../simkit/stock';
import type { GatewayContext } from './simGateway';
import { intParam, invalid, missing, remote } from './simTopError';

const MAX_SKUS = 20;
const NOT_EXIST = () => remote('isv.item-not-exist:invalid-numIid-or-iid', '商品不存在');
const DELETED = () => remote('isv.item-is-delete:invalid-numIid-or-iid', '商品已删除');
const NO_SKU = (which: string) => remote('isv.invalid-parameter:sku-properties', `SKU不存在:${which}`);
const NEGATIVE = () => remote('isv.invalid-parameter:quantity', '全量更新库存不能为负');

/** The item's live listings; refuses an unknown or deleted item the way TOP does. */
function itemOf(ctx: GatewayContext, p: Record<string, string>): SimListing[] {
  if (!p.num_iid) throw missing('num_iid');
  if (!/^\d{1,20}$/.test(p.num_iid)) throw invalid('num_iid', 'num_iid 必须是数字');
  const all = ctx.store.stock.item(p.num_iid);
  if (all.length === 0) throw NOT_EXIST();
  const live = all.filter((l) => !l.deleted);
  if (live.length === 0) throw DELETED();
  return live;
}

function answer(ctx: GatewayContext, numIid: string, live: SimListing[], touched: SimListing[]): Record<string, unknown> {
  const when = formatShanghai(ctx.now());
  return {
    item: {
      iid: numIid, num_iid: numIid, num: live.reduce((a, l) => a + l.quantity, 0), modified: when,
      ...(touched.some((l) => l.skuId !== undefined) ? { skus: touched.map((l) => ({ sku_id: l.skuId, quantity: l.quantity, modified: when })) } : {}),
    },
  };
}

/** taobao.item.quantity.update: sku_id wins over outer_id; neither = the item's own stock. */
export function itemQuantityUpdate(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  if (p.quantity === undefined || p.quantity === '') throw missing('quantity');
  const qty = Number(p.quantity);
  if (!Number.isInteger(qty)) throw invalid('quantity', 'quantity 必须是整数');
  const type = intParam(p, 'type', 1, 1, 2);
  const live = itemOf(ctx, p);
  let targets: SimListing[];
  if (p.sku_id) targets = live.filter((l) => l.skuId === p.sku_id);
  else if (p.outer_id) targets = live.filter((l) => l.skuId !== undefined && l.outerSkuId === p.outer_id);
  else {
    targets = live.filter((l) => l.skuId === undefined);
    // UNCONFIRMED cause (§13.1): one ERP reads this sub_code as "the item has SKUs, update per SKU"
    if (targets.length === 0) throw remote('isv.item-quantity-item-update-service-error', '商品有销售属性，请按SKU更新库存');
  }
  if (targets.length === 0) throw NO_SKU(p.sku_id || p.outer_id!);
  if (type === 1 && qty < 0) throw NEGATIVE();
  const next = (l: SimListing) => (type === 1 ? qty : l.quantity + qty);
  if (targets.some((l) => next(l) < 0)) throw remote('isv.invalid-parameter:quantity', '增量更新后库存不能小于0');
  for (const l of targets) ctx.store.stock.set(l, next(l), ctx.now());
  return answer(ctx, p.num_iid!, live, targets);
}

/** "id:qty;id:qty" → pairs; refuses what TOP would call a malformed list */
function pairsOf(name: string, text: string, idPattern: RegExp): Array<[string, number]> {
  const parts = text.split(';').filter((x) => x.trim() !== '');
  if (parts.length === 0 || parts.length > MAX_SKUS) throw invalid(name, `${name} 需 1–${MAX_SKUS} 个 SKU (同一商品)`);
  return parts.map((part) => {
    const i = part.lastIndexOf(':');
    const id = part.slice(0, i);
    const qty = part.slice(i + 1);
    if (i <= 0 || !idPattern.test(id) || !/^-?\d{1,9}$/.test(qty)) throw invalid(name, `${name} 格式应为 id:数量;id:数量，错误的一项: ${part}`);
    return [id, Number(qty)];
  });
}

/**
 * taobao.skus.quantity.update: skuid_quantities, or outerid_quantities when that is empty (one
 * outer id may name several SKUs: all of them). FULL refuses a negative; INCR clamps at 0 (§13.1).
 */
export function skusQuantityUpdate(ctx: GatewayContext, p: Record<string, string>): Record<string, unknown> {
  const bySkuId = p.skuid_quantities !== undefined && p.skuid_quantities !== '';
  if (!bySkuId && !p.outerid_quantities) throw missing('skuid_quantities');
  const pairs = bySkuId ? pairsOf('skuid_quantities', p.skuid_quantities!, /^\d{1,20}$/) : pairsOf('outerid_quantities', p.outerid_quantities!, /^.{1,64}$/);
  const type = intParam(p, 'type', 1, 1, 2);
  const live = itemOf(ctx, p);
  const plan = pairs.map(([id, qty]) => {
    const rows = bySkuId ? live.filter((l) => l.skuId === id) : live.filter((l) => l.skuId !== undefined && l.outerSkuId === id);
    if (rows.length === 0) throw NO_SKU(id);
    if (type === 1 && qty < 0) throw NEGATIVE();
    return { rows, qty };
  });
  const touched: SimListing[] = [];
  for (const { rows, qty } of plan) {
    for (const l of rows) {
      ctx.store.stock.set(l, type === 1 ? qty : Math.max(0, l.quantity + qty), ctx.now());
      if (!touched.includes(l)) touched.push(l);
    }
  }
  return answer(ctx, p.num_iid!, live, touched);
}
