// Changes to what decisions read: SKUs, remembered mappings, on-hand stock, warehouses,
// blacklist, the company-setup file's decision data. Each bumps the config version (the ingest
// worker rebuilds its matcher) and decides again the orders the change can unblock.
import type { Sku } from '../../../shared/domain/types';
import type { TypedEvent } from '../../../shared/events/envelope';
import { mappingKey } from '../../../shared/decide/types';
import type { WharfDB } from '../db';
import { FLOOR_SETTINGS_KEY, parseFloorSettings } from '../../../shared/floor/settings';
import { bumpConfig, readSettings, SETTINGS_KEY } from '../decide/config';
import { StockTx } from '../stock/ledgerTx';
import { onHandMovements, type OnHandEntry } from '../stock/setOnHand';
import { heldForStock, redecide, waitingForMapping } from './redecide';

const MAX_ALIASES = 40;

async function afterMasterChange(db: WharfDB, at: number): Promise<void> {
  await bumpConfig(db);
  // a new SKU or mapping can match lines that wait in the map-SKU queue
  await redecide(db, await waitingForMapping(db), 'mapping', at);
}

export async function applyMappingConfirmed(db: WharfDB, ev: TypedEvent<'mapping.confirmed'>): Promise<void> {
  const m = { ...ev.payload.mapping, by: ev.payload.mapping.by || ev.actor, at: ev.payload.mapping.at || ev.at };
  const key = mappingKey(m);
  await db.skuMaps.put({ ...m, key });
  if (ev.payload.alsoText) {
    const t = { ...m, kind: 'text' as const, value: ev.payload.alsoText };
    await db.skuMaps.put({ ...t, key: mappingKey(t) });
    // the confirmed text also teaches the matcher: the same item named alike elsewhere scores high
    const sku = await db.skus.get(m.sku);
    if (sku && !(sku.aliases ?? []).includes(ev.payload.alsoText)) await db.skus.put({ ...sku, aliases: [...(sku.aliases ?? []), ev.payload.alsoText].slice(-MAX_ALIASES) });
  }
  await bumpConfig(db);
  const keys = [key, ...(ev.payload.alsoText ? [mappingKey({ kind: 'text', value: ev.payload.alsoText })] : [])];
  await redecide(db, await waitingForMapping(db, keys), 'mapping', ev.at);
}

export async function applyMappingRemoved(db: WharfDB, ev: TypedEvent<'mapping.removed'>): Promise<void> {
  await db.skuMaps.delete(ev.payload.key);
  await bumpConfig(db);
}

export async function applySkuSaved(db: WharfDB, ev: TypedEvent<'sku.saved'>): Promise<void> {
  const old = await db.skus.get(ev.payload.sku.code);
  // a save that did not edit aliases (an older form, an import) keeps the matcher evidence
  await db.skus.put({ ...ev.payload.sku, aliases: ev.payload.aliasesEdited || ev.payload.sku.aliases.length ? ev.payload.sku.aliases : old?.aliases ?? [] });
  await afterMasterChange(db, ev.at);
}

export async function applySkuRemoved(db: WharfDB, ev: TypedEvent<'sku.removed'>): Promise<void> {
  await db.skus.delete(ev.payload.code);
  await bumpConfig(db);
}

export async function applySkusImported(db: WharfDB, ev: TypedEvent<'skus.imported'>): Promise<void> {
  const old = new Map((await db.skus.bulkGet(ev.payload.skus.map((s) => s.code))).filter((s): s is Sku => !!s).map((s) => [s.code, s]));
  await db.skus.bulkPut(ev.payload.skus.map((s) => ({ ...s, aliases: s.aliases.length ? s.aliases : old.get(s.code)?.aliases ?? [] })));
  await afterMasterChange(db, ev.at);
}

async function setOnHand(db: WharfDB, rows: readonly OnHandEntry[], ev: { id: string; at: number; actor: string }, reason: string): Promise<void> {
  if (!rows.length) return;
  const tx = new StockTx(db);
  await tx.load(rows.map((r) => r.sku));
  tx.record(onHandMovements(tx, rows, ev, reason));
  await tx.save();
}

export async function applyStockSet(db: WharfDB, ev: TypedEvent<'stock.set'>): Promise<void> {
  await setOnHand(db, ev.payload.rows, ev, ev.payload.reason.trim() || '在库数量设置（SKU 资料）');
  // received stock is the explicit event that revisits orders held for it
  await redecide(db, await heldForStock(db, new Set(ev.payload.rows.map((r) => r.sku))), 'stock', ev.at);
}

export async function applyWarehouseSaved(db: WharfDB, ev: TypedEvent<'warehouse.saved'>): Promise<void> {
  await db.warehouses.put(ev.payload.warehouse);
  await bumpConfig(db);
  await redecide(db, await heldForStock(db), 'stock', ev.at);
}

export async function applyWarehouseRemoved(db: WharfDB, ev: TypedEvent<'warehouse.removed'>): Promise<void> {
  const code = ev.payload.code;
  await db.warehouses.delete(code);
  // the allocation overrides may not name a warehouse that is gone
  const settings = await readSettings(db);
  const shopWarehouses = Object.fromEntries(Object.entries(settings.allocation.shopWarehouses).map(([shop, list]) => [shop, list.filter((w) => w !== code)]).filter(([, list]) => (list?.length ?? 0) > 0));
  const skuWarehouse = Object.fromEntries(Object.entries(settings.allocation.skuWarehouse).filter(([, w]) => w !== code));
  await db.settings.put({ key: SETTINGS_KEY, value: { ...settings, allocation: { ...settings.allocation, shopWarehouses, skuWarehouse } } });
  await bumpConfig(db);
}

export async function applyBlacklistAdded(db: WharfDB, ev: TypedEvent<'blacklist.added'>): Promise<void> {
  await db.blacklist.put({ ...ev.payload.entry, id: ev.payload.id, at: ev.at, by: ev.actor });
  await bumpConfig(db);
}

export async function applyBlacklistRemoved(db: WharfDB, ev: TypedEvent<'blacklist.removed'>): Promise<void> {
  await db.blacklist.delete(ev.payload.id);
  await bumpConfig(db);
}

/** The setup file's decision data replaces the SKU master, warehouses and lists; allocations stay counted. */
export async function applySetup(db: WharfDB, ev: TypedEvent<'setup.applied'>): Promise<void> {
  const p = ev.payload;
  const aliases = new Map((await db.skus.toArray()).map((s) => [s.code, s.aliases ?? []]));
  await db.skus.clear();
  await db.skus.bulkPut(p.skus.map((s) => ({ ...s, aliases: s.aliases.length ? s.aliases : aliases.get(s.code) ?? [] })));
  await db.warehouses.clear();
  await db.warehouses.bulkPut(p.warehouses);
  await setOnHand(db, p.onHand, ev, '公司设置文件：在库数量');
  await db.blacklist.clear();
  await db.blacklist.bulkPut(p.blacklist.map((e, i) => ({ ...e, id: `setup-${i}`, at: ev.at, by: ev.actor })));
  if (p.mappings.length) await db.skuMaps.bulkPut(p.mappings.map((m) => ({ ...m, key: mappingKey(m) })));
  if (p.decisions !== undefined) await db.settings.put({ key: SETTINGS_KEY, value: p.decisions });
  if (p.floor !== undefined) await db.settings.put({ key: FLOOR_SETTINGS_KEY, value: parseFloorSettings(p.floor) });
  await db.cursors.put({ key: 'setup.revision', value: p.revision });
  await afterMasterChange(db, ev.at);
  await redecide(db, await heldForStock(db), 'stock', ev.at);
}
