// Imported for its effect by the host's entry modules: shared/hash.ts then digests with Node's
// OpenSSL SHA-256 (identical output, see test/shared/hash.test.ts) instead of the portable JS one.
import { createHash } from 'node:crypto';
import { installSha256 } from '../../shared/hash';

export const nativeSha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

installSha256(nativeSha256Hex);
