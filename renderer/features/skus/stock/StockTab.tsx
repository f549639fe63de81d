// On-hand per SKU × warehouse, what allocation reads now (the stock ledger replaces it later).
// Type a count into a cell and press Enter to save it, or change several and save them
// together, or select rows for 批量调整; every change needs a reason and is one stock.set event.
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Input, Space, Table, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnHand, Sku } from '../../../../shared/domain/types';
import type { WharfDB } from '../../../store/db';
import { setStock } from '../../../store/decisionMutators';
import { describeError } from '../../../i18n';
import { notifyJournal, operatorContext } from '../../operator';
import { useScans } from '../../scan';
import type { SkuData } from '../useSkuData';
import { filterSkus } from '../list/skuSearch';
import { BulkStockModal } from './BulkStockModal';
import { StockCell } from './StockCell';
import { figuresOf, isKit, kitsMakeable, stockKey } from './stockMath';

export function StockTab({ db, data, canManage }: { db: WharfDB; data: SkuData; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [drafts, setDrafts] = useState<Map<string, OnHand>>(new Map());
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<InputRef>(null);
  const shown = useMemo(() => filterSkus(data.skus, query), [data.skus, query]);
  const selectedSkus = useMemo(() => data.skus.filter((s) => selected.includes(s.code) && !isKit(s)), [data.skus, selected]);

  useScans((code) => {
    setQuery(code);
    const n = filterSkus(data.skus, code).length;
    return n ? { kind: 'ok', message: t('skus.list.scanSome', { code, n }) } : { kind: 'wrong', message: t('skus.list.scanNone', { code }) };
  }, { active: !bulkOpen });

  const needReason = (text: string) => {
    if (text.trim()) return false;
    setReasonError(true);
    reasonRef.current?.focus();
    void message.warning(t('skus.stock.reasonRequired'));
    return true;
  };

  const save = async (rows: OnHand[], why: string): Promise<boolean> => {
    if (!rows.length || needReason(why)) return false;
    setBusy(true);
    try {
      await setStock(db, operatorContext(), rows, why.trim());
      notifyJournal();
      setDrafts((d) => {
        const next = new Map(d);
        for (const r of rows) next.delete(stockKey(r.sku, r.warehouse));
        return next;
      });
      void message.success(t('skus.stock.saved', { n: rows.length }));
      return true;
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const setDraft = (sku: string, warehouse: string, qty: number | undefined) => setDrafts((d) => {
    const next = new Map(d);
    if (qty === undefined) next.delete(stockKey(sku, warehouse)); else next.set(stockKey(sku, warehouse), { sku, warehouse, qty });
    return next;
  });

  const saveCell = async (sku: string, warehouse: string) => {
    const d = drafts.get(stockKey(sku, warehouse));
    if (d && !(await save([d], reason))) return;
    // on to the same warehouse's next SKU that has stock of its own
    const next = shown.slice(shown.findIndex((s) => s.code === sku) + 1).find((s) => !isKit(s));
    if (next) document.querySelector<HTMLInputElement>(`[data-stock-cell="${CSS.escape(`${next.code}|${warehouse}`)}"] input`)?.focus();
  };

  if (data.loaded && !data.warehouses.length) return <Alert type="info" showIcon title={t('skus.stock.noWarehouses')} data-testid="stock-no-warehouses" />;

  return (
    <div data-testid="stock-tab">
      <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
        <Input size="large" allowClear value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('skus.list.searchPlaceholder')} aria-label={t('skus.list.search')}
          data-testid="stock-search" style={{ width: 300 }} />
        {canManage && (
          <>
            <Input ref={reasonRef} size="large" value={reason} onChange={(e) => { setReason(e.target.value); setReasonError(false); }} status={reasonError ? 'error' : undefined}
              placeholder={t('skus.stock.reasonPlaceholder')} aria-label={t('skus.stock.reason')} aria-required data-testid="stock-reason" style={{ width: 320 }}
              prefix={<Typography.Text type="danger">*</Typography.Text>} />
            <Button size="large" type="primary" disabled={!drafts.size} loading={busy} onClick={() => void save([...drafts.values()], reason)} data-testid="stock-save-all">
              {t('skus.stock.saveAll', { n: drafts.size })}
            </Button>
            <Button size="large" disabled={!drafts.size} onClick={() => setDrafts(new Map())} data-testid="stock-discard">{t('skus.stock.discard')}</Button>
            <Button size="large" disabled={!selectedSkus.length} onClick={() => setBulkOpen(true)} data-testid="stock-bulk-open">{t('skus.stock.bulk', { n: selectedSkus.length })}</Button>
          </>
        )}
      </Space>
      {reasonError && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('skus.stock.reasonRequired')} data-testid="stock-reason-error" />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{canManage ? t('skus.stock.intro') : t('skus.stock.readOnly')}</Typography.Paragraph>
      <Table<Sku>
        rowKey="code"
        size="small"
        loading={!data.loaded}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        rowSelection={canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (s) => ({ disabled: isKit(s), 'aria-label': s.code } as object) } : undefined}
        onRow={(s) => ({ 'data-testid': 'stock-row', 'data-code': s.code } as React.HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: t('skus.list.empty') }}
        columns={[
          {
            key: 'sku', title: t('skus.stock.sku'), fixed: 'left', render: (_, s) => (
              <div style={{ minWidth: 160 }}>
                <Typography.Text strong>{s.code}</Typography.Text>{isKit(s) && <Tag color="purple" style={{ marginLeft: 6 }}>{t('skus.list.kitTag')}</Tag>}
                <div style={{ fontSize: 12, color: '#666' }}>{s.name}{s.spec ? ` · ${s.spec}` : ''}</div>
              </div>
            ),
          },
          ...data.warehouses.map((w) => ({
            key: `w:${w.code}`,
            title: <span>{w.name} <Typography.Text type="secondary">({w.code})</Typography.Text>{w.active === false && <Tag style={{ marginLeft: 4 }}>{t('skus.stock.paused')}</Tag>}</span>,
            render: (_: unknown, s: Sku) => (isKit(s) ? (
              <Tooltip title={t('skus.list.kitStockHint')}>
                <Typography.Text type="secondary" data-testid="stock-kit-cell">{t('skus.list.kitMakeable', { n: kitsMakeable(s, w.code, data.stockByKey, data.byCode) })}</Typography.Text>
              </Tooltip>
            ) : (
              <StockCell
                sku={s.code}
                warehouse={w.code}
                figures={figuresOf(data.stockByKey.get(stockKey(s.code, w.code)))}
                draft={drafts.get(stockKey(s.code, w.code))?.qty}
                editable={canManage}
                onDraft={(v) => setDraft(s.code, w.code, v)}
                onEnter={() => void saveCell(s.code, w.code)}
              />
            )),
          })),
          {
            key: 'total', title: t('skus.stock.total'), align: 'right' as const, render: (_: unknown, s: Sku) => {
              if (isKit(s)) return '';
              const f = data.totals.get(s.code) ?? { onHand: 0, reserved: 0, frozen: 0, sellable: 0 };
              return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="stock-total">{f.onHand} / {f.reserved} / {f.sellable}</span>;
            },
          },
        ]}
      />
      <BulkStockModal
        open={bulkOpen}
        skus={selectedSkus}
        warehouses={data.warehouses}
        stockByKey={data.stockByKey}
        reason={reason}
        busy={busy}
        onCancel={() => setBulkOpen(false)}
        onSave={(rows, why) => void save(rows, why).then((ok) => { if (ok) { setBulkOpen(false); setSelected([]); setReason(why); } })}
      />
    </div>
  );
}
