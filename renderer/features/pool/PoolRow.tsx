// One order in the pool: two dense lines per row. What must be read before shipping (buyer
// message, seller memo, flag) gets an icon next to the id and a highlighted line under the
// items, with the full words in the tooltip.
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { OrderRow } from '../../../shared/domain/types';
import { formatShanghai, formatShanghaiShort } from '../../../shared/time';
import { GRID_TEMPLATE, ROW_HEIGHT } from './columns';
import { FlagMark } from './FlagMark';
import { NoteMarks } from './NoteMarks';
import { ChannelTag, FulfilmentTag, HoldTags } from './StatusTags';
import { hasNotes, itemsSummary, openHolds, regionText, yuan } from './format';

const cell: React.CSSProperties = { padding: '3px 8px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: '19px' };
const sub: React.CSSProperties = { fontSize: 12, color: '#8c8c8c', overflow: 'hidden', textOverflow: 'ellipsis' };
const noteLine: React.CSSProperties = { fontSize: 12, background: '#fffbe6', color: '#874d00', borderRadius: 3, padding: '0 4px', overflow: 'hidden', textOverflow: 'ellipsis' };

interface Props {
  row: OrderRow;
  index: number;
  top: number;
  shopName: string;
  active: boolean;
  onOpen(key: string): void;
  onFocusRow(index: number): void;
  /** from the table's one useTranslation: rows mount by the dozen while scrolling */
  t: TFunction;
}

export const PoolRow = memo(function PoolRow({ row, index, top, shopName, active, onOpen, onFocusRow, t }: Props) {
  const items = itemsSummary(row.lines);
  const holds = openHolds(row);
  const notes = [
    row.buyerMessage.trim() && `${t('pool.buyerMessage')}：${row.buyerMessage.trim()}`,
    row.sellerMemo.trim() && `${t('pool.sellerMemo')}：${row.sellerMemo.trim()}`,
  ].filter(Boolean).join('　');
  const open = () => {
    // dragging across the id to copy it must not open the drawer
    if (globalThis.getSelection?.()?.toString()) return;
    onOpen(row.key);
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="pool-row"
      data-order-id={row.orderId}
      data-index={index}
      tabIndex={active ? 0 : -1}
      onClick={open}
      onFocus={() => onFocusRow(index)}
      style={{
        position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${top}px)`,
        display: 'grid', gridTemplateColumns: GRID_TEMPLATE, alignItems: 'center', cursor: 'pointer',
        borderBottom: '1px solid #f0f0f0', background: active ? '#e6f4ff' : hasNotes(row) || row.sellerFlag ? '#fffdf5' : '#fff',
        outline: 'none', boxShadow: active ? 'inset 4px 0 0 #1677ff' : undefined,
      }}
    >
      <div role="gridcell" style={cell}>{t(`platform.${row.platform}`)}</div>
      <div role="gridcell" style={cell} title={shopName}>{shopName}</div>
      <div role="gridcell" style={cell}>
        <div style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', userSelect: 'text', fontSize: 13 }} data-testid="pool-order-id">{row.orderId}</div>
        <div style={{ display: 'flex', gap: 8, fontSize: 12 }}>
          <FlagMark flag={row.sellerFlag} t={t} />
          <NoteMarks buyerMessage={row.buyerMessage} sellerMemo={row.sellerMemo} t={t} />
        </div>
      </div>
      <div role="gridcell" style={cell} title={`${t('pool.col.created')} ${formatShanghai(row.createdAt)}\n${t('pool.col.paid')} ${row.paidAt ? formatShanghai(row.paidAt) : '—'}`}>
        <div style={{ fontVariantNumeric: 'tabular-nums' }}>{formatShanghaiShort(row.createdAt)}</div>
        <div style={{ ...sub, fontVariantNumeric: 'tabular-nums' }}>{row.paidAt ? formatShanghaiShort(row.paidAt) : t('pool.unpaid')}</div>
      </div>
      <div role="gridcell" style={cell} title={row.buyerNick}>{row.buyerNick || '—'}</div>
      <div role="gridcell" style={cell}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={regionText(row.receiver)}>{regionText(row.receiver) || '—'}</div>
        <div style={sub}>{[row.receiver.nameMasked, row.receiver.phoneMasked].filter(Boolean).join(' ')}</div>
      </div>
      <div role="gridcell" style={cell}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={row.lines.map((l) => `${l.title} ${l.skuText} ×${l.qty}`).join('\n')}>
          {items.first}
          <span style={{ color: '#8c8c8c', marginLeft: 6, fontSize: 12 }}>{t('pool.itemsCount', { kinds: items.kinds, qty: items.qty })}</span>
        </div>
        {notes ? <div style={noteLine} title={notes} data-testid="pool-note">{notes}</div> : <div style={sub}>{row.lines[0]?.skuText}</div>}
      </div>
      <div role="gridcell" style={{ ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{yuan(row.paymentFen)}</div>
      <div role="gridcell" style={cell} title={row.platformStatus}><ChannelTag status={row.channelStatus} refunding={row.refunding} t={t} /></div>
      <div role="gridcell" style={cell}><FulfilmentTag fulfilment={row.fulfilment} t={t} /></div>
      <div role="gridcell" style={cell}><HoldTags holds={holds} t={t} /></div>
    </div>
  );
});
