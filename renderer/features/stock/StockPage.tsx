// 库存: stock per SKU × warehouse with its batches, every figure drilling down to the movements
// that make it; receiving, cycle counts and transfers by scanner; the near-expiry and
// replenishment lists; the figures pushed to the channels; the self-check. Everyone may look; moving stock needs stock.move.
import { useEffect, useState } from 'react';
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { useCan } from '../operator';
import { LevelsTab } from './LevelsTab';
import { ReceiveTab } from './ReceiveTab';
import { SelfCheckPanel } from './SelfCheckPanel';
import { CountTab } from './CountTab';
import { TransferTab } from './TransferTab';
import { NearExpiryTab } from './NearExpiryTab';
import { ReplenishTab } from './ReplenishTab';
import { ChannelTab } from './ChannelTab';
import { useStockTab, type StockTabKey } from './stockTab';

type Tab = StockTabKey;

export function StockPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const canMove = useCan('stock.move');
  const requested = useStockTab((s) => s.requested);
  const [tab, setTab] = useState<Tab>(() => useStockTab.getState().take() ?? 'levels');
  // a banner asked for a tab while the page was already open
  useEffect(() => { if (requested) setTab(useStockTab.getState().take() ?? 'levels'); }, [requested]);
  return (
    <div data-testid="stock-page">
      <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('stock.title')}</Typography.Title>
      {!canMove && <Alert type="info" showIcon title={t('stock.readOnly')} style={{ marginBottom: 8 }} data-testid="stock-read-only" />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        size="large"
        // one tab mounted at a time: only the visible one answers scans
        destroyOnHidden
        items={[
          { key: 'levels', label: <span data-testid="stock-tab-levels">{t('stock.tab.levels')}</span>, children: <LevelsTab db={db} /> },
          ...(canMove ? [
            { key: 'receive', label: <span data-testid="stock-tab-receive">{t('stock.tab.receive')}</span>, children: <ReceiveTab db={db} /> },
            { key: 'count', label: <span data-testid="stock-tab-count">{t('stock.tab.count')}</span>, children: <CountTab db={db} /> },
            { key: 'transfer', label: <span data-testid="stock-tab-transfer">{t('stock.tab.transfer')}</span>, children: <TransferTab db={db} /> },
          ] : []),
          { key: 'expiry', label: <span data-testid="stock-tab-expiry">{t('stock.tab.expiry')}</span>, children: <NearExpiryTab db={db} /> },
          { key: 'replenish', label: <span data-testid="stock-tab-replenish">{t('stock.tab.replenish')}</span>, children: <ReplenishTab db={db} /> },
          { key: 'channel', label: <span data-testid="stock-tab-channel">{t('stock.tab.channel')}</span>, children: <ChannelTab db={db} /> },
          { key: 'check', label: <span data-testid="stock-tab-check">{t('stock.tab.check')}</span>, children: <SelfCheckPanel db={db} /> },
        ]}
      />
    </div>
  );
}
