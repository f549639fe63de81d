// Tab 3, possible duplicates: each held later order beside the earlier one it repeats, with why
// they look like the same buyer. A person decides: approve the later one, or cancel it (with a
// reason naming the order kept). Nothing is ever cancelled by itself.
import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { approveOrders, cancelOrders } from '../../store/decisionMutators';
import { useCan } from '../operator';
import { OrderBrief } from './OrderBrief';
import { paidTime } from './orderText';
import { ReasonDialog } from './ReasonDialog';
import { ReasonTags } from './ReasonTags';
import type { DeskData } from './useDeskData';
import { useDeskAction } from './useDeskAction';

const earlierKeyOf = (r: OrderRow) => r.duplicateOf ?? r.decision?.duplicate?.of;

export function DuplicatesTab({ db, data }: { db: WharfDB; data: DeskData }) {
  const { t } = useTranslation();
  const allowed = useCan('orders.review');
  const { run, busy } = useDeskAction();
  const [cancelling, setCancelling] = useState<{ later: OrderRow; earlierKey: string }>();
  const rows = data.duplicates;
  const wanted = [...new Set((rows ?? []).map(earlierKeyOf).filter((k): k is string => !!k))].sort();
  const earlier = useLiveQuery(async () => new Map((await db.orders.bulkGet(wanted)).filter((r): r is OrderRow => !!r).map((r) => [r.key, r])), [db, wanted.join('\n')]);

  if (!rows) return <Spin />;
  if (!rows.length) return <Empty description={t('review.dup.none')} style={{ padding: 48 }} />;
  return (
    <div style={{ height: '100%', overflow: 'auto' }} data-testid="dup-list">
      {!allowed && <Alert type="info" showIcon title={t('review.noPermission')} style={{ marginBottom: 8 }} />}
      {rows.map((later) => {
        const key = earlierKeyOf(later);
        const first = key ? earlier?.get(key) : undefined;
        const finding = later.decision?.duplicate;
        const hours = finding?.hoursApart ?? (first ? Math.round((Math.abs(paidTime(later) - paidTime(first)) / 3_600_000) * 10) / 10 : undefined);
        return (
          <Card key={later.key} size="small" style={{ marginBottom: 12 }} data-testid="dup-pair" data-key={later.key}
            title={<Space wrap><ReasonTags row={later} /><span>{hours !== undefined ? t('review.dup.apart', { h: hours }) : ''}</span></Space>}>
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
              <div>
                <Typography.Title level={5} style={{ marginTop: 0 }}>{t('review.dup.later')}</Typography.Title>
                <OrderBrief row={later} shops={data.shops} testId="dup-later" />
              </div>
              <div>
                <Typography.Title level={5} style={{ marginTop: 0 }}>{t('review.dup.earlier')}</Typography.Title>
                {first ? <OrderBrief row={first} shops={data.shops} testId="dup-earlier" />
                  : earlier ? <Alert type="warning" showIcon title={t('review.dup.missing', { key: key ?? '—' })} /> : <Spin />}
              </div>
            </div>
            <div style={{ marginTop: 8 }} data-testid="dup-matched">
              <Typography.Text strong>{t('review.dup.matchedBy')}：</Typography.Text>
              {(finding?.matchedBy ?? []).map((m) => <Tag key={m}>{m}</Tag>)}
              {!!finding?.products.length && <><Typography.Text strong style={{ marginInlineStart: 12 }}>{t('review.dup.products')}：</Typography.Text>{finding.products.map((p) => <Tag key={p}>{p}</Tag>)}</>}
            </div>
            {allowed && (
              <Space style={{ marginTop: 12 }} wrap>
                <Button size="large" type="primary" disabled={busy} data-testid="dup-approve"
                  onClick={() => void run((ctx) => approveOrders(db, ctx, [later.key]), { done: t('review.queue.approved', { n: 1 }) })}>
                  {t('review.dup.notDup')}
                </Button>
                <Button size="large" danger disabled={busy || !key} data-testid="dup-cancel" onClick={() => key && setCancelling({ later, earlierKey: key })}>
                  {t('review.dup.cancelLater')}
                </Button>
              </Space>
            )}
          </Card>
        );
      })}
      {cancelling && (
        <ReasonDialog mode="cancel" orderIds={[cancelling.later.orderId]} busy={busy}
          initialReason={t('review.dup.cancelReason', { key: cancelling.earlierKey })}
          onClose={() => setCancelling(undefined)}
          onSubmit={(reason) => run((ctx) => cancelOrders(db, ctx, [cancelling.later.key], reason), { quiet: true, done: t('review.queue.cancelled', { n: 1 }) })} />
      )}
    </div>
  );
}
