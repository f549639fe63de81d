// The pool's filter bar: one search box (any id a caller reads out), shops, both status
// dimensions, held-only, and a created-time range in Shanghai time.
import { memo, useEffect, useMemo, useRef } from 'react';
import { Button, Checkbox, DatePicker, Input, Select, Space, type InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { CHANNEL_STATUSES, FULFILMENTS, type ChannelStatus, type Fulfilment } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { listShopNames } from '../../store/shopNames';
import { usePoolFilter } from './filterStore';
import { msToWall, presetRanges, wallToMs } from './shanghaiRange';
import { ExportButton } from '../export';

const SEARCH_DEBOUNCE_MS = 250;

// memo: the page re-renders on every pool refresh during an ingest burst; the filter bar's
// antd controls are the costliest part of that and their props do not change
export const PoolFilters = memo(function PoolFilters({ db, searchRef }: { db: WharfDB; searchRef: React.RefObject<InputRef | null> }) {
  const { t } = useTranslation();
  const { filter, searchText, setFilter, setSearchText, applySearch, reset } = usePoolFilter();
  const shops = useLiveQuery(() => listShopNames(db), [db]) ?? [];
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  // typing searches after a short pause; Enter searches at once
  useEffect(() => () => clearTimeout(typing.current), []);
  const onSearchChange = (text: string) => {
    setSearchText(text);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => applySearch(text), SEARCH_DEBOUNCE_MS);
  };

  const range: [Dayjs, Dayjs] | null = filter.from !== undefined && filter.to !== undefined ? [msToWall(filter.from), msToWall(filter.to)] : null;
  const presets = useMemo(
    () => presetRanges(Date.now()).map((p) => ({ label: t(`pool.range.${p.key}`), value: [msToWall(p.from), msToWall(p.to)] as [Dayjs, Dayjs] })),
    [t],
  );
  const active = !!(filter.search || filter.shopIds?.length || filter.channelStatuses?.length || filter.fulfilments?.length || filter.heldOnly || filter.from !== undefined);

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
      <Input
        ref={searchRef}
        data-testid="pool-search"
        size="large"
        allowClear
        aria-label={t('pool.searchLabel')}
        placeholder={t('pool.searchPlaceholder')}
        aria-keyshortcuts="/"
        value={searchText}
        onChange={(e) => onSearchChange(e.target.value)}
        onPressEnter={() => { clearTimeout(typing.current); applySearch(); }}
        style={{ width: 300 }}
      />
      <Select<string[]>
        mode="multiple"
        size="large"
        allowClear
        aria-label={t('pool.filterShops')}
        placeholder={t('pool.filterShops')}
        value={filter.shopIds ?? []}
        onChange={(v) => setFilter({ shopIds: v.length ? v : undefined })}
        options={shops.map((s) => ({ value: s.id, label: s.name }))}
        maxTagCount="responsive"
        style={{ minWidth: 140, maxWidth: 260 }}
        optionFilterProp="label"
      />
      <Select<ChannelStatus[]>
        mode="multiple"
        size="large"
        allowClear
        aria-label={t('pool.filterChannel')}
        placeholder={t('pool.filterChannel')}
        value={filter.channelStatuses ?? []}
        onChange={(v) => setFilter({ channelStatuses: v.length ? v : undefined })}
        options={CHANNEL_STATUSES.map((s) => ({ value: s, label: t(`channel.${s}`) }))}
        maxTagCount="responsive"
        style={{ minWidth: 140, maxWidth: 240 }}
      />
      <Select<Fulfilment[]>
        mode="multiple"
        size="large"
        allowClear
        aria-label={t('pool.filterFulfilment')}
        placeholder={t('pool.filterFulfilment')}
        value={filter.fulfilments ?? []}
        onChange={(v) => setFilter({ fulfilments: v.length ? v : undefined })}
        options={FULFILMENTS.map((s) => ({ value: s, label: t(`fulfilment.${s}`) }))}
        maxTagCount="responsive"
        style={{ minWidth: 140, maxWidth: 240 }}
      />
      <DatePicker.RangePicker
        size="large"
        showTime
        allowEmpty={[false, false]}
        aria-label={t('pool.filterCreated')}
        placeholder={[t('pool.createdFrom'), t('pool.createdTo')]}
        value={range}
        presets={presets}
        style={{ width: 370 }}
        onChange={(v) => {
          const [a, b] = v ?? [];
          setFilter(a && b ? { from: wallToMs(a), to: wallToMs(b) } : { from: undefined, to: undefined });
        }}
      />
      <Checkbox checked={!!filter.heldOnly} onChange={(e) => setFilter({ heldOnly: e.target.checked || undefined })} style={{ fontSize: 15 }}>
        {t('pool.heldOnly')}
      </Checkbox>
      <Button size="large" onClick={reset} disabled={!active}>{t('pool.resetFilters')}</Button>
      <ExportButton db={db} filter={filter} />
    </Space>
  );
});
