// Shop names as the screens show them: the connected platform shops, plus the own-channel shop
// that manual orders are entered under (it has no platform connection, so it lives in settings).
import type { WharfDB } from './db';
import { readSettings } from './decide/config';

export interface ShopName { id: string; name: string; own: boolean }

export async function listShopNames(db: WharfDB): Promise<ShopName[]> {
  const [shops, settings] = await Promise.all([db.shops.toArray(), readSettings(db)]);
  const out: ShopName[] = shops.map((s) => ({ id: s.id, name: s.name, own: false }));
  if (!out.some((s) => s.id === settings.ownShop.id)) out.push({ id: settings.ownShop.id, name: settings.ownShop.name, own: true });
  return out;
}
