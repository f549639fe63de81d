// The replenishment alert to the desk: once a list is computed, SKUs newly in alert today (not
// announced before today, remembered per China-time day in localStorage) raise one desktop
// notification naming how many and the first few. Where notifications are unavailable or
// refused, the caller shows an in-app banner instead. `runReplenishCheck` computes the list and
// announces it: the app shell may call it on a timer.
import type { TFunction } from 'i18next';
import { replenishList, type ReplenishRow } from '../../../shared/stock';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { loadReplenishData } from '../../store/stock/replenishData';
import { i18n } from '../../i18n';

const PREFIX = 'wharf.stock.alerted.';
const SHOWN = 3;

export interface AlertOutcome {
  /** none: nothing new; notified: a desktop notification went up; banner: show it in the app */
  kind: 'none' | 'notified' | 'banner';
  /** the rows newly in alert */
  fresh: ReplenishRow[];
  title?: string;
  body?: string;
}

type NotificationApi = Pick<typeof Notification, 'permission' | 'requestPermission'> & (new (title: string, options?: NotificationOptions) => unknown);

export interface NotifyDeps {
  now?: number;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
  /** the Notification API (undefined where the runtime has none) */
  notification?: NotificationApi;
}

const dayKey = (now: number) => `${PREFIX}${formatShanghai(now).slice(0, 10)}`;

function remembered(storage: NonNullable<NotifyDeps['storage']>, key: string): Set<string> {
  try { return new Set(JSON.parse(storage.getItem(key) ?? '[]') as string[]); } catch { return new Set(); }
}

function forgetOtherDays(storage: NonNullable<NotifyDeps['storage']>, keep: string): void {
  const old: string[] = [];
  for (let i = 0; i < storage.length; i++) { const k = storage.key(i); if (k && k.startsWith(PREFIX) && k !== keep) old.push(k); }
  for (const k of old) storage.removeItem(k);
}

export async function announceAlerts(rows: readonly ReplenishRow[], t: TFunction, deps: NotifyDeps = {}): Promise<AlertOutcome> {
  const now = deps.now ?? Date.now();
  const storage = deps.storage ?? globalThis.localStorage;
  const api = 'notification' in deps ? deps.notification : (globalThis as { Notification?: NotificationApi }).Notification;
  const key = dayKey(now);
  const seen = storage ? remembered(storage, key) : new Set<string>();
  const fresh = rows.filter((r) => r.cover.alert && !seen.has(r.key));
  if (!fresh.length) return { kind: 'none', fresh };
  const first = fresh.slice(0, SHOWN).map((r) => `${r.sku}@${r.warehouse}`).join('、');
  const title = t('stock.replenish.notifyTitle', { n: fresh.length });
  const body = fresh.length > SHOWN ? t('stock.replenish.notifyBodyMore', { skus: first, more: fresh.length - SHOWN }) : t('stock.replenish.notifyBody', { skus: first });
  if (storage) {
    forgetOtherDays(storage, key);
    storage.setItem(key, JSON.stringify([...seen, ...fresh.map((r) => r.key)]));
  }
  let permission: NotificationPermission | undefined = api?.permission;
  if (api && permission === 'default') {
    try { permission = await api.requestPermission(); } catch { permission = 'denied'; }
  }
  if (api && permission === 'granted') {
    try {
      new api(title, { body, tag: 'wharf-replenish' });
      return { kind: 'notified', fresh, title, body };
    } catch { /* some runtimes throw on the constructor (service-worker only): the banner stands in */ }
  }
  return { kind: 'banner', fresh, title, body };
}

/** Computes the whole replenishment list and announces new alerts (for a timer in the app shell). */
export async function runReplenishCheck(db: WharfDB, opts: NotifyDeps & { t?: TFunction } = {}): Promise<AlertOutcome> {
  const now = opts.now ?? Date.now();
  const [settings, data] = await Promise.all([readSettings(db), loadReplenishData(db, { now })]);
  const rows = replenishList({ ...data, alertDays: settings.stock.alertDays, skuAlertDays: settings.stock.skuAlertDays, targetDays: settings.stock.targetDays });
  return announceAlerts(rows, opts.t ?? i18n.t.bind(i18n), { ...opts, now });
}
