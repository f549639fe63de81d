// One table of contract calls run through both binders: the WebSocket binder (serve mode) and
// the IPC binder (desktop) must give the same outputs and the same typed errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { ManualClock } from '../../shared/clock';
import { IPC_REQUEST_PREFIX, REQUEST_NAMES, EVENT_NAMES } from '../../shared/contract/names';
import { events, requests } from '../../shared/contract';
import { handleMessage } from '../../main/serve/binder';
import { bindIpc, forwardEvents } from '../../main/electron/ipcBinder';
import { APP_INDEX } from '../../main/electron/appUrl';
import type { Host } from '../../main/services/host';
import { ADMIN, TEST_COMPANY, makeHost, tempDir } from '../support/hostHarness';

/** ipcMain as Electron behaves: one handler per channel; invoking an unknown channel rejects. */
function fakeIpcMain() {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle(channel: string, fn: (e: IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    },
    removeHandler(channel: string) { handlers.delete(channel); },
    async invoke(channel: string, frameUrl: string | null, ...args: unknown[]) {
      const h = handlers.get(channel);
      if (!h) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
      return h(event, ...args);
    },
  };
}

let host: Host;
const clock = new ManualClock(Date.UTC(2026, 10, 25, 8, 0, 0));
const ipc = fakeIpcMain();
let unbind: () => void;

beforeAll(async () => {
  host = makeHost(tempDir(), { clock });
  await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
  unbind = bindIpc(ipc, host);
});
afterAll(async () => { unbind(); await host.stop(); });

const PACKER = { userId: 'u-pack', device: 'd1' };
const shopDraft = { platform: 'taobao', name: '测试店', gatewayUrl: 'http://127.0.0.1:9/router/rest', appKey: '1', secret: 's', session: 'x', signMethod: 'md5', pullIntervalMin: 15 };

const TABLE: { what: string; name: string; input: unknown; expect: 'ok' | string }[] = [
  { what: 'app info', name: 'app.info', input: {}, expect: 'ok' },
  { what: 'company snapshot', name: 'company.snapshot', input: {}, expect: 'ok' },
  { what: 'shops list', name: 'shops.list', input: {}, expect: 'ok' },
  { what: 'journal info', name: 'journal.info', input: {}, expect: 'ok' },
  { what: 'journal read past the end', name: 'journal.read', input: { offset: 0, limit: 10 }, expect: 'ok' },
  { what: 'input of the wrong shape', name: 'journal.read', input: { offset: -1, limit: 10 }, expect: 'invalid_input' },
  { what: 'extra fields refused', name: 'inbox.ack', input: { batchIds: ['a'], extra: 1 }, expect: 'invalid_input' },
  { what: 'a role without the permission', name: 'shops.save', input: { actor: PACKER, shop: shopDraft }, expect: 'forbidden' },
  { what: 'an unknown operator', name: 'shops.remove', input: { actor: { userId: 'nobody', device: 'd' }, shopId: 'x' }, expect: 'forbidden' },
  { what: 'a missing shop', name: 'shops.test', input: { shopId: 'no-such-shop' }, expect: 'not_found' },
  { what: 'an unknown request', name: 'orders.dropAll', input: {}, expect: 'unknown_request' },
  { what: 'diagnostics', name: 'app.diagnostics', input: {}, expect: 'ok' },
  { what: 'update settings', name: 'updates.get', input: {}, expect: 'ok' },
  { what: 'update settings by a packer', name: 'updates.save', input: { actor: PACKER, settings: { url: 'https://u.example.cn/', channel: 'stable' } }, expect: 'forbidden' },
  { what: 'an update URL over plain http', name: 'updates.save', input: { actor: ADMIN, settings: { url: 'http://u.example.cn/', channel: 'stable' } }, expect: 'invalid_input' },
];

describe('the IPC binder answers like the WebSocket binder', () => {
  for (const c of TABLE) {
    it(`${c.what} (${c.name})`, async () => {
      const viaSocket = await handleMessage(host, JSON.stringify({ t: 'req', id: 7, name: c.name, input: c.input }));
      const viaIpc = REQUEST_NAMES.includes(c.name as never)
        ? await ipc.invoke(`${IPC_REQUEST_PREFIX}${c.name}`, APP_INDEX, c.input)
        // the preload never sends an unknown name; the host has no channel for it at all
        : await ipc.invoke(`${IPC_REQUEST_PREFIX}${c.name}`, APP_INDEX, c.input).catch((e: Error) => ({ ok: false, error: { code: 'unknown_request', message: e.message } }));
      const socketAnswer = viaSocket.t === 'res' && viaSocket.ok ? { ok: true, output: viaSocket.output } : { ok: false, error: (viaSocket as { error: unknown }).error };
      if (c.expect === 'ok') {
        expect(socketAnswer.ok).toBe(true);
        expect(viaIpc).toEqual(socketAnswer);
      } else {
        expect((socketAnswer as { error: { code: string } }).error.code).toBe(c.expect);
        expect((viaIpc as { error: { code: string } }).error.code).toBe(c.expect);
        if (c.expect !== 'unknown_request') expect(viaIpc).toEqual(socketAnswer);
      }
    });
  }

  it('has one channel per contract request, and no other', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(requests).map((n) => `${IPC_REQUEST_PREFIX}${n}`).sort());
  });

  it('refuses calls from a frame that is not the app (another origin, file://, a destroyed frame)', async () => {
    for (const url of ['https://evil.example/', 'file:///C:/Users/a/index.html', 'http://127.0.0.1:5780/', 'app://other/index.html', '', null]) {
      const a = await ipc.invoke(`${IPC_REQUEST_PREFIX}shops.list`, url, {}) as { ok: boolean; error: { code: string; message: string } };
      expect(a.ok).toBe(false);
      expect(a.error.code).toBe('forbidden');
      expect(a.error.message).toContain('not from the Wharf window');
    }
  });

  it('keeps the name lists the preload carries equal to the contract', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requests).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('forwards host events to the window as frame text, and stops when the window is gone', async () => {
    const sent: [string, string][] = [];
    let destroyed = false;
    const off = forwardEvents(host, { send: (ch: string, text: string) => sent.push([ch, text]), isDestroyed: () => destroyed } as never);
    await host.handlers['shops.list']({});
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]![0]).toBe('wharf:evt');
    expect(JSON.parse(sent[0]![1]).t).toBe('evt');
    destroyed = true;
    const n = sent.length;
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    expect(sent.length).toBe(n);
    off();
  });
});
