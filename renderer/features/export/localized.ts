// The localized preset (中文明细): headers, platform and shop names, status words and reasons in
// the UI language, for people reading the file in Excel or WPS. One row per line; the order's own
// amounts (paid, freight) only on its first line, so a column sum is the real total.
import type { TFunction } from 'i18next';
import type { OrderRow, ShopPublic, Sku, Warehouse } from '../../../shared/domain/types';
import { formatFen } from '../../../shared/money';
import { formatShanghai } from '../../../shared/time';
import { holdMessage, linesOrBlank, openHolds, outerIdOf, regionOf, skuOf, warehouseOf } from './lineFacts';

export const LOCALIZED_COLUMNS = [
  'platform', 'shop', 'orderId', 'lineNo', 'createdAt', 'paidAt', 'channelStatus', 'refunding', 'fulfilment', 'holds', 'holdReasons',
  'duplicateOf', 'warehouse', 'skuCode', 'skuName', 'platformSkuId', 'outerId', 'title', 'spec', 'qty', 'unitPrice', 'lineAmount',
  'orderPayment', 'postFee', 'region', 'buyerMessage', 'sellerMemo', 'decision',
] as const;
type Col = (typeof LOCALIZED_COLUMNS)[number];

export interface Lookups {
  shops: ReadonlyMap<string, ShopPublic>;
  skus: ReadonlyMap<string, Sku>;
  warehouses: ReadonlyMap<string, Warehouse>;
}

export const localizedHeader = (t: TFunction) => LOCALIZED_COLUMNS.map((c) => t(`rules.export.col.${c}`));

export function localizedRows(row: OrderRow, look: Lookups, t: TFunction): string[][] {
  const holds = openHolds(row);
  const order: Partial<Record<Col, string>> = {
    platform: t(`platform.${row.platform}`, { defaultValue: row.platform }),
    shop: look.shops.get(row.shopId)?.name ?? row.shopId,
    orderId: row.orderId,
    createdAt: formatShanghai(row.createdAt),
    paidAt: row.paidAt === undefined ? '' : formatShanghai(row.paidAt),
    channelStatus: t(`channel.${row.channelStatus}`),
    refunding: row.refunding ? t('rules.export.yes') : '',
    fulfilment: t(`fulfilment.${row.fulfilment}`),
    holds: holds.map((h) => t(`hold.${h.code}`, { defaultValue: h.code })).join('、'),
    holdReasons: holds.map(holdMessage).filter(Boolean).join('；'),
    duplicateOf: row.duplicateOf ?? '',
    region: regionOf(row),
    buyerMessage: row.buyerMessage,
    sellerMemo: row.sellerMemo,
    decision: row.decision?.reasons.join('；') ?? '',
  };
  return linesOrBlank(row).map((l, i) => {
    const code = l ? skuOf(row, l.lineId) : '';
    const wh = l ? warehouseOf(row, l.lineId) : '';
    const cells: Partial<Record<Col, string>> = {
      ...order,
      ...(l ? {
        lineNo: String(i + 1), warehouse: wh ? look.warehouses.get(wh)?.name || wh : '', skuCode: code, skuName: code ? look.skus.get(code)?.name ?? '' : '',
        platformSkuId: l.platformSkuId ?? '', outerId: outerIdOf(l), title: l.title, spec: l.skuText, qty: String(l.qty),
        unitPrice: formatFen(l.priceFen), lineAmount: formatFen(l.paymentFen),
      } : {}),
      ...(i === 0 ? { orderPayment: formatFen(row.paymentFen), postFee: formatFen(row.postFeeFen) } : {}),
    };
    return LOCALIZED_COLUMNS.map((c) => cells[c] ?? '');
  });
}
