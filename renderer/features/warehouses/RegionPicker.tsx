// 省 / 市 / 区县 of a warehouse: picked from the national division list (searchable), or typed
// by hand for a place the list does not have. The names are what allocation looks up.
import { useMemo, useState } from 'react';
import { Button, Cascader, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { allProvinces, childrenOf } from '../../../shared/address';
import type { Region } from './warehouseForm';

interface Option { value: string; label: string; children?: Option[] }

let tree: Option[] | undefined;
function divisionOptions(): Option[] {
  tree ??= allProvinces().map((p) => ({
    value: p.name,
    label: p.name,
    children: childrenOf(p.code).map((c) => {
      const districts = childrenOf(c.code).map((d) => ({ value: d.name, label: d.name }));
      return districts.length ? { value: c.name, label: c.name, children: districts } : { value: c.name, label: c.name };
    }),
  }));
  return tree;
}

/** True when the names are a path of the division list (so the cascader can show them). */
function inTree(r: Region): boolean {
  if (!r.province) return true;
  const p = divisionOptions().find((o) => o.value === r.province);
  if (!p) return false;
  if (!r.city) return true;
  const c = p.children?.find((o) => o.value === r.city);
  if (!c) return false;
  return !r.district || !!c.children?.some((o) => o.value === r.district);
}

export function RegionPicker({ value, onChange, disabled }: { value?: Region; onChange?: (r: Region) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const region = value ?? { province: '', city: '', district: '' };
  const [manual, setManual] = useState(() => !inTree(region));
  const options = useMemo(divisionOptions, []);
  const set = (patch: Partial<Region>) => onChange?.({ ...region, ...patch });
  const path = [region.province, region.city, region.district].filter(Boolean);
  return (
    <div data-testid="warehouse-region">
      {manual ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input value={region.province} onChange={(e) => set({ province: e.target.value })} placeholder={t('warehouses.field.province')} aria-label={t('warehouses.field.province')} disabled={disabled} data-testid="warehouse-province" />
          <Input value={region.city} onChange={(e) => set({ city: e.target.value })} placeholder={t('warehouses.field.city')} aria-label={t('warehouses.field.city')} disabled={disabled} data-testid="warehouse-city" />
          <Input value={region.district} onChange={(e) => set({ district: e.target.value })} placeholder={t('warehouses.field.district')} aria-label={t('warehouses.field.district')} disabled={disabled} data-testid="warehouse-district" />
        </Space.Compact>
      ) : (
        <Cascader
          style={{ width: '100%' }}
          options={options}
          value={path}
          changeOnSelect
          showSearch={{ filter: (input, p) => p.some((o) => String(o.label ?? '').includes(input)) }}
          placeholder={t('warehouses.form.regionPlaceholder')}
          aria-label={t('warehouses.field.region')}
          disabled={disabled}
          onChange={(v) => { const [province = '', city = '', district = ''] = (v ?? []).map(String); onChange?.({ province, city, district }); }}
          data-testid="warehouse-cascader"
        />
      )}
      {!disabled && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setManual(!manual)} data-testid="warehouse-region-mode">
          {manual ? t('warehouses.form.regionPick') : t('warehouses.form.regionType')}
        </Button>
      )}
    </div>
  );
}
