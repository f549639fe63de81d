// One held order in the review queue: where it comes from, when, how much, to whom, what, and
// every open hold with its sentence. The checkbox and the highlight carry words too (aria), so
// colour is never the only signal.
import { memo } from 'react';
import { Checkbox, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderRow, UserPublic } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import { effectiveReceiver, regionOf, skuByLine, yuan } from './orderText';
import { ReasonTags } from './ReasonTags';

const mono: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', userSelect: 'text' };
const sub: React.CSSProperties = { fontSize: 12, color: '#8c8c8c' };

export const QUEUE_GRID = '48px minmax(200px, 1fr) 110px minmax(200px, 1fr) minmax(260px, 1.4fr) minmax(300px, 1.6fr)';

interface Props {
  row: OrderRow;
  index: number;
  shopName: string;
  selected: boolean;
  active: boolean;
  users: ReadonlyMap<string, UserPublic>;
  onToggle(key: string): void;
  onActivate(index: number): void;
  onOpen(key: string): void;
  t: TFunction;
}

export const QueueCard = memo(function QueueCard({ row, index, shopName, selected, active, users, onToggle, onActivate, onOpen, t }: Props) {
  const rc = effectiveReceiver(row);
  const mapped = skuByLine(row);
  return (
    <div
      role="row"
      aria-selected={selected}
      aria-current={active || undefined}
      data-testid="queue-row"
      data-key={row.key}
      data-order-id={row.orderId}
      data-index={index}
      tabIndex={active ? 0 : -1}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.key)}
      style={{
        display: 'grid', gridTemplateColumns: QUEUE_GRID, alignItems: 'start', gap: 0, padding: '8px 0',
        borderBottom: '1px solid #f0f0f0', cursor: 'pointer', outline: 'none',
        background: selected ? '#fff7e6' : active ? '#e6f4ff' : '#fff', boxShadow: active ? 'inset 4px 0 0 #1677ff' : undefined,
      }}
    >
      <div role="gridcell" style={{ display: 'grid', placeItems: 'center', paddingTop: 2 }} onClick={(e) => e.stopPropagation()}>
        <Checkbox checked={selected} onChange={() => { onActivate(index); onToggle(row.key); }} aria-label={t('review.queue.select', { id: row.orderId })} data-testid="queue-select" style={{ transform: 'scale(1.35)' }} />
      </div>
      <div role="gridcell" style={{ padding: '0 8px', minWidth: 0 }}>
        <div>{t(`platform.${row.platform}`)} · {shopName}</div>
        <div style={{ ...mono, fontSize: 14 }} data-testid="queue-order-id">{row.orderId}</div>
        <div style={sub}>
          {t('review.order.created')} {formatShanghai(row.createdAt)}
          <br />
          {row.paidAt ? `${t('review.order.paid')} ${formatShanghai(row.paidAt)}` : t('review.order.unpaid')}
        </div>
      </div>
      <div role="gridcell" style={{ padding: '0 8px', fontVariantNumeric: 'tabular-nums', fontWeight: 600, textAlign: 'right' }} data-testid="queue-amount">{yuan(row.paymentFen)}</div>
      <div role="gridcell" style={{ padding: '0 8px', minWidth: 0 }} data-testid="queue-receiver">
        <div>{[rc.nameMasked, rc.phoneMasked].filter(Boolean).join(' ') || '—'}</div>
        <div>{regionOf(rc) || '—'}</div>
        <div style={sub}>{rc.addressMasked}</div>
        {row.addressEdit && <Tag color="blue" style={{ marginTop: 2 }}>{t('review.order.edited', { by: users.get(row.addressEdit.by)?.name ?? row.addressEdit.by })}</Tag>}
      </div>
      <div role="gridcell" style={{ padding: '0 8px', minWidth: 0 }} data-testid="queue-items">
        {row.lines.map((l) => {
          const d = mapped.get(l.lineId);
          return (
            <div key={l.lineId} style={{ lineHeight: '20px' }}>
              <span>{l.title}</span>
              {l.skuText && <span style={sub}> {l.skuText}</span>}
              <b> ×{l.qty}</b>
              {' '}
              {d?.sku ? <Tag style={{ marginInlineStart: 4 }} data-testid="line-sku">{t('review.order.sku', { code: d.sku })}</Tag> : <Tag color="orange" style={{ marginInlineStart: 4 }}>{t('review.order.noSku')}</Tag>}
            </div>
          );
        })}
        {(row.buyerMessage || row.sellerMemo) && (
          <div style={{ fontSize: 12, background: '#fffbe6', color: '#874d00', borderRadius: 3, padding: '0 4px', marginTop: 2 }}>
            {[row.buyerMessage, row.sellerMemo].filter(Boolean).join(' / ')}
          </div>
        )}
      </div>
      <div role="gridcell" style={{ padding: '0 8px', minWidth: 0 }}>
        <ReasonTags row={row} detailed users={users} />
      </div>
    </div>
  );
});
