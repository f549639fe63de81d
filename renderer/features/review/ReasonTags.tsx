// A row's open holds, each with its reason: the rule's short name and the sentence it wrote, a
// person's reason (and who, when), or the platform status that only the platform can clear.
// Compact (tags, the sentence on hover) for lists; `detailed` writes the sentences out.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hold, OrderRow, UserPublic } from '../../../shared/domain/types';
import { formatShanghaiShort } from '../../../shared/time';
import { CHANNEL, MANUAL, holdSentence, openHolds, reasonLabel, reasonOf } from './reasons';

const COLOR: Record<string, string> = { [MANUAL]: 'purple', [CHANNEL]: 'red' };

interface Props {
  row: Pick<OrderRow, 'holds'>;
  detailed?: boolean;
  /** names for "held by"; ids are shown without it */
  users?: ReadonlyMap<string, Pick<UserPublic, 'name'>>;
}

export function ReasonTags({ row, detailed = false, users }: Props) {
  const { t } = useTranslation();
  const holds = openHolds(row);
  if (!holds.length) return null;
  const who = (h: Hold) => {
    const by = String(h.values.by ?? '');
    return by ? t('review.reason.manualBy', { who: users?.get(by)?.name ?? by, at: formatShanghaiShort(h.at) }) : '';
  };
  const label = (h: Hold) => reasonLabel(reasonOf(h), t);
  if (!detailed) {
    return (
      <span data-testid="reason-tags">
        {holds.map((h) => (
          <Tooltip key={`${h.code}:${h.at}`} title={[holdSentence(h, t), reasonOf(h) === CHANNEL ? t('review.reason.channelHint') : who(h)].filter(Boolean).join(' · ')}>
            <Tag color={COLOR[reasonOf(h)] ?? 'volcano'} data-reason={reasonOf(h)} style={{ marginInlineEnd: 4 }}>{label(h)}</Tag>
          </Tooltip>
        ))}
      </span>
    );
  }
  return (
    <ul data-testid="reason-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {holds.map((h) => {
        const reason = reasonOf(h);
        const sentence = holdSentence(h, t);
        return (
          <li key={`${h.code}:${h.at}`} data-testid="reason" data-reason={reason} style={{ lineHeight: '22px', marginBottom: 2 }}>
            <Tag color={COLOR[reason] ?? 'volcano'} style={{ marginInlineEnd: 6 }}>{label(h)}</Tag>
            <span>{sentence}</span>
            {reason === CHANNEL && <span style={{ color: '#8c8c8c', fontSize: 12, marginInlineStart: 6 }}>{t('review.reason.channelHint')}</span>}
            {reason === MANUAL && who(h) && <span style={{ color: '#8c8c8c', fontSize: 12, marginInlineStart: 6 }}>{who(h)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
