// One review rule: what it checks (one sentence), on/off, hold or flag, priority, its thresholds
// and how it has done so far.
import { Card, Form, InputNumber, Radio, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleId, RuleSettings } from '../../../shared/decide';
import type { RuleStatRow } from '../../store/db';
import type { FieldIssue } from './draft';
import { RuleThresholds } from './RuleThresholds';
import { RuleStats } from './RuleStats';

interface Props {
  id: RuleId;
  rule: RuleSettings[RuleId];
  edited: boolean;
  stat?: RuleStatRow;
  issues: readonly FieldIssue[];
  canEdit: boolean;
  set(patch: Partial<RuleSettings[RuleId]>): void;
}

export function RuleCard({ id, rule, edited, stat, issues, canEdit, set }: Props) {
  const { t } = useTranslation();
  const prefix = `rules.${id}.`;
  const errorOf = (field: string) => issues.find((i) => i.path === `${prefix}${field}`)?.message;
  const priorityError = errorOf('priority');
  return (
    <Card
      size="small" data-testid={`rule-card-${id}`} data-rule={id}
      style={{ opacity: rule.enabled ? 1 : 0.75, borderColor: edited ? '#fa8c16' : undefined }}
      title={(
        <Space>
          <Tag>{id}</Tag>
          <span>{t(`rules.name.${id}`)}</span>
          {edited && <Tag color="orange" data-testid={`rule-${id}-edited`}>{t('rules.edited')}</Tag>}
        </Space>
      )}
      extra={(
        <Switch checked={rule.enabled} disabled={!canEdit} onChange={(enabled) => set({ enabled })} data-testid={`rule-${id}-enabled`}
          checkedChildren={t('rules.enabled')} unCheckedChildren={t('rules.disabled')} aria-label={`${id} ${t('rules.enabled')}`} />
      )}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={`rule-${id}-explain`}>{t(`rules.explain.${id}`)}</Typography.Paragraph>
      <Form layout="vertical" component="div" disabled={!canEdit}>
        <Space wrap align="start" size="large">
          <Form.Item label={t('rules.action.label')} style={{ marginBottom: 12 }}>
            <Radio.Group value={rule.action} optionType="button" buttonStyle="solid" size="large" onChange={(e) => set({ action: e.target.value as 'hold' | 'flag' })} data-testid={`rule-${id}-action`}>
              <Radio.Button value="hold" data-testid={`rule-${id}-action-hold`}>{t('rules.action.hold')}</Radio.Button>
              <Radio.Button value="flag" data-testid={`rule-${id}-action-flag`}>{t('rules.action.flag')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('rules.priority')} tooltip={t('rules.priorityHint')} validateStatus={priorityError ? 'error' : undefined} help={priorityError} style={{ marginBottom: 12 }}>
            <InputNumber value={Number.isFinite(rule.priority) ? rule.priority : null} min={1} max={99} precision={0} size="large" style={{ width: 110 }}
              onChange={(v) => set({ priority: typeof v === 'number' ? v : Number.NaN })} data-testid={`rule-${id}-priority`} aria-label={`${id} ${t('rules.priority')}`} />
          </Form.Item>
        </Space>
        <RuleThresholds id={id} rule={rule} set={set} disabled={!canEdit} errorOf={errorOf} />
      </Form>
      <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <RuleStats id={id} stat={stat} />
      </div>
    </Card>
  );
}
