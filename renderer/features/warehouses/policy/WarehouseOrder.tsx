// The warehouses one shop may ship from, in order of preference: add, move up / down, remove.
// None listed means every active warehouse.
import { Button, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../../shared/domain/types';

interface Props {
  shop: string;
  value: readonly string[];
  warehouses: readonly Warehouse[];
  disabled: boolean;
  onChange(next: string[]): void;
}

export function WarehouseOrder({ shop, value, warehouses, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const nameOf = (code: string) => warehouses.find((w) => w.code === code)?.name;
  const move = (i: number, by: number) => {
    const next = [...value];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    onChange(next);
  };
  const left = warehouses.filter((w) => !value.includes(w.code));
  return (
    <Space wrap size={[6, 6]} data-testid="shop-warehouses" data-shop={shop}>
      {value.length === 0 && <Typography.Text type="secondary">{t('warehouses.policy.allWarehouses')}</Typography.Text>}
      {value.map((code, i) => (
        <Space.Compact key={code} data-testid="shop-warehouse" data-code={code}>
          <Tag color={nameOf(code) ? 'blue' : 'error'} style={{ margin: 0, fontSize: 14, padding: '4px 8px', lineHeight: '22px', borderRadius: 0 }}>
            {i + 1}. {nameOf(code) ?? t('warehouses.policy.unknownWarehouse', { code })} ({code})
          </Tag>
          {!disabled && (
            <>
              <Button disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('warehouses.policy.moveUp', { code })} data-testid="shop-warehouse-up">↑</Button>
              <Button disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('warehouses.policy.moveDown', { code })} data-testid="shop-warehouse-down">↓</Button>
              <Button danger onClick={() => onChange(value.filter((x) => x !== code))} aria-label={t('warehouses.policy.removeFrom', { code })} data-testid="shop-warehouse-remove">✕</Button>
            </>
          )}
        </Space.Compact>
      ))}
      {!disabled && left.length > 0 && (
        <Select
         
          value={null}
          placeholder={t('warehouses.policy.addWarehouse')}
          style={{ minWidth: 160 }}
          onChange={(code: string) => onChange([...value, code])}
          options={left.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))}
          aria-label={t('warehouses.policy.addWarehouse')}
          data-testid="shop-warehouse-add"
        />
      )}
    </Space>
  );
}
