// Per-shop pull cursors: the end of the last window whose orders are safely in the inbox.
import path from 'node:path';
import { readJsonFile, writeFileDurable } from './durableFile';

export class CursorStore {
  private readonly file: string;
  private data: Record<string, number>;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'cursors.json');
    this.data = readJsonFile<Record<string, number>>(this.file) ?? {};
  }
  get(shopId: string): number | undefined { return this.data[shopId]; }
  set(shopId: string, value: number): void {
    this.data[shopId] = value;
    writeFileDurable(this.file, JSON.stringify(this.data));
  }
  delete(shopId: string): void {
    delete this.data[shopId];
    writeFileDurable(this.file, JSON.stringify(this.data));
  }
}
