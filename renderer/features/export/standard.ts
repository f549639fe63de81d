// The standard preset: fixed English machine keys whatever the UI language, one row per order
// line, machine values (paid, on_hold, r1;r4), ISO times with +08:00 and yuan with two decimals.
// Scripts depend on these columns and their order: add new ones at the end, never rename.
import type { OrderRow } from '../../../shared/domain/types';
import { formatFen } from '../../../shared/money';
import { holdMessage, isoShanghai, linesOrBlank, openRuleHolds, outerIdOf, skuOf, warehouseOf } from './lineFacts';

export const STANDARD_COLUMNS = [
  'platform', 'shop_id', 'order_id', 'line_no', 'created_at', 'paid_at', 'channel_status', 'fulfilment', 'holds', 'hold_reasons',
  'duplicate_of', 'warehouse', 'sku_code', 'platform_sku_id', 'outer_id', 'title', 'qty', 'unit_price_yuan', 'line_amount_yuan',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

export function standardRows(row: OrderRow): string[][] {
  const holds = openRuleHolds(row);
  const order: Partial<Record<StandardColumn, string>> = {
    platform: row.platform, shop_id: row.shopId, order_id: row.orderId,
    created_at: isoShanghai(row.createdAt), paid_at: isoShanghai(row.paidAt),
    channel_status: row.channelStatus, fulfilment: row.fulfilment,
    holds: holds.map((h) => h.code).join(';'), hold_reasons: holds.map(holdMessage).filter(Boolean).join('; '),
    duplicate_of: row.duplicateOf ?? '',
  };
  return linesOrBlank(row).map((l, i) => {
    const cells: Partial<Record<StandardColumn, string>> = l ? {
      ...order, line_no: String(i + 1), warehouse: warehouseOf(row, l.lineId), sku_code: skuOf(row, l.lineId),
      platform_sku_id: l.platformSkuId ?? '', outer_id: outerIdOf(l), title: l.title, qty: String(l.qty),
      unit_price_yuan: formatFen(l.priceFen), line_amount_yuan: formatFen(l.paymentFen),
    } : order;
    return STANDARD_COLUMNS.map((c) => cells[c] ?? '');
  });
}
