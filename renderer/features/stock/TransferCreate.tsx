// A transfer sheet: from and to, lines by scan or typed code (SKU, batch, the shelf it leaves,
// quantity), sent as `transfer_out` movements under one new transfer id. The ledger's check
// (more than is free, an unknown warehouse…) comes back as an error that keeps the sheet.
import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { moveStock } from '../../store/stockMutators';
import { warehouseRows } from '../../store/stock/warehouseRows';
import { sellableOfRow } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { useScans } from '../scan';
import { findSku } from './findSku';
import { ScanBox } from './ScanBox';
import { sheetId } from './sheetId';
import { addTransferScan, mainLocation, transferOut, type TransferLine } from './transferLines';

export function TransferCreate({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const byCode = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s])), [skus]);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [lines, setLines] = useState<TransferLine[]>([]);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);
  const rows = useLiveQuery(() => (from ? warehouseRows(db, from) : Promise.resolve([])), [db, from]);
  const rowOf = (sku: string, batch: string) => (rows ?? []).find((r) => r.sku === sku && r.batch === batch);

  const add = (text: string) => {
    const s = findSku(skus ?? [], byCode, text);
    if (!s) { const m = t('stock.receive.unknown', { code: text.trim() }); setError(m); return { kind: 'wrong' as const, message: m }; }
    if (!from) { const m = t('stock.transfer.pickFrom'); setError(m); return { kind: 'wrong' as const, message: m }; }
    setError(undefined);
    const id = nextId.current++;
    const now = Date.now();
    setLines((ls) => addTransferScan(ls, s.code, rows ?? [], now, id).lines);
    return { kind: 'ok' as const, message: t('stock.receive.added', { sku: s.code, n: addTransferScan(lines, s.code, rows ?? [], now, id).qty }) };
  };
  useScans((c) => add(c));

  const set = (id: number, patch: Partial<TransferLine>) => setLines((ls) => ls.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const submit = async () => {
    if (!from || !to) { setError(t('stock.transfer.pickBoth')); return; }
    if (from === to) { setError(t('stock.transfer.same')); return; }
    const id = sheetId('TR', Date.now());
    setBusy(true);
    try {
      await moveStock(db, operatorContext(), transferOut(lines, from, to, id), { source: id });
      notifyJournal();
      void message.success(t('stock.transfer.sent', { id, n: lines.length }));
      setSent(id);
      setLines([]);
      setError(undefined);
    } catch (e) {
      const d = describeError(e, t);
      setError([d.title, d.message].filter(Boolean).join(': '));
    } finally { setBusy(false); }
  };

  const whOptions = (warehouses ?? []).map((w) => ({ value: w.code, label: w.name }));
  return (
    <Card title={t('stock.transfer.createTitle')} data-testid="stock-transfer-create">
      <Typography.Paragraph type="secondary">{t('stock.transfer.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={from} onChange={(v) => { setFrom(v); setLines([]); }} placeholder={t('stock.transfer.from')} aria-label={t('stock.transfer.from')} style={{ width: 200 }} data-testid="stock-transfer-from" options={whOptions} />
        <span>→</span>
        <Select size="large" value={to} onChange={setTo} placeholder={t('stock.transfer.to')} aria-label={t('stock.transfer.to')} style={{ width: 200 }} data-testid="stock-transfer-to" options={whOptions.filter((w) => w.value !== from)} />
      </Space>
      <ScanBox onAdd={add} testId="stock-transfer" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="stock-transfer-error" />}
      {sent && !lines.length && <Alert type="success" showIcon title={t('stock.transfer.sentNote', { id: sent })} style={{ marginBottom: 8 }} data-testid="stock-transfer-sent" />}
      <Table<TransferLine>
        rowKey="id" size="small" pagination={false} dataSource={lines}
        locale={{ emptyText: t('stock.transfer.emptySheet') }}
        onRow={(l) => ({ 'data-testid': 'stock-transfer-line', 'data-sku': l.sku } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <span><Typography.Text strong>{l.sku}</Typography.Text> {byCode.get(l.sku)?.name}</span> },
          {
            key: 'batch', title: t('stock.col.batch'), render: (_, l) => (
              <Select value={l.batch} onChange={(batch) => set(l.id, { batch, location: mainLocation(rowOf(l.sku, batch)) })} style={{ width: 220 }} aria-label={t('stock.col.batch')} data-testid="stock-transfer-batch"
                options={(rows ?? []).filter((r) => r.sku === l.sku).map((r) => ({
                  value: r.batch,
                  label: t('stock.transfer.batchOption', { batch: r.batch || t('stock.noBatch'), n: sellableOfRow(r), expires: r.expiresAt !== undefined ? formatShanghai(r.expiresAt).slice(0, 10) : '—' }),
                }))} />
            ),
          },
          {
            key: 'location', title: t('stock.col.locations'), render: (_, l) => (
              <Select value={l.location} onChange={(location) => set(l.id, { location })} style={{ width: 160 }} aria-label={t('stock.col.locations')} data-testid="stock-transfer-location"
                options={Object.entries(rowOf(l.sku, l.batch)?.locations ?? { '': 0 }).filter(([loc, n]) => n > 0 || loc === l.location).map(([loc, n]) => ({ value: loc, label: `${loc || t('stock.count.noLocation')} × ${n}` }))} />
            ),
          },
          { key: 'qty', title: t('stock.receive.qty'), render: (_, l) => <InputNumber min={1} precision={0} value={l.qty} onChange={(v) => set(l.id, { qty: Number(v ?? 1) })} aria-label={t('stock.receive.qty')} data-testid="stock-transfer-qty" /> },
          { key: 'remove', title: '', render: (_, l) => <Button onClick={() => setLines((ls) => ls.filter((x) => x.id !== l.id))}>{t('stock.receive.remove')}</Button> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="large" type="primary" disabled={!lines.length} loading={busy} onClick={() => void submit()} data-testid="stock-transfer-submit">{t('stock.transfer.submit', { n: lines.length })}</Button>
        <Button size="large" disabled={!lines.length} onClick={() => setLines([])} data-testid="stock-transfer-clear">{t('stock.receive.clear')}</Button>
      </Space>
    </Card>
  );
}
