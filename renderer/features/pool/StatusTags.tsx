// Status chips used by the pool row and the order detail. Each chip carries its words; the
// colour only helps scanning a long list. They take `t` from the caller instead of calling
// useTranslation themselves: a pool scroll step mounts dozens of rows at once.
import type { TFunction } from 'i18next';
import type { ChannelStatus, Fulfilment, Hold } from '../../../shared/domain/types';
import { Chip, type Tone } from './Chip';

const CHANNEL_TONE: Record<ChannelStatus, Tone> = {
  awaiting_payment: 'default', paid: 'blue', partially_shipped: 'cyan', shipped: 'geekblue', completed: 'green', closed: 'default',
};

const FULFILMENT_TONE: Partial<Record<Fulfilment, Tone>> = {
  new: 'blue', reviewing: 'gold', on_hold: 'orange', ready: 'cyan', shipped: 'green', handed_over: 'green', cancelled: 'default', intercepted: 'red',
};

export function ChannelTag({ status, refunding, t }: { status: ChannelStatus; refunding: boolean; t: TFunction }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Chip tone={CHANNEL_TONE[status]}>{t(`channel.${status}`)}</Chip>
      {refunding && <Chip tone="red">{t('channel.refunding')}</Chip>}
    </span>
  );
}

export function FulfilmentTag({ fulfilment, t }: { fulfilment: Fulfilment; t: TFunction }) {
  return <Chip tone={FULFILMENT_TONE[fulfilment] ?? 'purple'}>{t(`fulfilment.${fulfilment}`)}</Chip>;
}

export function holdLabel(t: TFunction, code: string): string {
  return t(`hold.${code}`, { defaultValue: code });
}

export function HoldTags({ holds, t }: { holds: readonly Hold[]; t: TFunction }) {
  return (
    <span>
      {holds.map((h) => <Chip key={`${h.code}:${h.at}`} tone="volcano" title={h.code}>⚠ {holdLabel(t, h.code)}</Chip>)}
    </span>
  );
}
