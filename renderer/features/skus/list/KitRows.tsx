// A kit's components (组合装明细): one row per SKU with its quantity per kit. A kit holds no
// stock of its own; allocation reserves these components instead.
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../../shared/domain/types';

export function KitRows({ skus, self, disabled }: { skus: readonly Sku[]; self: string; disabled: boolean }) {
  const { t } = useTranslation();
  const options = skus.filter((s) => s.code !== self).map((s) => ({ value: s.code, label: `${s.code} ${s.name}${s.spec ? ` ${s.spec}` : ''}` }));
  return (
    <Form.List name="components">
      {(fields, { add, remove }) => (
        <div data-testid="sku-kit">
          {fields.length === 0 && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('skus.form.notKit')}</Typography.Paragraph>}
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 4 }} data-testid="sku-kit-row">
              <Form.Item name={[f.name, 'code']} style={{ marginBottom: 8 }}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 300 }}
                  placeholder={t('skus.form.pickComponent')}
                  aria-label={t('skus.form.componentN', { n: i + 1 })}
                  options={options}
                  data-testid="sku-kit-code"
                />
              </Form.Item>
              <Form.Item name={[f.name, 'qty']} style={{ marginBottom: 8 }}>
                <InputNumber min={1} max={9999} precision={0} style={{ width: 110 }} prefix="×" aria-label={t('skus.form.componentQty', { n: i + 1 })} data-testid="sku-kit-qty" />
              </Form.Item>
              {!disabled && <Button danger onClick={() => remove(f.name)} data-testid="sku-kit-remove">{t('skus.form.removeComponent')}</Button>}
            </Space>
          ))}
          {!disabled && <Button onClick={() => add({ qty: 1 })} data-testid="sku-kit-add">{t('skus.form.addComponent')}</Button>}
        </div>
      )}
    </Form.List>
  );
}
