// The host's record of print jobs a printer took (printed.jsonl, fsynced). A station re-sends a
// job whose answer it never got; if the printer already took it, the host answers "printed"
// instead of printing a second label — a reprint is always an explicit, reasoned request.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../store/durableFile';

export interface PrintRecord { jobId: string; printer: string; bytes: number; at: number; actor: string; reprint?: string }

export class PrintLedger {
  private readonly file: string;
  private readonly done = new Map<string, PrintRecord>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'printed.jsonl');
    let text = '';
    try { text = fs.readFileSync(this.file, 'utf8'); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      try { const r = JSON.parse(line) as PrintRecord; this.done.set(r.jobId, r); }
      catch { if (i < lines.length - 2) throw new Error(`${this.file} line ${i + 1} is not JSON; move the file aside (it only prevents double prints of jobs in flight)`); }
    }
  }

  get(jobId: string): PrintRecord | undefined { return this.done.get(jobId); }

  record(r: PrintRecord): void {
    const existed = fs.existsSync(this.file);
    const fd = fs.openSync(this.file, 'a', 0o600);
    try { fs.writeSync(fd, `${JSON.stringify(r)}\n`); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    if (!existed) fsyncDir(path.dirname(this.file));
    this.done.set(r.jobId, r);
  }
}
