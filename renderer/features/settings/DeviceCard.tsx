// This PC as support needs it: device id, host version, data directory, demo state, and
// "copy diagnostics" — one redacted text with everything support asks for first.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Modal, Typography } from 'antd';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../../shared/contract';
import { formatShanghai } from '../../../shared/time';
import { useOperator } from '../operator';

export function DeviceCard({ info }: { info?: RequestOutput<'app.info'> }) {
  const { t } = useTranslation();
  const { device } = useOperator();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // where the clipboard is refused (a browser on another origin), the text is shown to copy by hand
  const [manual, setManual] = useState<string>();
  const copyDiagnostics = async () => {
    setBusy(true);
    try {
      const { text } = await host['app.diagnostics']({});
      const full = `${text}\n\nrenderer: device ${device}; ${navigator.userAgent}`;
      try {
        await navigator.clipboard.writeText(full);
        void message.success(t('settings.device.diagnosticsCopied'));
      } catch {
        setManual(full);
      }
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('settings.device.title')}
      size="small"
      data-testid="device-card"
      extra={<Button size="small" loading={busy} onClick={() => void copyDiagnostics()} data-testid="copy-diagnostics">{t('settings.device.copyDiagnostics')}</Button>}
    >
      <Modal open={manual !== undefined} title={t('settings.device.diagnosticsManual')} onCancel={() => setManual(undefined)} footer={null} width={860}>
        <Input.TextArea value={manual} readOnly autoSize={{ minRows: 12, maxRows: 24 }} data-testid="diagnostics-text" onFocus={(e) => e.currentTarget.select()} />
      </Modal>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'device', label: t('settings.device.id'), children: <Typography.Text code copyable data-testid="device-id">{device}</Typography.Text> },
          { key: 'version', label: t('settings.device.version'), children: info?.version ?? '…' },
          { key: 'dataDir', label: t('settings.device.dataDir'), children: info ? <Typography.Text code copyable>{info.dataDir}</Typography.Text> : '…' },
          { key: 'started', label: t('settings.device.started'), children: info ? formatShanghai(info.startedAt) : '…' },
          { key: 'demo', label: t('settings.device.demo'), children: info ? (info.demo.on ? `${t('settings.device.demoOn')}（${info.demo.reason}）` : t('settings.device.demoOff')) : '…' },
        ]}
      />
    </Card>
  );
}
