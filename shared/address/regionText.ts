// Finds 省/市/区 at a position of free text: "浙江省杭州市西湖区文三路", "杭州临平区南苑街道",
// "广东省 深圳市 南山区", "北京朝阳区望京". Every name that fits the levels found so far is
// tried, and the reading that reaches the most levels wins, then the longest, then the one with
// longer names first (吉林市船营区 reads 吉林市 + 船营区; 青岛市南区 reads 青岛 + 市南区); at one
// length the higher level wins. Without a province or city, a district counts only by its full
// name, and when several districts share it (朝阳区: 北京 and 长春) the match reports them
// instead of choosing.
import {
  bestHits,
  childrenOf,
  divisionByCode,
  hasDistricts,
  isMunicipality,
  lookupName,
  maxNameLength,
  provinceOf,
  type Division,
  type NameHit,
  type NameScope,
} from './divisions';

export interface RegionTextMatch {
  province?: Division;
  city?: Division;
  district?: Division;
  /** where the region starts and ends in the text, [start, end) */
  start: number;
  end: number;
  /** the district (or city) name that several divisions share, and who they are */
  ambiguous?: { name: string; candidates: Division[] };
  /** a level was read from a short name (杭州) rather than the full one */
  shortNames: boolean;
  /** levels not written in the text, worked out from the one below (杭州 → 浙江省) */
  inferred: ('province' | 'city')[];
}

// Words that stand in for a missing prefecture, written between province and district.
const FILLERS = ['省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级市', '省直辖县', '直辖县级', '市辖区'];
// A short name followed by one of these is a street (北京路, 江宁路, 中山大道), not a division —
// unless a division's name starts there (哈尔滨道里区).
const STREET_AFTER = /^(路|街|道|巷|弄|号|大道|大街)/;
const SPACE = /[ \t]/;

type Level = 'province' | 'city' | 'district';
const LEVEL_RANK: Record<Level, number> = { province: 0, city: 1, district: 2 };

/** The region starting exactly at `start` (separators between its parts are skipped), if any. */
export function matchRegionAt(text: string, start: number): RegionTextMatch | undefined {
  const m = extend(text, start, { start, end: start, shortNames: false, inferred: [] });
  if (m.end === start) return undefined;
  if (m.province && isMunicipality(m.province) && !m.city) m.city = childrenOf(m.province.code)[0];
  return m;
}

/** The best completion of `m` from `pos` on (at most three levels deep, a few names each). */
function extend(text: string, from: number, m: RegionTextMatch): RegionTextMatch {
  if (m.district || m.ambiguous) return m;
  // a city with no districts (东莞市, 济源市) ends the region
  if (m.city && !hasDistricts(m.city) && !isMunicipality(m.province!)) return m;
  const pos = skipFillers(text, skipSpace(text, from));
  let best = m;
  for (const step of steps(text, pos, m)) {
    const next: RegionTextMatch = { ...m, inferred: [...m.inferred] };
    if (step.hits.length > 1) {
      next.ambiguous = { name: text.slice(pos, pos + step.length), candidates: step.hits.map((h) => h.division) };
      next.end = pos + step.length;
      best = better(best, next);
      continue;
    }
    const hit = step.hits[0]!;
    if (hit.kind === 'short') next.shortNames = true;
    place(next, hit.division);
    next.end = pos + step.length;
    best = better(best, extend(text, next.end, next));
    // 北京市北京市朝阳区 skips the repeat; 蚌埠市蚌埠市经济开发区 must not (the district's name
    // starts with the city's): both readings are tried
    const repeat = skipRepeat(text, next.end, hit.division);
    if (repeat !== next.end) best = better(best, extend(text, repeat, { ...next, end: repeat, inferred: [...next.inferred] }));
  }
  return best;
}

function better(a: RegionTextMatch, b: RegionTextMatch): RegionTextMatch {
  return rank(b) > rank(a) || (rank(b) === rank(a) && b.end > a.end) ? b : a;
}

function rank(m: RegionTextMatch): number {
  return (m.province ? 1 : 0) + (m.city ? 1 : 0) + (m.district || (m.city && !hasDistricts(m.city)) ? 1 : 0) + (m.ambiguous ? 0.5 : 0);
}

function place(m: RegionTextMatch, d: Division): void {
  if (d.level === 'province') {
    m.province = d;
    return;
  }
  if (d.level === 'city') m.city = d;
  else {
    m.district = d;
    if (!m.city) {
      m.city = divisionByCode(d.parent!);
      // a 直辖市's one city is implied by the province, not worked out
      if (!(m.province && isMunicipality(m.province))) m.inferred.push('city');
    }
  }
  if (!m.province) {
    m.province = provinceOf(m.city!);
    m.inferred.push('province');
  }
}

interface Step {
  length: number;
  hits: readonly NameHit[];
}

/** Every name at `pos` that fits below what `m` has, longest first; per length the highest level. */
function steps(text: string, pos: number, m: RegionTextMatch): Step[] {
  const scopes = scopesFor(m);
  const out: Step[] = [];
  const longest = Math.min(maxNameLength(), text.length - pos);
  for (let len = longest; len >= 2; len--) {
    const word = text.slice(pos, pos + len);
    if (/\s/.test(word)) continue;
    let best: { hits: readonly NameHit[]; level: Level } | undefined;
    for (const { scope, level, fullOnly } of scopes) {
      let hits = bestHits(lookupName(word, scope));
      if (fullOnly) hits = hits.filter((h) => h.kind !== 'short');
      if (hits.length && hits[0]!.kind === 'short' && (streetAhead(text, pos + len) || otherSuffixAhead(text, pos + len, hits))) hits = [];
      // two siblings sharing a short name (和田市 / 和田县) is no match at all
      if (hits.length > 1 && hits[0]!.kind !== 'full' && m.province) hits = [];
      if (!hits.length) continue;
      if (!best || LEVEL_RANK[level] < LEVEL_RANK[best.level]) best = { hits, level };
    }
    if (best) out.push({ length: len, hits: best.hits });
  }
  return out;
}

// 朝阳区 is not 朝阳(市) + 区: a short name directly followed by a suffix is part of another
// name — unless one of its own children's names starts there (青岛 + 市南区).
const SUFFIX_AHEAD = /^[省市区县州盟旗]/;
function otherSuffixAhead(text: string, pos: number, hits: readonly NameHit[]): boolean {
  if (!SUFFIX_AHEAD.test(text.slice(pos))) return false;
  for (const { division: d } of hits) {
    if (d.level === 'district') continue;
    const scope: NameScope = d.level === 'province' ? { level: 'city', within: d.code } : { level: 'district', within: d.code };
    for (let len = Math.min(maxNameLength(), text.length - pos); len >= 2; len--) {
      if (lookupName(text.slice(pos, pos + len), scope).some((h) => h.kind === 'full')) return false;
    }
  }
  return true;
}

function streetAhead(text: string, pos: number): boolean {
  if (!STREET_AFTER.test(text.slice(pos))) return false;
  for (let len = Math.min(maxNameLength(), text.length - pos); len >= 2; len--) {
    const word = text.slice(pos, pos + len);
    const full = (h: NameHit) => h.kind === 'full';
    if (lookupName(word, { level: 'district' }).some(full) || lookupName(word, { level: 'city' }).some(full)) return false;
  }
  return true;
}

function scopesFor(m: RegionTextMatch): { scope: NameScope; level: Level; fullOnly?: true }[] {
  if (m.city) return [{ scope: { level: 'district', within: m.city.code }, level: 'district' }];
  if (m.province) {
    const scopes: { scope: NameScope; level: Level; fullOnly?: true }[] = [
      { scope: { level: 'district', within: m.province.code }, level: 'district' },
    ];
    if (!isMunicipality(m.province)) scopes.unshift({ scope: { level: 'city', within: m.province.code }, level: 'city' });
    return scopes;
  }
  return [
    { scope: { level: 'province' }, level: 'province' },
    { scope: { level: 'city' }, level: 'city' },
    { scope: { level: 'district' }, level: 'district', fullOnly: true },
  ];
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && SPACE.test(text[pos]!)) pos++;
  return pos;
}

function skipFillers(text: string, pos: number): number {
  for (const f of FILLERS) if (text.startsWith(f, pos)) return skipSpace(text, pos + f.length);
  return pos;
}

/**
 * 北京市北京市, 济源市济源市, 上海 上海市: the same division written twice, by its full name —
 * a short name after the division is the start of something else (吉林省吉林市, 中山市中山路,
 * 海淀区海淀大街, 滨海新区塘沽街道).
 */
function skipRepeat(text: string, pos: number, d: Division): number {
  const at = skipSpace(text, pos);
  const again = (scope: NameScope, target: Division): number | undefined => {
    for (let len = Math.min(maxNameLength(), text.length - at); len >= 2; len--) {
      const hits = lookupName(text.slice(at, at + len), scope);
      if (hits.some((h) => h.division === target && h.kind === 'full')) return at + len;
    }
    return undefined;
  };
  const same = again(d.level === 'province' ? { level: 'province' } : { level: d.level, within: d.parent }, d);
  if (same !== undefined) return same;
  // 北京 北京市 朝阳区: the municipality's city spelled after the province
  if (d.level === 'province' && isMunicipality(d)) return again({ level: 'city', within: d.code }, childrenOf(d.code)[0]!) ?? pos;
  return pos;
}

