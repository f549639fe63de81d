// The SKU matcher's two thresholds: how sure a title match must be, and how far ahead of the
// runner-up, before an item maps without a person.
import { Card, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionSettings } from '../../../shared/decide';
import type { FieldIssue } from './draft';
import { NumberField } from './fields';

interface Props {
  matching: DecisionSettings['matching'];
  edited: boolean;
  issues: readonly FieldIssue[];
  canEdit: boolean;
  set(patch: Partial<DecisionSettings['matching']>): void;
}

export function MatchingCard({ matching, edited, issues, canEdit, set }: Props) {
  const { t } = useTranslation();
  const errorOf = (k: string) => issues.find((i) => i.path === `matching.${k}`)?.message;
  return (
    <Card size="small" title={t('rules.matching.title')} data-testid="rules-matching" style={{ borderColor: edited ? '#fa8c16' : undefined }}>
      <Typography.Paragraph type="secondary">{t('rules.matching.intro')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Space wrap size="large">
          <NumberField label={t('rules.field.mapAt')} testId="rules-mapAt" value={matching.mapAt} min={0} max={1} precision={2} step={0.01} disabled={!canEdit} error={errorOf('mapAt')} onChange={(mapAt) => set({ mapAt })} />
          <NumberField label={t('rules.field.minLead')} testId="rules-minLead" value={matching.minLead} min={0} max={1} precision={2} step={0.01} disabled={!canEdit} error={errorOf('minLead')} onChange={(minLead) => set({ minLead })} />
        </Space>
      </Form>
    </Card>
  );
}
