// The virtual order table. Only ~30 rows exist in the DOM whatever the pool holds (200,000
// rows × 44 px stays well under Chromium's element height limit); rows are read by key for
// the visible window only. Keyboard: ↑/↓/PgUp/PgDn/Home/End move, Enter opens the order.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { listShopNames } from '../../store/shopNames';
import { COLUMNS, GRID_TEMPLATE, HEADER_HEIGHT, ROW_HEIGHT, TABLE_MIN_WIDTH } from './columns';
import { PoolRow } from './PoolRow';
import { useRowWindow } from './useRowWindow';

interface Props {
  db: WharfDB;
  keys: readonly string[] | undefined;
  /** rows in the result; more than keys.length while only the first page of keys is known */
  total: number;
  version: number;
  /** rows read together with the keys (first page), shown at once */
  seed?: readonly OrderRow[];
  loading: boolean;
  onOpen(key: string): void;
  /** height of the scroll area, px (the page gives it the space left under the filters) */
  height: number | string;
}

const OVERSCAN = 8;

export function PoolTable({ db, keys, total, version, seed, loading, onOpen, height }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusAfterMove = useRef(false);
  const count = Math.max(total, keys?.length ?? 0);

  const shops = useLiveQuery(() => listShopNames(db), [db]);
  const shopNames = useMemo(() => new Map((shops ?? []).map((s) => [s.id, s.name])), [shops]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    // first paint before the element is measured (and in tests without layout)
    initialRect: { width: TABLE_MIN_WIDTH, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const rows = useRowWindow(db, keys, version, first, last, seed);

  useEffect(() => { if (active >= count && count > 0) setActive(count - 1); }, [active, count]);

  // after a keyboard move, focus follows once the row is rendered
  useEffect(() => {
    if (!focusAfterMove.current) return;
    // only a loaded row is focusable; a placeholder waits for its row to arrive
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-testid="pool-row"][data-index="${active}"]`);
    if (el) { focusAfterMove.current = false; el.focus({ preventScroll: true }); }
  });

  const move = (to: number) => {
    if (!count) return;
    const i = Math.max(0, Math.min(count - 1, to));
    setActive(i);
    focusAfterMove.current = true;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: count - 1 };
    if (e.key in moves) { e.preventDefault(); move(moves[e.key]!); return; }
    if (e.key === 'Enter' && keys?.[active]) { e.preventDefault(); onOpen(keys[active]!); }
  };

  const onFocusRow = useCallback((i: number) => setActive(i), []);

  return (
    <div
      ref={scrollRef}
      data-testid="pool-table"
      role="grid"
      aria-label={t('pool.tableLabel')}
      aria-rowcount={count + 1}
      aria-busy={loading}
      tabIndex={count ? -1 : 0}
      onKeyDown={onKeyDown}
      style={{ height, overflow: 'auto', position: 'relative', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff', contain: 'strict' }}
    >
      <div style={{ width: '100%', minWidth: TABLE_MIN_WIDTH, height: virtualizer.getTotalSize(), position: 'relative' }}>
        <div
          role="row"
          aria-rowindex={1}
          style={{ position: 'sticky', top: 0, zIndex: 2, height: HEADER_HEIGHT, display: 'grid', gridTemplateColumns: GRID_TEMPLATE, alignItems: 'center', background: '#fafafa', borderBottom: '1px solid #e8e8e8', fontWeight: 600, fontSize: 13 }}
        >
          {COLUMNS.map((c) => (
            <div key={c.id} role="columnheader" style={{ padding: '0 8px', textAlign: 'align' in c ? c.align : 'left', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {t(`pool.col.${c.id}`)}
            </div>
          ))}
        </div>
        {items.map((vi) => {
          const key = keys?.[vi.index];
          const row = key ? rows.get(key) : undefined;
          if (!key || !row) {
            return (
              <div key={key ?? `pending-${vi.index}`} role="row" data-index={vi.index} aria-busy="true" style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${vi.start}px)`, borderBottom: '1px solid #f0f0f0', padding: '0 8px', lineHeight: `${ROW_HEIGHT}px`, color: '#bfbfbf' }}>
                {row === null ? t('pool.rowGone') : '…'}
              </div>
            );
          }
          return (
            <PoolRow
              key={key}
              row={row}
              index={vi.index}
              top={vi.start}
              shopName={shopNames.get(row.shopId) ?? row.shopId}
              active={vi.index === active}
              onOpen={onOpen}
              onFocusRow={onFocusRow}
              t={t}
            />
          );
        })}
        {!count && (
          <div style={{ position: 'absolute', top: HEADER_HEIGHT + 48, left: 0, width: 'min(100%, 900px)' }}>
            {loading ? <Spin /> : <Empty description={t('pool.empty')} />}
          </div>
        )}
      </div>
    </div>
  );
}
