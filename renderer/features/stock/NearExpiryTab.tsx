// 临期: batches that expire within decisions.stock.nearExpiryDays (and those already expired,
// marked, never "sell first"), soonest first, with days left, stock, shelves, and what to do
// with each and why — including the shops whose minimum remaining shelf life a batch no longer
// meets (allocation will not send it to them).
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { expiringRows } from '../../store/stock/expiringRows';
import { nearExpiryList, type NearExpiryEntry, type ShopShelfRule } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';
import { reasonText } from './reasonText';

const DAY = 86_400_000;
const DECISION_COLOR = { expired: 'red', sell_first: 'orange', no_shop: 'volcano', nothing_free: 'default' } as const;

export function NearExpiryTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const [warehouse, setWarehouse] = useState('');
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const within = settings?.stock.nearExpiryDays ?? 30;
  const data = useLiveQuery(async () => {
    const now = Date.now();
    // a batch with `within` whole days left still expires before now + (within + 1) days
    return { now, rows: await expiringRows(db, now + (within + 1) * DAY, warehouse || undefined) };
  }, [db, within, warehouse]);
  const rules = useMemo((): ShopShelfRule[] => {
    if (!settings) return [];
    const list = (shops ?? []).map((s) => ({ id: s.id, name: s.name, minDays: settings.stock.minRemainingDays[s.id] ?? 0 }));
    if (!list.some((s) => s.id === settings.ownShop.id)) list.push({ id: settings.ownShop.id, name: settings.ownShop.name, minDays: settings.stock.minRemainingDays[settings.ownShop.id] ?? 0 });
    return list;
  }, [settings, shops]);
  const list = useMemo(() => (data ? nearExpiryList(data.rows, data.now, { withinDays: within, shops: rules }) : undefined), [data, within, rules]);
  const names = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s.name])), [skus]);
  const whName = useMemo(() => new Map((warehouses ?? []).map((w) => [w.code, w.name])), [warehouses]);

  return (
    <div data-testid="stock-expiry">
      <Typography.Paragraph type="secondary">{t('stock.expiry.intro', { days: within })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={warehouse} onChange={setWarehouse} style={{ width: 200 }} aria-label={t('stock.col.warehouse')} data-testid="stock-expiry-warehouse"
          options={[{ value: '', label: t('stock.allWarehouses') }, ...(warehouses ?? []).map((w) => ({ value: w.code, label: w.name }))]} />
      </Space>
      <Table<NearExpiryEntry>
        rowKey="key" size="small" loading={!list} dataSource={list ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('stock.expiry.none', { days: within }) }}
        onRow={(e) => ({ 'data-testid': 'stock-expiry-row', 'data-key': e.key, 'data-decision': e.decision } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'expires', title: t('stock.col.expires'), render: (_, e) => formatShanghai(e.expiresAt).slice(0, 10) },
          {
            key: 'left', title: t('stock.expiry.daysLeft'), align: 'right', render: (_, e) => (
              <Tag color={e.expired ? 'red' : e.daysLeft <= 7 ? 'orange' : 'gold'} data-testid="stock-expiry-days">
                {e.expired ? t('stock.expiry.expiredDays', { n: -e.daysLeft }) : t('stock.expiry.leftDays', { n: e.daysLeft })}
              </Tag>
            ),
          },
          { key: 'sku', title: t('stock.col.sku'), render: (_, e) => <span><Typography.Text strong>{e.sku}</Typography.Text> {names.get(e.sku)}</span> },
          { key: 'batch', title: t('stock.col.batch'), render: (_, e) => e.batch || t('stock.noBatch') },
          { key: 'warehouse', title: t('stock.col.warehouse'), render: (_, e) => whName.get(e.warehouse) ?? e.warehouse },
          { key: 'loc', title: t('stock.col.locations'), render: (_, e) => e.locations.map((l) => `${l.location || '—'}×${l.qty}`).join('，') || '—' },
          { key: 'onHand', title: t('stock.col.onHand'), align: 'right', render: (_, e) => e.onHand },
          { key: 'sellable', title: t('stock.col.sellable'), align: 'right', render: (_, e) => <span data-testid="stock-expiry-sellable">{e.sellable}</span> },
          {
            key: 'what', title: t('stock.expiry.suggestion'), render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Tag color={DECISION_COLOR[e.decision]} data-testid="stock-expiry-decision">{t(`stock.expiry.decision.${e.decision}`)}</Tag>
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="stock-expiry-reasons">
                  {e.reasons.map((r, i) => <li key={i}>{reasonText(t, 'stock.expiry.reason', r)}</li>)}
                </ul>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
