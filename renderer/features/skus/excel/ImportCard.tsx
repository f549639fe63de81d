// Import the SKU master from xlsx / xls / csv: pick the file, check the column mapping (guessed
// from Chinese and English headers; 库存-<warehouse> columns carry on-hand), look at the preview
// and every row error (row, column, what is wrong, how to fix it), then import. A file with
// errors imports nothing unless "only the valid rows" is ticked.
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../../shared/domain/types';
import type { WharfDB } from '../../../store/db';
import { importSkus, setStock } from '../../../store/decisionMutators';
import { describeError } from '../../../i18n';
import { notifyJournal, operatorContext } from '../../operator';
import type { SkuData } from '../useSkuData';
import { guessColumns, SKU_FIELDS, type SkuColumnMapping, type SkuField, type StockColumn } from './columns';
import { readSkuTable, SkuTableError, type SkuTable } from './readSkuTable';
import { planSkuImport, type SkuRowError } from './rowsToSkus';

const IGNORE = '__ignore__';

export function ImportCard({ db, data }: { db: WharfDB; data: SkuData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; table: SkuTable }>();
  const [mapping, setMapping] = useState<SkuColumnMapping>({});
  const [stockCols, setStockCols] = useState<StockColumn[]>([]);
  const [readError, setReadError] = useState<string>();
  const [validOnly, setValidOnly] = useState(false);
  const [busy, setBusy] = useState(false);

  const plan = useMemo(() => {
    if (!file || mapping.code === undefined) return undefined;
    const used = stockCols.filter((s): s is StockColumn & { warehouse: string } => !!s.warehouse).map((s) => ({ column: s.column, header: s.header, warehouse: s.warehouse }));
    return planSkuImport(file.table, mapping, used, data.byCode, data.stockByKey);
  }, [file, mapping, stockCols, data.byCode, data.stockByKey]);

  const load = async (f: File) => {
    setReadError(undefined);
    setFile(undefined);
    try {
      const table = readSkuTable(f.name, new Uint8Array(await f.arrayBuffer()));
      const guess = guessColumns(table.headers, data.warehouses);
      setMapping(guess.mapping);
      setStockCols(guess.stock);
      setFile({ name: f.name, table });
      setValidOnly(false);
    } catch (e) {
      setReadError(e instanceof SkuTableError ? t(`skus.excel.read.${e.code}`, e.values) : String((e as Error)?.message ?? e));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const run = async () => {
    if (!file || !plan) return;
    setBusy(true);
    try {
      const ctx = operatorContext();
      const skus = [...plan.created, ...plan.changed];
      if (skus.length) await importSkus(db, ctx, file.name, skus);
      if (plan.stock.length) await setStock(db, ctx, plan.stock, t('skus.excel.stockReason', { file: file.name }));
      notifyJournal();
      void message.success(t('skus.excel.done', { created: plan.created.length, changed: plan.changed.length, stock: plan.stock.length, skipped: plan.invalidRows }));
      setFile(undefined);
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setBusy(false);
    }
  };

  const setField = (f: SkuField, col: number | undefined) => setMapping((m) => {
    const next = { ...m };
    if (col === undefined) delete next[f]; else next[f] = col;
    return next;
  });
  const columnOptions = file ? file.table.headers.map((h, i) => ({ value: i, label: h || `#${i + 1}` })) : [];
  const sample = (col: number | undefined) => (col === undefined ? '' : file?.table.rows[0]?.cells[col] ?? '');
  const nothing = !!plan && plan.created.length + plan.changed.length + plan.stock.length === 0;
  const blocked = !plan || nothing || (plan.errors.length > 0 && !validOnly);
  const toImport: { sku: Sku; isNew: boolean }[] = plan ? [...plan.created.map((sku) => ({ sku, isNew: true })), ...plan.changed.map((sku) => ({ sku, isNew: false }))] : [];

  return (
    <Card size="small" title={t('skus.excel.importTitle')} data-testid="sku-import">
      <Typography.Paragraph type="secondary">{t('skus.excel.importIntro')}</Typography.Paragraph>
      <Space wrap>
        <input ref={input} type="file" accept=".xlsx,.xls,.csv" hidden data-testid="sku-import-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void load(f); }} />
        <Button size="large" onClick={() => input.current?.click()} data-testid="sku-import-file">{t('skus.excel.pickFile')}</Button>
        {file && <Tag data-testid="sku-import-name">{t('skus.excel.fileTag', { file: file.name, n: file.table.rows.length, encoding: file.table.encoding })}</Tag>}
      </Space>
      {readError && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={readError} data-testid="sku-import-read-error" />}

      {file && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('skus.excel.step2')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="field" dataSource={SKU_FIELDS.map((field) => ({ field }))} data-testid="sku-import-mapping"
            columns={[
              { key: 'field', title: t('skus.excel.field'), render: (_, r) => <span>{t(`skus.excel.fields.${r.field}`)}{r.field === 'code' && <Typography.Text type="danger"> *</Typography.Text>}</span> },
              { key: 'column', title: t('skus.excel.column'), render: (_, r) => (
                <Select data-testid={`sku-map-${r.field}`} allowClear style={{ minWidth: 220 }} value={mapping[r.field]} placeholder={t('skus.excel.notInFile')}
                  onChange={(v: number | undefined) => setField(r.field, v)} options={columnOptions} />
              ) },
              { key: 'sample', title: t('skus.excel.sample'), render: (_, r) => <Typography.Text type="secondary">{sample(mapping[r.field])}</Typography.Text> },
            ]} />
          {stockCols.length > 0 && (
            <Table size="small" style={{ marginTop: 8 }} pagination={false} rowKey="column" dataSource={stockCols} data-testid="sku-import-stock-columns"
              columns={[
                { key: 'header', title: t('skus.excel.stockColumn'), dataIndex: 'header' },
                { key: 'warehouse', title: t('skus.excel.stockWarehouse'), render: (_, s) => (
                  <Select style={{ minWidth: 220 }} value={s.warehouse ?? IGNORE} data-testid="sku-import-stock-warehouse"
                    onChange={(v: string) => setStockCols((cols) => cols.map((c) => (c.column === s.column ? { ...c, warehouse: v === IGNORE ? undefined : v } : c)))}
                    options={[{ value: IGNORE, label: t('skus.excel.ignoreColumn') }, ...data.warehouses.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))]} />
                ) },
                { key: 'note', title: '', render: (_, s) => (s.warehouse ? null : <Typography.Text type="warning">{t('skus.excel.unknownWarehouse', { label: s.label })}</Typography.Text>) },
              ]} />
          )}

          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('skus.excel.step3')}</Typography.Title>
          {!plan ? (
            <Alert type="warning" showIcon title={t('skus.excel.needCode')} data-testid="sku-import-need-code" />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="sku-import-preview">
              <Space wrap>
                <Tag color="success" data-testid="sku-import-created">{t('skus.excel.created', { n: plan.created.length })}</Tag>
                <Tag color="processing" data-testid="sku-import-changed">{t('skus.excel.changed', { n: plan.changed.length })}</Tag>
                <Tag data-testid="sku-import-unchanged">{t('skus.excel.unchanged', { n: plan.unchanged })}</Tag>
                <Tag color="cyan" data-testid="sku-import-stock">{t('skus.excel.stockCells', { n: plan.stock.length })}</Tag>
                {plan.invalidRows > 0 && <Tag color="error" data-testid="sku-import-invalid">{t('skus.excel.invalidRows', { n: plan.invalidRows })}</Tag>}
              </Space>
              {plan.errors.length > 0 && (
                <Table<SkuRowError & { key: string }> size="small" data-testid="sku-import-errors" dataSource={plan.errors.map((e, i) => ({ ...e, key: `${e.row}:${i}` }))} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  onRow={(e) => ({ 'data-testid': 'sku-import-error', 'data-row': e.row, 'data-code': e.code } as React.HTMLAttributes<HTMLElement>)}
                  columns={[
                    { key: 'row', title: t('skus.excel.row'), dataIndex: 'row', width: 80 },
                    { key: 'column', title: t('skus.excel.column'), dataIndex: 'column', width: 160 },
                    { key: 'message', title: t('skus.excel.problem'), render: (_, e) => t(`skus.excel.err.${e.code}`, e.values) },
                    { key: 'fix', title: t('skus.excel.fix'), render: (_, e) => t(`skus.excel.howTo.${e.code}`, e.values) },
                  ]} />
              )}
              {toImport.length > 0 && (
                <Table size="small" rowKey={(r) => r.sku.code} dataSource={toImport.slice(0, 20)} pagination={false}
                  columns={[
                    { key: 'kind', title: '', width: 70, render: (_, r) => (r.isNew ? <Tag color="success">{t('skus.excel.new')}</Tag> : <Tag color="processing">{t('skus.excel.update')}</Tag>) },
                    { key: 'code', title: t('skus.field.code'), render: (_, r) => r.sku.code },
                    { key: 'name', title: t('skus.field.name'), render: (_, r) => `${r.sku.name}${r.sku.spec ? ` · ${r.sku.spec}` : ''}` },
                    { key: 'barcodes', title: t('skus.field.barcodes'), render: (_, r) => r.sku.barcodes.join(' ') },
                    { key: 'kit', title: t('skus.list.kit'), render: (_, r) => r.sku.components.map((c) => `${c.code}×${c.qty}`).join(' + ') },
                  ]} />
              )}
              {nothing && <Alert type="info" showIcon title={t('skus.excel.nothing')} data-testid="sku-import-nothing" />}
              {plan.errors.length > 0 && (
                <Checkbox data-testid="sku-import-valid-only" checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>{t('skus.excel.validOnly', { n: plan.invalidRows })}</Checkbox>
              )}
              <Button type="primary" size="large" data-testid="sku-import-run" disabled={blocked} loading={busy} onClick={() => void run()}>
                {t('skus.excel.run', { created: plan.created.length, changed: plan.changed.length, stock: plan.stock.length })}
              </Button>
              {plan.errors.length > 0 && !validOnly && <Typography.Text type="secondary" data-testid="sku-import-blocked">{t('skus.excel.allOrNothing')}</Typography.Text>}
            </Space>
          )}
        </>
      )}
    </Card>
  );
}
