// The order pool: the ops lead's first screen and the customer-service desk's search.
// A scanned waybill or order number searches the pool, and opens the order when it is the
// only match.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Segmented, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { countPool, poolKeys } from '../../store/pool';
import { useScans } from '../scan';
import { usePoolFilter } from './filterStore';
import { usePoolKeys, type RefreshTiming } from './usePoolKeys';
import { PoolFilters } from './PoolFilters';
import { PoolTable } from './PoolTable';
import { OrderDetail } from './detail/OrderDetail';
import { DriftPanel } from './DriftPanel';
import { ManualOrderButton } from '../manual';

export function PoolPage({ db, refresh }: { db: WharfDB; refresh?: RefreshTiming }) {
  const { t } = useTranslation();
  const filter = usePoolFilter((s) => s.filter);
  const openKey = usePoolFilter((s) => s.openKey);
  const open = usePoolFilter((s) => s.open);
  const applySearch = usePoolFilter((s) => s.applySearch);
  const { keys, count, partial, seed, version, loading, error } = usePoolKeys(db, filter, refresh);
  const searchRef = useRef<InputRef>(null);
  const close = useCallback(() => open(undefined), [open]);
  const [view, setView] = useState<'pool' | 'drift'>('pool');

  // "/" jumps to the search box from anywhere on the pool (when not typing elsewhere)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typingElsewhere = el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
      if (e.key === '/' && !typingElsewhere && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useScans(async (code) => {
    applySearch(code);
    const f = { ...usePoolFilter.getState().filter, search: code };
    const n = await countPool(db, f);
    if (n === 0) return { kind: 'wrong', message: t('pool.scanNone', { code }) };
    if (n === 1) {
      const [key] = await poolKeys(db, f);
      if (key) open(key);
    }
    return { kind: 'ok', message: t('pool.scanFound', { code, count: n }) };
  });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <PoolFilters db={db} searchRef={searchRef} />
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, marginBottom: 6 }}>
        <Segmented size="small" value={view} onChange={(v) => setView(v as 'pool' | 'drift')} data-testid="pool-view"
          options={[{ value: 'pool', label: t('pool.viewAll') }, { value: 'drift', label: <span data-testid="pool-view-drift">{t('drift.title')}</span> }]} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('pool.countLabel')}
          <span data-testid="pool-count" style={{ marginLeft: 6, fontVariantNumeric: 'tabular-nums' }}>{count ?? '…'}</span>
        </Typography.Text>
        <Typography.Text type="secondary">{t('pool.keyboardHint')}</Typography.Text>
        <span style={{ marginLeft: 'auto' }}><ManualOrderButton db={db} onCreated={open} /></span>
      </div>
      {error !== undefined && <Alert type="error" showIcon title={t('pool.loadFailed')} description={String((error as Error)?.message ?? error)} style={{ marginBottom: 8 }} />}
      <div style={{ flex: 1, minHeight: 320, overflow: view === 'drift' ? 'auto' : undefined }}>
        {view === 'drift' ? <DriftPanel db={db} onOpen={open} />
          : <PoolTable db={db} keys={keys} total={partial ? count ?? 0 : keys?.length ?? 0} version={version} seed={seed} loading={loading} onOpen={open} height="100%" />}
      </div>
      <OrderDetail db={db} orderKey={openKey} onClose={close} />
    </div>
  );
}
