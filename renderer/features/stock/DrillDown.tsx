// "Why is it this number?": the movements behind one SKU × warehouse (or one batch), each with
// the figures it left, ending at the figure the table shows.
import { useLiveQuery } from 'dexie-react-hooks';
import { Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { explainStock, type ExplainedStep } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';

export interface DrillTarget { sku: string; warehouse: string; batch?: string }

export function DrillDown({ db, target, onClose }: { db: WharfDB; target?: DrillTarget; onClose(): void }) {
  const { t } = useTranslation();
  const steps = useLiveQuery(async () => {
    if (!target) return [];
    const ms = await db.movements.where('[sku+warehouse]').equals([target.sku, target.warehouse]).toArray();
    // ledger order (the index returns them by key, not by seq)
    ms.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    return explainStock(ms, target.sku, target.warehouse, target.batch).reverse();
  }, [db, target?.sku, target?.warehouse, target?.batch]);
  const batchText = target?.batch !== undefined ? ` · ${target.batch || t('stock.noBatch')}` : '';
  return (
    <Drawer open={!!target} onClose={onClose} size={900} title={target ? t('stock.drill.title', { sku: target.sku, warehouse: target.warehouse, batch: batchText }) : ''} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('stock.drill.hint')}</Typography.Paragraph>
      <Table<ExplainedStep>
        data-testid="stock-drill"
        rowKey={(s) => s.movement.id}
        size="small"
        loading={!steps}
        dataSource={steps ?? []}
        locale={{ emptyText: t('stock.drill.none') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'at', title: t('stock.drill.at'), render: (_, s) => formatShanghai(s.movement.at), width: 160 },
          { key: 'kind', title: t('stock.drill.kind'), render: (_, s) => <span data-testid="stock-drill-kind">{t(`stock.kind.${s.movement.kind}`)}</span> },
          { key: 'batch', title: t('stock.col.batch'), render: (_, s) => s.movement.batch || '—' },
          { key: 'qty', title: t('stock.drill.qty'), align: 'right', render: (_, s) => s.movement.qty },
          { key: 'change', title: t('stock.drill.change'), render: (_, s) => s.change },
          { key: 'after', title: t('stock.drill.after'), render: (_, s) => <span data-testid="stock-drill-after">{s.onHand} / {s.reserved} / {s.frozen} / {s.sellable}</span> },
          { key: 'who', title: t('stock.drill.who'), render: (_, s) => s.movement.actor },
          { key: 'why', title: t('stock.drill.why'), render: (_, s) => [s.movement.reason, s.movement.lock ?? s.movement.source].filter(Boolean).join(' · ') },
        ]}
      />
    </Drawer>
  );
}
