// The simulator's order APIs (§2.4, §2.7, §13.2): order.searchList, order.orderDetail,
// order.logisticsAdd, order.addOrderRemark, order.batchDecrypt.
import { CARRIERS } from '../simkit/people';
import type { SimCtx } from '../simkit/protocol';
import type { SimOrder } from '../simkit/model';
import { carrierCodeOfDouyin } from './carriers';
import { coreOf, cipherCore } from './cipher';
import { renderDouyinOrder, shopKeyOf } from './render';
import { boolParam, DOUYIN_SIM_MAX_DEPTH, DOUYIN_SIM_MAX_WINDOW_S, DouyinError, intParam, scopeOf, textParam, type Biz } from './simShared';
import { FLAG_OF_STAR } from './stars';

/** max remark length (§13.2: 500 in the current SDK, 60 in older ones) */
export const DOUYIN_REMARK_MAX_CHARS = 500;
const MAX_DECRYPT = 50;
const BIG_S = 9_999_999_999;

function searchList(ctx: SimCtx, b: Biz, duplicate: boolean): Record<string, unknown> {
  const page = intParam(b, 'page', null, 0, 1_000_000);
  const size = intParam(b, 'size', null, 1, 100);
  if ((page + 1) * size > DOUYIN_SIM_MAX_DEPTH) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `分页过深: (page+1)×size 不能超过 ${DOUYIN_SIM_MAX_DEPTH}，请缩小时间范围`);
  const byUpdate = b.update_time_start !== undefined || b.update_time_end !== undefined;
  const field = byUpdate ? 'update_time' : 'create_time';
  const anyTime = byUpdate || b.create_time_start !== undefined || b.create_time_end !== undefined;
  const nowS = Math.floor(ctx.now() / 1000);
  const start = intParam(b, `${field}_start`, 0, 0, BIG_S);
  const end = intParam(b, `${field}_end`, nowS, 0, BIG_S);
  if (anyTime && end < start) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `${field}_end 不能早于 ${field}_start`);
  if (anyTime && end - start > DOUYIN_SIM_MAX_WINDOW_S) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `查询时间范围不能超过${DOUYIN_SIM_MAX_WINDOW_S / 60}分钟`);
  const orderBy = b.order_by === undefined ? 'create_time' : b.order_by;
  if (orderBy !== 'create_time' && orderBy !== 'update_time') throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', 'order_by 取值 create_time 或 update_time');
  const asc = boolParam(b, 'order_asc');
  const statuses = b.order_status === undefined || b.order_status === '' ? null : String(b.order_status).split(',').map((s) => s.trim());
  const at = (o: SimOrder) => (field === 'update_time' ? o.modifiedAt : o.createdAt);
  const key = (o: SimOrder) => (orderBy === 'update_time' ? o.modifiedAt : o.createdAt);
  const scope = scopeOf(ctx);
  const rows = ctx.store.all()
    .filter((o) => !anyTime || (at(o) >= start * 1000 && at(o) <= end * 1000 + 999))
    .sort((x, y) => (asc ? 1 : -1) * (key(x) - key(y) || (x.orderId < y.orderId ? -1 : 1)))
    .map((o) => renderDouyinOrder(o, scope))
    .filter((r) => !statuses || statuses.includes(String(r.order_status)));
  let list = rows.slice(page * size, (page + 1) * size);
  const memoKey = `search:${JSON.stringify({ ...b, page: undefined })}`;
  const prev = ctx.memo.get(memoKey) as { page: number; list: typeof list } | undefined;
  if (duplicate && prev && prev.page !== page) list = prev.list;
  else ctx.memo.set(memoKey, { page, list });
  for (const r of list) ctx.store.served.add(String(r.order_id));
  return { page, size, total: rows.length, shop_order_list: list };
}

/** the parent order; old SDKs append "A" to the id (§13.2) */
function orderOf(ctx: SimCtx, b: Biz, name: string): SimOrder {
  const id = textParam(b, name).replace(/A$/, '');
  if (!/^\d{16,20}$/.test(id)) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid:50001', 'orderId参数不合法');
  const o = ctx.store.get(id);
  if (!o) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid:20002', 'orderId不存在');
  return o;
}

function orderDetail(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const o = orderOf(ctx, b, 'shop_order_id');
  ctx.store.served.add(o.orderId);
  return { shop_order_detail: renderDouyinOrder(o, scopeOf(ctx)) };
}

function logisticsAdd(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const o = orderOf(ctx, b, 'order_id');
  const trackingNo = textParam(b, 'logistics_code');
  const company = textParam(b, 'company_code');
  const code = carrierCodeOfDouyin(company);
  if (!code) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `company_code ${company} 不存在 (见 /order/logisticsCompanyList)`);
  if (!(o.state === 'paid' && !o.hold) && o.state !== 'partial') throw new DouyinError(50002, '业务处理失败', 'isv.business-failed', '当前订单状态不允许发货');
  const open = o.lines.filter((l) => l.refund === 'open');
  if (open.length > 0) {
    if (!boolParam(b, 'is_refund_reject') && !boolParam(b, 'is_reject_refund')) throw new DouyinError(50002, '业务处理失败', 'isv.business-failed', '订单有退款需要处理，拒绝发货');
    for (const l of open) l.refund = 'rejected';
  }
  ctx.store.ship(o.orderId, trackingNo, CARRIERS.find((c) => c.code === code)!, ctx.now());
  return {};
}

function addOrderRemark(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const o = orderOf(ctx, b, 'order_id');
  if (typeof b.remark !== 'string') throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid:50002', 'remark 必填');
  if ([...b.remark].length > DOUYIN_REMARK_MAX_CHARS) throw new DouyinError(50002, '业务处理失败', 'isv.business-failed:50056', '订单备注内容超过规定字数');
  let flag: number | undefined;
  if (boolParam(b, 'is_add_star')) {
    flag = FLAG_OF_STAR[String(b.star ?? '')];
    if (flag === undefined) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid:50002', 'star 取值 0–5 (灰紫青绿橙红)');
  }
  ctx.store.setMemo(o.orderId, b.remark, flag, ctx.now());
  return {};
}

function batchDecrypt(ctx: SimCtx, b: Biz): Record<string, unknown> {
  const list = b.cipher_infos;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_DECRYPT) throw new DouyinError(40004, '业务参数错误', 'isv.parameter-invalid', `cipher_infos 需 1–${MAX_DECRYPT} 条`);
  const key = shopKeyOf(scopeOf(ctx));
  const decrypt_infos = list.map((q: { auth_id?: unknown; cipher_text?: unknown }) => {
    const authId = String(q?.auth_id ?? '');
    const cipher = typeof q?.cipher_text === 'string' ? q.cipher_text : '';
    const r = ctx.store.receiverFor(authId.replace(/A$/, ''));
    const core = coreOf(cipher);
    const fields: Array<[number, string | undefined]> = [[1, r?.detail], [2, r?.name], [3, r?.phone]];
    const hit = core ? fields.find(([, plain]) => plain !== undefined && cipherCore(plain, key) === core) : undefined;
    if (!hit) return { auth_id: authId, cipher_text: cipher, decrypt_text: '', err_no: 300008, err_msg: '密文与订单不匹配或无法解密', data_type: 0, is_virtual_tel: false };
    return { auth_id: authId, cipher_text: cipher, decrypt_text: hit[1], err_no: 0, err_msg: '', data_type: hit[0], is_virtual_tel: false, phone_no_a: '', phone_no_b: '', expire_time: 0 };
  });
  return { decrypt_infos, custom_err: { err_code: 0, err_msg: '' } };
}

export const ORDER_APIS: Record<string, { token: boolean; run: (ctx: SimCtx, b: Biz, dup: boolean) => Record<string, unknown> }> = {
  'order.searchList': { token: true, run: searchList },
  'order.orderDetail': { token: true, run: orderDetail },
  'order.logisticsAdd': { token: true, run: logisticsAdd },
  'order.addOrderRemark': { token: true, run: addOrderRemark },
  'order.batchDecrypt': { token: true, run: batchDecrypt },
};
