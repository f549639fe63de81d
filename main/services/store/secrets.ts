// Secrets at rest: AES-256-GCM. Serve mode keeps the 32-byte key in a file readable only by
// this user; the desktop shell keeps it sealed by Electron safeStorage (DPAPI on Windows) and
// hands it in (main/electron/safeKey.ts). Secrets never reach the renderer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeFileDurable } from './durableFile';

export interface SecretBox {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  has(name: string): boolean;
}

interface Sealed { iv: string; tag: string; data: string }

function loadKey(keyFile: string): Buffer {
  if (fs.existsSync(keyFile)) {
    const key = fs.readFileSync(keyFile);
    if (key.length !== 32) throw new Error(`${keyFile} is not a 32-byte key; restore it from backup, or delete it and re-enter every shop secret`);
    return key;
  }
  const key = crypto.randomBytes(32);
  writeFileDurable(keyFile, key, 0o600);
  return key;
}

export const KEY_FILE = 'secret.key';

/** `key`: the data key from the desktop shell's safeStorage; without it, the key file. */
export function openSecretBox(dataDir: string, key32?: Buffer): SecretBox {
  const keyFile = key32 ? 'the safeStorage-sealed key (secret.key.safe)' : path.join(dataDir, KEY_FILE);
  const file = path.join(dataDir, 'secrets.json');
  if (key32 && key32.length !== 32) throw new Error('the secret key must be 32 bytes');
  const key = key32 ?? loadKey(keyFile);
  const sealed: Record<string, Sealed> = readJsonFile(file) ?? {};
  const save = () => writeFileDurable(file, JSON.stringify(sealed, null, 1));
  return {
    get(name) {
      const s = sealed[name];
      if (!s) return undefined;
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
      d.setAAD(Buffer.from(name));
      d.setAuthTag(Buffer.from(s.tag, 'base64'));
      try {
        return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
      } catch {
        throw new Error(`secret "${name}" cannot be decrypted (wrong or replaced ${keyFile}); re-enter it in Shops`);
      }
    },
    set(name, value) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(name));
      const data = Buffer.concat([c.update(value, 'utf8'), c.final()]);
      sealed[name] = { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
      save();
    },
    delete(name) {
      if (!(name in sealed)) return;
      delete sealed[name];
      save();
    },
    has: (name) => name in sealed,
  };
}
