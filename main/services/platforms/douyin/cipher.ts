// Douyin receiver ciphertext shapes (§2.6): phone `$$<base64>*<base64>$1$$`, name/address
// `##<base64>*<base64>#1##`. The second part differs between occurrences (the same phone gives
// different ciphertexts), so nobody may dedupe on it. The simulator's stand-in: the first part
// is the plain text XORed with a per-shop keystream (decryptable by the simulator only), the
// second a nonce per (order, field, version), so the same order version always renders the same.
import { sha256Hex } from '../../../../shared/hash';

const TEL_RE = /^\$\$[A-Za-z0-9+/=]+\*[A-Za-z0-9+/=]+\$\d+\$\$$/;
const TEXT_RE = /^##[A-Za-z0-9+/=]+\*[A-Za-z0-9+/=]+#\d+##$/;

export function isDouyinCipher(value: string): boolean {
  return TEL_RE.test(value) || TEXT_RE.test(value);
}

function b64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function hexBytes(hex: string, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** the deterministic part: what the simulator compares when asked to decrypt */
export function cipherCore(plain: string, shopKey: string): string {
  const bytes = new TextEncoder().encode(plain);
  const out = new Uint8Array(bytes.length);
  for (let block = 0; block * 32 < bytes.length; block++) {
    const ks = hexBytes(sha256Hex(`douyin:${shopKey}:${plain.length}:${block}`), 32);
    for (let i = 0; i < 32 && block * 32 + i < bytes.length; i++) out[block * 32 + i] = bytes[block * 32 + i]! ^ ks[i]!;
  }
  return b64(out);
}

export function encryptDouyin(kind: 'tel' | 'text', plain: string, shopKey: string, nonceKey: string): string {
  const nonce = b64(hexBytes(sha256Hex(`douyin-nonce:${nonceKey}`), 12));
  const core = cipherCore(plain, shopKey);
  return kind === 'tel' ? `$$${core}*${nonce}$1$$` : `##${core}*${nonce}#1##`;
}

/** the first part of a Douyin ciphertext, or undefined when it is not one */
export function coreOf(cipher: string): string | undefined {
  if (!isDouyinCipher(cipher)) return undefined;
  return cipher.replace(/^(\$\$|##)/, '').split('*')[0];
}
