// Our TSPL interpreter: reads a job's bytes back into what the printer would print — the label
// size, the BITMAP graphics drawn onto the page, text/barcode commands listed — for previews and
// as the tests' oracle. It reads the subset Wharf writes plus the common text commands, and
// names anything it does not know instead of guessing.
import { blankBitmap, getDot, setDot, type Bitmap1 } from '../bitmap';

export interface TsplPage { widthMm: number; heightMm: number; bitmap: Bitmap1; copies: number; texts: string[]; unknown: string[] }

const num = (s: string | undefined, what: string) => {
  const n = Number((s ?? '').replace(/mm|dot/gi, '').trim());
  if (!Number.isFinite(n)) throw new Error(`TSPL: ${what} "${s}" is not a number`);
  return n;
};

/** `dotsPerMm`: 8 for a 203 dpi printer, 12 for 300 dpi (how TSPL printers count them). */
export function readTspl(bytes: Uint8Array, dotsPerMm = 8): TsplPage[] {
  const pages: TsplPage[] = [];
  let widthMm = 0;
  let heightMm = 0;
  let page: Bitmap1 | undefined;
  let texts: string[] = [];
  const unknown: string[] = [];
  const ensure = () => {
    if (!widthMm || !heightMm) throw new Error('TSPL: drawing before SIZE; a job must start with SIZE w mm,h mm');
    page ??= blankBitmap(Math.round(widthMm * dotsPerMm), Math.round(heightMm * dotsPerMm));
    return page;
  };
  let i = 0;
  while (i < bytes.length) {
    // one command line; BITMAP carries binary after its sixth comma
    let j = i;
    while (j < bytes.length && bytes[j] !== 0x0d && bytes[j] !== 0x0a) {
      if (bytes[j] === 0x2c && String.fromCharCode(...bytes.subarray(i, Math.min(j, i + 7))).toUpperCase().startsWith('BITMAP')) {
        const head = String.fromCharCode(...bytes.subarray(i, j + 1));
        if (head.split(',').length === 6) break;
      }
      j++;
    }
    const line = String.fromCharCode(...bytes.subarray(i, j)).trim();
    const [cmd = '', ...restParts] = line.split(/\s+/);
    const args = restParts.join(' ').split(',');
    switch (cmd.toUpperCase()) {
      case '': break;
      case 'SIZE': widthMm = num(args[0], 'SIZE width'); heightMm = num(args[1], 'SIZE height'); break;
      case 'GAP': case 'DIRECTION': case 'DENSITY': case 'SPEED': case 'REFERENCE': case 'OFFSET': case 'SET': case 'CODEPAGE': break;
      case 'CLS': page = undefined; texts = []; ensure(); break;
      case 'BITMAP': {
        const [x, y, wb, h, mode] = args.map((a, k) => num(a, `BITMAP argument ${k + 1}`));
        const start = j + 1;
        const len = wb! * h!;
        if (start + len > bytes.length) throw new Error(`TSPL: BITMAP says ${wb}×${h} bytes but the job ends after ${bytes.length - start}`);
        const p = ensure();
        for (let yy = 0; yy < h!; yy++) {
          for (let xx = 0; xx < wb! * 8; xx++) {
            const black = (bytes[start + yy * wb! + (xx >> 3)]! & (0x80 >> (xx & 7))) === 0;
            if (mode === 1) { if (!black) setDot(p, x! + xx, y! + yy, !getDot(p, x! + xx, y! + yy)); continue; }
            if (black) setDot(p, x! + xx, y! + yy, true); else if (mode === 0) setDot(p, x! + xx, y! + yy, false);
          }
        }
        i = start + len;
        continue;
      }
      case 'TEXT': case 'BLOCK': {
        const m = /"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
        texts.push(m ? m[1]! : line);
        break;
      }
      case 'BARCODE': case 'QRCODE': {
        const m = /"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
        texts.push(`${cmd.toUpperCase()}:${m ? m[1] : ''}`);
        break;
      }
      case 'PRINT': {
        const copies = Math.max(1, num(args[1] ?? args[0] ?? '1', 'PRINT copies'));
        pages.push({ widthMm, heightMm, bitmap: ensure(), copies, texts, unknown: [...unknown] });
        page = undefined;
        texts = [];
        break;
      }
      default: unknown.push(cmd);
    }
    i = j;
    while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  }
  return pages;
}
