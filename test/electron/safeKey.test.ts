import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSafeStorageKey, SEALED_KEY_FILE } from '../../main/electron/safeKey';
import { openSecretBox } from '../../main/services/store/secrets';
import { tempDir } from '../support/hostHarness';

/** safeStorage stand-in: a reversible "OS" seal, with the backend and re-encrypt flag settable. */
function fakeSafe(opts: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}) {
  const calls = { encrypt: 0, decrypt: 0 };
  return {
    calls,
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    getSelectedStorageBackend: () => (opts.backend ?? 'gnome_libsecret') as never,
    encryptStringAsync: async (s: string) => { calls.encrypt++; return Buffer.from(`OS:${Buffer.from(s).toString('base64')}`); },
    decryptStringAsync: async (b: Buffer) => {
      calls.decrypt++;
      const t = b.toString();
      if (!t.startsWith('OS:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString');
      return { result: Buffer.from(t.slice(3), 'base64').toString(), shouldReEncrypt: !!opts.reEncrypt };
    },
  };
}

describe('the secrets key under safeStorage', () => {
  it('creates a sealed key, never a plain key file, and finds the same key again', async () => {
    const dir = tempDir();
    const a = await loadSafeStorageKey(dir, fakeSafe(), 'win32');
    expect(a.key).toHaveLength(32);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, SEALED_KEY_FILE), 'utf8')).not.toContain(a.key!.toString('hex'));
    const b = await loadSafeStorageKey(dir, fakeSafe(), 'win32');
    expect(b.key!.equals(a.key!)).toBe(true);
  });

  it('moves a serve-mode key file in: secrets sealed before stay readable, the plain file goes', async () => {
    const dir = tempDir();
    openSecretBox(dir).set('shop:s1:secret', '店铺密钥');
    const r = await loadSafeStorageKey(dir, fakeSafe(), 'win32');
    expect(r).toMatchObject({ note: expect.stringContaining('moved') });
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
    expect(openSecretBox(dir, r.key).get('shop:s1:secret')).toBe('店铺密钥');
  });

  it('re-seals when the OS asks for it', async () => {
    const dir = tempDir();
    await loadSafeStorageKey(dir, fakeSafe(), 'win32');
    const safe = fakeSafe({ reEncrypt: true });
    await loadSafeStorageKey(dir, safe, 'win32');
    expect(safe.calls.encrypt).toBe(1);
  });

  it('on Linux without a secret store (basic_text), says so and leaves the key file in charge', async () => {
    const dir = tempDir();
    const r = await loadSafeStorageKey(dir, fakeSafe({ backend: 'basic_text' }), 'linux');
    expect(r.key).toBeUndefined();
    expect((r as { warning: string }).warning).toMatch(/basic_text.*key file/);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(false);
    const u = await loadSafeStorageKey(dir, fakeSafe({ available: false }), 'win32');
    expect((u as { warning: string }).warning).toMatch(/not available/);
  });

  it('a sealed file that does not open is an error with what to do, not a silent new key', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SEALED_KEY_FILE), Buffer.from('garbage').toString('base64'));
    await expect(loadSafeStorageKey(dir, fakeSafe(), 'win32')).rejects.toThrow(/cannot be opened.*re-enter every shop secret/);
  });
});
