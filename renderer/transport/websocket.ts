// Serve-mode transport: one WebSocket to the host carrying the contract. Reconnects with
// backoff; requests in flight when the socket drops fail with a typed "unavailable" error.
import { isEventFrame, ServerMessage, WharfError, type ContractError, type EventName } from '../../shared/contract';
import type { ConnectionState, Transport } from './types';

interface Pending { resolve: (v: unknown) => void; reject: (e: unknown) => void }

export function readServeToken(doc: Document = document): string {
  return doc.querySelector('meta[name="wharf-token"]')?.getAttribute('content') ?? '';
}

export function createWebSocketTransport(url: string, token: string): Transport {
  let ws: WebSocket | undefined;
  let nextId = 1;
  let state: ConnectionState = 'connecting';
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const frameListeners = new Map<EventName, Set<(text: string) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const setState = (s: ConnectionState) => {
    state = s;
    stateListeners.forEach((h) => h(s));
  };

  const connect = () => {
    setState('connecting');
    const sock = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    ws = sock;
    sock.onopen = () => {
      retryMs = 250;
      setState('open');
      for (const m of queue.splice(0)) sock.send(m);
    };
    sock.onmessage = (e) => {
      const text = String(e.data);
      for (const [name, hs] of frameListeners) {
        if (hs.size && isEventFrame(text, name)) { hs.forEach((h) => h(text)); return; }
      }
      let msg: ServerMessage;
      try {
        msg = ServerMessage.parse(JSON.parse(text));
      } catch (err) {
        console.error('[wharf] dropped a malformed message from the host', err);
        return;
      }
      if (msg.t === 'evt') {
        listeners.get(msg.name)?.forEach((h) => h(msg.payload));
        return;
      }
      if (msg.id === null) {
        console.error('[wharf] host reported an error for an unidentifiable message', msg);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.output);
      else p.reject(new WharfError(msg.error.code, msg.error.message, { issues: msg.error.issues, platform: msg.error.platform } as Omit<ContractError, 'code' | 'message'>));
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      for (const [id, p] of pending) {
        p.reject(new WharfError('unavailable', 'the connection to the Wharf host dropped; the request was not confirmed — retry when the banner says connected'));
        pending.delete(id);
      }
      setState('closed');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    kind: 'websocket',
    get state() { return state; },
    invoke(name, input) {
      const id = nextId++;
      const text = JSON.stringify({ t: 'req', id, name, input });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(text);
        else queue.push(text);
      });
    },
    on(name, handler) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(handler);
      return () => set!.delete(handler);
    },
    onFrame(name, handler) {
      let set = frameListeners.get(name);
      if (!set) frameListeners.set(name, (set = new Set()));
      set.add(handler);
      return () => set!.delete(handler);
    },
    onState(handler) {
      stateListeners.add(handler);
      return () => stateListeners.delete(handler);
    },
  };
}
