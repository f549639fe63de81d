// The secrets' data key, sealed with Electron safeStorage's async API (the sync one is removed
// in Electron 46): DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux. A serve-mode
// key file found beside it is moved in and deleted. Where the OS offers no real protection
// (Linux basic_text), Wharf says so and keeps using the key file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { writeFileDurable } from '../services/store/durableFile';
import { KEY_FILE } from '../services/store/secrets';

export const SEALED_KEY_FILE = 'secret.key.safe';

type Safe = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> & { getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'] };

export type SafeKeyResult = { key: Buffer; note?: string } | { key?: undefined; warning: string };

export async function loadSafeStorageKey(dataDir: string, safe: Safe, platform: NodeJS.Platform = process.platform): Promise<SafeKeyResult> {
  const backend = platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined;
  if (backend === 'basic_text' || backend === 'unknown') {
    return { warning: `no system secret store is available (safeStorage backend "${backend}"), so shop secrets stay encrypted with the key file ${path.join(dataDir, KEY_FILE)}, readable only by you; install and unlock gnome-keyring or kwallet to protect them with the system store` };
  }
  if (!(await safe.isAsyncEncryptionAvailable())) {
    return { warning: `the system secret store is not available, so shop secrets stay encrypted with the key file ${path.join(dataDir, KEY_FILE)}, readable only by you` };
  }
  const sealedFile = path.join(dataDir, SEALED_KEY_FILE);
  if (fs.existsSync(sealedFile)) {
    const sealed = Buffer.from(fs.readFileSync(sealedFile, 'utf8').trim(), 'base64');
    let opened: { result: string; shouldReEncrypt: boolean };
    try {
      opened = await safe.decryptStringAsync(sealed);
    } catch (e) {
      // another Windows user, a copied profile or a reinstalled OS: DPAPI will not open it
      throw new Error(`${sealedFile} cannot be opened by this user's system secret store (${e instanceof Error ? e.message : String(e)}); sign in as the user who set Wharf up, or delete the file and re-enter every shop secret`);
    }
    const { result, shouldReEncrypt } = opened;
    const key = Buffer.from(result, 'hex');
    if (key.length !== 32) throw new Error(`${sealedFile} does not hold a 32-byte key; restore it from backup, or delete it and re-enter every shop secret`);
    if (shouldReEncrypt) writeFileDurable(sealedFile, (await safe.encryptStringAsync(key.toString('hex'))).toString('base64'));
    return { key };
  }
  const plainFile = path.join(dataDir, KEY_FILE);
  const migrated = fs.existsSync(plainFile);
  const key = migrated ? fs.readFileSync(plainFile) : crypto.randomBytes(32);
  if (key.length !== 32) throw new Error(`${plainFile} is not a 32-byte key; restore it from backup, or delete it and re-enter every shop secret`);
  writeFileDurable(sealedFile, (await safe.encryptStringAsync(key.toString('hex'))).toString('base64'));
  // only once the sealed copy is durable does the plain one go
  if (migrated) fs.rmSync(plainFile);
  return { key, note: migrated ? `moved the secrets key from ${KEY_FILE} into the system secret store` : undefined };
}
