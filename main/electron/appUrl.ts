// The app's own origin, app://wharf: a stable origin for IndexedDB (the store belongs to it),
// never file:// or a dev server. Paths resolve inside the bundled renderer folder only.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wharf';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** True for a URL of the app's own origin (what the IPC binder accepts calls from). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export type AppPath = { ok: true; file: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * The file under `root` an app:// URL names, or why not. Refuses other hosts, encoded or plain
 * `..`, backslashes, NUL and drive letters, and anything that would resolve outside `root`.
 */
export function resolveAppPath(root: string, url: string): AppPath {
  let u: URL;
  try { u = new URL(url); } catch { return { ok: false, status: 400, reason: 'not a URL' }; }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 404, reason: `not ${APP_ORIGIN}` };
  let rel: string;
  try { rel = decodeURIComponent(u.pathname); } catch { return { ok: false, status: 400, reason: 'bad percent-encoding' }; }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (/[\\\0]/.test(rel) || /^\/[A-Za-z]:/.test(rel) || rel.split('/').some((seg) => seg === '..')) {
    return { ok: false, status: 400, reason: 'path escapes the app folder' };
  }
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  if (file !== base && !file.startsWith(base + path.sep)) return { ok: false, status: 400, reason: 'path escapes the app folder' };
  return { ok: true, file };
}
