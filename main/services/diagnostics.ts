// "Copy diagnostics": what support needs to help with one PC, as plain text — versions, the
// data folder, shops (never their secrets), each shop's sync state with the platform's own
// error, what waits in the inbox and journal, updates, and the recent host log (redacted).
import type { ShopPublic } from '../../shared/domain/types';
import type { ShopSyncStatus, UpdateSettings, UpdateStatus } from '../../shared/contract';
import { formatShanghai } from '../../shared/time';
import { redact } from './redact';

export interface DiagnosticsInput {
  now: number;
  version: string;
  shell: 'serve' | 'desktop';
  runtime: { node: string; platform: string; arch: string; electron?: string; chrome?: string };
  dataDir: string;
  startedAt: number;
  demo: { on: boolean; reason: string };
  company?: string;
  shops: ShopPublic[];
  sync: ShopSyncStatus[];
  inboxPending: number;
  journalTotal: number;
  updates: { settings: UpdateSettings; status: UpdateStatus };
  log: string[];
}

const t = (ms?: number) => (ms === undefined ? '—' : formatShanghai(ms));

export function diagnosticsText(d: DiagnosticsInput): string {
  const lines = [
    `Wharf ${d.version} diagnostics — ${formatShanghai(d.now)} (Asia/Shanghai)`,
    `shell: ${d.shell}; node ${d.runtime.node}; ${d.runtime.platform}/${d.runtime.arch}${d.runtime.electron ? `; electron ${d.runtime.electron}; chrome ${d.runtime.chrome}` : ''}`,
    `data: ${d.dataDir}`,
    `started: ${t(d.startedAt)}; demo: ${d.demo.on ? 'on' : 'off'} (${d.demo.reason})`,
    `company: ${d.company ?? '(none loaded)'}`,
    '',
    `shops (${d.shops.length}):`,
    ...d.shops.map((s) => `  ${s.id} ${s.platform} "${s.name}" ${s.gatewayUrl} app_key=${s.appKey} sign=${s.signMethod} every ${s.pullIntervalMin} min; secret ${s.hasSecret ? 'set' : 'MISSING'}; session ${s.hasSession ? 'set' : 'MISSING'}${s.demo ? ' (demo)' : ''}`),
    '',
    'sync:',
    ...d.sync.map((s) => `  ${s.shopId}: last pull ${t(s.lastPullAt)}, last success ${t(s.lastSuccessAt)}, next ${t(s.nextPullAt)}, lag ${s.lagMs === undefined ? '—' : `${Math.round(s.lagMs / 60_000)} min`}, pulled ${s.lastPulled}/${s.totalPulled}${s.error ? `, ERROR ${s.error.code}: ${s.error.message}` : ''}`),
    '',
    `inbox: ${d.inboxPending} batch(es) waiting for the app; journal: ${d.journalTotal} event(s)`,
    `updates: ${d.updates.settings.url || '(no URL)'} channel ${d.updates.settings.channel}; ${JSON.stringify(d.updates.status)}`,
    '',
    `recent log (${d.log.length} lines):`,
    ...d.log.map((l) => `  ${l}`),
  ];
  // a last pass: platform messages and URLs may carry what the log ring already masks
  return redact(lines.join('\n'));
}
