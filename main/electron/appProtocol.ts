// Serves the built renderer on app://wharf: only files inside the renderer folder, with the
// desktop CSP on the page (the host is reached over IPC, so connect-src is the app itself).
import fs from 'node:fs';
import path from 'node:path';
import { resolveAppPath } from './appUrl';

export const DESKTOP_CSP = [
  "default-src 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'",
  "script-src 'self'", "worker-src 'self' blob:", "font-src 'self' data:", "object-src 'none'", "base-uri 'none'",
  "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** The answer to one app:// request (a plain Response, as protocol.handle wants). */
export async function appResponse(root: string, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return new Response('method not allowed', { status: 405 });
  const r = resolveAppPath(root, url);
  if (!r.ok) return new Response(r.reason, { status: r.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let body: Buffer;
  try {
    body = await fs.promises.readFile(r.file);
  } catch {
    return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const ext = path.extname(r.file).toLowerCase();
  const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' };
  if (ext === '.html') Object.assign(headers, { 'Content-Security-Policy': DESKTOP_CSP, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
