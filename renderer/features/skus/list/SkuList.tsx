// The SKU master as a list: one search box (code, name, spec, barcode — a scanned barcode lands
// here), a category filter, every field at a glance with stock summed over warehouses, and the
// drawer to create or edit. Keys: "/" search, Enter on a row opens it, Alt+N a new SKU.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../../shared/domain/types';
import { formatFen } from '../../../../shared/money';
import type { WharfDB } from '../../../store/db';
import { useScans } from '../../scan';
import type { SkuData } from '../useSkuData';
import { isKit, kitsMakeableTotal } from '../stock/stockMath';
import { exactSku, filterSkus } from './skuSearch';
import { SkuDrawer } from './SkuDrawer';

const typingIn = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  return !!e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.isContentEditable);
};

export function SkuList({ db, data, canManage }: { db: WharfDB; data: SkuData; canManage: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>();
  const [open, setOpen] = useState<Sku | null>();
  const searchRef = useRef<InputRef>(null);
  const shown = useMemo(() => filterSkus(data.skus, query, category), [data.skus, query, category]);
  const codes = useMemo(() => data.warehouses.map((w) => w.code), [data.warehouses]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || open !== undefined) return;
      if (e.key === '/' && !typingIn(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      } else if (e.altKey && (e.key === 'n' || e.key === 'N') && canManage) {
        e.preventDefault();
        setOpen(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, canManage]);

  // a scanner types fast and ends with Enter; the scan service takes the burst out of whatever
  // field had focus and hands it here, so the scanned code becomes the search
  useScans((code) => {
    setQuery(code);
    setCategory(undefined);
    const hit = exactSku(data.skus, code);
    if (hit) return { kind: 'ok', message: t('skus.list.scanFound', { code, sku: hit.code, name: hit.name }) };
    const n = filterSkus(data.skus, code).length;
    return n ? { kind: 'ok', message: t('skus.list.scanSome', { code, n }) } : { kind: 'wrong', message: t('skus.list.scanNone', { code }) };
  }, { active: open === undefined });

  const stockCell = (s: Sku) => {
    if (isKit(s)) {
      const n = kitsMakeableTotal(s, codes, data.stockByKey, data.byCode);
      return <Tooltip title={t('skus.list.kitStockHint')}><Typography.Text type="secondary" data-testid="sku-stock">{t('skus.list.kitMakeable', { n })}</Typography.Text></Tooltip>;
    }
    const f = data.totals.get(s.code) ?? { onHand: 0, reserved: 0, frozen: 0, sellable: 0 };
    return (
      <span data-testid="sku-stock" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {f.onHand} / {f.reserved} / <Typography.Text strong type={f.sellable < 0 ? 'danger' : undefined}>{f.sellable}</Typography.Text>
      </span>
    );
  };

  return (
    <div data-testid="sku-list">
      <Space wrap size={[8, 8]} style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            size="large"
            allowClear
            data-testid="sku-search"
            aria-label={t('skus.list.search')}
            aria-keyshortcuts="/"
            placeholder={t('skus.list.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onPressEnter={() => { const hit = exactSku(data.skus, query) ?? (shown.length === 1 ? shown[0] : undefined); if (hit) setOpen(hit); }}
            style={{ width: 400 }}
          />
          <Select
            size="large"
            allowClear
            data-testid="sku-category-filter"
            aria-label={t('skus.list.category')}
            placeholder={t('skus.list.allCategories')}
            value={category}
            onChange={(v: string | undefined) => setCategory(v)}
            options={data.categories.map((c) => ({ value: c, label: c }))}
            style={{ minWidth: 180 }}
          />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('skus.list.count')}<span data-testid="sku-count" style={{ marginLeft: 6, fontVariantNumeric: 'tabular-nums' }}>{shown.length}</span>
          </Typography.Text>
          <Typography.Text type="secondary">{t('skus.list.keys')}</Typography.Text>
        </Space>
        {canManage && <Button type="primary" size="large" onClick={() => setOpen(null)} data-testid="sku-add" aria-keyshortcuts="Alt+N">{t('skus.list.add')}</Button>}
      </Space>
      <Table<Sku>
        rowKey="code"
        size="middle"
        loading={!data.loaded}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: data.skus.length ? t('skus.list.noMatch') : t('skus.list.empty') }}
        onRow={(s) => ({
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => setOpen(s),
          onKeyDown: (e: React.KeyboardEvent) => { if (e.key === 'Enter' && e.target === e.currentTarget) { e.preventDefault(); setOpen(s); } },
          'data-testid': 'sku-row',
          'data-code': s.code,
        } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'code', title: t('skus.field.code'), fixed: 'left', render: (_, s) => <Typography.Text strong data-testid="sku-code-cell">{s.code}</Typography.Text> },
          { key: 'name', title: t('skus.field.name'), dataIndex: 'name' },
          { key: 'spec', title: t('skus.field.spec'), dataIndex: 'spec' },
          { key: 'category', title: t('skus.field.category'), dataIndex: 'category' },
          { key: 'barcodes', title: t('skus.field.barcodes'), render: (_, s) => <span data-testid="sku-barcodes-cell">{s.barcodes.join(' ')}</span> },
          { key: 'weight', title: t('skus.field.weightG'), align: 'right', render: (_, s) => (s.weightG ? `${s.weightG} g` : '') },
          { key: 'cost', title: t('skus.field.costYuan'), align: 'right', render: (_, s) => `¥${formatFen(s.costFen)}` },
          { key: 'min', title: t('skus.field.minPriceYuan'), align: 'right', render: (_, s) => `¥${formatFen(s.minPriceFen)}` },
          { key: 'price', title: t('skus.field.priceYuan'), align: 'right', render: (_, s) => <span data-testid="sku-price-cell">¥{formatFen(s.priceFen)}</span> },
          {
            key: 'kit', title: t('skus.list.kit'), render: (_, s) => (isKit(s) ? (
              <span data-testid="sku-kit-cell"><Tag color="purple">{t('skus.list.kitTag')}</Tag>{s.components.map((c) => `${c.code}×${c.qty}`).join(' + ')}</span>
            ) : ''),
          },
          {
            key: 'batch', title: t('skus.list.batch'), render: (_, s) => (s.batchTracked || s.shelfLifeDays ? (
              <Space size={4}>
                {s.batchTracked && <Tag color="blue">{t('skus.list.batchTag')}</Tag>}
                {s.shelfLifeDays > 0 && <Tag>{t('skus.list.shelfLife', { n: s.shelfLifeDays })}</Tag>}
              </Space>
            ) : ''),
          },
          { key: 'stock', title: <Tooltip title={t('skus.list.stockHint')}>{t('skus.list.stock')}</Tooltip>, align: 'right', render: (_, s) => stockCell(s) },
        ]}
      />
      <SkuDrawer db={db} sku={open} skus={data.skus} byCode={data.byCode} categories={data.categories} readOnly={!canManage} onClose={() => setOpen(undefined)} />
    </div>
  );
}
