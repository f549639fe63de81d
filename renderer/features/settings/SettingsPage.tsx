// Settings: preferences, company setup, this device, updates, the journal replay offer, quarantine,
// the stock self-check, the platforms' status tables.
import { Space } from 'antd';
import type { RequestOutput } from '../../../shared/contract';
import type { WharfDB } from '../../store/db';
import { PreferencesCard } from './PreferencesCard';
import { CompanyCard } from './CompanyCard';
import { DeviceCard } from './DeviceCard';
import { UpdatesCard } from './UpdatesCard';
import { JournalCard } from './JournalCard';
import { QuarantineCard } from './QuarantineCard';
import { StatusTablesCard } from './StatusTablesCard';
import { StockCheckCard } from './StockCheckCard';
import { StockSettingsCard } from './StockSettingsCard';

export function SettingsPage({ db, info }: { db: WharfDB; info?: RequestOutput<'app.info'> }) {
  return (
    <div data-testid="settings-page" style={{ maxWidth: 1100 }}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <PreferencesCard />
        <JournalCard db={db} />
        <CompanyCard db={db} />
        <DeviceCard info={info} />
        <UpdatesCard />
        <QuarantineCard db={db} />
        <StockSettingsCard db={db} />
        <StockCheckCard db={db} />
        <StatusTablesCard />
      </Space>
    </div>
  );
}
