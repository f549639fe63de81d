// One line above the desk: what is filling the queue, per reason — open holds now, and how many
// of them were raised today. A click filters the queue to that reason.
import { useMemo } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../shared/domain/types';
import { reasonCounts, shanghaiDayStart } from './queueFilter';
import { REASONS, reasonName } from './reasons';
import { useReviewStore } from './reviewStore';

export function RuleSummary({ held, now = Date.now }: { held: readonly OrderRow[] | undefined; now?: () => number }) {
  const { t } = useTranslation();
  const chosen = useReviewStore((s) => s.filter.reasons);
  const counts = useMemo(() => reasonCounts(held ?? [], shanghaiDayStart(now())), [held, now]);
  const present = REASONS.filter((r) => counts.has(r));
  const pick = (r: string) => {
    const s = useReviewStore.getState();
    s.setTab('queue');
    s.toggleReason(r);
  };
  return (
    <div data-testid="rule-summary" style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap', minHeight: 32, marginBottom: 6 }} title={t('review.summary.hint')}>
      <Typography.Text strong>{t('review.summary.label')}</Typography.Text>
      {!present.length && <Typography.Text type="secondary">{t('review.summary.none')}</Typography.Text>}
      {present.map((r) => {
        const c = counts.get(r)!;
        const on = chosen.includes(r);
        return (
          <button key={r} type="button" data-testid="summary-reason" data-reason={r} aria-pressed={on} onClick={() => pick(r)}
            style={{ border: `1px solid ${on ? '#1677ff' : '#d9d9d9'}`, background: on ? '#e6f4ff' : '#fff', borderRadius: 14, padding: '2px 10px', cursor: 'pointer', fontSize: 14, lineHeight: '22px' }}>
            {reasonName(r, t)} <b style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="summary-count">{c.open}</b>
            {c.today > 0 && c.today !== c.open && <span style={{ color: '#8c8c8c', marginInlineStart: 4 }}>{t('review.summary.today', { n: c.today })}</span>}
          </button>
        );
      })}
    </div>
  );
}
