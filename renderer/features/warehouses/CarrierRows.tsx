// The carriers a warehouse ships with, the first being its default (the one rule r11 checks),
// each with the regions it will not serve at standard terms. Left empty, a carrier gets the
// rule's default remote list.
import { useMemo } from 'react';
import { AutoComplete, Button, Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { allProvinces } from '../../../shared/address';
import { zhCN } from '../../i18n/zh-CN';

export function CarrierRows({ defaultRemote, disabled }: { defaultRemote: readonly string[]; disabled: boolean }) {
  const { t } = useTranslation();
  // the carrier list is the zh-CN table's keys (every language labels the same codes)
  const carrierOptions = useMemo(() => Object.keys(zhCN.carrier).map((code) => ({ value: code, label: `${code} ${t(`carrier.${code}`)}` })), [t]);
  const regionOptions = useMemo(() => allProvinces().map((p) => ({ value: p.name, label: p.name })), []);
  const fallback = defaultRemote.join('、') || t('warehouses.form.noRemote');
  return (
    <Form.List name="carriers">
      {(fields, { add, remove, move }) => (
        <div data-testid="warehouse-carriers">
          {fields.length === 0 && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('warehouses.form.noCarriers')}</Typography.Paragraph>}
          {fields.map((f, i) => (
            <div key={f.key} data-testid="warehouse-carrier-row" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}>
              <Space align="start" wrap>
                <Form.Item name={[f.name, 'code']} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('warehouses.form.carrierRequired') }]}>
                  <AutoComplete
                    options={carrierOptions}
                    style={{ width: 200 }}
                    placeholder={t('warehouses.form.carrierPlaceholder')}
                    aria-label={t('warehouses.form.carrierN', { n: i + 1 })}
                    showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
                    data-testid="warehouse-carrier-code"
                  />
                </Form.Item>
                {i === 0 ? <Tag color="blue" style={{ marginTop: 8 }}>{t('warehouses.form.defaultCarrier')}</Tag> : !disabled && (
                  <Button onClick={() => move(i, 0)} data-testid="warehouse-carrier-first">{t('warehouses.form.makeDefault')}</Button>
                )}
                {!disabled && <Button danger onClick={() => remove(f.name)} data-testid="warehouse-carrier-remove">{t('warehouses.form.removeCarrier')}</Button>}
              </Space>
              <Form.Item name={[f.name, 'remote']} label={t('warehouses.form.remote')} extra={t('warehouses.form.remoteHint', { list: fallback })} style={{ marginBottom: 8 }}>
                <Select mode="tags" options={regionOptions} placeholder={t('warehouses.form.remoteDefault', { list: fallback })} tokenSeparators={[',', '，', '、', ';', '；']}
                  aria-label={t('warehouses.form.remote')} data-testid="warehouse-carrier-remote" />
              </Form.Item>
            </div>
          ))}
          {!disabled && <Button onClick={() => add({ code: '', remote: [] })} data-testid="warehouse-carrier-add">{t('warehouses.form.addCarrier')}</Button>}
        </div>
      )}
    </Form.List>
  );
}
