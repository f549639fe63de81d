// Platform status → Wharf channelStatus, kept as data (platforms.md §9) so settings can show
// and edit it. A row is a condition over several fields of the platform's order (PDD needs
// order_status, confirm_status, refund_status and risk_control_status together); the first
// row that matches wins, so narrower rows come first.
import type { ChannelStatus } from '../../../shared/domain/types';

export interface StatusRow {
  /** every listed field must hold one of the listed values (compared as text) */
  when: Record<string, string[] | undefined>;
  channelStatus: ChannelStatus;
  /** a channel-side hold the order carries while this row applies (paid but not to ship) */
  hold?: string;
}

export type StatusFields = Record<string, unknown>;

export function rowMatches(row: StatusRow, fields: StatusFields): boolean {
  return Object.entries(row.when).every(([field, allowed]) => allowed === undefined || allowed.includes(String(fields[field] ?? '')));
}

export interface StatusDecision {
  channelStatus: ChannelStatus;
  holds: string[];
  /** why, in words a person can check against the platform's own screen */
  reasons: string[];
}

export class UnknownStatusError extends Error {
  constructor(readonly platform: string, readonly fields: StatusFields) {
    super(`unknown ${platform} order status ${JSON.stringify(fields)}: no row of the status table matches; add a row for it in Settings → Status tables (or to the platform's statusTable.ts; platforms.md §9 lists the known ones) — until then the order waits in quarantine, never guessed`);
  }
}

/**
 * Tables edited in Settings, keyed by the shipped default they replace. Every platform's mapper
 * passes its default table here, so an edit applies to every order mapped after it.
 */
const edited = new Map<readonly StatusRow[], readonly StatusRow[]>();

export function setStatusTableOverride(defaults: readonly StatusRow[], rows: readonly StatusRow[] | undefined): void {
  if (rows) edited.set(defaults, rows); else edited.delete(defaults);
}

/** Pure given the edits: the platform's status fields → channel status and holds, with the row that decided. */
export function decideStatus(platform: string, defaults: readonly StatusRow[], fields: StatusFields): StatusDecision {
  const table = edited.get(defaults) ?? defaults;
  const row = table.find((r) => rowMatches(r, fields));
  if (!row) {
    const used = new Set(table.flatMap((r) => Object.keys(r.when)));
    throw new UnknownStatusError(platform, Object.fromEntries([...used].map((k) => [k, fields[k]])));
  }
  const cond = Object.keys(row.when).map((k) => `${k}=${String(fields[k])}`).join(' & ');
  const reasons = [`${cond} → ${row.channelStatus}`];
  if (row.hold) reasons.push(`${cond} → hold ${row.hold}`);
  return { channelStatus: row.channelStatus, holds: row.hold ? [row.hold] : [], reasons };
}
