// A SKU's own alert days, edited where the shortage shows (settings.manage): a number and Save,
// or back to the company's alert days. Everyone else sees the number and where it comes from.
import { useEffect, useState } from 'react';
import { App, Button, InputNumber, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplenishRow } from '../../../shared/stock';
import { describeError } from '../../i18n';

export function AlertDaysCell({ row, canEdit, save }: { row: ReplenishRow; canEdit: boolean; save(sku: string, days: number | undefined): Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(row.alertDays);
  const [busy, setBusy] = useState(false);
  // the stored value moved (saved here, cleared, or edited in Settings): show it
  useEffect(() => setValue(row.alertDays), [row.alertDays]);
  const run = async (days: number | undefined) => {
    setBusy(true);
    try {
      await save(row.sku, days);
      void message.success(days === undefined ? t('stock.replenish.alertDaysCleared', { sku: row.sku }) : t('stock.replenish.alertDaysSaved', { sku: row.sku, n: days }));
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally { setBusy(false); }
  };
  if (!canEdit) return <span data-testid="stock-replenish-alertdays">{row.alertDays}{row.ownAlertDays && <> <Tag>{t('stock.replenish.ownAlertDays')}</Tag></>}</span>;
  const changed = value !== null && value !== row.alertDays;
  return (
    <Space size={4}>
      <InputNumber min={0} max={365} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : null)} style={{ width: 80 }} aria-label={t('stock.replenish.alertDays')} data-testid="stock-replenish-alertdays-input"
        onPressEnter={() => { if (changed) void run(value!); }} />
      {changed && <Button size="small" type="primary" loading={busy} onClick={() => void run(value!)} data-testid="stock-replenish-alertdays-save">{t('common.save')}</Button>}
      {row.ownAlertDays && !changed && <Button size="small" loading={busy} onClick={() => void run(undefined)} data-testid="stock-replenish-alertdays-clear" title={t('stock.replenish.clearOwn')}>{t('stock.replenish.ownAlertDays')} ×</Button>}
    </Space>
  );
}
