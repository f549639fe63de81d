// From scored candidates to a decision. A wrong automatic map is worse than none: mapping needs
// a high score, a clear lead over the runner-up and no conflicting attribute; otherwise the line
// waits for a person, who sees the suggestions and the reasons.
import { fmt } from './format';
import type { Scored } from './score';
import type { MatchResult } from './types';

export interface MatchThresholds {
  /** The best score needed to map. */
  map: number;
  /** How far the best must lead the runner-up to map. */
  lead: number;
  /** Below this the line has no suggestion worth asking about. */
  ask: number;
}

export const DEFAULT_THRESHOLDS: Readonly<MatchThresholds> = Object.freeze({ map: 0.85, lead: 0.08, ask: 0.45 });

const SUGGESTIONS = 5;
const EPS = 1e-9;

export function decide(scored: readonly Scored[], th: MatchThresholds): MatchResult {
  const suggestions = scored.slice(0, SUGGESTIONS).map((s) => ({ code: s.sku.sku.code, score: round(Math.min(1, s.score)), why: s.why }));
  const top = scored[0];
  if (!top) return { decision: 'none', confidence: 0, reasons: ['no SKU shares a word with this line'], suggestions };
  const second = scored[1];
  const confidence = round(Math.min(1, top.score));
  if (top.score + EPS < th.ask) {
    return { decision: 'none', confidence, reasons: [`best ${top.sku.sku.code} ${fmt(Math.min(1, top.score))} < ${fmt(th.ask)}`, ...top.why], suggestions };
  }
  const lead = top.score - (second?.score ?? 0);
  if (top.score + EPS >= th.map && lead + EPS >= th.lead && top.conflicts === 0) {
    return { decision: 'mapped', code: top.sku.sku.code, confidence, reasons: top.why, suggestions };
  }
  const reasons = [...top.why];
  if (top.score + EPS < th.map) reasons.push(`${fmt(top.score)} < ${fmt(th.map)}: ask`);
  if (second && lead + EPS < th.lead) reasons.push(`close second: ${second.sku.sku.code} ${fmt(Math.min(1, second.score))}`);
  if (top.conflicts > 0) reasons.push('conflict: ask');
  return { decision: 'ask', confidence, reasons, suggestions };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
