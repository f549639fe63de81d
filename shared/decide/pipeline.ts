// The decision for one order: map SKU → dedup → review → allocate, each stage's result kept
// with its reasons. Pure: the same order and context give the same decision, so a dry run, the
// ingest worker, a reviewer's re-check and the benchmark all run exactly this function.
import type { Fulfilment, Hold, NormalizedOrder } from '../domain/types';
import { PRE_FLOOR } from '../domain/fulfilment';
import { centroidOf, haversineKm, resolveRegion } from '../address';
import type { DecideContext } from './context';
import { mapLines, productSet } from './mapLines';
import { receiverKeys, type ReceiverKeys } from './receiver';
import { findDuplicates, type DedupResult } from './dedup';
import { allocate } from './allocate';
import { evaluateRules, type RegionFacts } from './rules';
import type { RuleId } from './settings';
import type { Decision, DecisionTrigger, LineDecision, RuleHit } from './types';

export interface DecideInput {
  order: NormalizedOrder & { key: string };
  /** the order's fulfilment before this decision (new for a first arrival) */
  fulfilment: Fulfilment;
  /** holds already on the order: channel holds are kept, cleared rule holds stay cleared */
  holds: readonly Hold[];
  trigger: DecisionTrigger;
  /**
   * When this decision counts as made (default ctx.now). A store passes the time of what caused
   * it — the order version's change for an arrival — so replaying the journal re-derives the
   * very same decisions instead of stamping them with the replay's clock.
   */
  at?: number;
  /** the order's lines already mapped against this context (a caller that needed them first) */
  lines?: LineDecision[];
  /** its receiver keys, likewise */
  receiverKeys?: ReceiverKeys;
}

export interface DecideOutput {
  decision: Decision;
  fulfilment: Fulfilment;
  holds: Hold[];
  receiverKeys: ReceiverKeys;
  products: string[];
  /** orders decided earlier that this arrival shows to be the later of a duplicate pair */
  laterDuplicates: string[];
  dedup?: DedupResult;
}

/** Paid time where there is one: duplicate and scalping windows count paid time. */
export const paidTime = (o: Pick<NormalizedOrder, 'paidAt' | 'createdAt'>) => o.paidAt ?? o.createdAt;

export function regionFacts(province: string, city: string, district: string): RegionFacts {
  const r = resolveRegion(province, city, district);
  return { province: r.province?.name ?? province, city: r.city?.name ?? city, district: r.district?.name ?? district, issues: r.issues };
}

/** Why nothing is decided for an order in this state (undefined: decide it). */
export function notDecidable(order: NormalizedOrder, fulfilment: Fulfilment): string | undefined {
  if (!PRE_FLOOR.has(fulfilment)) return `已进入仓库作业（${fulfilment}）：不再重新判定`;
  switch (order.channelStatus) {
    case 'awaiting_payment': return '待付款：买家付款后判定';
    case 'shipped': case 'completed': return `平台已${order.channelStatus === 'shipped' ? '发货' : '完成'}：无需发货`;
    case 'closed': return '平台已关闭';
    default: return undefined;
  }
}

function holdsFrom(hits: readonly RuleHit[], prev: readonly Hold[], at: number): Hold[] {
  // an unmapped line or missing stock is not a judgement a reviewer can wave through
  const cleared = new Map(prev.filter((h) => h.source === 'rule' && h.clearedBy && h.code !== 'r9' && h.code !== 'r10').map((h) => [h.code, h]));
  const fired = hits.filter((h) => h.action === 'hold').map((h) => {
    const was = cleared.get(h.rule);
    // a reviewer's approval of this rule on this order stands through later re-decisions, with
    // how it was resolved and the note they left
    const kept = was ? Object.fromEntries(Object.entries(was.values).filter(([k]) => k === 'resolution' || k === 'note')) : {};
    return { code: h.rule, source: 'rule' as const, values: { ...h.values, ...(h.threshold !== undefined ? { threshold: h.threshold } : {}), message: h.message, ...kept }, at, ...(was ? { clearedBy: was.clearedBy, clearedAt: was.clearedAt } : {}) };
  });
  // a cleared hold whose rule no longer fires stays as history: who approved it, and when
  return [...fired, ...[...cleared.values()].filter((h) => !fired.some((f) => f.code === h.code))];
}

export function decideOrder(input: DecideInput, ctx: DecideContext): DecideOutput {
  const { order } = input;
  const at = input.at ?? ctx.now;
  const lines = input.lines ?? mapLines(order, ctx);
  const products = productSet(lines);
  const keys = input.receiverKeys ?? receiverKeys(order, ctx.phoneHashes(order.key));
  const kept = input.holds.filter((h) => h.source !== 'rule');
  const skip = notDecidable(order, input.fulfilment);
  if (skip) {
    const decision: Decision = { at, trigger: input.trigger, revision: ctx.revision, lines, mergeWith: [], hits: [], outcome: 'skip', reasons: [skip] };
    // rule holds of an order that left the decidable states are history, not blockers
    return { decision, fulfilment: input.fulfilment, holds: [...kept, ...input.holds.filter((h) => h.source === 'rule').map((h) => (h.clearedBy ? h : { ...h, clearedBy: 'system', clearedAt: at }))], receiverKeys: keys, products, laterDuplicates: [] };
  }

  const s = ctx.settings;
  const region = regionFacts(order.receiver.province, order.receiver.city, order.receiver.district);
  const dedup = findDuplicates(
    { key: order.key, platform: order.platform, shopId: order.shopId, paidAt: paidTime(order), products, keys },
    ctx.receiverHistory(keys.all), s.rules.r8.windowHours, s.rules.r12.windowHours,
  );
  const to = centroidOf(order.receiver.province, order.receiver.city, order.receiver.district);
  const allocation = allocate({
    lines, to, warehouses: ctx.warehouses, stock: ctx.stock, policy: s.allocation.policy,
    shopWarehouses: s.allocation.shopWarehouses[order.shopId] ?? [], skuWarehouse: s.allocation.skuWarehouse, distanceKm: haversineKm,
  });
  const hits = evaluateRules({ order, lines, region, dedup, allocation, skus: ctx.skus, usualQty: ctx.usualQty, blacklist: ctx.blacklist, warehouses: ctx.warehouses }, s.rules);
  const ruleHolds = holdsFrom(hits, input.holds, at);
  const open = ruleHolds.filter((h) => !h.clearedBy);
  const channelBlocked = kept.some((h) => !h.clearedBy);
  const canShip = allocation.parts.length > 0 && allocation.short.length === 0;
  const outcome = open.length || channelBlocked ? 'hold' : 'pass';
  const committed = outcome === 'pass' && canShip;
  const reasons: string[] = [];
  if (open.length) reasons.push(`挂起审核：${open.map((h) => h.code).join('、')}`);
  if (channelBlocked) reasons.push(`平台挂起：${kept.filter((h) => !h.clearedBy).map((h) => h.code).join('、')}`);
  if (outcome === 'pass') reasons.push(committed ? `通过全部规则，从 ${allocation.parts.map((p) => p.warehouse).join(' + ')} 发货` : '通过全部规则，尚未分仓');
  const flags = hits.filter((h) => h.action === 'flag');
  if (flags.length) reasons.push(`仅标记（不挂起）：${flags.map((h) => h.rule).join('、')}`);

  const decision: Decision = {
    at, trigger: input.trigger, revision: ctx.revision, lines,
    ...(dedup.duplicate ? { duplicate: dedup.duplicate } : {}),
    mergeWith: order.channelStatus === 'paid' ? dedup.mergeWith : [],
    hits, allocation: { ...allocation, committed }, outcome, reasons,
  };
  const fulfilment: Fulfilment = outcome === 'hold' ? 'on_hold' : committed ? 'allocated' : 'ready';
  return { decision, fulfilment, holds: [...kept, ...ruleHolds], receiverKeys: keys, products, laterDuplicates: dedup.laterDuplicates, dedup };
}

/** The rules a reviewer cleared on this order (approved anyway). */
export function clearedRules(holds: readonly Hold[]): Set<RuleId> {
  return new Set(holds.filter((h) => h.source === 'rule' && h.clearedBy).map((h) => h.code as RuleId));
}
