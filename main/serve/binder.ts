// Binds the contract to one WebSocket connection: every message parsed and validated, every
// failure answered with a typed error (never a crash), host events forwarded.
import type { WebSocket } from 'ws';
import { ClientMessage, encodeEvent, type ServerMessage } from '../../shared/contract';
import { describeIssues } from '../../shared/domain/company';
import type { Host } from '../services/host';
import { dispatch } from '../services/dispatch';

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
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
  const answer = await dispatch(host.handlers, name, input);
  return answer.ok ? { t: 'res', id, ok: true, output: answer.output } : { t: 'res', id, ok: false, error: answer.error };
}

export function bindSocket(host: Host, ws: WebSocket): void {
  const off = host.subscribe((name, payload) => { if (ws.readyState === ws.OPEN) ws.send(encodeEvent(name, payload)); });
  ws.on('message', (data) => {
    void handleMessage(host, data.toString()).then((res) => send(ws, res));
  });
  ws.on('close', off);
  ws.on('error', off);
}
