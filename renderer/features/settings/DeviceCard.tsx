// This PC as support needs it: device id, host version, data directory, demo state.
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../../shared/contract';
import { formatShanghai } from '../../../shared/time';
import { useOperator } from '../operator';

export function DeviceCard({ info }: { info?: RequestOutput<'app.info'> }) {
  const { t } = useTranslation();
  const { device } = useOperator();
  return (
    <Card title={t('settings.device.title')} size="small" data-testid="device-card">
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
