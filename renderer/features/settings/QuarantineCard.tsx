// Orders the pipeline could not read (malformed platform payloads), kept aside with where and
// why, so nobody wonders where an order went. Newest first.
import { App, Button, Card, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { QuarantineEntry } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { remapQuarantine } from '../../store/quarantine';
import { host } from '../../transport/client';

const LIMIT = 500;

export function QuarantineCard({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const entries = useLiveQuery(() => db.quarantine.orderBy('at').reverse().limit(LIMIT).toArray(), [db]);
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const names = useMemo(() => new Map((shops ?? []).map((s) => [s.id, s.name])), [shops]);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      const r = await remapQuarantine(db, host);
      void message.success(t('settings.quarantine.remapped', { fixed: r.fixed, still: r.still }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally { setBusy(false); }
  };
  return (
    <Card title={t('settings.quarantine.title')} size="small" data-testid="quarantine-card"
      extra={entries?.length ? <Button size="small" loading={busy} onClick={() => void retry()} data-testid="quarantine-remap">{t('settings.quarantine.remap')}</Button> : null}>
      <Table<QuarantineEntry>
        size="small"
        rowKey="id"
        loading={!entries}
        dataSource={entries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('settings.quarantine.empty') }}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (q) => <pre style={{ maxHeight: 240, overflow: 'auto', fontSize: 12, margin: 0 }}>{q.raw.slice(0, 4000)}</pre>,
        }}
        columns={[
          { key: 'shop', title: t('settings.quarantine.shop'), render: (_, q) => `${names.get(q.shopId) ?? q.shopId} · ${t(`platform.${q.platform}`)}` },
          { key: 'order', title: t('settings.quarantine.orderId'), render: (_, q) => (q.orderId ? <Typography.Text code copyable>{q.orderId}</Typography.Text> : '—') },
          { key: 'reason', title: t('settings.quarantine.reason'), dataIndex: 'reason' },
          { key: 'where', title: t('settings.quarantine.where'), render: (_, q) => <Typography.Text code>{q.where}</Typography.Text> },
          { key: 'at', title: t('settings.quarantine.at'), render: (_, q) => formatShanghai(q.at) },
        ]}
      />
    </Card>
  );
}
