// Tab 4, merge suggestions: orders of one shop to one receiver, all paid and not yet on the
// floor, shown as a group; "ship as one parcel" creates the parcel from the warehouse the first
// order was allocated to (or the one picked when they differ). A merged group stays listed with
// its parcel id until its orders move on; an order for the same receiver that arrives after the
// parcel was made is offered to join it, in the parcel's own warehouse.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { acceptMerge } from '../../store/decisionMutators';
import { useCan } from '../operator';
import { allocatedWarehouse, type MergeGroup } from './mergeGroups';
import { effectiveReceiver, regionOf, yuan } from './orderText';
import { ReasonTags } from './ReasonTags';
import type { DeskData } from './useDeskData';
import { useDeskAction } from './useDeskAction';

function GroupCard({ db, group, data, allowed }: { db: WharfDB; group: MergeGroup; data: DeskData; allowed: boolean }) {
  const { t } = useTranslation();
  const { run, busy } = useDeskAction();
  const { message } = App.useApp();
  const allocated = [...new Set(group.rows.map(allocatedWarehouse).filter((w): w is string => !!w))];
  const differ = allocated.length !== 1;
  const [picked, setPicked] = useState<string | undefined>(allocatedWarehouse(group.rows[0]!) ?? data.warehouses.find((w) => w.active)?.code);
  const warehouse = picked;
  const head = group.rows[0]!;
  const adding = new Set(group.adding ?? []);
  const joining = adding.size > 0;
  const done = !!group.parcelId && !joining;
  const rc = effectiveReceiver(head);
  const merge = async () => {
    if (!warehouse) return;
    let parcelId = '';
    const err = await run(async (ctx) => {
      const ev = await acceptMerge(db, ctx, group.rows.map((r) => r.key), warehouse, joining ? group.parcelId : undefined);
      parcelId = (ev.payload as { parcelId: string }).parcelId;
    });
    if (!err) void message.success(joining ? t('review.merge.joined', { n: adding.size, id: parcelId }) : t('review.merge.done', { n: group.rows.length, id: parcelId }));
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="merge-group" data-merged={done ? 'yes' : joining ? 'joining' : 'no'}
      title={<Space wrap>
        <span>{t('review.merge.group', { n: group.rows.length })}</span>
        <span>{t(`platform.${head.platform}`)} · {data.shops.get(head.shopId)?.name ?? head.shopId}</span>
        <Typography.Text type="secondary">{[rc.nameMasked, rc.phoneMasked].filter(Boolean).join(' ')} · {regionOf(rc)} {rc.addressMasked}</Typography.Text>
      </Space>}
      extra={group.parcelId ? <Tag color={done ? 'green' : 'gold'} data-testid="merge-parcel">{t(done ? 'review.merge.merged' : 'review.merge.joinable', { id: group.parcelId, n: adding.size })}</Tag> : null}>
      {group.rows.map((r) => (
        <div key={r.key} data-testid="merge-order" data-key={r.key} data-adding={adding.has(r.key) ? 'yes' : undefined} style={{ display: 'grid', gridTemplateColumns: '220px 170px minmax(0, 1fr) 100px minmax(0, 1fr)', gap: 8, padding: '4px 0', borderBottom: '1px solid #f5f5f5', alignItems: 'start' }}>
          <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', userSelect: 'text' }}>{r.orderId}{adding.has(r.key) && <Tag color="gold" style={{ marginLeft: 6 }}>{t('review.merge.new')}</Tag>}</span>
          <span>{r.paidAt ? formatShanghai(r.paidAt) : '—'}</span>
          <span>{r.lines.map((l) => `${l.title} ×${l.qty}`).join('；')}</span>
          <b style={{ textAlign: 'right' }}>{yuan(r.paymentFen)}</b>
          <span>{t(`fulfilment.${r.fulfilment}`)} {allocatedWarehouse(r) ? `· ${data.warehouses.find((w) => w.code === allocatedWarehouse(r))?.name ?? allocatedWarehouse(r)}` : ''} <ReasonTags row={r} /></span>
        </div>
      ))}
      {joining && allowed && (
        <Space style={{ marginTop: 10 }} wrap>
          <Typography.Text type="secondary">{t('review.merge.joinHint')}</Typography.Text>
          <Button type="primary" size="large" disabled={busy} loading={busy} onClick={() => void merge()} data-testid="merge-accept">{t('review.merge.join', { n: adding.size })}</Button>
        </Space>
      )}
      {!group.parcelId && allowed && (
        <Space style={{ marginTop: 10 }} wrap>
          <span>{t('review.merge.warehouse')}</span>
          <Select data-testid="merge-warehouse" aria-label={t('review.merge.warehouse')} value={warehouse} placeholder={t('review.merge.pickWarehouse')} onChange={setPicked} style={{ minWidth: 200 }}
            options={data.warehouses.filter((w) => w.active !== false).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))} />
          {differ && <Typography.Text type="warning">{t('review.merge.differ')}</Typography.Text>}
          <Button type="primary" size="large" disabled={!warehouse || busy} loading={busy} onClick={() => void merge()} data-testid="merge-accept">{t('review.merge.accept')}</Button>
        </Space>
      )}
    </Card>
  );
}

export function MergeTab({ db, data }: { db: WharfDB; data: DeskData }) {
  const { t } = useTranslation();
  const allowed = useCan('orders.review');
  const groups = data.merges;
  if (!groups) return <Spin />;
  if (!groups.length) return <Empty description={t('review.merge.none')} style={{ padding: 48 }} />;
  return (
    <div style={{ height: '100%', overflow: 'auto' }} data-testid="merge-list">
      {!allowed && <Alert type="info" showIcon title={t('review.noPermission')} style={{ marginBottom: 8 }} />}
      {groups.map((g) => <GroupCard key={g.id} db={db} group={g} data={data} allowed={allowed} />)}
    </div>
  );
}
