// The preload with a faked electron: it exposes exactly invoke/on/onFrame on window.wharf, only
// for the contract's names, and nothing of ipcRenderer itself.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeEvent } from '../../shared/contract';

const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
let onEvent: ((e: unknown, text: unknown) => void) | undefined;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => { invoked.push([channel, input]); return { ok: true, output: { channel } }; },
    on: (channel: string, fn: (e: unknown, text: unknown) => void) => { if (channel === 'wharf:evt') onEvent = fn; },
  },
}));

type Bridge = { invoke(n: unknown, i: unknown): Promise<unknown>; on(n: unknown, h: unknown): () => void; onFrame(n: unknown, h: unknown): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../preload/index');
  bridge = exposed.get('wharf') as Bridge;
});

describe('preload bridge', () => {
  it('exposes one object with invoke, on and onFrame — nothing else', () => {
    expect([...exposed.keys()]).toEqual(['wharf']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'onFrame']);
    for (const k of ['ipcRenderer', 'process', 'require', 'send', 'env']) expect(bridge).not.toHaveProperty(k);
  });

  it('invokes only the contract request names, on their own channel', async () => {
    expect(await bridge.invoke('shops.list', {})).toEqual({ ok: true, output: { channel: 'wharf:req:shops.list' } });
    expect(invoked).toEqual([['wharf:req:shops.list', {}]]);
    for (const bad of ['shops.drop', '__proto__', 'constructor', '', 42, 'wharf:evt']) {
      expect(await bridge.invoke(bad, {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    }
    expect(invoked).toHaveLength(1);
  });

  it('delivers events by name: parsed payloads to on(), frame text to onFrame()', () => {
    const payloads: unknown[] = [];
    const frames: unknown[] = [];
    const off1 = bridge.on('shops.changed', (p: unknown) => payloads.push(p));
    const off2 = bridge.onFrame('inbox.batch', (t: unknown) => frames.push(t));
    const shops = encodeEvent('shops.changed', { shops: [] });
    const batch = encodeEvent('inbox.batch', { batchId: 'b', shopId: 's', platform: 'taobao', fetchedAt: 1, orders: [], quarantine: [] });
    onEvent!({}, shops);
    onEvent!({}, batch);
    onEvent!({}, encodeEvent('company.changed', {}));
    onEvent!({}, 42);
    expect(payloads).toEqual([{ shops: [] }]);
    expect(frames).toEqual([batch]);
    off1();
    off2();
    onEvent!({}, shops);
    expect(payloads).toHaveLength(1);
  });

  it('refuses listeners for names outside the contract', () => {
    expect(() => bridge.on('inbox.secret', () => undefined)).toThrow(/not a Wharf event/);
    expect(() => bridge.onFrame('sync.status', 'not a function')).toThrow(/handler/);
  });
});
