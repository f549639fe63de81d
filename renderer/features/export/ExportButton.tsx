// 导出 in the pool's filter bar: every order of the current filter (not only the rows on screen),
// in the standard preset for systems or the localized one for people, as CSV or XLSX.
import { useState } from 'react';
import { App, Button, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { WharfDB } from '../../store/db';
import { countPool, type PoolFilter } from '../../store/pool';
import { EXPORT_FORMATS, type ExportFormat } from './encode';
import { EXPORT_PRESETS, exportOrders, saveFile, type ExportPreset } from './exportOrders';

export function ExportButton({ db, filter }: { db: WharfDB; filter: PoolFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<ExportPreset>('standard');
  // people get XLSX (long ids survive Excel) unless someone picked a format themselves
  const [format, setFormat] = useState<ExportFormat>();
  const chosen: ExportFormat = format ?? (preset === 'localized' ? 'xlsx' : 'csv');
  const [busy, setBusy] = useState(false);
  const count = useLiveQuery(() => (open ? countPool(db, filter) : undefined), [db, filter, open]);

  const run = async () => {
    setBusy(true);
    try {
      const file = await exportOrders(db, filter, preset, chosen, { t });
      saveFile(file);
      void message.success(t('rules.export.done', { orders: file.orders, rows: file.rows, file: file.fileName }));
      setOpen(false);
    } catch (e) {
      void message.error(t('rules.export.failed', { why: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="large" onClick={() => setOpen(true)} data-testid="export-open">{t('rules.export.button')}</Button>
      <Modal
        open={open} title={t('rules.export.title')} onCancel={() => setOpen(false)} destroyOnHidden
        okText={busy ? t('rules.export.running') : t('rules.export.run', { n: count ?? 0 })} onOk={() => void run()}
        okButtonProps={{ size: 'large', loading: busy, disabled: count === undefined, 'data-testid': 'export-run' } as ButtonProps} cancelButtonProps={{ size: 'large' }}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="export-dialog">
          <Typography.Text data-testid="export-scope">{t('rules.export.scope', { n: count ?? 0 })}</Typography.Text>
          <div>
            <Typography.Text strong>{t('rules.export.preset')}</Typography.Text>
            <Radio.Group value={preset} onChange={(e) => setPreset(e.target.value as ExportPreset)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }} data-testid="export-preset">
              {EXPORT_PRESETS.map((p) => <Radio key={p} value={p} data-testid={`export-preset-${p}`}>{t(`rules.export.presets.${p}`)}</Radio>)}
            </Radio.Group>
          </div>
          <div>
            <Typography.Text strong>{t('rules.export.format')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Radio.Group value={chosen} optionType="button" buttonStyle="solid" size="large" onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
                {EXPORT_FORMATS.map((f) => <Radio.Button key={f} value={f} data-testid={`export-format-${f}`}>{f.toUpperCase()}</Radio.Button>)}
              </Radio.Group>
            </div>
          </div>
          {chosen === 'csv' && <Typography.Text type="secondary">{t('rules.export.csvHint')}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}
