// The order's timeline: what, when (Shanghai), who (operator name, 平台 or 系统), device, why.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UserPublic } from '../../../../shared/domain/types';
import type { WharfEvent } from '../../../../shared/events/envelope';
import { formatShanghai } from '../../../../shared/time';
import { formatFen } from '../../../../shared/money';
import { useOperator } from '../../operator';
import { describeTimeline, type TimelineEntry, type Who, type Why } from './timeline';

function whyText(w: Why, t: TFunction): string {
  switch (w.k) {
    case 'first': return t('timeline.why.first', { status: w.status, source: t(`timeline.source.${w.source}`, { defaultValue: w.source }) });
    case 'status': return `${t('timeline.why.status')} ${w.from} → ${w.to}`;
    case 'channel': return `${t('timeline.why.channel')} ${t(`channel.${w.from}`)} → ${t(`channel.${w.to}`)}`;
    case 'refund': return w.on ? t('timeline.why.refundOn') : t('timeline.why.refundOff');
    case 'lineRefund': return t('timeline.why.lineRefund', { lineId: w.lineId, from: w.from, to: w.to });
    case 'paid': return t('timeline.why.paid', { at: formatShanghai(w.at) });
    case 'tracking': return t('timeline.why.tracking', { no: w.no, carrier: w.carrier ?? '' });
    case 'memo': return t('timeline.why.memo', { text: w.text || t('timeline.empty') });
    case 'message': return t('timeline.why.message', { text: w.text || t('timeline.empty') });
    case 'flag': return t('timeline.why.flag', { from: t(`flag.f${w.from}`), to: t(`flag.f${w.to}`) });
    case 'amount': return t('timeline.why.amount', { from: formatFen(w.from), to: formatFen(w.to) });
    case 'receiver': return t('timeline.why.receiver');
    case 'noChange': return t('timeline.why.noChange');
    case 'payload': return w.text;
  }
}

function whoText(who: Who, t: TFunction, users: ReadonlyMap<string, UserPublic>, shops: ReadonlyMap<string, string>): string {
  if (who.kind === 'platform') return `${t('timeline.platform')} · ${shops.get(who.shopId) ?? who.shopId}`;
  if (who.kind === 'system') return t('timeline.system');
  return users.get(who.id)?.name ?? who.id;
}

function deviceText(device: string, t: TFunction, shops: ReadonlyMap<string, string>, thisDevice: string): string {
  if (device.startsWith('shop:')) return t('timeline.deviceShop', { shop: shops.get(device.slice(5)) ?? device.slice(5) });
  // device ids are UUIDs: the first block tells PCs apart, the tooltip has the whole id
  const short = device.length > 12 ? `${device.slice(0, 8)}…` : device;
  return device === thisDevice ? t('timeline.thisDevice', { id: short }) : short;
}

export function OrderTimeline({ events, users, shops }: { events: readonly WharfEvent[]; users: ReadonlyMap<string, UserPublic>; shops: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { device } = useOperator();
  const entries: TimelineEntry[] = describeTimeline(events);
  return (
    <div data-testid="order-timeline">
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('timeline.none')}</Typography.Text>
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            content: (
              <div data-testid="timeline-entry" data-event-type={e.type}>
                <div>
                  <strong>{t(`event.${e.type}`, { defaultValue: e.type })}</strong>
                  <span style={{ marginLeft: 12, fontVariantNumeric: 'tabular-nums' }}>{formatShanghai(e.at)}</span>
                </div>
                <div style={{ fontSize: 13 }}>
                  {t('timeline.who')}: {whoText(e.who, t, users, shops)}
                  <span style={{ marginLeft: 12, color: '#8c8c8c' }} title={e.device}>{t('timeline.device')}: {deviceText(e.device, t, shops, device)}</span>
                </div>
                {e.why.length > 0 && (
                  <ul style={{ margin: '2px 0 0', paddingLeft: 18, fontSize: 13 }}>
                    {e.why.map((w, i) => <li key={i} data-testid="timeline-why">{whyText(w, t)}</li>)}
                  </ul>
                )}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
