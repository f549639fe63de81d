// The stock settings card's check: the edited stock settings inside the saved decision settings,
// through the one schema (so the card refuses exactly what the mutator would), each problem
// turned into a code the card words next to its field. Paths are relative to decisions.stock.
import { DecisionSettings } from '../../../shared/decide/settings';
import type { StockSettings } from './saveStockSettings';

export interface StockSettingsIssue {
  /** e.g. "nearExpiryDays", "minRemainingDays.tb-main", "push.shops.tb-main.bufferPercent" */
  path: string;
  code: 'min' | 'max' | 'whole' | 'number' | 'other';
  values: { n?: number };
  message: string;
}

export function validateStockSettings(saved: DecisionSettings, draft: StockSettings): { issues: StockSettingsIssue[]; parsed?: DecisionSettings } {
  const r = DecisionSettings.safeParse({ ...saved, stock: draft });
  if (r.success) return { issues: [], parsed: r.data };
  const issues = r.error.issues.map((i): StockSettingsIssue => {
    const path = i.path.map(String).slice(i.path[0] === 'stock' ? 1 : 0).join('.');
    const raw = i as { code: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string };
    if (raw.code === 'too_small') return { path, code: 'min', values: { n: Number(raw.minimum) }, message: i.message };
    if (raw.code === 'too_big') return { path, code: 'max', values: { n: Number(raw.maximum) }, message: i.message };
    if (raw.code === 'invalid_type' && raw.expected === 'int') return { path, code: 'whole', values: {}, message: i.message };
    if (raw.code === 'invalid_type') return { path, code: 'number', values: {}, message: i.message };
    return { path, code: 'other', values: {}, message: i.message };
  });
  return { issues };
}

/** Empty per-shop push entries are left out rather than stored (all defaults). */
export function tidyStockSettings(s: StockSettings): StockSettings {
  const shops: StockSettings['push']['shops'] = {};
  for (const [id, p] of Object.entries(s.push.shops)) if (p.off || p.bufferUnits || p.bufferPercent) shops[id] = p;
  return { ...s, push: { ...s.push, shops } };
}
