// Receiver privacy shapes (platforms.md §1.7, §11): the legacy ciphertext formats, masked display
// text and the oaid merge key. The simulator produces them and map.ts recognises them; keeping
// both in one file means the two sides cannot drift apart. Pure code (no node:*), so a mapper
// running in the renderer's worker could use it too.
import { sha256Hex } from '../../../shared/hash';

// the masks live in shared/ (the Excel import masks too); platform code reaches them through here
export { maskName, maskPhone, maskAddress, phoneTailOf } from '../../../shared/mask';

/** name/address: ~<base64>~<index>~<ver>~~ */
const TEXT_CIPHER_RE = /^~[A-Za-z0-9+/=]+~[^~]*~[^~]*~~$/;
/** phone: $<index>$<base64>$<ver>$$ */
const PHONE_CIPHER_RE = /^\$[^$]*\$[A-Za-z0-9+/=]+\$[^$]*\$\$$/;
/** PDD's newer forms without the search index: ~<base64>~<ver>~ and $<base64>$<ver>$ (§3.7) */
const SHORT_TEXT_RE = /^~[A-Za-z0-9+/=]{8,}~[^~]+~$/;
const SHORT_PHONE_RE = /^\$[A-Za-z0-9+/=]{8,}\$[^$]+\$$/;

export function isLegacyCipher(value: string): boolean {
  return TEXT_CIPHER_RE.test(value) || PHONE_CIPHER_RE.test(value) || SHORT_TEXT_RE.test(value) || SHORT_PHONE_RE.test(value);
}

const CIPHER_VERSION = '1';

function keystream(key: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const hex = sha256Hex(`${key}:${block}`);
    for (let i = 0; i < 32 && block * 32 + i < length; i++) out[block * 32 + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * Simulator-side "encryption": a deterministic XOR stream keyed per shop, so the same receiver
 * gives the same ciphertext within a shop (as Taobao's legacy scheme did) and a different one
 * elsewhere. Not security: a stand-in with the platform's shape.
 */
export function encryptLegacy(kind: 'text' | 'phone', plain: string, shopKey: string): string {
  const bytes = new TextEncoder().encode(plain);
  const ks = keystream(`${shopKey}:${plain.length}`, bytes.length);
  const body = toBase64(bytes.map((b, i) => b ^ ks[i]!));
  if (kind === 'phone') {
    // index from the last 4 digits, the part platforms keep searchable
    const index = sha256Hex(`${shopKey}:tail:${plain.slice(-4)}`).slice(0, 8);
    return `$${index}$${body}$${CIPHER_VERSION}$$`;
  }
  const index = sha256Hex(`${shopKey}:idx:${plain}`).slice(0, 12);
  return `~${body}~${index}~${CIPHER_VERSION}~~`;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An oaid-looking id from any key, scoped: the same receiver in another shop gets another id. */
export function oaidFor(scope: string, key: string): string {
  const hex = sha256Hex(`oaid:${scope}:${key}`) + sha256Hex(`oaid2:${scope}:${key}`);
  let out = '1';
  for (let i = 0; i + 2 <= hex.length && out.length < 40; i += 2) out += B62[parseInt(hex.slice(i, i + 2), 16) % 62];
  return out;
}
