// The order detail's sections. Receiver data is shown masked as the platform gave it; the
// ciphertext is never rendered (decrypting is a separate, permissioned and logged action).
import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hold, OrderLine, OrderRow, Parcel } from '../../../../shared/domain/types';
import { formatShanghai } from '../../../../shared/time';
import { FlagMark } from '../FlagMark';
import { ChannelTag, FulfilmentTag, holdLabel } from '../StatusTags';
import { regionText, yuan } from '../format';

const mono: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

export function DetailHeader({ order, shopName }: { order: OrderRow; shopName: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: 'platform', label: t('detail.platform'), children: t(`platform.${order.platform}`) },
        { key: 'shop', label: t('detail.shop'), children: shopName },
        { key: 'orderId', label: t('detail.orderId'), span: 2, children: <Typography.Text copyable style={{ ...mono, fontSize: 16 }} data-testid="detail-order-id">{order.orderId}</Typography.Text> },
        { key: 'channel', label: t('detail.channelStatus'), children: <><ChannelTag status={order.channelStatus} refunding={order.refunding} t={t} /><span style={{ ...mono, fontSize: 12, color: '#8c8c8c' }}>{order.platformStatus}</span></> },
        { key: 'fulfilment', label: t('detail.fulfilment'), children: <FulfilmentTag fulfilment={order.fulfilment} t={t} /> },
        { key: 'payment', label: t('detail.payment'), children: <strong style={{ fontSize: 16 }}>{yuan(order.paymentFen)}</strong> },
        { key: 'total', label: t('detail.totals'), children: t('detail.totalsText', { total: yuan(order.totalFen), post: yuan(order.postFeeFen), discount: yuan(order.discountFen) }) },
        { key: 'created', label: t('detail.created'), children: formatShanghai(order.createdAt) },
        { key: 'paid', label: t('detail.paid'), children: order.paidAt ? formatShanghai(order.paidAt) : '—' },
        { key: 'modified', label: t('detail.modified'), children: formatShanghai(order.modifiedAt) },
        { key: 'buyer', label: t('detail.buyer'), children: order.buyerNick || '—' },
      ]}
    />
  );
}

export function ReceiverSection({ order }: { order: OrderRow }) {
  const { t } = useTranslation();
  const r = order.receiver;
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: 'name', label: t('detail.receiverName'), children: r.nameMasked || '—' },
        { key: 'phone', label: t('detail.receiverPhone'), children: r.phoneMasked || (r.phoneTail ? `****${r.phoneTail}` : '—') },
        { key: 'region', label: t('detail.region'), span: 2, children: [regionText(r), r.town].filter(Boolean).join(' ') || '—' },
        { key: 'address', label: t('detail.address'), span: 2, children: r.addressMasked || '—' },
        { key: 'merge', label: t('detail.mergeKey'), span: 2, children: r.mergeKey ? <Typography.Text copyable style={mono}>{r.mergeKey}</Typography.Text> : '—' },
      ]}
    />
  );
}

export function NotesSection({ order }: { order: OrderRow }) {
  const { t } = useTranslation();
  const box = (filled: boolean): React.CSSProperties => ({ background: filled ? '#fffbe6' : undefined, whiteSpace: 'pre-wrap' });
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'message', label: t('detail.buyerMessage'), children: <div style={box(!!order.buyerMessage)} data-testid="detail-buyer-message">{order.buyerMessage || t('detail.none')}</div> },
        { key: 'memo', label: t('detail.sellerMemo'), children: <div style={box(!!order.sellerMemo)} data-testid="detail-seller-memo">{order.sellerMemo || t('detail.none')}</div> },
        { key: 'flag', label: t('detail.flag'), children: <FlagMark flag={order.sellerFlag} t={t} showNone /> },
      ]}
    />
  );
}

export function LinesTable({ lines }: { lines: readonly OrderLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<OrderLine>
      size="small"
      pagination={false}
      rowKey="lineId"
      dataSource={[...lines]}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'title', title: t('detail.lineTitle'), dataIndex: 'title', width: 220 },
        { key: 'sku', title: t('detail.lineSku'), dataIndex: 'skuText' },
        { key: 'outer', title: t('detail.lineOuter'), render: (_, l) => <span style={mono}>{[l.outerItemId, l.outerSkuId].filter(Boolean).join(' / ') || '—'}</span> },
        { key: 'qty', title: t('detail.lineQty'), dataIndex: 'qty', align: 'right' },
        { key: 'price', title: t('detail.linePrice'), align: 'right', render: (_, l) => yuan(l.priceFen) },
        { key: 'payment', title: t('detail.linePayment'), align: 'right', render: (_, l) => yuan(l.paymentFen) },
        { key: 'refund', title: t('detail.lineRefund'), render: (_, l) => (l.refundStatus && l.refundStatus !== 'NO_REFUND' ? <Tag color="red">{l.refundStatus}</Tag> : '—') },
        { key: 'tracking', title: t('detail.lineTracking'), render: (_, l) => (l.trackingNo ? <span style={mono}>{[l.carrier, l.trackingNo].filter(Boolean).join(' ')}</span> : '—') },
      ]}
    />
  );
}

export function ParcelsSection({ parcels, orderKey }: { parcels: readonly Parcel[]; orderKey: string }) {
  const { t } = useTranslation();
  if (!parcels.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noParcels')} />;
  return (
    <Table<Parcel>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={[...parcels]}
      columns={[
        { key: 'id', title: t('detail.parcelId'), dataIndex: 'id', render: (v: string) => <span style={mono}>{v}</span> },
        { key: 'warehouse', title: t('detail.parcelWarehouse'), dataIndex: 'warehouse' },
        { key: 'waybill', title: t('detail.parcelWaybill'), render: (_, p) => <span style={mono}>{[p.carrier, p.waybillNo].filter(Boolean).join(' ') || '—'}</span> },
        { key: 'state', title: t('detail.parcelState'), render: (_, p) => t(`parcelState.${p.state}`) },
        { key: 'qty', title: t('detail.parcelQty'), align: 'right', render: (_, p) => p.lines.filter((l) => l.orderKey === orderKey).reduce((a, l) => a + l.qty, 0) },
      ]}
    />
  );
}

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function HoldsSection({ holds, users }: { holds: readonly Hold[]; users: ReadonlyMap<string, { name: string }> }) {
  const { t } = useTranslation();
  if (!holds.length) return <Typography.Text type="secondary">{t('detail.noHolds')}</Typography.Text>;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="detail-holds">
      {holds.map((h) => (
        <li key={`${h.code}:${h.at}`} style={{ marginBottom: 6 }}>
          <Tag color={h.clearedAt ? 'default' : 'volcano'}>{h.clearedAt ? '✓' : '⚠'} {holdLabel(t, h.code)}</Tag>
          <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t(`holdSource.${h.source}`)} · {formatShanghai(h.at)}</span>
          {Object.entries(h.values).length > 0 && (
            <div style={{ fontSize: 13 }}>
              {Object.entries(h.values).map(([k, v]) => (
                <div key={k}><span style={{ color: '#8c8c8c' }}>{k}:</span> <span style={mono}>{valueText(v)}</span></div>
              ))}
            </div>
          )}
          {h.clearedAt && (
            <div style={{ fontSize: 12 }}>{t('detail.holdCleared', { who: (h.clearedBy && users.get(h.clearedBy)?.name) ?? h.clearedBy ?? '—', at: formatShanghai(h.clearedAt) })}</div>
          )}
        </li>
      ))}
    </ul>
  );
}
