import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { DAY_MS, FIRST_CHECK_MS, startUpdates, type Updater } from '../../main/electron/updates';
import { checkUpdateUrl } from '../../main/services/updateUrl';
import type { UpdateStatus } from '../../shared/contract';

function fakeUpdater(fail = false) {
  const handlers = new Map<string, (...a: unknown[]) => void>();
  const u = {
    autoDownload: false, autoInstallOnAppQuit: false, allowPrerelease: false, allowDowngrade: true, channel: null as string | null,
    feed: undefined as unknown, checks: 0,
    setFeedURL(o: unknown) { this.feed = o; },
    async checkForUpdates() { this.checks++; if (fail) throw new Error('net::ERR_NAME_NOT_RESOLVED'); handlers.get('update-not-available')?.(); return null; },
    on(ev: string, fn: (...a: unknown[]) => void) { handlers.set(ev, fn); return this; },
    removeListener(ev: string, fn: (...a: unknown[]) => void) { if (handlers.get(ev) === fn) handlers.delete(ev); return this; },
    listeners: () => handlers.size,
    emit: (ev: string, ...a: unknown[]) => handlers.get(ev)?.(...a),
  };
  return u;
}

describe('self-update', () => {
  it('checks a minute after start and then daily, on the injected clock', async () => {
    const clock = new ManualClock();
    const u = fakeUpdater();
    const states: UpdateStatus[] = [];
    const stop = startUpdates(u as unknown as Updater, { url: 'https://updates.example.cn/wharf/', channel: 'stable' }, clock, (s) => states.push(s));
    expect(u).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowPrerelease: false, allowDowngrade: false, channel: 'latest' });
    expect(u.feed).toEqual({ provider: 'generic', url: 'https://updates.example.cn/wharf/', channel: 'latest' });
    expect(u.checks).toBe(0);
    clock.advance(FIRST_CHECK_MS);
    await Promise.resolve();
    expect(u.checks).toBe(1);
    clock.advance(DAY_MS - 1);
    expect(u.checks).toBe(1);
    clock.advance(1);
    await Promise.resolve();
    expect(u.checks).toBe(2);
    u.emit('update-available', { version: '0.2.0' });
    u.emit('update-downloaded', { version: '0.2.0' });
    expect(states.at(-1)).toEqual({ state: 'ready', version: '0.2.0' });
    stop();
    clock.advance(3 * DAY_MS);
    expect(u.checks).toBe(2);
    expect(u.listeners()).toBe(0);
  });

  it('follows the beta channel when set', () => {
    const u = fakeUpdater();
    startUpdates(u as unknown as Updater, { url: 'https://u.example.cn/', channel: 'beta' }, new ManualClock(), () => undefined);
    expect(u).toMatchObject({ allowPrerelease: true, channel: 'beta' });
  });

  it('a failed check is a status with the reason, and the next day tries again', async () => {
    const clock = new ManualClock();
    const u = fakeUpdater(true);
    const states: UpdateStatus[] = [];
    startUpdates(u as unknown as Updater, { url: 'https://u.example.cn/', channel: 'stable' }, clock, (s) => states.push(s));
    clock.advance(FIRST_CHECK_MS);
    await new Promise((r) => setImmediate(r));
    expect(states.at(-1)).toMatchObject({ state: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    clock.advance(DAY_MS);
    await new Promise((r) => setImmediate(r));
    expect(u.checks).toBe(2);
  });

  it('stays off, saying why, without an https URL', () => {
    for (const [url, why] of [['', /no update URL/], ['http://u.example.cn/', /https/], ['https://a:b@u.example.cn/', /password/], ['nope', /not a URL/]] as const) {
      expect(checkUpdateUrl(url)).toMatch(why);
      const states: UpdateStatus[] = [];
      const u = fakeUpdater();
      startUpdates(u as unknown as Updater, { url, channel: 'stable' }, new ManualClock(), (s) => states.push(s));
      expect(states).toEqual([{ state: 'off', reason: expect.stringMatching(why) }]);
      expect(u.feed).toBeUndefined();
    }
  });
});
