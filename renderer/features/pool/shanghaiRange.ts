// antd's RangePicker works on dayjs values in the browser's own zone; Wharf's times are
// Asia/Shanghai whatever the PC's zone. A picked value's wall-clock fields are read as
// Shanghai time (fixed +08:00, no DST since 1991), and stored times are shown the same way.
import dayjs, { type Dayjs } from 'dayjs';
import { SHANGHAI_OFFSET_MS } from '../../../shared/time';

/** Picker value (wall clock) → epoch ms, reading the wall clock as Shanghai time. */
export function wallToMs(d: Dayjs): number {
  return Date.UTC(d.year(), d.month(), d.date(), d.hour(), d.minute(), d.second(), d.millisecond()) - SHANGHAI_OFFSET_MS;
}

/** Epoch ms → picker value showing the Shanghai wall clock. */
export function msToWall(ms: number): Dayjs {
  const w = new Date(ms + SHANGHAI_OFFSET_MS);
  return dayjs(new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds()));
}

/** Start of the Shanghai day that contains `ms`, as epoch ms. */
export function shanghaiDayStart(ms: number): number {
  const day = 86_400_000;
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / day) * day - SHANGHAI_OFFSET_MS;
}

/** Quick ranges an ops lead uses every morning, in Shanghai days. */
export function presetRanges(now: number): { key: 'today' | 'yesterday' | 'last7' | 'last30'; from: number; to: number }[] {
  const day = 86_400_000;
  const today = shanghaiDayStart(now);
  return [
    { key: 'today', from: today, to: today + day - 1 },
    { key: 'yesterday', from: today - day, to: today - 1 },
    { key: 'last7', from: today - 6 * day, to: today + day - 1 },
    { key: 'last30', from: today - 29 * day, to: today + day - 1 },
  ];
}
