// 仓库: the warehouses orders ship from (where they are, which carriers they use, whether they
// are allocated to) and the allocation policy. Everyone may look; changes need settings.manage.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Warehouse } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { removeWarehouse } from '../../store/decisionMutators';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext, useCan } from '../operator';
import { WarehouseDrawer } from './WarehouseDrawer';
import { PolicyCard } from './policy/PolicyCard';

export function WarehousesPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('settings.manage');
  const rows = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const stock = useLiveQuery(() => db.stock.toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.orderBy('code').toArray(), [db]);
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const [open, setOpen] = useState<Warehouse | null>();
  const [removing, setRemoving] = useState<string>();
  const warehouses = useMemo(() => (rows ?? []).map((w) => ({ ...w, carriers: w.carriers ?? [], active: w.active ?? true, district: w.district ?? '', address: w.address ?? '' })), [rows]);
  const held = useMemo(() => {
    const m = new Map<string, { units: number; skus: number; allocated: number }>();
    for (const r of stock ?? []) {
      const h = m.get(r.warehouse) ?? { units: 0, skus: 0, allocated: 0 };
      m.set(r.warehouse, { units: h.units + r.onHand, skus: h.skus + (r.onHand > 0 ? 1 : 0), allocated: h.allocated + r.reserved });
    }
    return m;
  }, [stock]);
  const defaultRemote = settings?.rules.r11.defaultRemote ?? [];
  const carrierName = (code: string) => t(`carrier.${code}`, { defaultValue: code });

  const remove = async (w: Warehouse) => {
    setRemoving(w.code);
    try {
      await removeWarehouse(db, operatorContext(), w.code);
      notifyJournal();
      void message.success(t('warehouses.removed', { name: w.name || w.code }));
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setRemoving(undefined);
    }
  };

  const removeHint = (w: Warehouse) => {
    const h = held.get(w.code);
    const pinned = Object.entries(settings?.allocation.skuWarehouse ?? {}).filter(([, c]) => c === w.code).length;
    const shops = Object.values(settings?.allocation.shopWarehouses ?? {}).filter((list) => list.includes(w.code)).length;
    return [
      h && (h.units || h.allocated) ? t('warehouses.removeStock', { units: h.units, skus: h.skus, allocated: h.allocated }) : t('warehouses.removeNoStock'),
      pinned || shops ? t('warehouses.removeRefs', { pinned, shops }) : '',
      t('warehouses.removePause'),
    ].filter(Boolean).join(' ');
  };

  return (
    <div data-testid="warehouses-page" style={{ maxWidth: 1300 }}>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('warehouses.title')}</Typography.Title>
        {canManage && <Button type="primary" size="large" onClick={() => setOpen(null)} data-testid="warehouse-add">{t('warehouses.add')}</Button>}
      </Space>
      {!canManage && <Alert type="info" showIcon title={t('warehouses.readOnly')} style={{ marginBottom: 12 }} data-testid="warehouses-read-only" />}
      <Table<Warehouse>
        rowKey="code"
        loading={!rows}
        dataSource={warehouses}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('warehouses.empty') }}
        onRow={(w) => ({
          tabIndex: 0,
          onKeyDown: (e: React.KeyboardEvent) => { if (e.key === 'Enter' && e.target === e.currentTarget) setOpen(w); },
          'data-testid': 'warehouse-row',
          'data-code': w.code,
        } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'code', title: t('warehouses.field.code'), render: (_, w) => <Typography.Text code>{w.code}</Typography.Text> },
          { key: 'name', title: t('warehouses.field.name'), render: (_, w) => <Typography.Text strong data-testid="warehouse-name-cell">{w.name}</Typography.Text> },
          { key: 'region', title: t('warehouses.field.region'), render: (_, w) => <span data-testid="warehouse-region-cell">{[w.province, w.city, w.district].filter(Boolean).join(' ')}</span> },
          { key: 'address', title: t('warehouses.field.address'), dataIndex: 'address' },
          {
            key: 'point', title: t('warehouses.point'), render: (_, w) => (w.lat !== undefined && w.lng !== undefined
              ? <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="warehouse-point">{w.lat}, {w.lng}</span>
              : <Tag color="warning">{t('warehouses.noPoint')}</Tag>),
          },
          {
            key: 'carriers', title: t('warehouses.carriers'), render: (_, w) => (
              <Space size={[4, 4]} wrap data-testid="warehouse-carriers-cell">
                {w.carriers.map((c, i) => (
                  <Tag key={c.code} color={i === 0 ? 'blue' : undefined} title={(c.remote ?? defaultRemote).join('、')}>
                    {carrierName(c.code)}{c.remote ? ` · ${t('warehouses.remoteN', { n: c.remote.length })}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'stock', title: t('warehouses.stock'), align: 'right', render: (_, w) => {
              const h = held.get(w.code);
              return h ? t('warehouses.stockSummary', { units: h.units, skus: h.skus }) : '0';
            },
          },
          { key: 'active', title: t('warehouses.field.active'), render: (_, w) => (w.active ? <Tag color="green">{t('warehouses.on')}</Tag> : <Tag data-testid="warehouse-paused">{t('warehouses.paused')}</Tag>) },
          {
            key: 'actions', title: '', fixed: 'right', render: (_, w) => (
              <Space>
                <Button onClick={() => setOpen(w)} data-testid="warehouse-edit">{canManage ? t('common.edit') : t('common.view')}</Button>
                {canManage && (
                  <Popconfirm title={t('warehouses.removeConfirm', { name: w.name || w.code })} description={<div style={{ maxWidth: 360 }}>{removeHint(w)}</div>}
                    okText={t('warehouses.remove')} okButtonProps={{ danger: true, 'data-testid': 'warehouse-remove-ok' }} cancelText={t('common.cancel')} onConfirm={() => remove(w)}>
                    <Button danger loading={removing === w.code} data-testid="warehouse-remove">{t('warehouses.remove')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <PolicyCard db={db} warehouses={warehouses} skus={skus ?? []} canManage={canManage} />
      </div>
      <WarehouseDrawer db={db} warehouse={open} defaultRemote={defaultRemote} readOnly={!canManage} onClose={() => setOpen(undefined)} />
    </div>
  );
}
