// One rule's record from db.ruleStats: how often it fired and how people resolved its holds. The
// false-hold rate (approved anyway ÷ held) is the number that says a threshold is too tight.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleStatRow } from '../../store/db';

export const falseHoldRate = (s: Pick<RuleStatRow, 'approved' | 'held'>) => (s.held > 0 ? s.approved / s.held : undefined);

export function RuleStats({ id, stat }: { id: string; stat?: RuleStatRow }) {
  const { t } = useTranslation();
  if (!stat || stat.hits === 0) return <Typography.Text type="secondary" data-testid={`rule-${id}-stats`}>{t('rules.stats.none')}</Typography.Text>;
  const rate = falseHoldRate(stat);
  const item = (k: 'hits' | 'held' | 'flagged' | 'approved' | 'cancelled' | 'fixed') => (
    <span data-testid={`rule-${id}-stat-${k}`}>{t(`rules.stats.${k}`)} <b>{stat[k]}</b></span>
  );
  return (
    <Space wrap size={[12, 4]} data-testid={`rule-${id}-stats`}>
      {item('hits')}{item('held')}{item('flagged')}{item('approved')}
      <Tooltip title={t('rules.stats.falseRateHint')}>
        <Tag color={rate === undefined ? 'default' : rate >= 0.5 ? 'red' : rate >= 0.2 ? 'orange' : 'green'} data-testid={`rule-${id}-false-rate`}>
          {t('rules.stats.falseRate')} {rate === undefined ? '—' : `${Math.round(rate * 100)}%`}
        </Tag>
      </Tooltip>
      {item('cancelled')}{item('fixed')}
    </Space>
  );
}
