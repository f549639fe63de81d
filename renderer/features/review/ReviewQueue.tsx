// Tab 1, the review queue: held orders newest first, filtered by reason, shop and order id.
// Keyboard-first: ↑/↓ (j/k) move, Space selects, Ctrl+A selects what is shown, A approves,
// H holds, C cancels, E corrects the address, Enter opens the order in the pool's detail.
// Actions apply to the selection, or to the current order when nothing is selected; rows leave
// the queue by themselves when the store re-decides them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { approveOrders, cancelOrders, editAddress, holdOrders } from '../../store/decisionMutators';
import { useAppState } from '../../app/appState';
import { usePoolFilter } from '../pool';
import { useCan } from '../operator';
import { AddressDialog } from './AddressDialog';
import { QueueCard } from './QueueCard';
import { QueueFilters } from './QueueFilters';
import { matchesQueue } from './queueFilter';
import { ReasonDialog, type ReasonMode } from './ReasonDialog';
import { hasChannelHold, reasonsOf } from './reasons';
import { useReviewStore } from './reviewStore';
import type { DeskData } from './useDeskData';
import { useDeskAction } from './useDeskAction';
import { useDeskKeys } from './useDeskKeys';

type Dialog = { kind: ReasonMode; keys: string[] } | { kind: 'address'; key: string };

const KEYS = ['arrowdown', 'arrowup', 'j', 'k', 'home', 'end', ' ', 'ctrl+a', 'a', 'h', 'c', 'e', 'enter', 'escape'];
const ESTIMATE = 96;

/** Opens an order in the pool's detail drawer (the pool shows whatever openKey names). */
export function openInPool(key: string): void {
  usePoolFilter.setState({ openKey: key });
  useAppState.getState().go('pool');
}

export function ReviewQueue({ db, data, active: tabActive }: { db: WharfDB; data: DeskData; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = useCan('orders.review');
  const filter = useReviewStore((s) => s.filter);
  const setFilter = useReviewStore((s) => s.setFilter);
  const { run, busy } = useDeskAction();
  const held = data.held;
  const rows = useMemo(() => (held ?? []).filter((r) => matchesQueue(r, filter)), [held, filter]);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const reasonCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of held ?? []) for (const reason of reasonsOf(r)) m.set(reason, (m.get(reason) ?? 0) + 1);
    return m;
  }, [held]);

  // a selection only ever names orders still shown (approved ones leave, filters hide)
  useEffect(() => {
    const shown = new Set(rows.map((r) => r.key));
    setSelected((s) => ([...s].every((k) => shown.has(k)) ? s : new Set([...s].filter((k) => shown.has(k)))));
    setCursor((c) => Math.max(0, Math.min(c, rows.length - 1)));
  }, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    initialRect: { width: 1400, height: 720 },
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  const focusAfterMove = useRef(false);
  const move = useCallback((to: number) => {
    if (!rows.length) return;
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setCursor(i);
    focusAfterMove.current = true;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [rows.length, virtualizer]);
  // the focus follows a keyboard move once the row is rendered (screen readers read it out)
  useEffect(() => {
    if (!focusAfterMove.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-testid="queue-row"][data-index="${cursor}"]`);
    if (el) { focusAfterMove.current = false; el.focus({ preventScroll: true }); }
  });

  const current = rows[cursor];
  const targets = useCallback((): string[] => {
    const chosen = rows.filter((r) => selected.has(r.key)).map((r) => r.key);
    return chosen.length ? chosen : current ? [current.key] : [];
  }, [rows, selected, current]);

  const toggle = useCallback((key: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key); else next.add(key);
    return next;
  }), []);

  const approve = async () => {
    const keys = targets();
    if (!keys.length) return;
    const platformHeld = rows.filter((r) => keys.includes(r.key) && hasChannelHold(r)).length;
    const err = await run((ctx) => approveOrders(db, ctx, keys), { done: t('review.queue.approved', { n: keys.length }) });
    if (err) return;
    setSelected(new Set());
    if (platformHeld) void message.warning(t('review.queue.stillChannel', { n: platformHeld }));
    // an unmapped item or missing stock is not approved away: the order waits for a mapping or stock
    const blocked = rows.filter((r) => keys.includes(r.key) && r.holds.some((h) => (h.code === 'r9' || h.code === 'r10') && !h.clearedBy)).length;
    if (blocked) void message.warning(t('review.queue.stillBlocked', { n: blocked }));
  };

  const openDialog = (kind: ReasonMode | 'address') => {
    if (!allowed) return;
    if (kind === 'address') { if (current) setDialog({ kind, key: current.key }); return; }
    const keys = targets();
    if (keys.length) setDialog({ kind, keys });
  };

  useDeskKeys(tabActive && !dialog, KEYS, (k) => {
    switch (k) {
      case 'arrowdown': case 'j': move(cursor + 1); return;
      case 'arrowup': case 'k': move(cursor - 1); return;
      case 'home': move(0); return;
      case 'end': move(rows.length - 1); return;
      case ' ': if (current) toggle(current.key); return;
      case 'ctrl+a': setSelected(new Set(rows.map((r) => r.key))); return;
      case 'escape': setSelected(new Set()); return;
      case 'enter': if (current) openInPool(current.key); return;
      case 'a': if (allowed && !busy) void approve(); return;
      case 'h': openDialog('hold'); return;
      case 'c': openDialog('cancel'); return;
      case 'e': openDialog('address'); return;
    }
  }, (code) => {
    // a scanned order id finds the order in the queue
    const hits = (held ?? []).filter((r) => r.orderId === code || r.orderId.includes(code));
    setFilter({ search: code });
    return hits.length ? { kind: 'ok', message: code } : { kind: 'wrong', message: t('review.queue.noneFiltered') };
  });

  const onActivate = useCallback((i: number) => setCursor(i), []);
  const dialogRows = dialog && dialog.kind !== 'address' ? (held ?? []).filter((r) => dialog.keys.includes(r.key)) : [];
  const addressRow = dialog?.kind === 'address' ? held?.find((r) => r.key === dialog.key) : undefined;
  const items = virtualizer.getVirtualItems();
  const count = selected.size;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="review-queue">
      <QueueFilters shops={data.shops} counts={reasonCounts} />
      {!allowed && <Alert type="info" showIcon title={t('review.noPermission')} style={{ marginBottom: 8 }} />}
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        {allowed && (
          <Space wrap>
            <Button type="primary" size="large" disabled={!current || busy} onClick={() => void approve()} data-testid="queue-approve">{t('review.queue.approve')}</Button>
            <Button size="large" disabled={!current || busy} onClick={() => openDialog('hold')} data-testid="queue-hold">{t('review.queue.hold')}</Button>
            <Button size="large" danger disabled={!current || busy} onClick={() => openDialog('cancel')} data-testid="queue-cancel">{t('review.queue.cancel')}</Button>
            <Button size="large" disabled={!current || busy} onClick={() => openDialog('address')} data-testid="queue-address">{t('review.queue.editAddress')}</Button>
          </Space>
        )}
        <Button size="large" disabled={!current} onClick={() => current && openInPool(current.key)} data-testid="queue-open">{t('review.queue.open')}</Button>
        <Button size="large" disabled={!rows.length} onClick={() => setSelected(new Set(rows.map((r) => r.key)))} data-testid="queue-select-all">{t('review.queue.selectAll')}</Button>
        {count > 0 && <Button size="large" onClick={() => setSelected(new Set())} data-testid="queue-clear-selection">{t('review.queue.clearSelection')}</Button>}
        <Typography.Text strong data-testid="queue-selected" style={{ marginInlineStart: 8 }}>
          {count ? t('review.queue.selected', { n: count }) : current ? t('review.queue.focusedOne', { id: current.orderId }) : ''}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="queue-shown">{t('review.queue.shown', { n: rows.length, total: held?.length ?? 0 })}</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ marginBottom: 4 }}>{t('review.queue.keys')}</Typography.Text>
      <div ref={scrollRef} role="grid" aria-multiselectable aria-label={t('review.tabs.queue')} data-testid="queue-list"
        style={{ flex: 1, minHeight: 240, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff', position: 'relative' }}>
        {!held ? <div style={{ padding: 48 }}><Spin /></div>
          : !rows.length ? <Empty style={{ padding: 48 }} description={held.length ? t('review.queue.noneFiltered') : t('review.queue.none')} />
            : (
              <div style={{ minWidth: 1180, height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((vi) => {
                  const row = rows[vi.index]!;
                  return (
                    <div key={vi.key} data-index={vi.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${vi.start}px)` }}>
                      <QueueCard row={row} index={vi.index} shopName={data.shops.get(row.shopId)?.name ?? row.shopId} selected={selected.has(row.key)} active={vi.index === cursor}
                        users={data.users} onToggle={toggle} onActivate={onActivate} onOpen={openInPool} t={t} />
                    </div>
                  );
                })}
              </div>
            )}
      </div>
      {dialog && dialog.kind !== 'address' && (
        <ReasonDialog
          mode={dialog.kind}
          orderIds={dialogRows.map((r) => r.orderId)}
          busy={busy}
          onClose={() => setDialog(undefined)}
          onSubmit={async (reason) => {
            const err = await run(
              (ctx) => (dialog.kind === 'hold' ? holdOrders(db, ctx, dialog.keys, reason) : cancelOrders(db, ctx, dialog.keys, reason)),
              { quiet: true, done: t(dialog.kind === 'hold' ? 'review.queue.held' : 'review.queue.cancelled', { n: dialog.keys.length }) },
            );
            if (!err) setSelected(new Set());
            return err;
          }}
        />
      )}
      {addressRow && (
        <AddressDialog row={addressRow} busy={busy} onClose={() => setDialog(undefined)}
          onSubmit={(a) => run((ctx) => editAddress(db, ctx, addressRow.key, a), { quiet: true, done: t('review.address.saved') })} />
      )}
    </div>
  );
}
