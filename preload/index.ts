// The desktop bridge: window.wharf.invoke(name, input) for the contract's request names and
// window.wharf.on / onFrame for its event names — nothing else reaches the page (no ipcRenderer,
// no process, no env). Bundled and sandboxed; validation happens in the host and the renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_REQUEST_PREFIX, REQUEST_NAMES } from '../shared/contract/names';

const requests = new Set<string>(REQUEST_NAMES);
const events = new Set<string>(EVENT_NAMES);
const FRAME = /^\{"t":"evt","name":"([^"]+)","payload":/;

type Listener = { frame: boolean; fn: (x: unknown) => void };
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_e, text: unknown) => {
  if (typeof text !== 'string') return;
  const name = FRAME.exec(text)?.[1];
  const set = name ? listeners.get(name) : undefined;
  if (!set?.size) return;
  let payload: unknown;
  for (const l of set) {
    if (l.frame) { l.fn(text); continue; }
    payload ??= (JSON.parse(text) as { payload: unknown }).payload;
    l.fn(payload);
  }
});

function listen(name: unknown, fn: unknown, frame: boolean): () => void {
  if (typeof name !== 'string' || !events.has(name)) throw new Error(`"${String(name)}" is not a Wharf event`);
  if (typeof fn !== 'function') throw new Error('a handler function is required');
  let set = listeners.get(name);
  if (!set) listeners.set(name, (set = new Set()));
  const l: Listener = { frame, fn: fn as (x: unknown) => void };
  set.add(l);
  return () => { set!.delete(l); };
}

export const bridge = {
  invoke(name: unknown, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !requests.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_request', message: `"${String(name)}" is not a Wharf request` } });
    }
    return ipcRenderer.invoke(`${IPC_REQUEST_PREFIX}${name}`, input);
  },
  on: (name: unknown, handler: unknown) => listen(name, handler, false),
  onFrame: (name: unknown, handler: unknown) => listen(name, handler, true),
};

contextBridge.exposeInMainWorld('wharf', bridge);
