// The serve-mode boundary seen from outside: who may open the socket, and what a malformed or
// unknown message gets back (a typed error, never a dropped connection or a crash).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fetchToken, healthz, spawnServe, type ServeProcess } from '../support/serve';

let serve: ServeProcess;
let token: string;

beforeAll(async () => {
  serve = await spawnServe();
  token = await fetchToken(serve.url);
});

afterAll(async () => {
  await serve?.stop();
});

/** Opens a socket; resolves with the open socket or the HTTP status the server refused with. */
function connect(opts: { token?: string; origin?: string; host?: string }): Promise<{ ws?: WebSocket; status?: number; body?: string }> {
  const q = opts.token === undefined ? '' : `?token=${encodeURIComponent(opts.token)}`;
  const headers: Record<string, string> = {};
  if (opts.host) headers.Host = opts.host;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/ws${q}`, { origin: opts.origin, headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', () => resolve({ status: res.statusCode, body }));
    });
    ws.once('error', (e) => reject(e));
  });
}

/** Sends one raw text frame and returns the next response (events are skipped). */
function roundTrip(ws: WebSocket, raw: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { ws.off('message', onMsg); reject(new Error(`no answer to ${raw.slice(0, 80)}`)); }, 10_000);
    const onMsg = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if (msg.t !== 'res') return;
      clearTimeout(timer);
      ws.off('message', onMsg);
      resolve(msg);
    };
    ws.on('message', onMsg);
    ws.send(raw);
  });
}

describe('serve mode over HTTP and WebSocket', () => {
  it('answers /healthz with the demo channels', async () => {
    const h = await healthz(serve.url);
    expect(h.ok).toBe(true);
    expect(typeof h.version).toBe('string');
    expect(h.demo.on).toBe(true);
    expect(h.demo.channels.length).toBeGreaterThan(0);
    expect(h.demo.channels[0]!.platform).toBe('taobao');
    expect(h.demo.channels[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  });

  it('redirects localhost to the canonical 127.0.0.1 origin (one IndexedDB origin)', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: serve.port, path: '/', method: 'GET', headers: { Host: `localhost:${serve.port}` } }, resolve);
      req.on('error', reject);
      req.end();
    });
    res.resume();
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`http://127.0.0.1:${serve.port}/`);
  });

  it('refuses a socket without the token (401)', async () => {
    const r = await connect({ origin: serve.url });
    expect(r.ws).toBeUndefined();
    expect(r.status).toBe(401);
    const wrong = await connect({ origin: serve.url, token: 'not-the-token' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a socket from another origin (403), even with the token', async () => {
    const r = await connect({ token, origin: 'http://evil.example' });
    expect(r.ws).toBeUndefined();
    expect(r.status).toBe(403);
    const noOrigin = await connect({ token });
    expect(noOrigin.status).toBe(403);
  });

  it('refuses a socket whose Host is not loopback (DNS rebinding, 403)', async () => {
    const r = await connect({ token, origin: serve.url, host: `rebind.example:${serve.port}` });
    expect(r.status).toBe(403);
  });

  it('with token and origin: typed errors for bad messages, answers for good ones', async () => {
    const { ws, status, body } = await connect({ token, origin: serve.url });
    expect(status, body).toBeUndefined();
    try {
      const notJson = await roundTrip(ws!, 'this is not json');
      expect(notJson).toMatchObject({ t: 'res', id: null, ok: false, error: { code: 'bad_message' } });

      const envelope = await roundTrip(ws!, JSON.stringify({ t: 'req', id: 7, name: 'app.info' }));
      expect(envelope).toMatchObject({ t: 'res', ok: false, error: { code: 'bad_message' } });

      const unknown = await roundTrip(ws!, JSON.stringify({ t: 'req', id: 1, name: 'nope.nope', input: {} }));
      expect(unknown).toMatchObject({ t: 'res', id: 1, ok: false, error: { code: 'unknown_request' } });

      const invalid = await roundTrip(ws!, JSON.stringify({ t: 'req', id: 2, name: 'shops.save', input: { shop: {} } }));
      expect(invalid).toMatchObject({ t: 'res', id: 2, ok: false, error: { code: 'invalid_input' } });
      const issues = (invalid.error as { issues?: { path: string; message: string }[] }).issues;
      expect(Array.isArray(issues) && issues.length > 0).toBe(true);
      expect(issues!.some((i) => i.path.startsWith('shop'))).toBe(true);

      const info = await roundTrip(ws!, JSON.stringify({ t: 'req', id: 3, name: 'app.info', input: {} }));
      expect(info).toMatchObject({ t: 'res', id: 3, ok: true });
      const out = info.output as { version: string; demo: { on: boolean }; dataDir: string };
      expect(out.demo.on).toBe(true);
      expect(out.dataDir).toBe(serve.dataDir);
      expect(out.version).toBe((await healthz(serve.url)).version);

      // the connection survived every bad message
      expect(ws!.readyState).toBe(WebSocket.OPEN);
    } finally {
      ws!.close();
    }
  });

  it('accepts localhost:PORT as the socket Host', async () => {
    const { ws, status } = await connect({ token, origin: serve.url, host: `localhost:${serve.port}` });
    expect(status).toBeUndefined();
    ws!.close();
  });
});
