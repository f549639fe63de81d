// The pool's orders — every one matching the filter, not the page on screen — as a file in one
// of the presets. Rows are read in the pool's order (newest first) in slices, so a big pool does
// not go through one giant bulkGet.
import type { TFunction } from 'i18next';
import type { WharfDB } from '../../store/db';
import { poolKeys, rowsByKeys, type PoolFilter } from '../../store/pool';
import { i18n } from '../../i18n';
import { formatShanghai } from '../../../shared/time';
import { MIME, toCsv, toXlsx, type ExportFormat } from './encode';
import { STANDARD_COLUMNS, standardRows } from './standard';
import { localizedHeader, localizedRows, type Lookups } from './localized';

export type ExportPreset = 'standard' | 'localized';
export const EXPORT_PRESETS: readonly ExportPreset[] = ['standard', 'localized'];

export interface ExportFile {
  blob: Blob;
  fileName: string;
  orders: number;
  /** data rows (one per order line), header not counted */
  rows: number;
}

const SLICE = 2000;

/** wharf-orders-standard-20261125-2030.csv (China time) */
export function exportFileName(preset: ExportPreset, format: ExportFormat, now: number): string {
  const s = formatShanghai(now);
  return `wharf-orders-${preset}-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 16).replace(':', '')}.${format}`;
}

async function lookups(db: WharfDB): Promise<Lookups> {
  const [shops, skus, warehouses] = await Promise.all([db.shops.toArray(), db.skus.toArray(), db.warehouses.toArray()]);
  return { shops: new Map(shops.map((s) => [s.id, s])), skus: new Map(skus.map((s) => [s.code, s])), warehouses: new Map(warehouses.map((w) => [w.code, w])) };
}

export async function exportOrders(db: WharfDB, filter: PoolFilter, preset: ExportPreset, format: ExportFormat, opts: { t?: TFunction; now?: number } = {}): Promise<ExportFile> {
  const t = opts.t ?? i18n.t.bind(i18n);
  const keys = await poolKeys(db, filter);
  const look = preset === 'localized' ? await lookups(db) : undefined;
  const table: string[][] = [preset === 'standard' ? [...STANDARD_COLUMNS] : localizedHeader(t)];
  for (let i = 0; i < keys.length; i += SLICE) {
    for (const row of await rowsByKeys(db, keys.slice(i, i + SLICE))) {
      table.push(...(look ? localizedRows(row, look, t) : standardRows(row)));
    }
  }
  const bytes = format === 'csv'
    ? toCsv(table, { guardFormulas: preset === 'localized' })
    : toXlsx(table, preset === 'standard' ? 'orders' : t('rules.export.title'));
  return {
    blob: new Blob([bytes as BlobPart], { type: MIME[format] }),
    fileName: exportFileName(preset, format, opts.now ?? Date.now()),
    orders: keys.length,
    rows: table.length - 1,
  };
}

/** Hands the file to the browser as a download (the desktop shell asks where to save it). */
export function saveFile(file: Pick<ExportFile, 'blob' | 'fileName'>): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoked later: some browsers read the URL only after the click handler returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
