// ZPL (Zebra): the label as one ^GFA graphic field, hex with ZPL's run-length compression
// (G–Y = 1–19 repeats, g–z = 20–400 in steps of 20, "," = rest of the row white, "!" = rest
// black, ":" = same row as the one before). An 800×1440 label is ~288 kB raw hex and a few kB
// compressed, which matters on a busy 9100 link.
import type { Bitmap1 } from './bitmap';

const HEX = '0123456789ABCDEF';

function repeatCode(n: number): string {
  let s = '';
  while (n >= 400) { s += 'z'; n -= 400; }
  if (n >= 20) { s += String.fromCharCode('g'.charCodeAt(0) + Math.floor(n / 20) - 1); n %= 20; }
  if (n > 0) s += String.fromCharCode('G'.charCodeAt(0) + n - 1);
  return s;
}

/** One row as compressed hex. */
function rowHex(bmp: Bitmap1, y: number): string {
  let hex = '';
  for (let i = 0; i < bmp.stride; i++) {
    const b = bmp.data[y * bmp.stride + i]!;
    hex += HEX[b >> 4]! + HEX[b & 15]!;
  }
  // trailing white / black
  let end = hex.length;
  while (end > 0 && hex[end - 1] === '0') end--;
  let tail = '';
  if (end < hex.length) { tail = ','; hex = hex.slice(0, end); }
  else {
    let e2 = hex.length;
    while (e2 > 0 && hex[e2 - 1] === 'F') e2--;
    if (e2 < hex.length - 1) { tail = '!'; hex = hex.slice(0, e2); }
  }
  let out = '';
  for (let i = 0; i < hex.length;) {
    let j = i + 1;
    while (j < hex.length && hex[j] === hex[i]) j++;
    const n = j - i;
    out += n > 2 ? repeatCode(n) + hex[i] : hex.slice(i, j);
    i = j;
  }
  return out + tail;
}

export function zplGraphic(bmp: Bitmap1): string {
  const total = bmp.stride * bmp.height;
  let body = '';
  let prev: string | undefined;
  for (let y = 0; y < bmp.height; y++) {
    const r = rowHex(bmp, y);
    body += r === prev ? ':' : r;
    prev = r;
  }
  return `^GFA,${total},${total},${bmp.stride},${body}`;
}

export interface ZplOptions { copies?: number; darkness?: number }

export function zplJob(bmp: Bitmap1, o: ZplOptions = {}): string {
  const copies = Math.max(1, Math.floor(o.copies ?? 1));
  return `^XA^CI28^PW${bmp.width}^LL${bmp.height}^LH0,0${o.darkness !== undefined ? `~SD${o.darkness}` : ''}^FO0,0${zplGraphic(bmp)}^FS^PQ${copies}^XZ\n`;
}
