// Which carrier ships an order from its warehouse: the warehouse's first carrier, unless the
// receiver's region is one that carrier does not serve at standard terms (its `remote` list),
// then the next one that does. Pure; says why.
import type { Warehouse } from '../domain/types';

export interface CarrierChoice {
  carrier: string;
  /** reason codes with their values, worded on screen */
  reasons: { code: 'carrier.default' | 'carrier.remote_skipped' | 'carrier.none' | 'carrier.all_remote'; values: Record<string, string> }[];
}

export function chooseCarrier(wh: Pick<Warehouse, 'code' | 'carriers'>, region: { province: string; city?: string; district?: string }): CarrierChoice {
  const reasons: CarrierChoice['reasons'] = [];
  if (!wh.carriers.length) return { carrier: '', reasons: [{ code: 'carrier.none', values: { warehouse: wh.code } }] };
  const place = [region.province, region.city ?? '', region.district ?? ''].filter(Boolean);
  for (const c of wh.carriers) {
    const hit = (c.remote ?? []).find((r) => place.some((p) => p.startsWith(r)));
    if (!hit) {
      reasons.push({ code: 'carrier.default', values: { carrier: c.code, warehouse: wh.code } });
      return { carrier: c.code, reasons };
    }
    reasons.push({ code: 'carrier.remote_skipped', values: { carrier: c.code, region: hit } });
  }
  // every carrier lists the region as remote: the first still ships it (at its remote terms)
  const first = wh.carriers[0]!.code;
  reasons.push({ code: 'carrier.all_remote', values: { carrier: first } });
  return { carrier: first, reasons };
}
