// Sync panel: for every shop, when it last pulled and will pull next, how far behind the
// platform it is, how many orders came in, what waits to be ingested, and the platform's own
// error code and message. "Pull now" per shop and for all.
import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopSyncStatus } from '../../../shared/contract';
import { formatShanghai, formatShanghaiShort } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { describeError, formatPlatformError } from '../../i18n';
import { getActor, recordAsOperator, useCan } from '../operator';
import { humanDuration } from './duration';
import { useNow } from './useNow';
import { useSyncStatus } from './useSyncStatus';

const ALL = '*';

export function SyncPanel({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { shops, loaded, error } = useSyncStatus();
  const canPull = useCan('orders.pull');
  // the ticking clock re-renders; Date.now() keeps a status that just arrived from reading "in the future"
  const now = Math.max(useNow(), Date.now());
  const [busy, setBusy] = useState<string | undefined>();

  const pull = async (shopId?: string) => {
    setBusy(shopId ?? ALL);
    try {
      const { started } = await host['sync.pullNow']({ actor: getActor(), shopId });
      await recordAsOperator(db, 'sync.pullRequested', { shopId });
      void message.success(started.length ? t('sync.started', { count: started.length }) : t('sync.nothingStarted'));
    } catch (err) {
      const d = describeError(err, t);
      void message.error(`${d.title}: ${d.message}`);
    } finally {
      setBusy(undefined);
    }
  };

  /** time on top, "3 分钟前" / "14 分钟后" under it: the relative part is what is read */
  const when = (at: number | undefined, future: boolean, extra?: React.ReactNode) => (at ? (
    <div style={{ whiteSpace: 'nowrap' }} title={formatShanghai(at)}>
      <div>{future ? t('sync.in', { d: humanDuration(at - now, t) }) : t('sync.ago', { d: humanDuration(now - at, t) })}</div>
      <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatShanghaiShort(at)}{extra}</div>
    </div>
  ) : '—');

  return (
    <div data-testid="sync-panel">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('sync.title')}</Typography.Title>
        <Button
          type="primary"
          size="large"
          data-testid="pull-all"
          disabled={!canPull || !shops.length}
          loading={busy === ALL}
          onClick={() => void pull()}
          title={canPull ? undefined : t('sync.noPermission')}
        >
          {t('sync.pullAll')}
        </Button>
      </Space>
      {!canPull && <Alert type="info" showIcon title={t('sync.noPermission')} style={{ marginBottom: 12 }} />}
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t).title} description={describeError(error, t).message} style={{ marginBottom: 12 }} />}
      <Table<ShopSyncStatus>
        rowKey="shopId"
        loading={!loaded && error === undefined}
        dataSource={shops}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('sync.noShops') }}
        onRow={(s) => ({ 'data-testid': 'sync-row', 'data-shop-id': s.shopId } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            key: 'shop', title: t('sync.col.shop'), render: (_, s) => (
              <div><strong>{s.name}</strong><div style={{ fontSize: 12, color: '#8c8c8c' }}>{t(`platform.${s.platform}`)} · {s.shopId}</div></div>
            ),
          },
          {
            key: 'state', title: t('sync.col.state'), render: (_, s) => (
              s.running ? <Tag color="processing">{t('sync.running')}</Tag>
                // a lapsed authorization needs a person, not another retry: say so plainly
                : s.error?.reauthorize ? <Tag color="warning" data-testid="sync-reauthorize">⚠ {t('sync.reauthorize')}</Tag>
                  : s.error ? <Tag color="error">✗ {t('sync.failed')}</Tag> : <Tag color="success">✓ {t('sync.ok')}</Tag>
            ),
          },
          {
            key: 'last', title: t('sync.col.lastPull'), render: (_, s) => when(s.lastPullAt, false, s.error && s.lastSuccessAt
              ? <div>{t('sync.lastSuccess', { at: formatShanghaiShort(s.lastSuccessAt) })}</div>
              : null),
          },
          { key: 'next', title: t('sync.col.nextPull'), render: (_, s) => (s.nextPullAt && s.nextPullAt <= now ? t('sync.due') : when(s.nextPullAt, true)) },
          { key: 'lag', title: t('sync.col.lag'), render: (_, s) => (s.lagMs === undefined ? '—' : humanDuration(s.lagMs, t)) },
          { key: 'pulled', title: t('sync.col.pulled'), align: 'right', render: (_, s) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{s.lastPulled} / {s.totalPulled}</span> },
          { key: 'pending', title: t('sync.col.pending'), align: 'right', render: (_, s) => (s.pendingBatches ? <Tag color="warning">{s.pendingBatches}</Tag> : 0) },
          { key: 'interval', title: t('sync.col.interval'), render: (_, s) => t('sync.everyMinutes', { m: s.intervalMin }) },
          {
            key: 'error', title: t('sync.col.error'), render: (_, s) => (s.error ? (
              <div data-testid="sync-error" style={{ maxWidth: 320, whiteSpace: 'normal' }}>
                <Typography.Text type="danger" strong>{formatPlatformError(s.error)}</Typography.Text>
                {s.error.reauthorize && <div style={{ fontSize: 12 }}>{t('sync.reauthorizeHint')}</div>}
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{[s.error.api, formatShanghai(s.error.at)].filter(Boolean).join(' · ')}</div>
              </div>
            ) : '—'),
          },
          {
            key: 'action', title: '', fixed: 'right', render: (_, s) => (
              <Button
                data-testid="pull-now"
                size="large"
                disabled={!canPull || s.running}
                loading={busy === s.shopId}
                onClick={() => void pull(s.shopId)}
              >
                {t('sync.pullNow')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
