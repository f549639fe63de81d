// Status tables edited in Settings, kept in status-tables.json under the data dir and applied to
// the mappers at start-up and on every save. A platform not in the file uses its shipped table.
import path from 'node:path';
import { WharfError } from '../../../shared/contract';
import { PLATFORMS, type Platform } from '../../../shared/domain/types';
import type { StatusTableView } from '../../../shared/contract';
import { DEFAULT_STATUS_TABLES, statusFieldsOf } from '../platforms/statusTables';
import { setStatusTableOverride, type StatusRow } from '../platforms/statusTable';
import { readJsonFile, writeFileDurable } from './durableFile';

/** the wire shape: conditions without "any value" placeholders */
const plain = (rows: readonly StatusRow[]) => rows.map((r) => ({ ...r, when: Object.fromEntries(Object.entries(r.when).filter((e): e is [string, string[]] => e[1] !== undefined)) }));

export class StatusTablesStore {
  private readonly file: string;
  private edits: Partial<Record<Platform, StatusRow[]>>;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'status-tables.json');
    this.edits = readJsonFile<Partial<Record<Platform, StatusRow[]>>>(this.file) ?? {};
    for (const p of PLATFORMS) setStatusTableOverride(DEFAULT_STATUS_TABLES[p], this.edits[p]);
  }

  view(p: Platform): StatusTableView {
    return { platform: p, fields: statusFieldsOf(p), defaults: plain(DEFAULT_STATUS_TABLES[p]), rows: plain(this.edits[p] ?? DEFAULT_STATUS_TABLES[p]), edited: !!this.edits[p] };
  }

  list(): StatusTableView[] { return PLATFORMS.map((p) => this.view(p)); }

  /** rows = null puts the shipped table back */
  save(p: Platform, rows: StatusRow[] | null): StatusTableView {
    if (rows) {
      const fields = new Set(statusFieldsOf(p));
      const issues: { path: string; message: string }[] = [];
      rows.forEach((r, i) => {
        for (const f of Object.keys(r.when)) if (!fields.has(f)) issues.push({ path: `rows.${i}.when.${f}`, message: `${p} orders have no field "${f}" the table can test; use one of ${[...fields].join(', ')}` });
        if (Object.keys(r.when).length === 0) issues.push({ path: `rows.${i}.when`, message: 'a row needs at least one condition (a row matching everything would hide every later row)' });
      });
      if (issues.length) throw new WharfError('invalid_input', `the ${p} status table has ${issues.length} problem(s): ${issues[0]!.message}`, { issues });
      this.edits[p] = rows;
    } else {
      delete this.edits[p];
    }
    writeFileDurable(this.file, JSON.stringify(this.edits, null, 1));
    setStatusTableOverride(DEFAULT_STATUS_TABLES[p], this.edits[p]);
    return this.view(p);
  }
}
