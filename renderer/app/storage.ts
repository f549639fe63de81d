// IndexedDB belongs to one profile and the browser may evict it under disk pressure unless
// the origin has persistent storage; ask once at start and report what the browser said.
import type { StorageState } from './appState';

export async function requestPersistentStorage(nav: Pick<Navigator, 'storage'> | undefined = globalThis.navigator): Promise<Exclude<StorageState, 'unknown'>> {
  const storage = nav?.storage;
  if (!storage?.persist) return 'unavailable';
  try {
    if (await storage.persisted?.()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'unavailable';
  }
}
