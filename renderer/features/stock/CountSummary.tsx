// After a count is recorded: what changed (the variances with their reasons) and the sheet's id,
// the `source` every movement of it carries in the drill-down.
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../shared/domain/types';
import type { CountLine, CountReview, ReasonPick } from '../../../shared/stock';
import { signed } from './CountReview';

export function CountSummary({ review, picks, id, names, onNew }: { review: CountReview; picks: ReadonlyMap<string, ReasonPick>; id: string; names: ReadonlyMap<string, Sku>; onNew(): void }) {
  const { t } = useTranslation();
  const variances = review.lines.filter((l) => l.variance !== 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="stock-count-done">
      <Alert type="success" showIcon data-testid="stock-count-done-summary"
        title={t('stock.count.doneSummary', { n: review.lines.length, v: variances.length, gain: review.gain, loss: review.loss })}
        description={t('stock.count.doneSheet', { id })} />
      {variances.length > 0 && (
        <Table<CountLine>
          rowKey="key" size="small" pagination={false} dataSource={variances}
          onRow={(l) => ({ 'data-testid': 'stock-count-done-line', 'data-key': l.key } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <span><Typography.Text strong>{l.sku}</Typography.Text> {names.get(l.sku)?.name}</span> },
            { key: 'batch', title: t('stock.col.batch'), render: (_, l) => l.batch || t('stock.noBatch') },
            { key: 'system', title: t('stock.count.system'), align: 'right', render: (_, l) => l.system },
            { key: 'counted', title: t('stock.count.counted'), align: 'right', render: (_, l) => l.counted },
            { key: 'variance', title: t('stock.count.variance'), align: 'right', render: (_, l) => <span data-testid="stock-count-done-variance">{signed(l.variance)}</span> },
            { key: 'reason', title: t('stock.count.reason'), render: (_, l) => { const p = picks.get(l.key); return [p?.code ? t(`stock.count.reasons.${p.code}`) : '', p?.text.trim()].filter(Boolean).join('：'); } },
          ]}
        />
      )}
      <Button size="large" type="primary" onClick={onNew} data-testid="stock-count-new">{t('stock.count.new')}</Button>
    </Space>
  );
}
