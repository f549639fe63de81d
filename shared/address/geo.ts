// Distances for nearest-warehouse allocation. Points are the seats of government of each
// prefecture-level unit and each province's capital (data/centroids.json: GeoNames, CC BY 4.0,
// WGS-84) — good to a few tens of km, which is all that choosing a warehouse needs.
import raw from './data/centroids.json';
import { resolveRegion } from './region';

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

export interface Centroid extends LatLng {
  /** 'city' when the city was resolved, 'province' when only the province was */
  readonly level: 'city' | 'province';
  /** the division whose point this is */
  readonly code: string;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface CentroidsFile {
  provinces: Record<string, [number, number]>;
  cities: Record<string, [number, number]>;
}

let points: { provinces: Map<string, Centroid>; cities: Map<string, Centroid> } | undefined;

function load(): NonNullable<typeof points> {
  const data = raw as unknown as CentroidsFile;
  const toMap = (rec: Record<string, [number, number]>, level: Centroid['level']): Map<string, Centroid> =>
    new Map(Object.entries(rec).map(([code, [lat, lng]]) => [code, Object.freeze({ lat, lng, level, code })]));
  return { provinces: toMap(data.provinces, 'province'), cities: toMap(data.cities, 'city') };
}

/** The point of a division by code (a province or a prefecture-level unit); districts have none. */
export function centroidByCode(code: string): Centroid | undefined {
  points ??= load();
  return points.cities.get(code) ?? points.provinces.get(code);
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, Centroid | null>();

/**
 * Where a receiver is, as precisely as its region allows: its city's point, else its province's,
 * else undefined. The district only helps find the city (a city left empty, JD's 北京 › 朝阳区).
 */
export function centroidOf(province: string, city: string, district = ''): Centroid | undefined {
  const key = `${province}\u0001${city}\u0001${district}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const r = resolveRegion(province, city, district);
  const found = (r.city && centroidByCode(r.city.code)) || (r.province && centroidByCode(r.province.code)) || undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found ?? null);
  return found;
}
