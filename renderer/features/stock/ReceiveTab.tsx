// 入库: scan cartons into a receiving sheet (a scan fills the SKU), fill in batch, dates and
// location, and receive the sheet as one stock.moved event. The sheet is checked before it
// lands; an error names the line and how to fix it, and nothing of the sheet is lost.
import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { moveStock } from '../../store/stockMutators';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { useScans } from '../scan';
import { addScanned, toReceipt, type ReceiveLine } from './receiveLines';
import { findSku } from './findSku';

export function ReceiveTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const byCode = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s])), [skus]);
  const [warehouse, setWarehouse] = useState<string>();
  const [source, setSource] = useState('');
  const [code, setCode] = useState('');
  const [lines, setLines] = useState<ReceiveLine[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);

  const find = (text: string) => findSku(skus ?? [], byCode, text);
  const add = (text: string) => {
    const s = find(text);
    if (!s) { setError(t('stock.receive.unknown', { code: text.trim() })); return { kind: 'wrong' as const, message: t('stock.receive.unknown', { code: text.trim() }) }; }
    setError(undefined);
    const id = nextId.current++;
    // the updater form: scans that come faster than a render each count
    setLines((ls) => addScanned(ls, s.code, id).lines);
    return { kind: 'ok' as const, message: t('stock.receive.added', { sku: s.code, n: addScanned(lines, s.code, id).qty }) };
  };
  useScans((c) => add(c));

  const set = (id: number, patch: Partial<ReceiveLine>) => setLines((ls) => ls.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const submit = async () => {
    if (!warehouse) { setError(t('stock.receive.pickWarehouse')); return; }
    let sheet;
    try {
      sheet = lines.map((l, i) => { try { return toReceipt(l, warehouse, byCode.get(l.sku)); } catch { throw new Error(t('stock.receive.badDate', { n: i + 1 })); } });
    } catch (e) { setError((e as Error).message); return; }
    setBusy(true);
    try {
      await moveStock(db, operatorContext(), sheet, { source: source.trim() });
      notifyJournal();
      void message.success(t('stock.receive.done', { n: lines.length }));
      setLines([]);
      setError(undefined);
    } catch (e) {
      const d = describeError(e, t);
      setError([d.title, d.message].filter(Boolean).join(': '));
    } finally { setBusy(false); }
  };

  return (
    <div data-testid="stock-receive">
      <Typography.Paragraph type="secondary">{t('stock.receive.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={warehouse} onChange={setWarehouse} placeholder={t('stock.receive.warehouse')} aria-label={t('stock.receive.warehouse')} style={{ width: 200 }} data-testid="stock-receive-warehouse"
          options={(warehouses ?? []).map((w) => ({ value: w.code, label: w.name }))} />
        <Input size="large" value={source} onChange={(e) => setSource(e.target.value)} placeholder={t('stock.receive.source')} aria-label={t('stock.receive.source')} style={{ width: 220 }} data-testid="stock-receive-source" />
        <Input size="large" value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('stock.receive.scan')} aria-label={t('stock.receive.scan')} style={{ width: 260 }} data-testid="stock-receive-code"
          onPressEnter={() => { add(code); setCode(''); }} />
        <Button size="large" onClick={() => { add(code); setCode(''); }} data-testid="stock-receive-add">{t('stock.receive.add')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="stock-receive-error" />}
      <Table<ReceiveLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={lines}
        onRow={(l) => ({ 'data-testid': 'stock-receive-line', 'data-sku': l.sku } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <span><Typography.Text strong>{l.sku}</Typography.Text> {byCode.get(l.sku)?.name}</span> },
          { key: 'qty', title: t('stock.receive.qty'), render: (_, l) => <InputNumber min={1} precision={0} value={l.qty} onChange={(v) => set(l.id, { qty: Number(v ?? 1) })} aria-label={t('stock.receive.qty')} data-testid="stock-receive-qty" /> },
          { key: 'batch', title: t('stock.receive.batch'), render: (_, l) => <Input value={l.batch} onChange={(e) => set(l.id, { batch: e.target.value })} aria-label={t('stock.receive.batch')} data-testid="stock-receive-batch" style={{ width: 120 }} /> },
          {
            key: 'produced', title: t('stock.receive.produced'),
            render: (_, l) => {
              const days = byCode.get(l.sku)?.shelfLifeDays ?? 0;
              return <Space orientation="vertical" size={0}><Input type="date" value={l.produced} onChange={(e) => set(l.id, { produced: e.target.value })} aria-label={t('stock.receive.produced')} data-testid="stock-receive-produced" />{days > 0 && <Typography.Text type="secondary">{t('stock.receive.shelfLife', { days })}</Typography.Text>}</Space>;
            },
          },
          { key: 'expires', title: t('stock.receive.expires'), render: (_, l) => <Input type="date" value={l.expires} onChange={(e) => set(l.id, { expires: e.target.value })} aria-label={t('stock.receive.expires')} data-testid="stock-receive-expires" /> },
          { key: 'location', title: t('stock.receive.location'), render: (_, l) => <Input value={l.location} onChange={(e) => set(l.id, { location: e.target.value })} aria-label={t('stock.receive.location')} data-testid="stock-receive-location" style={{ width: 100 }} /> },
          { key: 'remove', title: '', render: (_, l) => <Button onClick={() => setLines((ls) => ls.filter((x) => x.id !== l.id))} aria-label={t('stock.receive.remove')}>{t('stock.receive.remove')}</Button> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="large" type="primary" disabled={!lines.length} loading={busy} onClick={() => void submit()} data-testid="stock-receive-submit">{t('stock.receive.submit', { n: lines.length })}</Button>
        <Button size="large" disabled={!lines.length} onClick={() => setLines([])} data-testid="stock-receive-clear">{t('stock.receive.clear')}</Button>
      </Space>
    </div>
  );
}
