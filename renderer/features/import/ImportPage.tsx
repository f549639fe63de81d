// Import a platform's order export (xlsx, xls, csv in UTF-8 or GBK): pick the shop and the
// file, check the column mapping (remembered per platform), look at the preview and every row
// error (row, column, what, how to fix), then import all of it — or only the valid orders.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { PLATFORMS, type Platform } from '../../../shared/domain/types';
import { guessMapping, IMPORT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from '../../../shared/import/fields';
import { rowsToOrders, type ImportedOrder, type RowError } from '../../../shared/import/rowsToOrders';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { importOrders, recalledMapping, rememberMapping } from '../../store/excelImport';
import { notifyJournal, operatorContext, useCan } from '../operator';
import { readTable, type ReadTable } from './readTable';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function ImportPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = useCan('orders.pull');
  const shops = useLiveQuery(() => db.shops.toArray(), [db]) ?? [];
  const [platform, setPlatform] = useState<Platform>('taobao');
  const [shopId, setShopId] = useState<string>();
  const [file, setFile] = useState<{ name: string; table: ReadTable }>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [readError, setReadError] = useState<string>();
  const [validOnly, setValidOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const platformShops = shops.filter((s) => s.platform === platform);
  const shop = platformShops.find((s) => s.id === shopId);

  const result = useMemo(() => (file && shop ? rowsToOrders(file.table, mapping, { platform, shopId: shop.id }) : undefined), [file, shop, mapping, platform]);

  const load = async (f: File) => {
    setReadError(undefined);
    setFile(undefined);
    try {
      const table = readTable(f.name, new Uint8Array(await f.arrayBuffer()));
      // remembered columns win over guesses: the operator fixed them last time
      setMapping({ ...guessMapping(table.headers), ...(await recalledMapping(db, platform, table.headers)) });
      setFile({ name: f.name, table });
      setValidOnly(false);
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
  };

  const run = async () => {
    if (!file || !shop || !result) return;
    setBusy(true);
    try {
      const r = await importOrders(db, operatorContext(), { fileName: file.name, platform, shopId: shop.id, result, validOnly });
      await rememberMapping(db, platform, file.table.headers, mapping);
      notifyJournal();
      void message.success(t('import.done', { n: r.imported, skipped: r.skipped }));
      setFile(undefined);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const setField = (f: ImportField, col: number | undefined) => setMapping((m) => {
    const next = { ...m };
    if (col === undefined) delete next[f]; else next[f] = col;
    return next;
  });

  if (!allowed) return <Alert type="info" showIcon title={t('import.noPermission')} />;
  const blocked = !result || result.unmapped.length > 0 || result.orders.length === 0 || (result.errors.length > 0 && !validOnly);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('import.intro')}</Typography.Paragraph>
      <Card size="small" title={t('import.step1')}>
        <Space wrap>
          <Select aria-label={t('import.platform')} data-testid="import-platform" value={platform} style={{ minWidth: 160 }} onChange={(p: Platform) => { setPlatform(p); setShopId(undefined); setFile(undefined); }}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
          <Select aria-label={t('import.shop')} data-testid="import-shop" value={shopId} placeholder={t('import.pickShop')} style={{ minWidth: 260 }} onChange={setShopId}
            options={platformShops.map((s) => ({ value: s.id, label: s.name }))} notFoundContent={t('import.noShop')} />
          <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(f) => { void load(f); return false; }} disabled={!shop}>
            <Button data-testid="import-file" disabled={!shop}>{t('import.pickFile')}</Button>
          </Upload>
          {file && <Tag>{file.name} · {file.table.rows.length} {t('import.rows')} · {file.table.encoding}</Tag>}
        </Space>
        {readError && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={readError} data-testid="import-read-error" />}
      </Card>
      {file && (
        <Card size="small" title={t('import.step2')}>
          <Table size="small" pagination={false} rowKey="field" dataSource={IMPORT_FIELDS.map((f) => ({ field: f }))} scroll={{ y: 320 }}
            columns={[
              { key: 'field', title: t('import.field'), render: (_, r) => <span>{t(`import.fields.${r.field}`)}{REQUIRED_FIELDS.includes(r.field) && <Typography.Text type="danger"> *</Typography.Text>}</span> },
              { key: 'column', title: t('import.column'), render: (_, r) => (
                <Select data-testid={`map-${r.field}`} allowClear style={{ minWidth: 240 }} value={mapping[r.field]} placeholder={t('import.notInFile')} onChange={(v: number | undefined) => setField(r.field, v)}
                  options={file.table.headers.map((h, i) => ({ value: i, label: h || `#${i + 1}` }))} />
              ) },
              { key: 'sample', title: t('import.sample'), render: (_, r) => <Typography.Text type="secondary">{mapping[r.field] !== undefined ? String(file.table.rows[0]?.[mapping[r.field]!] ?? '') : ''}</Typography.Text> },
            ]} />
        </Card>
      )}
      {result && (
        <Card size="small" title={t('import.step3')} data-testid="import-preview">
          {result.unmapped.length > 0 ? (
            <Alert type="warning" showIcon title={t('import.unmapped', { fields: result.unmapped.map((f) => t(`import.fields.${f}`)).join('、') })} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="success" data-testid="import-valid">{t('import.validOrders', { n: result.orders.length })}</Tag>
                {result.invalidOrders > 0 && <Tag color="error" data-testid="import-invalid">{t('import.invalidOrders', { n: result.invalidOrders })}</Tag>}
              </Space>
              {result.errors.length > 0 && (
                <Table<RowError> size="small" data-testid="import-errors" rowKey={(e) => `${e.row}:${e.column}:${e.message}`} dataSource={result.errors} pagination={{ pageSize: 20 }}
                  columns={[
                    { key: 'row', title: t('import.row'), dataIndex: 'row', width: 80 },
                    { key: 'column', title: t('import.column'), dataIndex: 'column', width: 160 },
                    { key: 'message', title: t('import.problem'), dataIndex: 'message' },
                    { key: 'fix', title: t('import.fix'), dataIndex: 'fix' },
                  ]} />
              )}
              <Table<ImportedOrder> size="small" rowKey={(o) => o.order.orderId} dataSource={result.orders.slice(0, 20)} pagination={false}
                columns={[
                  { key: 'id', title: t('detail.orderId'), render: (_, o) => <Typography.Text copyable>{o.order.orderId}</Typography.Text> },
                  { key: 'status', title: t('detail.channelStatus'), render: (_, o) => `${t(`channel.${o.order.channelStatus}`)} (${o.order.platformStatus})` },
                  { key: 'created', title: t('detail.created'), render: (_, o) => formatShanghai(o.order.createdAt) },
                  { key: 'pay', title: t('detail.payment'), render: (_, o) => yuan(o.order.paymentFen) },
                  { key: 'lines', title: t('detail.lines'), render: (_, o) => o.order.lines.map((l) => `${l.title} ×${l.qty}`).join('；') },
                  { key: 'receiver', title: t('detail.receiver'), render: (_, o) => [o.order.receiver.nameMasked, o.order.receiver.phoneMasked].filter(Boolean).join(' ') },
                ]} />
              {result.errors.length > 0 && (
                <Checkbox data-testid="import-valid-only" checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>{t('import.validOnly', { n: result.invalidOrders })}</Checkbox>
              )}
              <Button type="primary" size="large" data-testid="import-run" disabled={blocked} loading={busy} onClick={() => void run()}>
                {t('import.run', { n: result.orders.length })}
              </Button>
              {result.errors.length > 0 && !validOnly && <Typography.Text type="secondary">{t('import.allOrNothing')}</Typography.Text>}
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
