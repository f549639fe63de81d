// The stock self-check in Settings, where support looks first when a number seems wrong.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { SelfCheckPanel } from '../stock';

export function StockCheckCard({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  return <Card title={t('stock.tab.check')} data-testid="settings-stock-check"><SelfCheckPanel db={db} /></Card>;
}
