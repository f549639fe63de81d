// The count under review: system against counted per SKU × batch, the variance, and a reason for
// each variance (a pick from the list, with words of one's own). Lines the shelf should hold but
// nobody counted are marked and must be confirmed before they are recorded as 0.
import { Alert, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../shared/domain/types';
import { COUNT_REASONS, type CountLine, type CountReason, type CountReview as Review, type ReasonPick } from '../../../shared/stock';

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function CountReview({ review, picks, setPick, confirmed, setConfirmed, names }: {
  review: Review; picks: ReadonlyMap<string, ReasonPick>; setPick(key: string, p: ReasonPick): void;
  confirmed: boolean; setConfirmed(v: boolean): void; names: ReadonlyMap<string, Sku>;
}) {
  const { t } = useTranslation();
  const uncounted = review.lines.filter((l) => l.uncounted);
  const short = review.lines.filter((l) => l.shortOfLocks > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type={review.variances ? 'warning' : 'success'} showIcon data-testid="stock-count-review-summary"
        title={t('stock.count.reviewSummary', { n: review.lines.length, v: review.variances, gain: review.gain, loss: review.loss })} />
      <Table<CountLine>
        rowKey="key" size="small" pagination={false} dataSource={review.lines}
        onRow={(l) => ({ 'data-testid': 'stock-count-review-line', 'data-key': l.key, 'data-variance': l.variance } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <span><Typography.Text strong>{l.sku}</Typography.Text> {names.get(l.sku)?.name}{l.uncounted && <> <Tag color="orange" data-testid="stock-count-uncounted">{t('stock.count.uncountedTag')}</Tag></>}</span> },
          { key: 'batch', title: t('stock.col.batch'), render: (_, l) => l.batch || t('stock.noBatch') },
          { key: 'system', title: t('stock.count.system'), align: 'right', render: (_, l) => <span data-testid="stock-count-review-system">{l.system}</span> },
          { key: 'counted', title: t('stock.count.counted'), align: 'right', render: (_, l) => <span data-testid="stock-count-review-counted">{l.counted}</span> },
          { key: 'variance', title: t('stock.count.variance'), align: 'right', render: (_, l) => <Typography.Text type={l.variance ? (l.variance > 0 ? 'success' : 'danger') : undefined} strong={!!l.variance} data-testid="stock-count-variance">{signed(l.variance)}</Typography.Text> },
          {
            key: 'reason', title: t('stock.count.reason'), render: (_, l) => {
              if (!l.variance) return <Typography.Text type="secondary">{t('stock.count.noVariance')}</Typography.Text>;
              const p = picks.get(l.key) ?? { text: '' };
              return (
                <Space>
                  <Select<CountReason> value={p.code} onChange={(code) => setPick(l.key, { ...p, code })} placeholder={t('stock.count.pickReason')} style={{ width: 120 }} aria-label={t('stock.count.reason')} data-testid="stock-count-reason"
                    options={COUNT_REASONS.map((c) => ({ value: c, label: t(`stock.count.reasons.${c}`) }))} />
                  <Input value={p.text} onChange={(e) => setPick(l.key, { ...p, text: e.target.value })} placeholder={t('stock.count.reasonText')} aria-label={t('stock.count.reasonText')} style={{ width: 200 }} data-testid="stock-count-reason-text" />
                </Space>
              );
            },
          },
        ]}
      />
      {uncounted.length > 0 && (
        <Alert type="warning" showIcon data-testid="stock-count-uncounted-note" title={t('stock.count.uncountedTitle', { n: uncounted.length })}
          description={(
            <Space orientation="vertical">
              <span>{uncounted.map((l) => `${l.sku}${l.batch ? ` · ${l.batch}` : ''} × ${l.system}`).join('，')}</span>
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="stock-count-confirm-uncounted">{t('stock.count.confirmUncounted', { n: uncounted.length })}</Checkbox>
            </Space>
          )} />
      )}
      {short.length > 0 && (
        <Alert type="info" showIcon data-testid="stock-count-locks" title={t('stock.count.locksTitle')}
          description={short.map((l) => t('stock.count.locksLine', { sku: l.sku, batch: l.batch || t('stock.noBatch'), n: l.shortOfLocks })).join('；')} />
      )}
    </Space>
  );
}
