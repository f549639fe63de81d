// The self-check, offered to people: re-derive every projection from the ledger and show what
// differs (it must be nothing). Shown on the stock screen and in Settings.
import { useState } from 'react';
import { Alert, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { checkStock, type StockCheckReport } from '../../store/stock/selfCheckStore';
import { describeError } from '../../i18n';

export function SelfCheckPanel({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<StockCheckReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try { setReport(await checkStock(db)); } catch (e) { const d = describeError(e, t); setError([d.title, d.message].filter(Boolean).join(': ')); } finally { setBusy(false); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="stock-selfcheck">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('stock.check.intro')}</Typography.Paragraph>
      <Button size="large" type="primary" loading={busy} onClick={() => void run()} data-testid="stock-selfcheck-run">{t('stock.check.run')}</Button>
      {error && <Alert type="error" showIcon title={error} />}
      {report && !report.drifts.length && (
        <Alert type="success" showIcon data-testid="stock-selfcheck-ok" title={t('stock.check.ok', { movements: report.movements, rows: report.rows, locks: report.locks, ms: report.ms })} />
      )}
      {report && report.drifts.length > 0 && (
        <Alert type="error" showIcon data-testid="stock-selfcheck-drift" title={t('stock.check.drift', { n: report.drifts.length, movements: report.movements })}
          description={<List size="small" dataSource={report.drifts} renderItem={(d) => <List.Item data-testid="stock-drift">{d.message}</List.Item>} />} />
      )}
    </Space>
  );
}
