// SKUs that only one warehouse ships (bulky goods, a supplier's own stock…): pinning one pins
// every order that contains it.
import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku, Warehouse } from '../../../../shared/domain/types';

interface Props {
  value: Readonly<Record<string, string>>;
  skus: readonly Sku[];
  warehouses: readonly Warehouse[];
  disabled: boolean;
  onChange(next: Record<string, string>): void;
}

export function SkuPins({ value, skus, warehouses, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [sku, setSku] = useState<string>();
  const [warehouse, setWarehouse] = useState<string>();
  const rows = Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([code, wh]) => ({ code, wh }));
  const whOptions = warehouses.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }));
  const add = () => {
    if (!sku || !warehouse) return;
    onChange({ ...value, [sku]: warehouse });
    setSku(undefined);
  };
  return (
    <div data-testid="sku-pins">
      <Table
       
        rowKey="code"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('warehouses.policy.noPins') }}
        onRow={(r) => ({ 'data-testid': 'sku-pin', 'data-code': r.code } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            key: 'sku', title: t('warehouses.policy.sku'), render: (_, r) => {
              const s = skus.find((x) => x.code === r.code);
              return <span><Typography.Text strong>{r.code}</Typography.Text> {s ? <Typography.Text type="secondary">{s.name}{s.spec ? ` · ${s.spec}` : ''}</Typography.Text> : <Tag color="error">{t('warehouses.policy.unknownSku')}</Tag>}</span>;
            },
          },
          {
            key: 'warehouse', title: t('warehouses.policy.pinnedTo'), render: (_, r) => (
              <Select style={{ minWidth: 180 }} value={r.wh} disabled={disabled} options={whOptions} status={warehouses.some((w) => w.code === r.wh) ? undefined : 'error'}
                onChange={(wh: string) => onChange({ ...value, [r.code]: wh })} aria-label={t('warehouses.policy.pinnedTo')} data-testid="sku-pin-warehouse" />
            ),
          },
          ...(disabled ? [] : [{
            key: 'remove', title: '', render: (_: unknown, r: { code: string }) => (
              <Button danger onClick={() => { const next = { ...value }; delete next[r.code]; onChange(next); }} data-testid="sku-pin-remove">{t('warehouses.policy.removePin')}</Button>
            ),
          }]),
        ]}
      />
      {!disabled && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 300 }} value={sku} onChange={setSku} placeholder={t('warehouses.policy.pickSku')} aria-label={t('warehouses.policy.pickSku')}
            options={skus.filter((s) => !value[s.code]).map((s) => ({ value: s.code, label: `${s.code} ${s.name}${s.spec ? ` ${s.spec}` : ''}` }))} data-testid="sku-pin-sku" />
          <Select style={{ minWidth: 180 }} value={warehouse} onChange={setWarehouse} placeholder={t('warehouses.policy.pickWarehouse')} aria-label={t('warehouses.policy.pickWarehouse')}
            options={whOptions} data-testid="sku-pin-new-warehouse" />
          <Button onClick={add} disabled={!sku || !warehouse} data-testid="sku-pin-add">{t('warehouses.policy.addPin')}</Button>
        </Space>
      )}
    </div>
  );
}
