// The warehouse drawer's values ↔ the stored warehouse. A carrier with no remote regions keeps
// `remote` unset, so rule r11's default list applies to it (an empty list would mean "none").
import type { Warehouse } from '../../../shared/domain/types';

export interface Region { province: string; city: string; district: string }

export interface WarehouseFormValues {
  code: string;
  name: string;
  region: Region;
  address: string;
  lat: number | null;
  lng: number | null;
  carriers: { code?: string; remote?: string[] }[];
  active: boolean;
}

export function formValuesOf(w?: Warehouse): WarehouseFormValues {
  return {
    code: w?.code ?? '',
    name: w?.name ?? '',
    region: { province: w?.province ?? '', city: w?.city ?? '', district: w?.district ?? '' },
    address: w?.address ?? '',
    lat: w?.lat ?? null,
    lng: w?.lng ?? null,
    carriers: (w?.carriers ?? []).map((c) => ({ code: c.code, remote: [...(c.remote ?? [])] })),
    active: w?.active ?? true,
  };
}

export function warehouseFromValues(v: WarehouseFormValues): Warehouse {
  const carriers: Warehouse['carriers'] = [];
  for (const c of v.carriers ?? []) {
    const code = (c.code ?? '').trim();
    if (!code || carriers.some((x) => x.code === code)) continue;
    const remote = [...new Set((c.remote ?? []).map((r) => r.trim()).filter(Boolean))];
    carriers.push(remote.length ? { code, remote } : { code });
  }
  return {
    code: (v.code ?? '').trim(),
    name: (v.name ?? '').trim(),
    province: (v.region?.province ?? '').trim(),
    city: (v.region?.city ?? '').trim(),
    district: (v.region?.district ?? '').trim(),
    address: (v.address ?? '').trim(),
    ...(v.lat !== null && v.lat !== undefined ? { lat: v.lat } : {}),
    ...(v.lng !== null && v.lng !== undefined ? { lng: v.lng } : {}),
    carriers,
    active: !!v.active,
  };
}

/** A schema issue path → the form field it concerns. */
export function fieldOfIssue(path: string): string | (string | number)[] | undefined {
  const [head, index, leaf] = path.split('.');
  if (head === 'province' || head === 'city' || head === 'district') return 'region';
  if (head === 'carriers' && index !== undefined) return ['carriers', Number(index), leaf === 'remote' ? 'remote' : 'code'];
  return ['code', 'name', 'address', 'lat', 'lng', 'active'].includes(head ?? '') ? head : undefined;
}

/** Mainland China with a margin: a point outside is usually latitude and longitude swapped. */
export function outsideChina(lat: number | null, lng: number | null): boolean {
  if (lat === null || lng === null) return false;
  return lat < 3 || lat > 54 || lng < 73 || lng > 136;
}
