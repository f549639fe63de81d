// Self-update settings (updates.json under WHARF_DATA_DIR) and the updater's latest status.
// The host only keeps them: the desktop shell runs the updater, listens for changes and
// reports its status here; in serve mode updates are a git pull away and the status says so.
import path from 'node:path';
import type { UpdateSettings, UpdateStatus } from '../../../shared/contract';
import { readJsonFile, writeFileDurable } from './durableFile';

export const SERVE_MODE_UPDATES: UpdateStatus = { state: 'off', reason: 'serve mode updates with the code: git pull, then npm ci' };

export class UpdatesStore {
  private readonly file: string;
  private current: UpdateSettings;
  private status: UpdateStatus = SERVE_MODE_UPDATES;
  private readonly listeners = new Set<(s: UpdateSettings) => void>();

  /** `forced`: WHARF_UPDATE_URL / _CHANNEL, which win (a company rolls them out with its PC images) */
  constructor(dataDir: string, forced: { url?: string; channel?: 'stable' | 'beta' } = {}) {
    this.file = path.join(dataDir, 'updates.json');
    const saved = readJsonFile<Partial<UpdateSettings>>(this.file) ?? {};
    this.current = {
      url: forced.url ?? saved.url ?? '',
      channel: (forced.channel ?? saved.channel) === 'beta' ? 'beta' : 'stable',
    };
  }

  get settings(): UpdateSettings { return { ...this.current }; }
  get latest(): UpdateStatus { return this.status; }

  save(s: UpdateSettings): void {
    this.current = { url: s.url.trim(), channel: s.channel };
    writeFileDurable(this.file, JSON.stringify(this.current, null, 1));
    this.listeners.forEach((fn) => fn(this.settings));
  }

  setStatus(s: UpdateStatus): void { this.status = s; }

  /** the desktop shell restarts its updater when the settings change */
  onChange(fn: (s: UpdateSettings) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
