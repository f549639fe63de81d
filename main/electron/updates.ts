// Self-update over a generic HTTPS provider the company hosts itself (OSS/COS + CDN): check at
// start and daily, download in the background, install on the next quit. The updater object is
// passed in (electron-updater's autoUpdater in the app, a fake in tests); time is the Clock's.
import type { Clock } from '../../shared/clock';

export const DAY_MS = 86_400_000;
/** first check a little after start, so the window and the first pull come first */
export const FIRST_CHECK_MS = 60_000;

export interface UpdateSettings {
  /** base URL holding latest.yml / beta.yml, the installers and their .blockmap; empty = off */
  url: string;
  channel: 'stable' | 'beta';
}

/** The slice of electron-updater's AppUpdater this uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error' | 'update-available' | 'update-not-available' | 'update-downloaded', fn: (...args: never[]) => void): unknown;
}

export type UpdateStatus =
  | { state: 'off'; reason: string }
  | { state: 'idle'; lastCheckAt?: number; nextCheckAt: number }
  | { state: 'checking' }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string; nextCheckAt: number };

/** Only https URLs (a plain-http feed could be swapped in transit), without credentials. */
export function checkUpdateUrl(url: string): string | undefined {
  if (!url.trim()) return 'no update URL is set (Settings → Updates)';
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return `the update URL must be https:// (got ${u.protocol}), so installers cannot be swapped on the way`;
    if (u.username || u.password) return 'the update URL must not carry a user name or password';
    return undefined;
  } catch {
    return `"${url}" is not a URL`;
  }
}

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
  updater.on('update-available', ((info: { version: string }) => onStatus({ state: 'downloading', version: info.version })) as never);
  updater.on('update-downloaded', ((info: { version: string }) => { log(`update ${info.version} downloaded; it installs when Wharf quits`); onStatus({ state: 'ready', version: info.version }); }) as never);
  updater.on('update-not-available', (() => onStatus({ state: 'idle', lastCheckAt, nextCheckAt: clock.now() + DAY_MS })) as never);
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
  return () => { stopped = true; cancel(); };
}
