// The bookmark / script form of an export: #/export?preset=standard&format=csv plus optional
// pool filters. Strict on purpose: a misspelt parameter or value is an error that names it,
// never a silently bigger or smaller file.
//   shop=shop-a,shop-b   channel=paid,shipped   fulfilment=on_hold,ready   held=1   q=<search>
//   from=2026-11-01 / to=2026-11-30 (China-time days, both inclusive), or yyyy-MM-ddTHH:mm, or epoch ms
import { CHANNEL_STATUSES, FULFILMENTS, type ChannelStatus, type Fulfilment } from '../../../shared/domain/types';
import { parseShanghai } from '../../../shared/time';
import type { PoolFilter } from '../../store/pool';
import { EXPORT_FORMATS, type ExportFormat } from './encode';
import { EXPORT_PRESETS, type ExportPreset } from './exportOrders';

export interface ExportRequest { preset: ExportPreset; format: ExportFormat; filter: PoolFilter }

export class ExportLinkError extends Error {}

const KNOWN = new Set(['preset', 'format', 'shop', 'channel', 'fulfilment', 'held', 'q', 'from', 'to']);

/** Is this hash an export link at all? */
export const isExportHash = (hash: string) => /^#\/export(\?|$)/.test(hash);

function list<T extends string>(name: string, raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (raw === null) return undefined;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((v) => !allowed.includes(v as T));
  if (bad.length) throw new ExportLinkError(`${name}=${bad.join(',')}: not one of ${allowed.join(', ')}`);
  return items as T[];
}

function time(name: string, raw: string | null, endOfDay: boolean): number | undefined {
  if (raw === null || raw === '') return undefined;
  if (/^\d{10,}$/.test(raw)) return Number(raw);
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return parseShanghai(`${raw} ${endOfDay ? '23:59:59' : '00:00:00'}`) + (endOfDay ? 999 : 0);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(raw)) return parseShanghai(`${raw.replace('T', ' ')}:00`);
  } catch (e) {
    throw new ExportLinkError(`${name}=${raw}: ${(e as Error).message}`);
  }
  throw new ExportLinkError(`${name}=${raw}: write a day (2026-11-25), a time (2026-11-25T20:30) or epoch milliseconds`);
}

export function parseExportHash(hash: string): ExportRequest {
  const q = new URLSearchParams(hash.replace(/^#\/export\??/, ''));
  const unknown = [...q.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new ExportLinkError(`unknown parameter ${unknown.join(', ')} (known: ${[...KNOWN].join(', ')})`);
  const preset = (q.get('preset') ?? 'standard') as ExportPreset;
  if (!EXPORT_PRESETS.includes(preset)) throw new ExportLinkError(`preset=${preset}: use ${EXPORT_PRESETS.join(' or ')}`);
  const format = (q.get('format') ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new ExportLinkError(`format=${format}: use ${EXPORT_FORMATS.join(' or ')}`);
  const held = q.get('held');
  if (held !== null && held !== '1' && held !== '0') throw new ExportLinkError(`held=${held}: use 1 (only held orders) or 0`);
  const filter: PoolFilter = {};
  const shops = q.get('shop')?.split(',').map((s) => s.trim()).filter(Boolean);
  if (shops?.length) filter.shopIds = shops;
  const channel = list<ChannelStatus>('channel', q.get('channel'), CHANNEL_STATUSES);
  if (channel?.length) filter.channelStatuses = channel;
  const fulfilment = list<Fulfilment>('fulfilment', q.get('fulfilment'), FULFILMENTS);
  if (fulfilment?.length) filter.fulfilments = fulfilment;
  const from = time('from', q.get('from'), false);
  const to = time('to', q.get('to'), true);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (from !== undefined && to !== undefined && from > to) throw new ExportLinkError('from is after to');
  if (q.get('q')?.trim()) filter.search = q.get('q')!.trim();
  if (held === '1') filter.heldOnly = true;
  return { preset, format, filter };
}
