// An order in a side-by-side comparison: shop, id, times, receiver, goods and amount.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow, ShopPublic } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import { effectiveReceiver, regionOf, skuByLine, yuan } from './orderText';

export function OrderBrief({ row, shops, testId }: { row: OrderRow; shops: ReadonlyMap<string, ShopPublic>; testId: string }) {
  const { t } = useTranslation();
  const rc = effectiveReceiver(row);
  const mapped = skuByLine(row);
  return (
    <Descriptions size="small" column={1} bordered data-testid={testId} data-key={row.key}
      items={[
        { key: 'shop', label: t('review.order.shop'), children: `${t(`platform.${row.platform}`)} · ${shops.get(row.shopId)?.name ?? row.shopId}` },
        { key: 'id', label: t('review.order.id'), children: <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', userSelect: 'text' }} data-testid="brief-order-id">{row.orderId}</span> },
        { key: 'paid', label: t('review.order.paid'), children: row.paidAt ? formatShanghai(row.paidAt) : `${t('review.order.unpaid')} · ${t('review.order.created')} ${formatShanghai(row.createdAt)}` },
        { key: 'status', label: t('review.order.status'), children: <>{t(`fulfilment.${row.fulfilment}`)} · {t(`channel.${row.channelStatus}`)}</> },
        { key: 'receiver', label: t('review.order.receiver'), children: <>{[rc.nameMasked, rc.phoneMasked].filter(Boolean).join(' ')}<br />{regionOf(rc)} {rc.addressMasked}</> },
        {
          key: 'items', label: t('review.order.items'), children: row.lines.map((l) => (
            <div key={l.lineId}>{l.title} {l.skuText} ×{l.qty} {mapped.get(l.lineId)?.sku && <Tag>{mapped.get(l.lineId)!.sku}</Tag>}</div>
          )),
        },
        { key: 'amount', label: t('review.order.amount'), children: <b>{yuan(row.paymentFen)}</b> },
      ]}
    />
  );
}
