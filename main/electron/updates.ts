// Self-update over a generic HTTPS provider the company hosts itself (OSS/COS + CDN): check at
// start and daily, download in the background, install on the next quit. The updater object is
// passed in (electron-updater's autoUpdater in the app, a fake in tests); time is the Clock's.
import type { Clock } from '../../shared/clock';
import type { UpdateSettings, UpdateStatus } from '../../shared/contract';
import { checkUpdateUrl } from '../services/updateUrl';


export const DAY_MS = 86_400_000;
/** first check a little after start, so the window and the first pull come first */
export const FIRST_CHECK_MS = 60_000;

/** The slice of electron-updater's AppUpdater this uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: UpdaterEvent, fn: (...args: never[]) => void): unknown;
  removeListener(event: UpdaterEvent, fn: (...args: never[]) => void): unknown;
}
type UpdaterEvent = 'update-available' | 'update-not-available' | 'update-downloaded';

export function startUpdates(updater: Updater, settings: UpdateSettings, clock: Clock, onStatus: (s: UpdateStatus) => void, log: (m: string) => void = () => undefined): () => void {
  const bad = checkUpdateUrl(settings.url);
  if (bad) { onStatus({ state: 'off', reason: bad }); return () => undefined; }
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = settings.channel === 'beta';
  updater.channel = settings.channel === 'beta' ? 'beta' : 'latest';
  updater.setFeedURL({ provider: 'generic', url: settings.url, channel: updater.channel });

  let cancel: () => void = () => undefined;
  let stopped = false;
  let lastCheckAt: number | undefined;
  const schedule = (ms: number) => { if (!stopped) cancel = clock.after(ms, () => void check()); };
  // the updater is a process-wide singleton: handlers come off again when settings change
  const handlers: [UpdaterEvent, (...args: never[]) => void][] = [
    ['update-available', ((info: { version: string }) => onStatus({ state: 'downloading', version: info.version })) as never],
    ['update-downloaded', ((info: { version: string }) => { log(`update ${info.version} downloaded; it installs when Wharf quits`); onStatus({ state: 'ready', version: info.version }); }) as never],
    ['update-not-available', (() => onStatus({ state: 'idle', lastCheckAt, nextCheckAt: clock.now() + DAY_MS })) as never],
  ];
  for (const [ev, fn] of handlers) updater.on(ev, fn);
  const check = async () => {
    onStatus({ state: 'checking' });
    lastCheckAt = clock.now();
    try {
      await updater.checkForUpdates();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`update check failed: ${message}`);
      onStatus({ state: 'error', message, nextCheckAt: clock.now() + DAY_MS });
    }
    schedule(DAY_MS);
  };
  schedule(FIRST_CHECK_MS);
  onStatus({ state: 'idle', nextCheckAt: clock.now() + FIRST_CHECK_MS });
  return () => {
    stopped = true;
    cancel();
    for (const [ev, fn] of handlers) updater.removeListener(ev, fn);
  };
}
