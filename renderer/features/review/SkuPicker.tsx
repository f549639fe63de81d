// Pick any SKU of the master by code, name or barcode (a scanned barcode lands here too).
import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../shared/domain/types';

const LIMIT = 30;

export function searchSkus(skus: Iterable<Sku>, query: string, limit = LIMIT): Sku[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const exact: Sku[] = [];
  const rest: Sku[] = [];
  for (const s of skus) {
    const code = s.code.toLowerCase();
    if (code === q || s.barcodes.includes(query.trim())) exact.push(s);
    else if (code.includes(q) || s.name.toLowerCase().includes(q) || s.spec.toLowerCase().includes(q) || s.barcodes.some((b) => b.startsWith(query.trim()))) rest.push(s);
    if (exact.length + rest.length >= limit * 4) break;
  }
  return [...exact, ...rest].slice(0, limit);
}

export const skuLabel = (s: Pick<Sku, 'code' | 'name' | 'spec'>) => `${s.code} · ${s.name}${s.spec ? ` ${s.spec}` : ''}`;

interface Props {
  skus: ReadonlyMap<string, Sku>;
  value?: string;
  onChange(code: string): void;
  /** Enter with the list closed: the pick is final */
  onEnter?(): void;
  autoFocus?: boolean;
}

export function SkuPicker({ skus, value, onChange, onEnter, autoFocus }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const found = useMemo(() => searchSkus(skus.values(), query), [skus, query]);
  const picked = value ? skus.get(value) : undefined;
  // the picked SKU stays listed, so the box shows its label and not a bare code
  const options = [...(picked && !found.includes(picked) ? [picked] : []), ...found].map((s) => ({ value: s.code, label: skuLabel(s) }));
  return (
    <Select
      data-testid="map-search"
      aria-label={t('review.map.search')}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      value={value}
      placeholder={t('review.map.search')}
      onChange={(code: string) => { onChange(code); setQuery(''); }}
      options={options}
      notFoundContent={null}
      onOpenChange={setOpen}
      onInputKeyDown={(e) => { if (e.key === 'Enter' && !open && value && !query) { e.preventDefault(); onEnter?.(); } }}
      style={{ minWidth: 360 }}
      autoFocus={autoFocus}
    />
  );
}
