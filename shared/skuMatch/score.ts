// Scoring one line against the SKUs it shares words with. The text score is how much of the
// SKU's name the line covers (titles are long and full of marketing, names are short, so noise
// in the title costs nothing); variant attributes then confirm or veto it. Names are opened
// best-first and skipped once they cannot reach the few best, so a line is compared with a
// handful of products, not the whole master.
import { compareAttributes, materialState } from './attributes';
import { accessoryAfter, BIGRAM_SHARE, nameCoverage, REORDER_SLACK } from './coverage';
import { fmt, short } from './format';
import type { LineView } from './line';
import type { NameGroup, PreparedSku, SkuIndex } from './skuIndex';

const SPEC_BONUS = 0.05;
const AGREE_BONUS = 0.03;
const MAX_AGREE_BONUS = 0.06;
/** The most a SKU can score above its name coverage: the upper bound that lets a name be skipped. */
const MAX_BONUS = MAX_AGREE_BONUS + SPEC_BONUS + 1e-9;
const CONFLICT_PENALTY = 0.3;
const MISSING_PENALTY = 0.02;
const ACCESSORY_PENALTY = 0.35;
const DOMINATED_PENALTY = 0.15;
/** The line is a spare part or refill and the SKU is not. */
const PART_PENALTY = 0.3;
/** A code naming exactly this SKU, with nothing against it. */
export const CODE_CONFIDENCE = 0.96;
/** Below this name score, a code in the title is contradicted by the words around it. */
const CODE_NEEDS_NAME = 0.5;
const MIN_COVERAGE = 0.2;
/** At most this many names are read for one line (a bound on the cost of a very vague line). */
const MAX_GROUPS = 200;
/** Candidates explained with reasons: the suggestions and one more. */
const EXPLAINED = 6;
/** A name that cannot come within this of the best is no suggestion worth showing. */
const SUGGESTION_SPAN = 0.45;

export interface Scored {
  sku: PreparedSku;
  /** May pass 1 by the agreement bonus, so two full name matches still differ by their attributes. */
  score: number;
  conflicts: number;
  /** Empty unless explained. */
  why: string[];
}

/** Reusable accumulators: one per matcher, so scoring a line allocates almost nothing per product. */
export interface Scratch {
  acc: Float64Array;
  touched: Uint8Array;
  aliasAcc: Float64Array;
}

export function newScratch(index: SkuIndex): Scratch {
  return { acc: new Float64Array(index.groups.length), touched: new Uint8Array(index.groups.length), aliasAcc: new Float64Array(index.aliases.length) };
}

/** What a line says about one product name, shared by all its variants. */
interface GroupRead {
  group: NameGroup;
  cover: number;
  /** "毛巾架" where the name says 毛巾: the accessory word that follows the name in the line. */
  accessory?: string;
  dominatedBy?: NameGroup;
}

export function scoreLine(view: LineView, index: SkuIndex, scratch: Scratch): Scored[] {
  const quick = quickCoverage(view, index, scratch);
  const aliasDice = aliasScores(view, index, scratch);
  const named = resolveCodes(view, index);

  const reads = new Map<number, GroupRead>();
  const materialOf = (group: NameGroup) => materialState(view.attributes.materials, group.materials, index.compiled.materialByName);
  const readOf = (g: number) => {
    let r = reads.get(g);
    if (!r) {
      const group = index.groups[g]!;
      r = { group, cover: nameCoverage(group, view, materialOf(group)), accessory: accessoryAfter(group, view, index) };
      reads.set(g, r);
    }
    return r;
  };
  // a name whose material the line contradicts costs every variant a conflict (unless a spec adds one)
  const certainPenalty = (group: NameGroup) => (!group.specMaterials && materialOf(group) === 'conflict' ? CONFLICT_PENALTY : 0);
  const scoreOf = (i: number, explain: boolean) => scoreOne(index.skus[i]!, readOf(index.skus[i]!.group), view, index, named, reads, aliasDice.get(i), explain);
  const counted = new Map<number, Scored>();
  const top: number[] = [];
  const count = (i: number) => {
    if (counted.has(i)) return;
    const s = scoreOf(i, false);
    counted.set(i, s);
    if (top.length >= EXPLAINED && s.score <= top[EXPLAINED - 1]!) return;
    let at = top.length;
    while (at > 0 && top[at - 1]! < s.score) at--;
    top.splice(at, 0, s.score);
    if (top.length > EXPLAINED) top.pop();
  };
  // a name that cannot reach the few best (or come near the best) is not worth opening
  const hopeless = (bound: number) => (top.length >= EXPLAINED && top[EXPLAINED - 1]! > bound) || (top.length > 0 && top[0]! - SUGGESTION_SPAN > bound);
  for (const i of aliasDice.keys()) count(i);
  for (const i of named.keys()) count(i);

  // names in order of the best score they might reach; every variant of an opened name is
  // counted, since its attributes are what decide between them
  const order = quick.map(([g, estimate]) => {
    const penalty = certainPenalty(index.groups[g]!);
    return { g, penalty, bound: BIGRAM_SHARE * Math.min(1, estimate + REORDER_SLACK) + (1 - BIGRAM_SHARE) + MAX_BONUS - penalty };
  });
  order.sort((a, b) => b.bound - a.bound || a.g - b.g);
  for (let k = 0; k < order.length && k < MAX_GROUPS; k++) {
    const { g, penalty, bound } = order[k]!;
    if (hopeless(bound)) break;
    const r = readOf(g);
    if (hopeless(r.cover + MAX_BONUS - penalty)) continue;
    for (const i of r.group.members) count(i);
  }

  // with every name read: a name inside a longer one the line fully has is the less likely one,
  // and a code is judged against the other names
  const strong = [...reads.values()].filter((r) => r.cover >= 0.95);
  for (const r of reads.values()) {
    const core = r.group.core;
    const by = core ? strong.find((b) => b.group.core.length > core.length && b.group.core.includes(core))?.group : undefined;
    if (!by) continue;
    r.dominatedBy = by;
    for (const i of r.group.members) if (counted.has(i)) counted.set(i, scoreOf(i, false));
  }
  for (const i of named.keys()) counted.set(i, scoreOf(i, false));
  const byScore = (a: Scored, b: Scored) => b.score - a.score || (a.sku.sku.code < b.sku.sku.code ? -1 : 1);
  // explain only the few a person will see
  return [...counted.values()].sort(byScore).slice(0, EXPLAINED).map((s) => scoreOf(s.sku.index, true)).sort(byScore);
}

/**
 * Each touched name's coverage by the line's product words, assuming its material words agree:
 * an estimate not below the exact coverage's bigram part (word-order credit aside).
 */
function quickCoverage(view: LineView, index: SkuIndex, scratch: Scratch): Array<[number, number]> {
  const { acc, touched: seen } = scratch;
  const touched: number[] = [];
  const add = (posting: readonly number[] | undefined, w: number) => {
    if (!posting) return;
    for (const g of posting) {
      if (seen[g] === 0) { seen[g] = 1; touched.push(g); }
      acc[g] = acc[g]! + w;
    }
  };
  for (const [term, credit] of view.credit) {
    add(index.termPostings.get(term), credit * (index.termWeight.get(term) ?? 0));
    if (credit === 1) add(index.materialPostings.get(term), 0);
  }
  for (const ch of view.chars) add(index.charPostings.get(ch), index.charWeight.get(ch) ?? 0);
  const out: Array<[number, number]> = [];
  for (const g of touched) {
    const group = index.groups[g]!;
    const all = group.plainWeight + group.materialWeight;
    const estimate = all > 0 ? Math.min(1, (acc[g]! + group.materialWeight) / all) : 1;
    acc[g] = 0;
    seen[g] = 0;
    if (estimate >= MIN_COVERAGE) out.push([g, estimate]);
  }
  return out;
}

/** Each SKU's best alias by Dice overlap with the line (aliases are whole platform titles). */
function aliasScores(view: LineView, index: SkuIndex, scratch: Scratch): Map<number, { dice: number; alias: number }> {
  const { aliasAcc } = scratch;
  const out = new Map<number, { dice: number; alias: number }>();
  if (index.aliases.length === 0) return out;
  const touched: number[] = [];
  for (const term of view.terms) {
    const posting = index.aliasPostings.get(term);
    if (posting) for (const a of posting) {
      if (aliasAcc[a] === 0) touched.push(a);
      aliasAcc[a] = aliasAcc[a]! + 1;
    }
  }
  for (const a of touched) {
    const alias = index.aliases[a]!;
    const dice = (2 * aliasAcc[a]!) / (alias.terms.size + view.terms.size);
    aliasAcc[a] = 0;
    const best = out.get(alias.sku);
    if (dice >= MIN_COVERAGE && (!best || dice > best.dice)) out.set(alias.sku, { dice, alias: a });
  }
  return out;
}

/** Codes in the line that name a SKU of the master, with where they were read. */
function resolveCodes(view: LineView, index: SkuIndex): Map<number, string> {
  const named = new Map<number, string>();
  for (const { code, where } of view.codes) {
    const bare = code.replace(/^([A-Z]+-\d+)-.*$/, '$1');
    const i = index.codeToSku.get(code) ?? index.codeToSku.get(bare);
    if (i !== undefined && !named.has(i)) named.set(i, `code ${index.skus[i]!.sku.code} in ${where}`);
  }
  return named;
}

function scoreOne(
  s: PreparedSku, g: GroupRead, view: LineView, index: SkuIndex, named: Map<number, string>,
  reads: Map<number, GroupRead>, alias: { dice: number; alias: number } | undefined, explain: boolean,
): Scored {
  const v = compareAttributes(view.attributes, s.attributes, index.compiled.materialByName, explain);
  let specHits = 0;
  for (const t of s.specTerms) if (view.credit.get(t) === 1) specHits++;
  const byName = Math.min(1, g.cover + (s.specTerms.length > 0 ? SPEC_BONUS * (specHits / s.specTerms.length) : 0));
  const aliasScore = alias?.dice ?? 0;
  let conflicts = v.conflicts;
  const otherCodes: string[] = [];
  for (const [i, reason] of named) if (i !== s.index) otherCodes.push(`${reason} names another SKU`);
  conflicts += otherCodes.length;
  const accessory = g.accessory && !s.normalized.includes(g.accessory) ? g.accessory : undefined;
  const part = view.part && !s.isPart ? view.part : undefined;
  const penalty = v.penalty + (accessory ? ACCESSORY_PENALTY : 0) + (part ? PART_PENALTY : 0) + (g.dominatedBy ? DOMINATED_PENALTY : 0);
  let score = Math.max(byName, aliasScore) + Math.min(MAX_AGREE_BONUS, AGREE_BONUS * v.agree)
    - CONFLICT_PENALTY * Math.min(2, conflicts) - penalty - MISSING_PENALTY * v.missing;

  // a code naming exactly this SKU is the strongest text evidence there is, unless the line
  // contradicts it or its words plainly name another product ("TY-001 保温杯")
  const code = named.get(s.index);
  let codeReason: string | undefined;
  if (code) {
    const other = g.cover < CODE_NEEDS_NAME && aliasScore < CODE_NEEDS_NAME
      ? [...reads.values()].find((r) => r !== g && r.cover >= 0.9 && !g.group.han.includes(r.group.han))
      : undefined;
    codeReason = other ? `${code}, but the words read ${other.group.name}` : code;
    if (!other && conflicts === 0 && !accessory && !part) score = Math.max(score, CODE_CONFIDENCE);
  }
  const why: string[] = [];
  if (explain) {
    if (codeReason) why.push(codeReason);
    why.push(aliasScore > byName
      ? `alias ${fmt(aliasScore)} ≈ ${short(index.aliases[alias!.alias]!.text)} ${s.sku.code}`
      : `title ${fmt(byName)} ≈ ${s.sku.name} ${s.sku.code}`);
    why.push(...v.reasons!.agree, ...v.reasons!.conflicts, ...otherCodes, ...v.reasons!.soft);
    if (accessory) why.push(`名称 ${accessory} ≠ ${s.sku.name}`);
    if (part) why.push(`配件: ${part}`);
    if (g.dominatedBy) why.push(`更具体: ${g.dominatedBy.name}`);
  }
  return { sku: s, score: Math.max(0, score), conflicts, why };
}
