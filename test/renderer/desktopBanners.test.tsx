// @vitest-environment happy-dom
// The desktop banners: the secret store fallback (desktop only) and a downloaded update.
import { afterEach, describe, expect, it } from 'vitest';
import { render, waitFor } from './support';
import '../../renderer/i18n';
import { startTransport } from '../../renderer/transport/client';
import { SecretStoreBanner, UpdateReadyBanner } from '../../renderer/app/Banners';
import { useAppState } from '../../renderer/app/appState';

const listeners = new Map<string, (p: unknown) => void>();
let status: unknown = { state: 'idle', nextCheckAt: 0 };
startTransport({
  kind: 'ipc', state: 'open',
  invoke: async (name) => (name === 'updates.get' ? { settings: { url: 'https://u.example.cn/', channel: 'stable' }, status, shell: 'desktop' } : {}),
  on: (name, h) => { listeners.set(name, h); return () => listeners.delete(name); },
  onFrame: () => () => undefined,
  onState: () => () => undefined,
});

const info = (over: object) => ({ version: '0.1.0', startedAt: 0, now: 0, dataDir: '/d', demo: { on: false, reason: '', channels: [] }, shell: 'desktop', secretStore: { kind: 'os' }, ...over }) as never;

afterEach(() => { document.body.innerHTML = ''; });

describe('desktop banners', () => {
  it('warns when the secret store fell back to the key file, on the desktop only', async () => {
    useAppState.getState().setInfo(info({ secretStore: { kind: 'keyfile', warning: 'no system secret store is available (basic_text)' } }));
    const r = await render(<SecretStoreBanner />);
    expect(r.container.querySelector('[data-testid="secret-store-banner"]')?.textContent).toContain('basic_text');
    await r.unmount();
    for (const over of [{ shell: 'serve', secretStore: { kind: 'keyfile' } }, { secretStore: { kind: 'os' } }]) {
      useAppState.getState().setInfo(info(over));
      const q = await render(<SecretStoreBanner />);
      expect(q.container.querySelector('[data-testid="secret-store-banner"]')).toBeNull();
      await q.unmount();
    }
  });

  it('says when an update is downloaded and installs on quit', async () => {
    const r = await render(<UpdateReadyBanner />);
    expect(r.container.querySelector('[data-testid="update-ready-banner"]')).toBeNull();
    status = { state: 'ready', version: '0.2.0' };
    listeners.get('updates.changed')!({ settings: { url: 'https://u.example.cn/', channel: 'stable' }, status, shell: 'desktop' });
    const banner = await waitFor(() => r.container.querySelector('[data-testid="update-ready-banner"]'), 'the update banner');
    expect(banner.textContent).toContain('0.2.0');
    await r.unmount();
  });
});
