// Status drift: orders where the platform and Wharf disagree (shared/domain/drift.ts), newest
// first, each with the rule that fired and what to do; a click opens the order.
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DRIFT_FULFILMENTS, statusDrift, type Drift } from '../../../shared/domain/drift';
import type { OrderRow } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { ChannelTag, FulfilmentTag } from './StatusTags';

const LIMIT = 1000;

export async function driftRows(db: WharfDB): Promise<Array<{ order: OrderRow; drift: Drift }>> {
  const out: Array<{ order: OrderRow; drift: Drift }> = [];
  for (const f of DRIFT_FULFILMENTS) {
    await db.orders.where('[fulfilment+createdAt]').between([f, -Infinity], [f, Infinity]).each((o) => {
      const drift = statusDrift(o);
      if (drift && out.length < LIMIT) out.push({ order: o, drift });
    });
  }
  return out.sort((a, b) => b.order.modifiedAt - a.order.modifiedAt);
}

export function DriftPanel({ db, onOpen }: { db: WharfDB; onOpen(key: string): void }) {
  const { t } = useTranslation();
  const rows = useLiveQuery(() => driftRows(db), [db]);
  return (
    <div data-testid="drift-panel">
      <Alert type="info" showIcon title={t('drift.intro')} style={{ marginBottom: 8 }} />
      <Table size="small" loading={!rows} rowKey={(r) => r.order.key} dataSource={rows ?? []} pagination={{ pageSize: 50 }}
        locale={{ emptyText: <Empty description={t('drift.none')} /> }}
        onRow={(r) => ({ onClick: () => onOpen(r.order.key), style: { cursor: 'pointer' }, 'data-testid': 'drift-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'id', title: t('detail.orderId'), render: (_, r) => r.order.orderId },
          { key: 'platform', title: t('detail.platform'), render: (_, r) => t(`platform.${r.order.platform}`) },
          { key: 'channel', title: t('detail.channelStatus'), render: (_, r) => <ChannelTag status={r.order.channelStatus} refunding={r.order.refunding} t={t} /> },
          { key: 'fulfilment', title: t('detail.fulfilment'), render: (_, r) => <FulfilmentTag fulfilment={r.order.fulfilment} t={t} /> },
          { key: 'rule', title: t('drift.rule'), render: (_, r) => <span><Tag color={r.drift.action === 'intercept' ? 'red' : r.drift.action === 'upload_tracking' ? 'orange' : 'gold'}>{t(`drift.action.${r.drift.action}`)}</Tag>{t(`drift.code.${r.drift.code}`)}</span> },
          { key: 'at', title: t('detail.modified'), render: (_, r) => formatShanghai(r.order.modifiedAt) },
        ]} />
    </div>
  );
}
