// 商品: the SKU master (list and drawer), on-hand stock per warehouse, Excel import / export,
// and the remembered platform item → SKU mappings. Everyone may look; changing needs skus.manage.
import { useState } from 'react';
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { useCan } from '../operator';
import { useSkuData } from './useSkuData';
import { SkuList } from './list/SkuList';
import { StockTab } from './stock/StockTab';
import { ExcelTab } from './excel/ExcelTab';
import { MappingsTab } from './mappings/MappingsTab';

type Tab = 'list' | 'stock' | 'excel' | 'mappings';

export function SkusPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const canManage = useCan('skus.manage');
  const data = useSkuData(db);
  const [tab, setTab] = useState<Tab>('list');
  return (
    <div data-testid="skus-page">
      <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('skus.title')}</Typography.Title>
      {!canManage && <Alert type="info" showIcon title={t('skus.readOnly')} style={{ marginBottom: 8 }} data-testid="skus-read-only" />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        size="large"
        // one tab mounted at a time: only the visible one answers scans
        destroyOnHidden
        items={[
          { key: 'list', label: <span data-testid="skus-tab-list">{t('skus.tab.list')}</span>, children: <SkuList db={db} data={data} canManage={canManage} /> },
          { key: 'stock', label: <span data-testid="skus-tab-stock">{t('skus.tab.stock')}</span>, children: <StockTab db={db} data={data} canManage={canManage} /> },
          { key: 'excel', label: <span data-testid="skus-tab-excel">{t('skus.tab.excel')}</span>, children: <ExcelTab db={db} data={data} canManage={canManage} /> },
          { key: 'mappings', label: <span data-testid="skus-tab-mappings">{t('skus.tab.mappings')}</span>, children: <MappingsTab db={db} data={data} canManage={canManage} /> },
        ]}
      />
    </div>
  );
}
