// The bar above the rules: dry run the last N days, see where the edit stands (unchanged, needs a
// dry run, dry run stale, ready), then save — optionally deciding every open order again — or
// discard, or go back to the shipped defaults.
import { Alert, Button, Card, Checkbox, InputNumber, Popconfirm, Progress, Space, Tooltip, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesEditor } from './useRulesEditor';
import { DryRunReport } from './DryRunReport';

interface Props {
  editor: RulesEditor;
  canEdit: boolean;
  redecide: boolean;
  setRedecide(v: boolean): void;
  onSave(): void;
  shopName(id: string): string;
}

export function RulesActions({ editor: e, canEdit, redecide, setRedecide, onSave, shopName }: Props) {
  const { t } = useTranslation();
  const progress = e.running ? e.dry?.progress : undefined;
  const stale = !!e.dry?.result && !e.fresh;
  const canRun = canEdit && e.changed && e.issues.length === 0 && !e.running;
  const status = !e.changed ? t('rules.dry.unchanged')
    : e.issues.length ? t('rules.fixFirst', { n: e.issues.length })
      : e.running ? t('rules.dry.running')
        : e.fresh ? t('rules.dry.fresh')
          : stale ? t('rules.dry.stale') : t('rules.dry.needRun');
  // "rules.r1.minFen" → "r1 高额订单 · 商品实付超过（元）"
  const issueLabel = (path: string) => {
    const [top, id, field = ''] = path.split('.');
    const fieldName = (k: string) => (k === 'priority' ? t('rules.priority') : t(`rules.field.${k === 'minFen' ? 'minYuan' : k}`, { defaultValue: k }));
    if (top === 'rules' && id) return `${id} ${t(`rules.name.${id}`, { defaultValue: '' })} · ${fieldName(field)}`;
    if (top === 'matching' && id) return fieldName(id);
    return path;
  };
  const tone = !e.changed ? 'info' : e.issues.length ? 'error' : e.fresh ? 'success' : 'warning';

  return (
    <Card size="small" data-testid="rules-actions" style={{ position: 'sticky', top: 0, zIndex: 3 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Text>{t('rules.dry.days')}</Typography.Text>
          <InputNumber min={1} max={90} precision={0} size="large" style={{ width: 90 }} value={e.days} disabled={!canEdit}
            onChange={(v) => typeof v === 'number' && e.setDays(v)} data-testid="dry-run-days" aria-label={t('rules.dry.days')} />
          <Button size="large" type={e.fresh ? 'default' : 'primary'} disabled={!canRun} loading={e.running} onClick={() => void e.dryRun()} data-testid="dry-run">
            {t('rules.dry.run', { n: e.days })}
          </Button>
          <Tooltip title={t('rules.save.redecideHint')}>
            <Checkbox checked={redecide} disabled={!canEdit} onChange={(x) => setRedecide(x.target.checked)} data-testid="rules-redecide">{t('rules.save.redecide')}</Checkbox>
          </Tooltip>
          <Button size="large" type="primary" disabled={!canEdit || !e.changed || !e.fresh || e.saving} loading={e.saving} onClick={onSave} data-testid="rules-save">
            {t('rules.save.button')}
          </Button>
          <Button size="large" disabled={!canEdit || !e.changed} onClick={e.discard} data-testid="rules-discard">{t('rules.save.discard')}</Button>
          <Popconfirm title={t('rules.save.resetHint')} onConfirm={e.reset} okButtonProps={{ 'data-testid': 'rules-reset-confirm' } as ButtonProps}>
            <Button size="large" disabled={!canEdit} data-testid="rules-reset">{t('rules.save.reset')}</Button>
          </Popconfirm>
          <Typography.Text type="secondary">{t('rules.keys')}</Typography.Text>
        </Space>
        <Alert type={tone} showIcon title={status} data-testid="rules-status" />
        {e.issues.length > 0 && (
          <ul style={{ margin: 0, color: '#cf1322' }} data-testid="rules-issues">
            {e.issues.map((i) => <li key={`${i.path}:${i.message}`}>{t('rules.invalid', { field: issueLabel(i.path), why: i.message })}</li>)}
          </ul>
        )}
        {progress && (
          <Progress percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} data-testid="dry-run-progress"
            format={() => t('rules.dry.progress', progress)} />
        )}
        {e.dry?.error && <Alert type="error" showIcon title={t('rules.dry.failed', { why: e.dry.error })} data-testid="dry-run-error" />}
        {e.dry?.result && e.fresh && <DryRunReport result={e.dry.result} shopName={shopName} />}
      </Space>
    </Card>
  );
}
