// The dry run: every decidable order of the window decided again under the edited settings with
// the same pure pipeline the store uses, oldest paid first (each seeing the stock and receivers
// the ones before it took, as a re-decision of all open orders does), then compared with the
// decision stored on it. Chunked, with a macrotask between chunks, so the page paints a progress
// bar instead of freezing on 20 000 orders.
import { RULE_IDS, createMemoryContext, paidTime, productSet, type DecisionSettings, type RuleId, type RuleHit } from '../../../shared/decide';
import type { Fulfilment, OrderRow } from '../../../shared/domain/types';
import { effectiveOrder } from '../../store/decide/batch';
import type { DryRunData } from './dryRunData';

/** The states a saved rule set re-decides (the same set the store's rules re-decision takes). */
const OPEN: ReadonlySet<Fulfilment> = new Set(['new', 'reviewing', 'on_hold', 'ready', 'allocated']);
const SAMPLE = 20;

export interface HitBrief { rule: RuleId; action: RuleHit['action']; message: string }
export interface DryRunChange {
  key: string;
  orderId: string;
  platform: string;
  shopId: string;
  before: { outcome: string; hits: HitBrief[] };
  after: { outcome: string; hits: HitBrief[] };
}

export interface DryRunResult {
  days: number;
  /** orders decided again */
  orders: number;
  /** orders whose outcome changed (pass → hold or hold → pass) */
  changed: number;
  passToHold: number;
  holdToPass: number;
  /** orders whose set of rule hits changed, outcome changed or not */
  hitsChanged: number;
  perRule: Record<RuleId, { before: number; after: number }>;
  /** up to 20 changed orders, outcome changes first */
  sample: DryRunChange[];
}

export class DryRunCancelled extends Error { constructor() { super('dry run cancelled'); } }

/** Decided from pass or hold and not yet on the floor: what a rule change can still move. */
export const decidable = (r: OrderRow) =>
  !r.cancelled && OPEN.has(r.fulfilment) && (r.decision?.outcome === 'pass' || r.decision?.outcome === 'hold');

const brief = (hits: readonly RuleHit[]): HitBrief[] => hits.map((h) => ({ rule: h.rule, action: h.action, message: h.message }));
const ruleSet = (hits: readonly RuleHit[]) => [...new Set(hits.map((h) => h.rule))].sort().join(',');
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface DryRunOptions {
  days: number;
  chunk?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export async function runDryRun(data: DryRunData, settings: DecisionSettings, opts: DryRunOptions): Promise<DryRunResult> {
  // the revealed phones the stored decisions knew, so duplicates are found the same way
  const ctx = createMemoryContext({ ...data.context, settings, revision: 'dry-run', phoneHashes: data.phoneHashes });

  const walk = data.orders.filter(decidable).sort((a, b) => paidTime(a) - paidTime(b) || (a.key < b.key ? -1 : 1));
  const walking = new Set(walk.map((r) => r.key));
  // what the walk does not decide is still history for duplicates, merges and scalping
  for (const row of [...data.history, ...data.orders.filter((r) => !walking.has(r.key))]) {
    if (!row.rk?.length) continue;
    ctx.remember(row, {
      receiverKeys: { all: row.rk, merge: [] }, products: row.decision ? productSet(row.decision.lines) : [], fulfilment: row.fulfilment,
      ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}),
    });
  }

  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, { before: 0, after: 0 }])) as DryRunResult['perRule'];
  const outcomeChanges: DryRunChange[] = [];
  const hitChanges: DryRunChange[] = [];
  let passToHold = 0;
  let holdToPass = 0;
  let hitsChanged = 0;
  const chunk = Math.max(1, opts.chunk ?? 500);
  opts.onProgress?.(0, walk.length);

  for (let i = 0; i < walk.length; i += chunk) {
    if (opts.signal?.aborted) throw new DryRunCancelled();
    for (const row of walk.slice(i, i + chunk)) {
      const before = row.decision!;
      // its own committed stock goes back first, or the order would be short of itself
      ctx.giveBack(before);
      const { decision: after } = ctx.decide({
        order: effectiveOrder(row), fulfilment: 'new', trigger: 'rules',
        // channel holds stay; a reviewer's approval of a rule stays; the rule holds themselves are what is tested
        holds: row.holds.filter((h) => h.source !== 'rule' || h.clearedBy),
      });
      for (const r of new Set(before.hits.map((h) => h.rule))) perRule[r].before += 1;
      for (const r of new Set(after.hits.map((h) => h.rule))) perRule[r].after += 1;
      const outcomeMoved = before.outcome !== after.outcome && after.outcome !== 'skip';
      const hitsMoved = ruleSet(before.hits) !== ruleSet(after.hits);
      if (outcomeMoved) { if (after.outcome === 'hold') passToHold += 1; else holdToPass += 1; }
      if (hitsMoved) hitsChanged += 1;
      if (!outcomeMoved && !hitsMoved) continue;
      const list = outcomeMoved ? outcomeChanges : hitChanges;
      if (list.length < SAMPLE) {
        list.push({
          key: row.key, orderId: row.orderId, platform: row.platform, shopId: row.shopId,
          before: { outcome: before.outcome, hits: brief(before.hits) }, after: { outcome: after.outcome, hits: brief(after.hits) },
        });
      }
    }
    opts.onProgress?.(Math.min(walk.length, i + chunk), walk.length);
    await macrotask();
  }

  return {
    days: opts.days, orders: walk.length, changed: passToHold + holdToPass, passToHold, holdToPass, hitsChanged, perRule,
    sample: [...outcomeChanges, ...hitChanges].slice(0, SAMPLE),
  };
}
