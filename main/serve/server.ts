// Serve mode: HTTP for the built renderer plus one WebSocket carrying the contract.
// The page gets a per-run token; the socket needs that token, the served Origin and a
// loopback Host (against DNS rebinding). Other host names redirect to the canonical origin,
// because IndexedDB belongs to one origin and the store must not split.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import type { Host } from '../services/host';
import { bindSocket } from './binder';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wav': 'audio/wav', '.map': 'application/json',
};

export interface ServeOptions { host: Host; rendererDir: string; hostname: string; port: number; version: string }
export interface ServeHandle { url: string; port: number; token: string; close(): Promise<void> }

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startServe(o: ServeOptions): Promise<ServeHandle> {
  const token = crypto.randomBytes(24).toString('base64url');
  const indexFile = path.join(o.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`the renderer is not built (${indexFile} is missing); run "npm run build" or start with "npm run serve", which builds it`);
  }
  const root = path.resolve(o.rendererDir);
  let port = o.port;
  const displayHost = o.hostname.includes(':') ? `[${o.hostname}]` : o.hostname;
  const origin = () => `http://${displayHost}:${port}`;
  const allowedHosts = () => new Set([`${displayHost}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]);

  const indexHtml = () => fs.readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n<meta name="wharf-token" content="${token}">`);
  const csp = () => [
    "default-src 'self'", `connect-src 'self' ws://${displayHost}:${port}`, "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'", "script-src 'self'", "worker-src 'self' blob:", "font-src 'self' data:",
    "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `${displayHost}:${port}`) {
      // one canonical origin: localhost, other names and rebinding hosts all land on it
      res.writeHead(307, { Location: `${origin()}${req.url ?? '/'}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', origin());
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      const { on, channels, printer } = o.host.demoInfo();
      res.end(JSON.stringify({ ok: true, version: o.version, demo: { on, channels, ...(printer ? { printer } : {}) } }));
      return;
    }
    let rel: string;
    try { rel = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end('bad path'); return; }
    const file = path.resolve(root, `.${rel}`);
    const inside = file === root || file.startsWith(root + path.sep);
    const isFile = inside && fs.existsSync(file) && fs.statSync(file).isFile();
    if (rel === '/' || rel === '/index.html' || (!isFile && !path.extname(rel))) {
      res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store', 'Content-Security-Policy': csp(), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
      res.end(req.method === 'HEAD' ? undefined : indexHtml());
      return;
    }
    if (!isFile) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
      return;
    }
    const hashed = rel.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, why: string) => {
      socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}`);
      socket.destroy();
    };
    const url = new URL(req.url ?? '/', origin());
    if (url.pathname !== '/ws') return refuse(404, 'no such socket');
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(403, 'host not allowed');
    if (req.headers.origin !== origin()) return refuse(403, 'origin not allowed');
    if (!safeEqual(url.searchParams.get('token') ?? '', token)) return refuse(401, 'missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => bindSocket(o.host, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.hostname, () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    url: origin(),
    port,
    token,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
