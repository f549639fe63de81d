// 仓库作业: waves and picking, the pack bench, the carrier handover, this station's print queue
// and its printers. Waiting print jobs are
// retried while the page is open; the bench keeps working meanwhile (parcels are set aside).
import { useEffect, useState } from 'react';
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { startPrintPump } from '../../store/floor/printPump';
import { systemClock } from '../../../shared/clock';
import { host } from '../../transport/client';
import { notifyJournal, operatorContext, useOperatorStore } from '../operator';
import { PackStation } from './PackStation';
import { PrintQueue } from './PrintQueue';
import { StationSettings } from './StationSettings';
import { WavesTab } from './WavesTab';
import { HandoverTab } from './HandoverTab';
import { installLabelDiagnostics } from './labelDiagnostics';

installLabelDiagnostics();


export function FloorPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('pack');
  const user = useOperatorStore((s) => s.user);
  // a job waits for its printer; the pump sends each again once its backoff ran out
  useEffect(() => (user ? startPrintPump(db, host, () => operatorContext(), systemClock, (r) => { if (r.printed.length) notifyJournal(); }) : undefined), [db, user]);
  return (
    <div data-testid="floor-page">
      <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('floor.title')}</Typography.Title>
      <Tabs
        activeKey={tab} onChange={setTab} size="large" destroyOnHidden
        items={[
          { key: 'waves', label: <span data-testid="floor-tab-waves">{t('floor.tab.waves')}</span>, children: <WavesTab db={db} /> },
          { key: 'pack', label: <span data-testid="floor-tab-pack">{t('floor.tab.pack')}</span>, children: <PackStation db={db} /> },
          { key: 'handover', label: <span data-testid="floor-tab-handover">{t('floor.tab.handover')}</span>, children: <HandoverTab db={db} /> },
          { key: 'queue', label: <span data-testid="floor-tab-queue">{t('floor.tab.queue')}</span>, children: <PrintQueue db={db} /> },
          { key: 'station', label: <span data-testid="floor-tab-station">{t('floor.tab.station')}</span>, children: <StationSettings db={db} /> },
        ]}
      />
    </div>
  );
}
