// The typed client over whichever transport the app started with. Inputs are validated
// before sending and outputs/events on arrival, so a contract mismatch is a clear error.
import { encodeEvent, events, isEventName, requests, WharfError, type Client, type ContractError, type EventName, type EventPayloadOf, type RequestName } from '../../shared/contract';
import { describeIssues } from '../../shared/domain/company';
import type { Bridge, Transport } from './types';
import { createWebSocketTransport, readServeToken } from './websocket';

let transport: Transport | undefined;

/** Picks the transport once at start: the desktop bridge when present, else WebSocket. */
export function startTransport(explicit?: Transport): Transport {
  if (transport) return transport;
  if (explicit) return (transport = explicit);
  const bridge = (globalThis as { wharf?: Bridge }).wharf;
  if (bridge) {
    transport = {
      kind: 'ipc',
      state: 'open',
      invoke: async (n, i) => {
        // the bridge answers { ok, output } or { ok: false, error } (see main/services/dispatch)
        const a = (await bridge.invoke(n, i)) as { ok: true; output: unknown } | { ok: false; error: ContractError };
        if (a.ok) return a.output;
        const { code, message, ...extra } = a.error;
        throw new WharfError(code, message, extra);
      },
      on: (n, h) => bridge.on(n, h),
      // a bridge without text frames hands over objects: re-encoded so the worker path is one
      onFrame: (n, h) => (bridge.onFrame ? bridge.onFrame(n, h) : bridge.on(n, (p) => h(encodeEvent(n, p)))),
      onState: () => () => undefined,
    };
  } else {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    transport = createWebSocketTransport(`${proto}//${location.host}/ws`, readServeToken());
  }
  return transport;
}

export function getTransport(): Transport {
  if (!transport) throw new Error('transport not started: call startTransport() first');
  return transport;
}

async function call(name: RequestName, input: unknown): Promise<unknown> {
  const decl = requests[name];
  const parsedIn = decl.input.safeParse(input);
  if (!parsedIn.success) throw new WharfError('invalid_input', `${name}: ${describeIssues(parsedIn.error.issues)}`);
  const out = await getTransport().invoke(name, parsedIn.data);
  const parsedOut = decl.output.safeParse(out);
  if (!parsedOut.success) throw new WharfError('invalid_output', `${name}: the host answered in an unexpected shape (${describeIssues(parsedOut.error.issues)}); host and app versions may differ`);
  return parsedOut.data;
}

export const host: Client = new Proxy({} as Client, {
  get: (_t, name: string) => (input: unknown) => call(name as RequestName, input),
});

export function onHostEvent<N extends EventName>(name: N, handler: (payload: EventPayloadOf<N>) => void): () => void {
  if (!isEventName(name)) throw new Error(`unknown event ${name}`);
  return getTransport().on(name, (payload) => {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      console.error(`[wharf] event ${name} failed validation`, describeIssues(parsed.error.issues));
      return;
    }
    handler(parsed.data as EventPayloadOf<N>);
  });
}
