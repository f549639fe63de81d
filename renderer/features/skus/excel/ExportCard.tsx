// Export the SKU master with on-hand per warehouse, in the import's own columns: edit it in
// Excel and import it back.
import { App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../../../shared/time';
import type { SkuData } from '../useSkuData';
import { download, rowsToCsv, rowsToXlsx, skuExportRows } from './exportSkus';

const stamp = (ms: number) => formatShanghai(ms).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);

export function ExportCard({ data }: { data: SkuData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = (kind: 'xlsx' | 'csv') => {
    const rows = skuExportRows(data.skus, data.stock, data.warehouses);
    const name = `wharf-sku-${stamp(Date.now())}.${kind}`;
    if (kind === 'xlsx') download(rowsToXlsx(rows), name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    else download(rowsToCsv(rows), name, 'text/csv;charset=utf-8');
    void message.success(t('skus.excel.exported', { n: rows.length - 1, file: name }));
  };
  return (
    <Card size="small" title={t('skus.excel.exportTitle')} data-testid="sku-export">
      <Typography.Paragraph type="secondary">{t('skus.excel.exportIntro')}</Typography.Paragraph>
      <Space wrap>
        <Button size="large" type="primary" disabled={!data.loaded} onClick={() => run('xlsx')} data-testid="sku-export-xlsx">{t('skus.excel.exportXlsx', { n: data.skus.length })}</Button>
        <Button size="large" disabled={!data.loaded} onClick={() => run('csv')} data-testid="sku-export-csv">{t('skus.excel.exportCsv')}</Button>
      </Space>
    </Card>
  );
}
