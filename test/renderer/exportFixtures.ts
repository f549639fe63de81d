// Orders for the export tests, each carrying the decision the pipeline would have stored: a
// mapped line, an unmapped one held for r4 and r9 (an approved r1 and a channel hold beside
// them), an order split over two warehouses, an unpaid one, and a duplicate.
import type { Hold, OrderRow } from '../../shared/domain/types';
import type { Decision, LineDecision } from '../../shared/decide/types';
import type { WharfDB } from '../../renderer/store/db';
import { makeRow } from './support';
import { GZ, LAMP, SHOPS, SOFA, YIWU } from './rulesSupport';

/** 2026-11-25 20:30:00 in Shanghai */
export const T0 = Date.UTC(2026, 10, 25, 12, 30, 0);
const MIN = 60_000;

const mapped = (lineId: string, sku: string, qty: number): LineDecision => ({ lineId, sku, units: qty, components: [{ sku, qty }], method: 'outer_id', confidence: 1, reason: `outer id ${sku}`, itemKey: `outer_id|${sku}`, suggestions: [] });
const decision = (lines: LineDecision[], parts: Array<{ warehouse: string; lineIds: string[] }>, over: Partial<Decision> = {}): Decision => ({
  at: T0, trigger: 'arrival', revision: 'r', lines, mergeWith: [], hits: [],
  allocation: { parts: parts.map((p) => ({ ...p, reasons: [] })), short: [], policy: 'split', reasons: [], committed: parts.length > 0 },
  outcome: 'pass', reasons: ['通过全部规则'], ...over,
});
const rule = (code: string, message: string, cleared = false): Hold => ({ code, source: 'rule', values: { message }, at: T0, ...(cleared ? { clearedBy: 'u-ops', clearedAt: T0 + MIN } : {}) });

export const MAPPED = (() => {
  const r = makeRow({
    orderId: '4012345678901234567', createdAt: T0, paidAt: T0 + MIN, paymentFen: 7000, totalFen: 7800, postFeeFen: 800,
    lines: [{ lineId: 'L1', platformSkuId: '5001234567890123', outerSkuId: 'SOFA-01', outerItemId: 'ITEM-9', title: '布艺沙发, "三人位"', skuText: '灰色', qty: 2, priceFen: 3900, paymentFen: 7000 }],
  }, { fulfilment: 'allocated' });
  return { ...r, decision: decision([mapped('L1', 'SOFA-01', 2)], [{ warehouse: 'yiwu', lineIds: ['L1'] }]) } satisfies OrderRow;
})();

export const UNMAPPED = (() => {
  const r = makeRow({
    orderId: '4012345678901234568', createdAt: T0 + MIN, paidAt: T0 + 2 * MIN, buyerMessage: '=HYPERLINK("http://x")', sellerMemo: '加急',
    lines: [{ lineId: 'U1', outerItemId: 'OLD-777', title: '神秘礼盒', skuText: '', qty: 1, priceFen: 1990, paymentFen: 1990 }], paymentFen: 1990, totalFen: 1990,
  }, {
    fulfilment: 'on_hold',
    holds: [rule('r9', '商品未匹配到 SKU：神秘礼盒'), rule('r4', '有买家留言「=HYPERLINK("http://x")」'), rule('r1', '商品实付 19.90 元 超过 10.00 元', true), { code: 'refund_open', source: 'channel', values: {}, at: T0 }],
  });
  const line: LineDecision = { lineId: 'U1', units: 1, components: [], method: 'none', confidence: 0.2, reason: 'unsure', itemKey: 'outer_id|OLD-777', suggestions: [] };
  return { ...r, decision: decision([line], [], { outcome: 'hold', reasons: ['挂起审核：r9、r4'] }) } satisfies OrderRow;
})();

export const SPLIT = (() => {
  const r = makeRow({
    orderId: '4012345678901234569', createdAt: T0 + 2 * MIN, paidAt: T0 + 3 * MIN, paymentFen: 210_000, totalFen: 210_000,
    lines: [
      { lineId: 'S1', platformSkuId: 'p-1', outerSkuId: 'SOFA-01', title: '布艺沙发', skuText: '', qty: 1, priceFen: 200_000, paymentFen: 200_000 },
      { lineId: 'S2', platformSkuId: 'p-2', outerSkuId: 'LAMP-02', title: '落地灯', skuText: '', qty: 1, priceFen: 10_000, paymentFen: 10_000 },
    ],
  }, { fulfilment: 'allocated' });
  return { ...r, decision: decision([mapped('S1', 'SOFA-01', 1), mapped('S2', 'LAMP-02', 1)], [{ warehouse: 'yiwu', lineIds: ['S1'] }, { warehouse: 'guangzhou', lineIds: ['S2'] }]) } satisfies OrderRow;
})();

export const UNPAID = makeRow({ orderId: '4012345678901234570', createdAt: T0 + 3 * MIN, paidAt: undefined, channelStatus: 'awaiting_payment', platformStatus: 'WAIT_BUYER_PAY' });

export const DUPLICATE = (() => {
  const r = makeRow({
    orderId: '6900000000000000001', platform: 'douyin', shopId: 'shop-b', createdAt: T0 + 4 * MIN, paidAt: T0 + 5 * MIN,
    lines: [{ lineId: 'D1', platformSkuId: 'dy-sku-1', outerSkuId: 'SOFA-01', title: '布艺沙发', skuText: '', qty: 2, priceFen: 3900, paymentFen: 7000 }], paymentFen: 7000, totalFen: 7000,
  }, { fulfilment: 'on_hold', duplicateOf: MAPPED.key, holds: [rule('r8', `疑似重复：与 ${MAPPED.key} 收货人相同、商品相同，相隔 0.1 小时`)] });
  return {
    ...r,
    decision: decision([mapped('D1', 'SOFA-01', 2)], [{ warehouse: 'yiwu', lineIds: ['D1'] }], {
      outcome: 'hold', duplicate: { of: MAPPED.key, matchedBy: ['x'], hoursApart: 0.1, products: ['SOFA-01'] }, reasons: ['挂起审核：r8'],
    }),
  } satisfies OrderRow;
})();

export async function seedExport(db: WharfDB): Promise<void> {
  await db.shops.bulkPut(SHOPS);
  await db.warehouses.bulkPut([YIWU, GZ]);
  await db.skus.bulkPut([SOFA, LAMP]);
  await db.orders.bulkPut([MAPPED, UNMAPPED, SPLIT, UNPAID, DUPLICATE]);
}
