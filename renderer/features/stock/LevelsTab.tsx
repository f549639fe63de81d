// Stock per SKU × warehouse (the ledger's roll-up), each row opening into its batches; every
// figure is a button that opens the movements behind it. A scan searches.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockRow, WharfDB } from '../../store/db';
import type { StockRow as BatchRow } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';
import { useScans } from '../scan';
import { DrillDown, type DrillTarget } from './DrillDown';

function Figure({ n, label, onOpen, testId }: { n: number; label: string; onOpen(): void; testId: string }) {
  return (
    <Button type="link" size="small" onClick={onOpen} aria-label={label} data-testid={testId} style={{ padding: 0, fontVariantNumeric: 'tabular-nums' }} danger={n < 0}>
      {n}
    </Button>
  );
}

function Batches({ db, row, open }: { db: WharfDB; row: StockRow; open(t: DrillTarget): void }) {
  const { t } = useTranslation();
  const batches = useLiveQuery(() => db.stockRows.where('sku').equals(row.sku).filter((b) => b.warehouse === row.warehouse).toArray(), [db, row.sku, row.warehouse]);
  const sorted = useMemo(() => [...(batches ?? [])].sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || (a.batch < b.batch ? -1 : 1)), [batches]);
  return (
    <Table<BatchRow>
      data-testid="stock-batches"
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={sorted}
      columns={[
        { key: 'batch', title: t('stock.col.batch'), render: (_, b) => <span data-testid="stock-batch">{b.batch || t('stock.noBatch')}</span> },
        { key: 'expires', title: t('stock.col.expires'), render: (_, b) => (b.expiresAt !== undefined ? formatShanghai(b.expiresAt).slice(0, 10) : '—') },
        { key: 'loc', title: t('stock.col.locations'), render: (_, b) => Object.entries(b.locations).filter(([, n]) => n).map(([l, n]) => `${l || '—'}×${n}`).join('，') || '—' },
        { key: 'onHand', title: t('stock.col.onHand'), align: 'right', render: (_, b) => <Figure n={b.onHand} label={t('stock.col.onHand')} testId="stock-batch-onhand" onOpen={() => open({ sku: b.sku, warehouse: b.warehouse, batch: b.batch })} /> },
        { key: 'reserved', title: t('stock.col.reserved'), align: 'right', render: (_, b) => b.reserved },
        { key: 'frozen', title: t('stock.col.frozen'), align: 'right', render: (_, b) => b.frozen },
        { key: 'sellable', title: t('stock.col.sellable'), align: 'right', render: (_, b) => b.onHand - b.reserved - b.frozen },
      ]}
    />
  );
}

export function LevelsTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [warehouse, setWarehouse] = useState<string>('');
  const [drill, setDrill] = useState<DrillTarget>();
  const rows = useLiveQuery(() => db.stock.toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const names = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s])), [skus]);
  const whName = useMemo(() => new Map((warehouses ?? []).map((w) => [w.code, w.name])), [warehouses]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? [])
      .filter((r) => !warehouse || r.warehouse === warehouse)
      .filter((r) => {
        if (!q) return true;
        const s = names.get(r.sku);
        return r.sku.toLowerCase().includes(q) || (s?.name ?? '').toLowerCase().includes(q) || (s?.barcodes ?? []).includes(query.trim());
      })
      .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.warehouse < b.warehouse ? -1 : 1));
  }, [rows, warehouse, query, names]);

  useScans((code) => {
    setQuery(code);
    return { kind: 'ok', message: code };
  }, { active: !drill });

  const open = (sku: string, wh: string) => setDrill({ sku, warehouse: wh });
  return (
    <div data-testid="stock-levels">
      <Space wrap style={{ marginBottom: 8 }}>
        <Input size="large" allowClear value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('stock.search')} aria-label={t('stock.search')} style={{ width: 300 }} data-testid="stock-levels-search" />
        <Select size="large" value={warehouse} onChange={setWarehouse} style={{ width: 200 }} data-testid="stock-levels-warehouse"
          options={[{ value: '', label: t('stock.allWarehouses') }, ...(warehouses ?? []).map((w) => ({ value: w.code, label: w.name }))]} />
      </Space>
      <Table<StockRow>
        rowKey="key"
        size="small"
        loading={!rows}
        dataSource={shown}
        locale={{ emptyText: t('stock.empty') }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'stock-level-row', 'data-key': r.key } as React.HTMLAttributes<HTMLElement>)}
        expandable={{ expandedRowRender: (r) => <Batches db={db} row={r} open={setDrill} />, rowExpandable: () => true }}
        columns={[
          { key: 'sku', title: t('stock.col.sku'), render: (_, r) => <Typography.Text strong>{r.sku}</Typography.Text> },
          { key: 'name', title: t('stock.col.name'), render: (_, r) => [names.get(r.sku)?.name, names.get(r.sku)?.spec].filter(Boolean).join(' ') },
          { key: 'warehouse', title: t('stock.col.warehouse'), render: (_, r) => whName.get(r.warehouse) ?? r.warehouse },
          { key: 'onHand', title: t('stock.col.onHand'), align: 'right', render: (_, r) => <Figure n={r.onHand} label={t('stock.col.onHand')} testId="stock-onhand" onOpen={() => open(r.sku, r.warehouse)} /> },
          { key: 'reserved', title: t('stock.col.reserved'), align: 'right', render: (_, r) => <Figure n={r.reserved} label={t('stock.col.reserved')} testId="stock-reserved" onOpen={() => open(r.sku, r.warehouse)} /> },
          { key: 'frozen', title: t('stock.col.frozen'), align: 'right', render: (_, r) => <Figure n={r.frozen} label={t('stock.col.frozen')} testId="stock-frozen" onOpen={() => open(r.sku, r.warehouse)} /> },
          { key: 'sellable', title: t('stock.col.sellable'), align: 'right', render: (_, r) => <Figure n={r.sellable} label={t('stock.col.sellable')} testId="stock-sellable" onOpen={() => open(r.sku, r.warehouse)} /> },
        ]}
      />
      <DrillDown db={db} target={drill} onClose={() => setDrill(undefined)} />
    </div>
  );
}
