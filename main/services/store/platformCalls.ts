// The host's ledger of platform changes it has made (platform-calls.jsonl, fsynced): a
// `platform.call` whose idempotency key is already here answers "done" without calling the
// platform again — the renderer retries after a lost answer, and a tracking number must
// reach the platform once. Only confirmed calls are written; a failed one may be tried again.
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformCall, StockPushFailure } from '../../../shared/domain/writeBack';
import { fsyncDir } from './durableFile';

export interface CallRecord {
  key: string; shopId: string; call: PlatformCall; at: number; actor: string;
  /** a stock push's listings the platform refused: a replay answers them again */
  failed?: StockPushFailure[];
}

export class PlatformCallLedger {
  private readonly file: string;
  private readonly done = new Map<string, CallRecord>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'platform-calls.jsonl');
    let text = '';
    try { text = fs.readFileSync(this.file, 'utf8'); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as CallRecord;
        this.done.set(r.key, r);
      } catch {
        // a torn last line from a crash mid-append: the call was not confirmed as recorded, so
        // the renderer's retry will run it again (platforms accept a repeated tracking upload)
        if (i < text.split('\n').length - 2) throw new Error(`${this.file} line ${i + 1} is not JSON; move the file aside to rebuild it from the platforms`);
      }
    }
  }

  get(key: string): CallRecord | undefined { return this.done.get(key); }

  record(r: CallRecord): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const existed = fs.existsSync(this.file);
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(r)}\n`);
      fs.fsyncSync(fd);
    } finally { fs.closeSync(fd); }
    if (!existed) fsyncDir(path.dirname(this.file));
    this.done.set(r.key, r);
  }
}
