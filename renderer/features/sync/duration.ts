// Human durations for the sync panel ("3 分钟", "2 小时 5 分钟"): an ops lead wants to know
// whether a shop is minutes or hours behind, not the exact milliseconds.
import type { TFunction } from 'i18next';

export function humanDuration(ms: number, t: TFunction): string {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return t('duration.underMinute');
  if (min < 60) return t('duration.minutes', { m: min });
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? t('duration.hoursMinutes', { h, m: min % 60 }) : t('duration.hours', { h });
  const d = Math.floor(h / 24);
  return h % 24 ? t('duration.daysHours', { d, h: h % 24 }) : t('duration.days', { d });
}
