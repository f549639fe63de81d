// The 省/市/区县 tree (data/divisions.json, built by scripts/build-divisions.ts) as lookup
// tables, built on first use and kept for the life of the process.
//
// Shape of the tree, as orders write addresses rather than as NBS files them:
// - a 直辖市 has one city named like itself (北京市 › 北京市 › 朝阳区; 重庆's 县 are in it too);
// - a county-level city that answers to the province (济源市, 仙桃市, 石河子市, 琼海市…) is a city
//   with no districts, like 东莞市 and 中山市;
// - a few statistical units (开发区…) sit among the districts, because platforms offer them too.
import raw from './data/divisions.json';
import { normalizeName, shortNames } from './names';

export type DivisionLevel = 'province' | 'city' | 'district';

export interface Division {
  /** 2 digits for a province, 4 for a city (6 for a county-level city under the province), 6 for a district */
  readonly code: string;
  /** the official full name: 浙江省, 杭州市, 西湖区 */
  readonly name: string;
  readonly level: DivisionLevel;
  /** the parent's code; none for a province */
  readonly parent?: string;
}

/** How a name matched: the full name, its short form (杭州), or an old name (江干区). */
export type NameKind = 'full' | 'short' | 'alias';

export interface NameHit {
  readonly division: Division;
  readonly kind: NameKind;
}

/**
 * Where to look a name up. `within` narrows cities to a province, and districts to a city or a
 * whole province; without it the lookup is national.
 */
export type NameScope =
  | { readonly level: 'province' }
  | { readonly level: 'city'; readonly within?: string }
  | { readonly level: 'district'; readonly within?: string };

type DistrictTuple = [string, string];
type CityTuple = [string, string] | [string, string, DistrictTuple[]];
interface DivisionsFile {
  municipalities: string[];
  provinces: [string, string, CityTuple[]][];
  aliases: [string, string, string][];
}

interface Index {
  byCode: Map<string, Division>;
  children: Map<string, Division[]>;
  provinces: Division[];
  names: Map<string, Map<string, NameHit[]>>;
  municipalities: Set<string>;
  maxNameLength: number;
}

const KIND_RANK: Record<NameKind, number> = { full: 0, short: 1, alias: 2 };
let index: Index | undefined;

function build(): Index {
  const data = raw as unknown as DivisionsFile;
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const names = new Map<string, Map<string, NameHit[]>>();
  let maxNameLength = 0;

  const add = (scope: string, name: string, hit: NameHit): void => {
    let m = names.get(scope);
    if (!m) names.set(scope, (m = new Map()));
    const list = m.get(name);
    if (!list) m.set(name, [hit]);
    else if (!list.some((h) => h.division === hit.division)) list.push(hit);
    maxNameLength = Math.max(maxNameLength, name.length);
  };
  const put = (d: Division): Division => {
    byCode.set(d.code, d);
    if (d.parent) {
      const list = children.get(d.parent);
      if (list) list.push(d);
      else children.set(d.parent, [d]);
    }
    return d;
  };

  const provinces: Division[] = [];
  for (const [pCode, pName, cities] of data.provinces) {
    const p = put({ code: pCode, name: pName, level: 'province' });
    provinces.push(p);
    for (const [cCode, cName, districts] of cities) {
      const c = put({ code: cCode, name: cName, level: 'city', parent: pCode });
      for (const [dCode, dName] of districts ?? []) put({ code: dCode, name: dName, level: 'district', parent: cCode });
    }
  }

  // Scopes: "p" provinces; "c:" / "c:33" cities nationally / in a province;
  // "d:" / "d:33" / "d:3301" districts nationally / in a province / in a city.
  const scopesOf = (d: Division): string[] => {
    if (d.level === 'province') return ['p'];
    if (d.level === 'city') return ['c:', `c:${d.parent}`];
    const province = byCode.get(d.parent!)!.parent!;
    return ['d:', `d:${province}`, `d:${d.parent}`];
  };
  const register = (d: Division, name: string, kind: 'full' | 'alias'): void => {
    const scopes = scopesOf(d);
    for (const s of scopes) add(s, name, { division: d, kind });
    for (const short of shortNames(name)) for (const s of scopes) add(s, short, { division: d, kind: kind === 'full' ? 'short' : 'alias' });
  };
  for (const d of byCode.values()) register(d, d.name, 'full');
  for (const [, oldName, to] of data.aliases) register(byCode.get(to)!, oldName, 'alias');
  // 内蒙 is how 内蒙古 is often typed; the suffix rules cannot derive it.
  const neimenggu = provinces.find((p) => p.code === '15');
  if (neimenggu) add('p', '内蒙', { division: neimenggu, kind: 'short' });

  for (const m of names.values()) for (const list of m.values()) list.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.division.code.localeCompare(b.division.code));
  return { byCode, children, provinces, names, municipalities: new Set(data.municipalities), maxNameLength };
}

function idx(): Index {
  return (index ??= build());
}

export function divisionByCode(code: string): Division | undefined {
  return idx().byCode.get(code);
}

export function allProvinces(): readonly Division[] {
  return idx().provinces;
}

/** Cities of a province, districts of a city; empty for a district or a city without districts. */
export function childrenOf(code: string): readonly Division[] {
  return idx().children.get(code) ?? [];
}

export function hasDistricts(city: Division): boolean {
  return city.level === 'city' && childrenOf(city.code).length > 0;
}

/** 北京, 天津, 上海, 重庆: one city, named like the province. */
export function isMunicipality(province: Division | string): boolean {
  return idx().municipalities.has(typeof province === 'string' ? province : province.code);
}

/**
 * Every division the (already normalized) name can mean in the scope, best kind first (full
 * names before short names before old names). A short name two siblings share (和田市 and 和田县
 * are both 和田) yields both: the caller decides what ambiguity means for it.
 */
export function lookupName(name: string, scope: NameScope): readonly NameHit[] {
  const key = scope.level === 'province' ? 'p' : `${scope.level === 'city' ? 'c' : 'd'}:${scope.within ?? ''}`;
  return idx().names.get(key)?.get(name) ?? [];
}

/** The hits of the best kind only: the answer when it has exactly one element. */
export function bestHits(hits: readonly NameHit[]): readonly NameHit[] {
  if (hits.length < 2) return hits;
  const best = hits[0]!.kind;
  return hits.filter((h) => h.kind === best);
}

/** The province a division is in (itself for a province). */
export function provinceOf(d: Division): Division {
  let cur = d;
  while (cur.parent) cur = idx().byCode.get(cur.parent)!;
  return cur;
}

/** The longest name in any scope, in characters: a bound for prefix matching. */
export function maxNameLength(): number {
  return idx().maxNameLength;
}

export { normalizeName };
