// Binds the contract to one WebSocket connection: every message parsed and validated, every
// failure answered with a typed error (never a crash), host events forwarded.
import type { WebSocket } from 'ws';
import { ZodError } from 'zod';
import { ClientMessage, encodeEvent, isRequestName, requests, WharfError, type ContractError, type ServerMessage } from '../../shared/contract';
import { describeIssues } from '../../shared/domain/company';
import type { Host } from '../services/host';

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

function toContractError(e: unknown, name: string): ContractError {
  if (e instanceof WharfError) return e.toJSON();
  if (e instanceof ZodError) {
    return { code: 'invalid_input', message: `${name}: ${describeIssues(e.issues)}`, issues: e.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  return { code: 'internal', message: `${name} failed inside the host: ${e instanceof Error ? e.message : String(e)} — see the host log` };
}

export async function handleMessage(host: Host, raw: string): Promise<ServerMessage> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { t: 'res', id: null, ok: false, error: { code: 'bad_message', message: 'message is not JSON; send {"t":"req","id":<number>,"name":"<namespace.method>","input":{…}}' } };
  }
  const env = ClientMessage.safeParse(json);
  if (!env.success) {
    const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
    return { t: 'res', id, ok: false, error: { code: 'bad_message', message: `malformed request envelope: ${describeIssues(env.error.issues)}; expected {"t":"req","id","name","input"}` } };
  }
  const { id, name, input } = env.data;
  if (!isRequestName(name)) {
    return { t: 'res', id, ok: false, error: { code: 'unknown_request', message: `"${name}" is not a Wharf request; the host and app versions may differ` } };
  }
  const decl = requests[name];
  const parsed = decl.input.safeParse(input ?? {});
  if (!parsed.success) {
    return { t: 'res', id, ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(parsed.error.issues)}`, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } };
  }
  try {
    const out = await (host.handlers[name] as (i: unknown) => Promise<unknown>)(parsed.data);
    const checked = decl.output.safeParse(out);
    if (!checked.success) {
      return { t: 'res', id, ok: false, error: { code: 'invalid_output', message: `${name}: the host produced an invalid answer (${describeIssues(checked.error.issues)}) — a bug, please report it` } };
    }
    return { t: 'res', id, ok: true, output: checked.data };
  } catch (e) {
    return { t: 'res', id, ok: false, error: toContractError(e, name) };
  }
}

export function bindSocket(host: Host, ws: WebSocket): void {
  const off = host.subscribe((name, payload) => { if (ws.readyState === ws.OPEN) ws.send(encodeEvent(name, payload)); });
  ws.on('message', (data) => {
    void handleMessage(host, data.toString()).then((res) => send(ws, res));
  });
  ws.on('close', off);
  ws.on('error', off);
}
