// The variant attributes of a line against one SKU: measures, counts, numbered attributes,
// materials, colours and size words. A differing value is a conflict (never an automatic map);
// an attribute the SKU has and the line does not mention only costs a little, since the
// runner-up with the same name then scores the same and the lead rule asks.
// Most candidates are only counted; the few shown to a person are compared again with reasons.
import type { MaterialDef } from './words';
import type { Dimension } from './types';

export interface Attributes {
  /** By kind, so comparing does not filter per candidate. */
  len: readonly Dimension[];
  vol: readonly Dimension[];
  wt: readonly Dimension[];
  packs: readonly number[];
  kits: readonly number[];
  sets: readonly number[];
  attrs: Readonly<Record<string, readonly number[]>>;
  /** Canonical names; a generic material beside a specific one of its group is dropped (实木 + 橡木 → 橡木). */
  materials: readonly string[];
  colours: readonly string[];
  sizes: readonly string[];
}

/** silent: the line names no material; generic: only a generic one agrees (实木 for 橡木). */
export type MaterialState = 'silent' | 'agree' | 'generic' | 'conflict';

export interface AttributeVerdict {
  agree: number;
  conflicts: number;
  /** Sum of the soft penalties. */
  penalty: number;
  /** How many attributes the SKU states and the line leaves out. */
  missing: number;
  material: MaterialState;
  /** Filled only when asked to explain. */
  reasons?: { agree: string[]; conflicts: string[]; soft: string[] };
}

/** A pack SKU ("2只装") chosen for a line that names no count: the single item is the likelier one. */
export const UNSTATED_PACK_PENALTY = 0.12;
/** The line also names a rival material of the same group ("橡木/胡桃木 可选"). */
export const RIVAL_MATERIAL_PENALTY = 0.1;
/** The line also gives a measure the SKU does not have, beside one it has (a duvet size, a thickness). */
export const EXTRA_MEASURE_PENALTY = 0.05;

const KINDS = [['len', '尺寸'], ['vol', '容量'], ['wt', '重量']] as const;
const ONE: readonly number[] = [1];

export function compareAttributes(line: Attributes, sku: Attributes, defs: ReadonlyMap<string, MaterialDef>, explain = false): AttributeVerdict {
  const v: AttributeVerdict = { agree: 0, conflicts: 0, penalty: 0, missing: 0, material: 'silent' };
  if (explain) v.reasons = { agree: [], conflicts: [], soft: [] };
  for (const [kind, label] of KINDS) compareMeasures(line[kind], sku[kind], label, v);
  compareCounts(line, sku, v);
  for (const unit in sku.attrs) {
    const skuValues = sku.attrs[unit]!;
    const lineValues = line.attrs[unit];
    if (!lineValues || lineValues.length === 0) { v.missing++; continue; }
    const bad = lineValues.find((n) => !skuValues.includes(n));
    if (bad !== undefined) conflict(v, v.reasons && `规格 ${bad}${unit} ≠ ${skuValues.join('/')}${unit}`);
    else agree(v, v.reasons && `规格 ${lineValues.join('/')}${unit} 一致`);
  }
  compareWords('颜色', line.colours, sku.colours, v);
  compareWords('大小', line.sizes, sku.sizes, v);
  compareMaterials(line.materials, sku.materials, defs, v);
  return v;
}

// Callers pass "v.reasons && text", so the text is built only when explaining.
function agree(v: AttributeVerdict, reason: string | undefined): void {
  v.agree++;
  if (reason !== undefined) v.reasons?.agree.push(reason);
}

function conflict(v: AttributeVerdict, reason: string | undefined): void {
  v.conflicts++;
  if (reason !== undefined) v.reasons?.conflicts.push(reason);
}

function soft(v: AttributeVerdict, penalty: number, reason: string | undefined): void {
  v.penalty += penalty;
  if (reason !== undefined) v.reasons?.soft.push(reason);
}

function compareMeasures(l: readonly Dimension[], s: readonly Dimension[], label: string, v: AttributeVerdict): void {
  if (l.length === 0) { if (s.length > 0) v.missing++; return; }
  if (s.length === 0) return;
  let good = 0;
  for (const ld of l) if (s.some((sd) => dimensionsAgree(ld, sd))) good++;
  if (good === 0) { conflict(v, v.reasons && `${label} ${l[0]!.text} ≠ ${texts(s)}`); return; }
  agree(v, v.reasons && `${label} ${texts(l.filter((ld) => s.some((sd) => dimensionsAgree(ld, sd))))} 一致`);
  // a listing naming several sizes matches its neighbours just as well, so the lead rule asks
  if (good < l.length) soft(v, EXTRA_MEASURE_PENALTY, v.reasons && `${label} 另有 ${texts(l.filter((ld) => !s.some((sd) => dimensionsAgree(ld, sd))))}`);
}

function texts(ds: readonly Dimension[]): string {
  return [...new Set(ds.map((d) => d.text))].join('/');
}

/** Equal within rounding of unit conversions (9.5英寸 = 24.13cm ≈ 24cm; 23cm is not 24cm). */
export function sameMeasure(a: number, b: number, kind: Dimension['kind']): boolean {
  const rel = kind === 'len' ? 0.035 : 0.02;
  return Math.abs(a - b) <= rel * Math.max(a, b) + 0.05;
}

/** Every side of the shorter size finds its own side in the longer one (40×28 agrees with 40×28×2). */
export function dimensionsAgree(a: Dimension, b: Dimension): boolean {
  if (a.kind !== b.kind) return false;
  const [short, long] = a.values.length <= b.values.length ? [a.values, b.values] : [b.values, a.values];
  if (short.length === 1) return long.some((y) => sameMeasure(short[0]!, y, a.kind));
  const used = new Set<number>();
  return short.every((x) => {
    const i = long.findIndex((y, j) => !used.has(j) && sameMeasure(x, y, a.kind));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

function compareCounts(line: Attributes, sku: Attributes, v: AttributeVerdict): void {
  // a SKU that states no count is one item; its set size ("3件套") is part of what the item is
  const skuPacks = sku.packs.length > 0 ? sku.packs : ONE;
  const skuSets = sku.sets.length > 0 ? sku.sets.filter((n) => n > 1) : sku.sets;
  if (line.packs.length + line.kits.length > 0) {
    // pieces a line may name: "3个装" is a 3件套 set, "1个" is one piece of it, not the set
    const pieces = skuSets.length > 0 ? skuPacks.flatMap((p) => skuSets.map((n) => n * p).concat(p > 1 ? [p] : [])) : skuPacks;
    const bad = line.packs.find((n) => !pieces.includes(n)) ?? line.kits.find((n) => !skuPacks.includes(n));
    const skuCount = () => (sku.packs.length > 0 ? skuPacks.join('/') : skuSets.length > 0 ? `${skuSets.join('/')}件套` : '1');
    if (bad !== undefined) conflict(v, v.reasons && `件数 ${bad} ≠ ${skuCount()}`);
    else agree(v, v.reasons && `件数 ${[...new Set([...line.packs, ...line.kits])].join('/')} 一致`);
  } else {
    const most = Math.max(...skuPacks);
    if (most > 1) soft(v, UNSTATED_PACK_PENALTY, v.reasons && `件数 未写 (SKU ${most}件)`);
  }
  if (line.sets.length > 0) {
    const bad = line.sets.find((n) => !sku.sets.includes(n) && !(n > 1 && skuPacks.includes(n)));
    if (bad !== undefined) conflict(v, v.reasons && `套件 ${bad}件套 ≠ ${skuSets.length > 0 ? skuSets.map((n) => `${n}件套`).join('/') : '单件'}`);
    else agree(v, v.reasons && `套件 ${line.sets.join('/')}件套 一致`);
  }
}

function compareWords(label: string, line: readonly string[], sku: readonly string[], v: AttributeVerdict): void {
  if (sku.length === 0) return;
  if (line.length === 0) { v.missing++; return; }
  const shared = line.filter((w) => sku.includes(w));
  if (shared.length === 0) conflict(v, v.reasons && `${label} ${line.join('/')} ≠ ${sku.join('/')}`);
  else agree(v, v.reasons && `${label} ${shared.join('/')} 一致`);
}

function compareMaterials(l: readonly string[], s: readonly string[], defs: ReadonlyMap<string, MaterialDef>, v: AttributeVerdict): void {
  v.material = materialState(l, s, defs);
  if (v.material === 'silent') return;
  if (v.material === 'conflict') { conflict(v, v.reasons && `材质 ${l.join('/')} ≠ ${s.join('/')}`); return; }
  const exact = l.filter((a) => s.includes(a));
  agree(v, v.reasons && `材质 ${(exact.length > 0 ? exact : l).join('/')} 一致`);
  if (exact.length === 0) return;
  const rivals = l.filter((a) => !isGeneric(a, defs) && !s.includes(a) && s.some((b) => sameGroup(a, b, defs) && !isGeneric(b, defs)));
  if (rivals.length > 0) soft(v, RIVAL_MATERIAL_PENALTY, v.reasons && `材质 也提到 ${rivals.join('/')}`);
}

/**
 * Whether the line's materials are the SKU's (both lists already without generics beside
 * specifics). A line naming a specific material means that one (竹 + 实木 is not 胡桃木);
 * a generic one (实木) agrees with any specific one of its group.
 */
export function materialState(l: readonly string[], s: readonly string[], defs: ReadonlyMap<string, MaterialDef>): MaterialState {
  if (l.length === 0 || s.length === 0) return 'silent';
  if (l.some((a) => s.includes(a))) return 'agree';
  const lineSpecific = l.some((m) => !isGeneric(m, defs));
  const viaLineGeneric = !lineSpecific && l.some((a) => s.some((b) => sameGroup(a, b, defs)));
  const viaSkuGeneric = s.some((b) => isGeneric(b, defs) && l.some((a) => sameGroup(a, b, defs)));
  return viaLineGeneric || viaSkuGeneric ? 'generic' : 'conflict';
}

/** Within a group, a specific material (橡木) says more than the generic one (实木) beside it. */
export function specificMaterials(materials: readonly string[], defs: ReadonlyMap<string, MaterialDef>): string[] {
  const groupsWithSpecific = new Set<string>();
  for (const m of materials) {
    const d = defs.get(m);
    if (d && !d.generic) groupsWithSpecific.add(d.group);
  }
  return materials.filter((m) => {
    const d = defs.get(m);
    return !d || !d.generic || !groupsWithSpecific.has(d.group);
  });
}

function isGeneric(m: string, defs: ReadonlyMap<string, MaterialDef>): boolean {
  return !!defs.get(m)?.generic;
}

function sameGroup(a: string, b: string, defs: ReadonlyMap<string, MaterialDef>): boolean {
  const da = defs.get(a);
  return da !== undefined && da.group === defs.get(b)?.group;
}
