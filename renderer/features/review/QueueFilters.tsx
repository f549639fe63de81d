// The queue's filters: order id search (a scanned id lands here too), one shop, any reasons.
import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopPublic } from '../../../shared/domain/types';
import { REASONS, reasonLabel } from './reasons';
import { useReviewStore } from './reviewStore';

export function QueueFilters({ shops, counts }: { shops: ReadonlyMap<string, ShopPublic>; counts: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const filter = useReviewStore((s) => s.filter);
  const setFilter = useReviewStore((s) => s.setFilter);
  const reset = useReviewStore((s) => s.resetFilter);
  const any = filter.reasons.length > 0 || !!filter.shopId || !!filter.search;
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
      <Input.Search
        allowClear
        data-testid="queue-search"
        aria-label={t('review.queue.searchPlaceholder')}
        placeholder={t('review.queue.searchPlaceholder')}
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
        style={{ width: 280 }}
      />
      <Select
        data-testid="queue-shop"
        aria-label={t('review.queue.allShops')}
        allowClear
        placeholder={t('review.queue.allShops')}
        value={filter.shopId}
        onChange={(shopId?: string) => setFilter({ shopId })}
        style={{ minWidth: 220 }}
        options={[...shops.values()].map((s) => ({ value: s.id, label: `${t(`platform.${s.platform}`)} · ${s.name}` }))}
      />
      <Select
        data-testid="queue-reasons"
        aria-label={t('review.queue.reasonFilter')}
        mode="multiple"
        allowClear
        placeholder={t('review.queue.reasonFilter')}
        value={filter.reasons}
        onChange={(reasons: string[]) => setFilter({ reasons })}
        style={{ minWidth: 280, maxWidth: 560 }}
        maxTagCount="responsive"
        options={REASONS.map((r) => ({ value: r, label: `${reasonLabel(r, t)}${counts.get(r) ? ` (${counts.get(r)})` : ''}` }))}
      />
      {any && <Button onClick={reset} data-testid="queue-clear-filters">{t('review.queue.clearFilters')}</Button>}
    </div>
  );
}
