// 导入 / 导出 Excel: the SKU master and on-hand stock in and out of a spreadsheet.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../../store/db';
import type { SkuData } from '../useSkuData';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';

export function ExcelTab({ db, data, canManage }: { db: WharfDB; data: SkuData; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }} data-testid="sku-excel">
      <ExportCard data={data} />
      {canManage ? <ImportCard db={db} data={data} /> : <Alert type="info" showIcon title={t('skus.excel.noPermission')} />}
    </Space>
  );
}
