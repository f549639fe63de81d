// 在途: transfers sent and not yet received, per line (transfer id, from → to, SKU, batch, units,
// sent at). The receiving warehouse confirms what arrived — all of it or part; the rest stays
// in transit until it arrives too.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { moveStock } from '../../store/stockMutators';
import { inTransitLines, type InTransitLine } from '../../store/stock/inTransit';
import { formatShanghai } from '../../../shared/time';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';

interface Arrival { qty?: number; location: string }

export function InTransitList({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const [to, setTo] = useState('');
  const lines = useLiveQuery(() => inTransitLines(db, to || undefined), [db, to]);
  const [arrivals, setArrivals] = useState<Map<string, Arrival>>(new Map());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const whName = new Map((warehouses ?? []).map((w) => [w.code, w.name]));
  const arrival = (l: InTransitLine): Arrival => arrivals.get(l.key) ?? { location: '' };
  const set = (key: string, patch: Partial<Arrival>) => setArrivals((m) => new Map(m).set(key, { ...(m.get(key) ?? { location: '' }), ...patch }));

  const confirm = async (l: InTransitLine) => {
    const a = arrival(l);
    const qty = a.qty ?? l.qty;
    setBusy(l.key);
    try {
      await moveStock(db, operatorContext(), [{ kind: 'transfer_in', sku: l.sku, warehouse: l.to, batch: l.batch, location: a.location.trim(), qty, transfer: l.transfer }], { source: l.transfer });
      notifyJournal();
      void message.success(t(qty < l.qty ? 'stock.transit.partial' : 'stock.transit.arrived', { sku: l.sku, n: qty, left: l.qty - qty }));
      setArrivals((m) => { const next = new Map(m); next.delete(l.key); return next; });
      setError(undefined);
    } catch (e) {
      const d = describeError(e, t);
      setError([d.title, d.message].filter(Boolean).join(': '));
    } finally { setBusy(undefined); }
  };

  return (
    <Card title={t('stock.transit.title')} data-testid="stock-transit">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={to} onChange={setTo} style={{ width: 220 }} aria-label={t('stock.transit.to')} data-testid="stock-transit-to"
          options={[{ value: '', label: t('stock.transit.allTo') }, ...(warehouses ?? []).map((w) => ({ value: w.code, label: t('stock.transit.toOption', { name: w.name }) }))]} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="stock-transit-error" />}
      <Table<InTransitLine>
        rowKey="key" size="small" loading={!lines} dataSource={lines ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('stock.transit.none') }}
        onRow={(l) => ({ 'data-testid': 'stock-transit-line', 'data-key': l.key, 'data-transfer': l.transfer } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'transfer', title: t('stock.transit.transfer'), render: (_, l) => <Typography.Text code data-testid="stock-transit-id">{l.transfer}</Typography.Text> },
          { key: 'route', title: t('stock.transit.route'), render: (_, l) => `${whName.get(l.from) ?? l.from} → ${whName.get(l.to) ?? l.to}` },
          { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <Typography.Text strong>{l.sku}</Typography.Text> },
          { key: 'batch', title: t('stock.col.batch'), render: (_, l) => l.batch || t('stock.noBatch') },
          { key: 'qty', title: t('stock.transit.qty'), align: 'right', render: (_, l) => <span data-testid="stock-transit-qty">{l.qty}</span> },
          { key: 'sent', title: t('stock.transit.sentAt'), render: (_, l) => (l.sentAt !== undefined ? formatShanghai(l.sentAt).slice(0, 16) : '—') },
          { key: 'arrived', title: t('stock.transit.arrivedQty'), render: (_, l) => <InputNumber min={1} precision={0} value={arrival(l).qty ?? l.qty} onChange={(v) => set(l.key, { qty: typeof v === 'number' ? v : undefined })} aria-label={t('stock.transit.arrivedQty')} data-testid="stock-transit-arrive-qty" /> },
          { key: 'location', title: t('stock.transit.location'), render: (_, l) => <Input value={arrival(l).location} onChange={(e) => set(l.key, { location: e.target.value })} aria-label={t('stock.transit.location')} style={{ width: 110 }} data-testid="stock-transit-location" /> },
          { key: 'confirm', title: '', render: (_, l) => <Button type="primary" loading={busy === l.key} disabled={!!busy && busy !== l.key} onClick={() => void confirm(l)} data-testid="stock-transit-confirm">{t('stock.transit.confirm')}</Button> },
        ]}
      />
    </Card>
  );
}
