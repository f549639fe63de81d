// Checks a receiver's 省/市/区 as a platform sent them and maps them onto the division tree.
// The risk rule "incomplete or inconsistent address" reads `issues`; what each platform writes
// as a matter of course must therefore come out without one:
//
// - short names and old names: 浙江 / 杭州 / 西湖, 江干区 (→ 上城区), 襄樊市 (→ 襄阳市);
// - 直辖市: province 北京 or 北京市, city 北京市 / 北京 / 市辖区 / empty; JD's 北京 › 朝阳区 ›
//   三环以内 (the district in the city field, a sub-district after it);
// - county-level cities under the province (济源市, 仙桃市, 琼海市…): city empty, 济源市 or a
//   placeholder (省直辖县级行政区划), with 济源市 in the city or the district field;
// - cities without districts (东莞市, 中山市, the ones above): the district field holds a town
//   or street, or nothing, and neither is checked unless it names a district of another city.
//
// Deliberate issues: a city left empty when the district is given is `city_missing` even when
// the district alone identifies it (the order is still incomplete, and the fields are filled in
// so a reviewer sees the guess); an empty district is `district_missing`. A level whose name is
// inconsistent with its parent stays unresolved (undefined) rather than guessed, and `expected`
// says where the name actually belongs.
import {
  bestHits,
  childrenOf,
  divisionByCode,
  hasDistricts,
  isMunicipality,
  lookupName,
  maxNameLength,
  provinceOf,
  normalizeName,
  type Division,
  type NameHit,
} from './divisions';

export type RegionIssueCode =
  | 'province_missing'
  | 'province_unknown'
  | 'city_missing'
  | 'city_unknown'
  | 'city_not_in_province'
  | 'district_missing'
  | 'district_unknown'
  | 'district_not_in_city';

export interface RegionIssue {
  readonly code: RegionIssueCode;
  /** the input that caused it, normalized */
  readonly value?: string;
  /** for *_not_in_*: the full name of the province / city the value really belongs to */
  readonly expected?: string;
}

/** How an input was read, when it was not simply its full name in its field. */
export type RegionNoteCode =
  | 'alias' // an old name, resolved to its successor
  | 'short_name' // 浙江 for 浙江省
  | 'province_inferred' // from the city or district
  | 'city_inferred' // from the district, or implied by a 直辖市
  | 'district_in_city_field' // JD's 北京 › 朝阳区 › 三环以内
  | 'district_text_ignored'; // a town or street where no district exists or after the district

export interface RegionNote {
  readonly code: RegionNoteCode;
  readonly value: string;
  /** the full name it was read as */
  readonly resolved?: string;
}

/**
 * Results are memoised and shared between callers, so they are frozen: copy before changing.
 * (The arrays are typed mutable so a result fits the types its consumers already declare.)
 */
export interface RegionResult {
  /** true when there is no issue; the fields may be filled in even when false */
  readonly ok: boolean;
  readonly province?: Division;
  readonly city?: Division;
  readonly district?: Division;
  readonly issues: RegionIssue[];
  readonly notes: RegionNote[];
}

// City field values that say "no prefecture here": 直辖市 and province-direct county cities.
const CITY_PLACEHOLDERS = new Set([
  '市辖区', '县', '城区', '郊区', '郊县', '市', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级行政单位',
  '省直辖县', '省直辖县级市', '省直辖市', '省直辖', '直辖县级', '直辖县', '县级市', '自治区直辖县级市', '自治区直辖县',
]);
// District field values that say "not chosen" (Taobao offers 其它区).
const DISTRICT_PLACEHOLDERS = new Set(['市辖区', '其它区', '其他区', '其它', '其他', '全境', '全部', '-', '/']);

const CACHE_LIMIT = 50_000;
const cache = new Map<string, RegionResult>();

/**
 * Resolve a receiver's 省/市/区 (as the platform wrote them) to divisions, with the issues that
 * make it incomplete or inconsistent and notes on how each field was read. Memoised by input.
 */
export function resolveRegion(province: string, city: string, district: string): RegionResult {
  const key = `${province}\u0001${city}\u0001${district}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = freeze(resolve(normalizeName(province), normalizeName(city), normalizeName(district)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

interface Work {
  province?: Division;
  city?: Division;
  district?: Division;
  issues: RegionIssue[];
  notes: RegionNote[];
}

function resolve(p: string, c: string, d: string): Work {
  const w: Work = { issues: [], notes: [] };
  const cityGiven = c !== '' && !CITY_PLACEHOLDERS.has(c);
  const districtGiven = d !== '' && !DISTRICT_PLACEHOLDERS.has(d);

  if (p) {
    w.province = pick(w, lookupName(p, { level: 'province' }), p);
    if (!w.province) w.issues.push({ code: 'province_unknown', value: p });
  } else w.issues.push({ code: 'province_missing' });

  if (w.province) resolveCityInProvince(w, w.province, c, cityGiven, d, districtGiven);
  else inferFromBelow(w, c, cityGiven, d, districtGiven);

  if (w.city && w.district === undefined && !w.issues.some((i) => i.code.startsWith('district'))) resolveDistrict(w, w.city, d, districtGiven);
  return w;
}

function resolveCityInProvince(w: Work, province: Division, c: string, cityGiven: boolean, d: string, districtGiven: boolean): void {
  if (isMunicipality(province)) {
    const only = childrenOf(province.code)[0]!;
    w.city = only;
    if (!cityGiven || nameFits(c, only) || nameFits(c, province)) return;
    const asDistrict = pick(w, lookupName(c, { level: 'district', within: only.code }), c);
    if (asDistrict) {
      w.district = asDistrict;
      w.notes.push({ code: 'district_in_city_field', value: c, resolved: asDistrict.name });
      if (districtGiven && !nameFits(d, asDistrict)) w.notes.push({ code: 'district_text_ignored', value: d });
      return;
    }
    w.city = undefined;
    cityElsewhere(w, c);
    return;
  }
  if (cityGiven) {
    w.city = pick(w, lookupName(c, { level: 'city', within: province.code }), c);
    if (!w.city) cityElsewhere(w, c);
    return;
  }
  if (!districtGiven) {
    w.issues.push({ code: 'city_missing' });
    return;
  }
  // No city: the district field may hold a city (济源市 the Taobao way) or a district.
  // (济源市 there is the normal shape; 杭州市 there leaves the district missing, which
  // resolveDistrict reports.)
  const asCity = pick(w, lookupName(d, { level: 'city', within: province.code }), d);
  if (asCity) {
    w.city = asCity;
    return;
  }
  const asDistrict = pick(w, lookupName(d, { level: 'district', within: province.code }), d);
  if (asDistrict) {
    w.district = asDistrict;
    w.city = divisionByCode(asDistrict.parent!);
    w.notes.push({ code: 'city_inferred', value: d, resolved: w.city!.name });
    w.issues.push({ code: 'city_missing' });
    return;
  }
  w.issues.push({ code: 'city_missing' });
  districtElsewhere(w, d, undefined);
}

/** Province missing or unknown: a city or district unique in the country still places it. */
function inferFromBelow(w: Work, c: string, cityGiven: boolean, d: string, districtGiven: boolean): void {
  if (cityGiven) {
    w.city = pick(w, lookupName(c, { level: 'city' }), c);
    if (!w.city) {
      const asDistrict = pick(w, lookupName(c, { level: 'district' }), c);
      if (!asDistrict || !isMunicipality(provinceOf(asDistrict))) {
        w.issues.push({ code: 'city_unknown', value: c });
        return;
      }
      w.district = asDistrict;
      w.city = divisionByCode(asDistrict.parent!)!;
      w.notes.push({ code: 'district_in_city_field', value: c, resolved: asDistrict.name });
    }
  } else if (districtGiven) {
    const asCity = pick(w, lookupName(d, { level: 'city' }), d);
    const asDistrict = asCity ? undefined : pick(w, lookupName(d, { level: 'district' }), d);
    if (asDistrict) {
      w.district = asDistrict;
      w.city = divisionByCode(asDistrict.parent!)!;
      w.notes.push({ code: 'city_inferred', value: d, resolved: w.city.name });
      if (!isMunicipality(provinceOf(w.city))) w.issues.push({ code: 'city_missing' });
    } else if (asCity) w.city = asCity;
    else {
      w.issues.push({ code: 'city_missing' }, { code: 'district_unknown', value: d });
      return;
    }
  } else {
    w.issues.push({ code: 'city_missing' });
    return;
  }
  w.province = provinceOf(w.city);
  w.notes.push({ code: 'province_inferred', value: w.city.name, resolved: w.province.name });
}

function resolveDistrict(w: Work, city: Division, d: string, districtGiven: boolean): void {
  const withDistricts = hasDistricts(city);
  if (!districtGiven || nameFits(d, city)) {
    if (withDistricts) w.issues.push(d && !nameFits(d, city) ? { code: 'district_missing', value: d } : { code: 'district_missing' });
    return;
  }
  const found = pick(w, lookupName(d, { level: 'district', within: city.code }), d) ?? districtPrefix(w, d, city);
  if (found) {
    w.district = found;
    return;
  }
  if (!withDistricts) {
    // 东莞市 › 长安镇: a town, fine — unless it is a district of somewhere else in the province.
    const elsewhere = bestHits(lookupName(d, { level: 'district', within: provinceOf(city).code })).filter((h) => h.kind === 'full');
    if (elsewhere.length) w.issues.push({ code: 'district_not_in_city', value: d, expected: cityNameOf(elsewhere) });
    else w.notes.push({ code: 'district_text_ignored', value: d });
    return;
  }
  districtElsewhere(w, d, city);
}

/** 朝阳区三环以内, 西湖区西溪街道: a district followed by a finer unit, in one field. */
function districtPrefix(w: Work, d: string, city: Division): Division | undefined {
  for (let len = Math.min(d.length - 1, maxNameLength()); len >= 2; len--) {
    const hits = bestHits(lookupName(d.slice(0, len), { level: 'district', within: city.code })).filter((h) => h.kind !== 'short');
    if (hits.length === 1) {
      w.notes.push({ code: 'district_text_ignored', value: d.slice(len) });
      if (hits[0]!.kind === 'alias') w.notes.push({ code: 'alias', value: d.slice(0, len), resolved: hits[0]!.division.name });
      return hits[0]!.division;
    }
  }
  return undefined;
}

function cityElsewhere(w: Work, c: string): void {
  const hits = bestHits(lookupName(c, { level: 'city' }));
  if (hits.length) w.issues.push({ code: 'city_not_in_province', value: c, expected: uniqueName(hits.map((h) => provinceOf(h.division).name)) });
  else w.issues.push({ code: 'city_unknown', value: c });
}

function districtElsewhere(w: Work, d: string, city: Division | undefined): void {
  const province = city ? provinceOf(city) : undefined;
  const inProvince = province ? bestHits(lookupName(d, { level: 'district', within: province.code })) : [];
  const hits = inProvince.length ? inProvince : bestHits(lookupName(d, { level: 'district' }));
  if (hits.length && city) w.issues.push({ code: 'district_not_in_city', value: d, expected: cityNameOf(hits) });
  else w.issues.push({ code: 'district_unknown', value: d });
}

/** The one division the hits mean, noting a short or old name; undefined when none or several. */
function pick(w: Work, hits: readonly NameHit[], value: string): Division | undefined {
  const best = bestHits(hits);
  if (best.length !== 1) return undefined;
  const h = best[0]!;
  if (h.kind === 'alias') w.notes.push({ code: 'alias', value, resolved: h.division.name });
  else if (h.kind === 'short') w.notes.push({ code: 'short_name', value, resolved: h.division.name });
  return h.division;
}

function nameFits(value: string, d: Division): boolean {
  return lookupName(value, d.level === 'province' ? { level: 'province' } : { level: d.level, within: d.parent }).some((h) => h.division === d);
}


function cityNameOf(hits: readonly NameHit[]): string | undefined {
  return uniqueName(hits.map((h) => divisionByCode(h.division.parent!)!.name));
}

function uniqueName(names: string[]): string | undefined {
  const set = [...new Set(names)];
  return set.length ? set.join('/') : undefined;
}

function freeze(w: Work): RegionResult {
  const issues = Object.freeze(w.issues.map((i) => Object.freeze(i))) as RegionIssue[];
  const notes = Object.freeze(w.notes.map((n) => Object.freeze(n))) as RegionNote[];
  const r: RegionResult = { ok: issues.length === 0, issues, notes };
  return Object.freeze({ ...r, ...(w.province && { province: w.province }), ...(w.city && { city: w.city }), ...(w.district && { district: w.district }) });
}
