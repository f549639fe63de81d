// Byte helpers shared by the printer-language builders and interpreters (browser and Node:
// no Buffer).

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e) throw new RangeError(`printer command text must be ASCII; got "${s[i]}" at ${i}`);
    out[i] = c;
  }
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Reads ASCII up to (not including) `stop`, from `at`; returns the text and the index after it. */
export function readUntil(b: Uint8Array, at: number, stop: number): { text: string; next: number } {
  let i = at;
  let s = '';
  while (i < b.length && b[i] !== stop) s += String.fromCharCode(b[i++]!);
  return { text: s, next: i < b.length ? i + 1 : i };
}
