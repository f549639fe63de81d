// SHA-256 and canonical JSON, identical in the host, the renderer and its worker: event ids
// must come out the same on every PC that sees the same platform data.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type Digest = (text: string) => string;

/** Pure JS: the renderer and its worker (WebCrypto's digest is async only). */
export const portableSha256Hex: Digest = (text) => bytesToHex(sha256(utf8ToBytes(text)));

let digest: Digest = portableSha256Hex;

/**
 * The host installs Node's native SHA-256 at start (main/services/nativeHash.ts): the same
 * digest of the same UTF-8 bytes, but the host hashes every delivered payload, and in a host
 * that also runs other hashing code the JS version measured ~0.5 ms per 2 KB payload.
 */
export function installSha256(fn: Digest): void {
  digest = fn;
}

export function sha256Hex(text: string): string {
  return digest(text);
}

/** JSON with object keys sorted recursively, so equal data always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
