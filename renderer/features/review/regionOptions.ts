// The 省/市/区县 tree for the address form's Cascader, from the address module's division list;
// values are the official names, which is what a corrected address stores.
import { allProvinces, childrenOf, resolveRegion } from '../../../shared/address';

export interface RegionOption { value: string; label: string; children?: RegionOption[] }

let options: RegionOption[] | undefined;

/** Built once; empty if the division data cannot be read (the form then offers three inputs). */
export function regionOptions(): RegionOption[] {
  if (options) return options;
  try {
    options = allProvinces().map((p) => ({
      value: p.name, label: p.name,
      children: childrenOf(p.code).map((c) => {
        const ds = childrenOf(c.code);
        return { value: c.name, label: c.name, ...(ds.length ? { children: ds.map((d) => ({ value: d.name, label: d.name })) } : {}) };
      }),
    }));
  } catch {
    options = [];
  }
  return options;
}

/** The Cascader path for what a platform wrote ("浙江", "杭州", "西湖" → the full names), as far as it resolves. */
export function regionPath(province: string, city: string, district: string): string[] {
  try {
    const r = resolveRegion(province, city, district);
    if (!r.province) return [];
    return [r.province.name, r.city?.name, r.city && r.district?.name].filter((x): x is string => !!x);
  } catch {
    return [];
  }
}
