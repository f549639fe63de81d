// Where updates may come from: the settings screen and the desktop updater both ask this.
/** Only https URLs (a plain-http feed could be swapped in transit), without credentials. */
export function checkUpdateUrl(url: string): string | undefined {
  if (!url.trim()) return 'no update URL is set (Settings → Updates)';
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return `the update URL must be https:// (got ${u.protocol}), so installers cannot be swapped on the way`;
    if (u.username || u.password) return 'the update URL must not carry a user name or password';
    return undefined;
  } catch {
    return `"${url}" is not a URL`;
  }
}
