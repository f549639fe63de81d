// The review desk, where the ops lead and reviewers start the day: what is filling the queue
// (one line per reason), then four tabs with their counts — held orders, items waiting for a
// SKU, possible duplicates, merge suggestions.
import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { DuplicatesTab } from './DuplicatesTab';
import { MapSkuQueue } from './MapSkuQueue';
import { MergeTab } from './MergeTab';
import { ReviewQueue } from './ReviewQueue';
import { REVIEW_TABS, useReviewStore, type ReviewTab } from './reviewStore';
import { RuleSummary } from './RuleSummary';
import { useDeskData } from './useDeskData';

export function ReviewPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const tab = useReviewStore((s) => s.tab);
  const setTab = useReviewStore((s) => s.setTab);
  const data = useDeskData(db);
  const counts: Record<ReviewTab, number | undefined> = {
    queue: data.held?.length,
    map: data.waiting?.length,
    dups: data.duplicates?.length,
    merge: data.merges?.filter((g) => !g.parcelId).length,
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="review-page">
      <RuleSummary held={data.held} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as ReviewTab)}
        size="large"
        style={{ marginBottom: 0 }}
        items={REVIEW_TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`review-tab-${k}`}>
              {t(`review.tabs.${k}`)}
              <Badge count={counts[k] ?? 0} showZero overflowCount={9999} color={k === 'queue' || k === 'dups' ? '#fa541c' : '#1677ff'} style={{ marginInlineStart: 6 }} data-testid={`review-count-${k}`} />
            </span>
          ),
        }))}
      />
      <div style={{ flex: 1, minHeight: 0 }}>
        {tab === 'queue' && <ReviewQueue db={db} data={data} active />}
        {tab === 'map' && <MapSkuQueue db={db} data={data} active />}
        {tab === 'dups' && <DuplicatesTab db={db} data={data} />}
        {tab === 'merge' && <MergeTab db={db} data={data} />}
      </div>
    </div>
  );
}
