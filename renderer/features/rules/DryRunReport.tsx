// What the dry run found: the totals, per rule how many orders it hits now and under the edited
// rules, and a sample of the orders that would change with both sets of reasons side by side.
import type { HTMLAttributes } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RULE_IDS, type RuleId } from '../../../shared/decide';
import type { DryRunChange, DryRunResult, HitBrief } from './dryRun';

function Hits({ hits, testId }: { hits: HitBrief[]; testId: string }) {
  const { t } = useTranslation();
  if (!hits.length) return <Typography.Text type="secondary" data-testid={testId}>{t('rules.dry.noHits')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} data-testid={testId}>
      {hits.map((h) => (
        <span key={h.rule} data-rule={h.rule}>
          <Tag color={h.action === 'hold' ? 'red' : 'gold'}>{h.rule}</Tag>{h.message}
        </span>
      ))}
    </Space>
  );
}

export function DryRunReport({ result, shopName }: { result: DryRunResult; shopName(id: string): string }) {
  const { t } = useTranslation();
  if (!result.orders) return <Typography.Text data-testid="dry-run-summary">{t('rules.dry.nothing', { days: result.days })}</Typography.Text>;
  const rows = RULE_IDS.map((id) => ({ id, ...result.perRule[id] }));
  const outcome = (o: string) => t(`rules.dry.outcomeText.${o}`, { defaultValue: o });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="dry-run-report">
      <Typography.Text strong data-testid="dry-run-summary">
        {t('rules.dry.summary', { days: result.days, orders: result.orders, changed: result.changed, toHold: result.passToHold, toPass: result.holdToPass, hits: result.hitsChanged })}
      </Typography.Text>
      <Table<{ id: RuleId; before: number; after: number }> size="small" rowKey="id" pagination={false} dataSource={rows} data-testid="dry-run-rules"
        onRow={(r) => ({ 'data-testid': `dry-run-rule-${r.id}`, 'data-before': r.before, 'data-after': r.after } as HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'rule', title: t('rules.dry.rule'), render: (_, r) => <Space><Tag>{r.id}</Tag>{t(`rules.name.${r.id}`)}</Space> },
          { key: 'before', title: t('rules.dry.before'), dataIndex: 'before', width: 120, align: 'right' },
          { key: 'after', title: t('rules.dry.after'), dataIndex: 'after', width: 140, align: 'right' },
          {
            key: 'delta', title: t('rules.dry.delta'), width: 100, align: 'right',
            render: (_, r) => { const d = r.after - r.before; return d === 0 ? <Typography.Text type="secondary">0</Typography.Text> : <Tag color={d > 0 ? 'red' : 'green'}>{d > 0 ? `+${d}` : d}</Tag>; },
          },
        ]} />
      {result.sample.length > 0 && (
        <>
          <Typography.Text strong>{t('rules.dry.sample')}</Typography.Text>
          <Table<DryRunChange> size="small" rowKey="key" pagination={false} dataSource={result.sample} data-testid="dry-run-sample"
            onRow={(r) => ({ 'data-testid': 'dry-run-change', 'data-key': r.key } as HTMLAttributes<HTMLElement>)}
            columns={[
              { key: 'order', title: t('rules.dry.order'), render: (_, r) => <Typography.Text copyable={{ text: r.orderId }}>{r.orderId}</Typography.Text> },
              { key: 'shop', title: t('rules.dry.shop'), render: (_, r) => `${t(`platform.${r.platform}`, { defaultValue: r.platform })} · ${shopName(r.shopId)}` },
              {
                key: 'outcome', title: t('rules.dry.outcome'), width: 130,
                render: (_, r) => <span data-testid="dry-run-outcome">{outcome(r.before.outcome)} → <b>{outcome(r.after.outcome)}</b></span>,
              },
              { key: 'before', title: t('rules.dry.beforeHits'), render: (_, r) => <Hits hits={r.before.hits} testId="dry-run-before" /> },
              { key: 'after', title: t('rules.dry.afterHits'), render: (_, r) => <Hits hits={r.after.hits} testId="dry-run-after" /> },
            ]} />
        </>
      )}
    </Space>
  );
}
