// 补货: per SKU × warehouse, how fast it sells (stock-out days left out), sellable, in transit,
// days of cover, the alert below the SKU's alert days (editable here with settings.manage), and
// what to buy to reach the target cover — each row with its reasons. The list is computed when
// the tab opens (and on Refresh: the ledger grows with every order, a live list would recompute
// all day); new alerts raise one desktop notification, or a banner where that is refused.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { loadReplenishData, type ReplenishData } from '../../store/stock/replenishData';
import { replenishList, type ReplenishRow } from '../../../shared/stock';
import { describeError } from '../../i18n';
import { useCan } from '../operator';
import { saveFile } from '../export';
import { AlertDaysCell } from './AlertDaysCell';
import { reasonText } from './reasonText';
import { replenishFileName, replenishSheet, replenishXlsx } from './replenishExport';
import { announceAlerts, type AlertOutcome } from './replenishNotify';
import { saveStockSettings } from './saveStockSettings';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ReplenishTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const canManage = useCan('settings.manage');
  const [warehouse, setWarehouse] = useState('');
  const [onlyAlerts, setOnlyAlerts] = useState(false);
  const [data, setData] = useState<ReplenishData>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<AlertOutcome>();
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const names = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s.name])), [skus]);
  const whName = useMemo(() => new Map((warehouses ?? []).map((w) => [w.code, w.name])), [warehouses]);

  const load = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try { setData(await loadReplenishData(db, { now: Date.now(), warehouse: warehouse || undefined })); } catch (e) { const d = describeError(e, t); setError([d.title, d.message].filter(Boolean).join(': ')); } finally { setBusy(false); }
  }, [db, warehouse, t]);
  useEffect(() => { void load(); }, [load]);

  const rows = useMemo(() => (data && settings ? replenishList({ ...data, alertDays: settings.stock.alertDays, skuAlertDays: settings.stock.skuAlertDays, targetDays: settings.stock.targetDays }) : undefined), [data, settings]);
  // announced once per computed list (an alert-days edit re-words the list, it is not a new one)
  const [announced, setAnnounced] = useState<ReplenishData>();
  useEffect(() => {
    if (!rows || !data || announced === data) return;
    setAnnounced(data);
    void announceAlerts(rows, t).then((o) => { if (o.kind === 'banner') setBanner(o); });
  }, [rows, data, announced, t]);

  const shown = useMemo(() => (rows ?? []).filter((r) => !onlyAlerts || r.cover.alert), [rows, onlyAlerts]);
  const alerts = (rows ?? []).filter((r) => r.cover.alert).length;
  const saveAlertDays = (sku: string, days: number | undefined) => saveStockSettings(db, (s) => {
    const next = { ...s.skuAlertDays };
    if (days === undefined) delete next[sku]; else next[sku] = days;
    return { ...s, skuAlertDays: next };
  });
  const exportList = () => {
    const bytes = replenishXlsx(replenishSheet(shown, t, names, whName), t('stock.replenish.xlsx.sheet'));
    saveFile({ blob: new Blob([bytes as BlobPart], { type: XLSX_MIME }), fileName: replenishFileName(Date.now()) });
  };
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '∞');

  return (
    <div data-testid="stock-replenish">
      <Typography.Paragraph type="secondary">{t('stock.replenish.intro', { alert: settings?.stock.alertDays ?? 7, target: settings?.stock.targetDays ?? 30 })}</Typography.Paragraph>
      {banner && (
        <Alert type="warning" showIcon closable onClose={() => setBanner(undefined)} style={{ marginBottom: 8 }} data-testid="stock-replenish-banner"
          title={banner.title} description={<>{banner.body}<br /><Typography.Text type="secondary">{t('stock.replenish.bannerWhy')}</Typography.Text></>} />
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={warehouse} onChange={setWarehouse} style={{ width: 200 }} aria-label={t('stock.col.warehouse')} data-testid="stock-replenish-warehouse"
          options={[{ value: '', label: t('stock.allWarehouses') }, ...(warehouses ?? []).map((w) => ({ value: w.code, label: w.name }))]} />
        <Space><Switch checked={onlyAlerts} onChange={setOnlyAlerts} data-testid="stock-replenish-only-alerts" aria-label={t('stock.replenish.onlyAlerts')} /><span>{t('stock.replenish.onlyAlerts')}</span></Space>
        <Button size="large" loading={busy} onClick={() => void load()} data-testid="stock-replenish-refresh">{t('stock.replenish.refresh')}</Button>
        <Button size="large" disabled={!shown.length} onClick={exportList} data-testid="stock-replenish-export">{t('stock.replenish.export')}</Button>
        {rows && <Tag color={alerts ? 'red' : 'green'} data-testid="stock-replenish-alert-count">{t('stock.replenish.alertCount', { n: alerts })}</Tag>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="stock-replenish-error" />}
      <Table<ReplenishRow>
        rowKey="key" size="small" loading={!rows || busy} dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('stock.replenish.none') }}
        onRow={(r) => ({ 'data-testid': 'stock-replenish-row', 'data-key': r.key, 'data-alert': r.cover.alert ? '1' : '0' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'sku', title: t('stock.col.sku'), render: (_, r) => <span><Typography.Text strong>{r.sku}</Typography.Text> {names.get(r.sku)}</span> },
          { key: 'warehouse', title: t('stock.col.warehouse'), render: (_, r) => whName.get(r.warehouse) ?? r.warehouse },
          { key: 'rate', title: t('stock.replenish.rate'), align: 'right', render: (_, r) => <span data-testid="stock-replenish-rate">{r.rate.rate.toFixed(1)}</span> },
          { key: 'sellable', title: t('stock.col.sellable'), align: 'right', render: (_, r) => <span data-testid="stock-replenish-sellable">{r.sellable}</span> },
          { key: 'transit', title: t('stock.replenish.inTransit'), align: 'right', render: (_, r) => <span data-testid="stock-replenish-transit">{r.inTransit}</span> },
          { key: 'cover', title: t('stock.replenish.cover'), align: 'right', render: (_, r) => <Typography.Text type={r.cover.alert ? 'danger' : undefined} strong={r.cover.alert} data-testid="stock-replenish-cover">{fmt(r.cover.days)}</Typography.Text> },
          { key: 'alertDays', title: t('stock.replenish.alertDays'), render: (_, r) => <AlertDaysCell row={r} canEdit={canManage} save={saveAlertDays} /> },
          { key: 'alert', title: '', render: (_, r) => (r.cover.alert ? <Tag color="red" data-testid="stock-replenish-alert">{t('stock.replenish.alert')}</Tag> : null) },
          { key: 'suggest', title: t('stock.replenish.suggest'), align: 'right', render: (_, r) => <Typography.Text strong={r.cover.suggest > 0} data-testid="stock-replenish-suggest">{r.cover.suggest}</Typography.Text> },
          {
            key: 'why', title: t('stock.replenish.why'), render: (_, r) => (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="stock-replenish-reasons">
                {r.reasons.map((x, i) => <li key={i}>{reasonText(t, 'stock.replenish.reason', x)}</li>)}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
