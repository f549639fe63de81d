// The renderer on the desktop bridge: answers come back as { ok, output } / { ok: false, error }
// and turn into results or typed WharfErrors; feature code cannot tell it from the WebSocket.
import { describe, expect, it, vi } from 'vitest';
import type { WharfError } from '../../shared/contract';

describe('the IPC transport', () => {
  it('resolves outputs, rejects typed errors, and delivers events and frames', async () => {
    vi.resetModules();
    const listeners = new Map<string, (p: unknown) => void>();
    (globalThis as { wharf?: unknown }).wharf = {
      invoke: async (name: string) => (name === 'shops.list'
        ? { ok: true, output: [] }
        : { ok: false, error: { code: 'forbidden', message: '赵强 (packer) may not shops.manage', issues: [{ path: 'x', message: 'y' }] } }),
      on: (name: string, h: (p: unknown) => void) => { listeners.set(name, h); return () => listeners.delete(name); },
    };
    try {
      const { startTransport, host, getTransport } = await import('../../renderer/transport/client');
      // the same module graph as the client's (resetModules gave it fresh copies)
      const { encodeEvent, WharfError } = await import('../../shared/contract');
      expect(startTransport().kind).toBe('ipc');
      await expect(host['shops.list']({})).resolves.toEqual([]);
      const err = await host['shops.remove']({ actor: { userId: 'u-pack', device: 'd' }, shopId: 's' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WharfError);
      expect(err).toMatchObject({ code: 'forbidden', message: '赵强 (packer) may not shops.manage' });
      expect((err as WharfError).extra).toEqual({ issues: [{ path: 'x', message: 'y' }] });
      // a bridge without text frames: objects are re-encoded so the ingest worker path is one
      const frames: string[] = [];
      getTransport().onFrame('inbox.batch', (t) => frames.push(t));
      const batch = { batchId: 'b', shopId: 's', platform: 'taobao', fetchedAt: 1, orders: [], quarantine: [] };
      listeners.get('inbox.batch')!(batch);
      expect(frames).toEqual([encodeEvent('inbox.batch', batch)]);
    } finally {
      delete (globalThis as { wharf?: unknown }).wharf;
      vi.resetModules();
    }
  });
});
