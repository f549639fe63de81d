// The event journal under WHARF_DATA_DIR: an append-only JSON-lines file fed by the
// renderer, so a cleared or lost browser profile can be rebuilt by replaying it.
import fs from 'node:fs';
import path from 'node:path';
import type { WharfEvent } from '../../../shared/events/envelope';

export class Journal {
  private readonly file: string;
  private readonly ids = new Set<string>();
  private offsets: number[] = [];
  private size = 0;

  constructor(dataDir: string) {
    const dir = path.join(dataDir, 'journal');
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'events.jsonl');
    if (fs.existsSync(this.file)) this.index();
  }

  private index(): void {
    const text = fs.readFileSync(this.file, 'utf8');
    let pos = 0;
    for (const line of text.split('\n')) {
      const bytes = Buffer.byteLength(line) + 1;
      if (line.trim()) {
        try {
          const ev = JSON.parse(line) as WharfEvent;
          this.ids.add(ev.id);
          this.offsets.push(pos);
        } catch {
          // a torn last line from a crash: ignore it; it is rewritten when re-sent
        }
      }
      pos += bytes;
    }
    this.size = fs.statSync(this.file).size;
  }

  get total(): number { return this.offsets.length; }

  /** Appends events not already present (by id) and fsyncs; returns how many were new. */
  append(events: WharfEvent[]): number {
    const fresh = events.filter((e) => !this.ids.has(e.id));
    if (!fresh.length) return 0;
    let text = '';
    const offs: number[] = [];
    let pos = this.size;
    for (const e of fresh) {
      const line = `${JSON.stringify(e)}\n`;
      offs.push(pos);
      pos += Buffer.byteLength(line);
      text += line;
    }
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fresh.forEach((e) => this.ids.add(e.id));
    this.offsets.push(...offs);
    this.size = pos;
    return fresh.length;
  }

  read(offset: number, limit: number): { events: WharfEvent[]; next: number | null } {
    if (offset >= this.offsets.length) return { events: [], next: null };
    const end = Math.min(this.offsets.length, offset + limit);
    const start = this.offsets[offset]!;
    const stop = end < this.offsets.length ? this.offsets[end]! : this.size;
    const buf = Buffer.alloc(stop - start);
    const fd = fs.openSync(this.file, 'r');
    try { fs.readSync(fd, buf, 0, buf.length, start); } finally { fs.closeSync(fd); }
    const events = buf.toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as WharfEvent);
    return { events, next: end < this.offsets.length ? end : null };
  }
}
