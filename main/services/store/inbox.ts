// The host's inbox: every fetched page is written here (fsync) before the shop's cursor
// moves, kept until the renderer acknowledges it has stored the batch, then trimmed.
// A crash anywhere re-delivers; deterministic event ids make re-delivery harmless.
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../../shared/domain/types';
import type { RawOrder } from '../platforms/types';
import { fsyncDir, writeFileDurable } from './durableFile';

export interface InboxEntry {
  batchId: string;
  shopId: string;
  platform: Platform;
  fetchedAt: number;
  raw: RawOrder[];
}

export class Inbox {
  private readonly dir: string;
  private seq = 0;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'inbox');
    fs.mkdirSync(this.dir, { recursive: true });
    for (const f of this.files()) this.seq = Math.max(this.seq, Number(f.split('-')[1]) || 0);
    // a crash mid-write leaves *.tmp files that never became entries
    for (const f of fs.readdirSync(this.dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(this.dir, f), { force: true });
  }

  private files(): string[] {
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort();
  }

  append(e: Omit<InboxEntry, 'batchId'>): InboxEntry {
    this.seq += 1;
    const batchId = `${String(e.fetchedAt).padStart(14, '0')}-${String(this.seq).padStart(9, '0')}-${e.shopId}`;
    const entry: InboxEntry = { batchId, ...e };
    writeFileDurable(path.join(this.dir, `${batchId}.json`), JSON.stringify(entry));
    return entry;
  }

  /** Unacknowledged entries, oldest first. */
  pending(): InboxEntry[] {
    return this.files().map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as InboxEntry);
  }

  /** One unacknowledged entry, or undefined once it is trimmed (or never was). */
  read(batchId: string): InboxEntry | undefined {
    if (!/^[\w-]+$/.test(batchId)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, `${batchId}.json`), 'utf8')) as InboxEntry;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  pendingCount(shopId?: string): number {
    return this.files().filter((f) => !shopId || f.endsWith(`-${shopId}.json`)).length;
  }

  /** Trims acknowledged entries; one directory fsync for the lot. Returns those trimmed. */
  ack(batchIds: readonly string[]): string[] {
    const trimmed: string[] = [];
    for (const id of batchIds) {
      if (!/^[\w-]+$/.test(id)) continue;
      const file = path.join(this.dir, `${id}.json`);
      if (!fs.existsSync(file)) continue;
      fs.rmSync(file);
      trimmed.push(id);
    }
    if (trimmed.length) fsyncDir(this.dir);
    return trimmed;
  }
}
