// The host digests with Node's SHA-256, the renderer with the portable one: event ids and payload
// hashes must agree byte for byte, for any text (CJK, emoji, lone surrogates included).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { installSha256, portableSha256Hex, sha256Hex } from '../../shared/hash';
import { nativeSha256Hex } from '../../main/services/nativeHash';

describe('sha256Hex', () => {
  it('gives the known digests', () => {
    expect(portableSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(nativeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(portableSha256Hex('abc')).toBe(nativeSha256Hex('abc'));
  });

  it('native and portable agree on any string, lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '中', '😀', 'a', '\u0000') }));
    fc.assert(fc.property(text, (s) => portableSha256Hex(s) === nativeSha256Hex(s)), { seed: 4242, numRuns: 1000 });
  });

  it('uses the installed digest (the host installs the native one on import)', () => {
    expect(sha256Hex('abc')).toBe(nativeSha256Hex('abc'));
    let calls = 0;
    installSha256((t) => { calls++; return portableSha256Hex(t); });
    try {
      expect(sha256Hex('x')).toBe(portableSha256Hex('x'));
      expect(calls).toBe(1);
    } finally {
      installSha256(nativeSha256Hex);
    }
  });
});
