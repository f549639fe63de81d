// Status chips used by the pool row and the order detail. Each chip carries its words; the
// colour only helps scanning a long list.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelStatus, Fulfilment, Hold } from '../../../shared/domain/types';

const CHANNEL_COLOUR: Record<ChannelStatus, string> = {
  awaiting_payment: 'default', paid: 'blue', partially_shipped: 'cyan', shipped: 'geekblue', completed: 'green', closed: 'default',
};

const FULFILMENT_COLOUR: Partial<Record<Fulfilment, string>> = {
  new: 'blue', reviewing: 'gold', on_hold: 'orange', ready: 'cyan', shipped: 'green', handed_over: 'green', cancelled: 'default', intercepted: 'red',
};

export function ChannelTag({ status, refunding }: { status: ChannelStatus; refunding: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={CHANNEL_COLOUR[status]} style={{ marginInlineEnd: 4 }}>{t(`channel.${status}`)}</Tag>
      {refunding && <Tag color="red">{t('channel.refunding')}</Tag>}
    </span>
  );
}

export function FulfilmentTag({ fulfilment }: { fulfilment: Fulfilment }) {
  const { t } = useTranslation();
  return <Tag color={FULFILMENT_COLOUR[fulfilment] ?? 'purple'}>{t(`fulfilment.${fulfilment}`)}</Tag>;
}

export function holdLabel(t: (k: string, o?: Record<string, unknown>) => string, code: string): string {
  return t(`hold.${code}`, { defaultValue: code });
}

export function HoldTags({ holds }: { holds: readonly Hold[] }) {
  const { t } = useTranslation();
  return (
    <span>
      {holds.map((h) => (
        <Tag key={`${h.code}:${h.at}`} color="volcano" title={h.code} style={{ marginInlineEnd: 4 }}>⚠ {holdLabel(t, h.code)}</Tag>
      ))}
    </span>
  );
}
