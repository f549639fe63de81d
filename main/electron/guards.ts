// Navigation, new windows and permissions: the window shows the app and nothing else. Links to
// the platforms' consoles open in the user's browser, only for hosts on the allowlist.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/** Sites the app may open in the user's browser (platform consoles and docs, our own help). */
export const EXTERNAL_ALLOWLIST = [
  'open.taobao.com', 'open.tmall.com', 'myseller.taobao.com', 'fuwu.taobao.com',
  'op.jinritemai.com', 'fxg.jinritemai.com', 'open.pinduoduo.com', 'mms.pinduoduo.com',
  'open.jd.com', 'jos.jd.com', 'open.kuaishou.com', 'open.youzanyun.com', 'developers.weixin.qq.com',
] as const;

export function isAllowedExternal(url: string, allow: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && allow.includes(u.hostname);
  } catch {
    return false;
  }
}

/** Blocks navigation away from the app and every new window; allowlisted links go outside. */
export function guardContents(wc: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: (url: string) => void): void {
  wc.on('will-navigate', (e, url) => { if (!isAppUrl(url)) e.preventDefault(); });
  wc.on('will-redirect', (e, url) => { if (!isAppUrl(url)) e.preventDefault(); });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Permissions the app's own page may use; everything else, and any other origin, is denied. */
const GRANTED = new Set(['clipboard-sanitized-write', 'persistent-storage']);

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return isAppUrl(requestingUrl) && GRANTED.has(permission);
}

export function guardPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl ?? wc.getURL())));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
}
