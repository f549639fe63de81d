// The decision inputs that change rarely (settings, SKU master, remembered mappings, warehouses,
// blacklist), read once and kept while the store's config version stays the same. Every
// mutator that changes one of them bumps the version in the same transaction, so the ingest
// worker (its own connection) rebuilds its matcher at the next batch, never mid-batch.
import type { Sku, Warehouse, BlacklistEntry } from '../../../shared/domain/types';
import { parseDecisionSettings, type DecisionSettings } from '../../../shared/decide/settings';
import type { SkuMapping } from '../../../shared/decide/types';
import type { TextMatcher } from '../../../shared/decide/context';
import { buildTextMatcher } from '../../../shared/decide/textMatcher';
import { normalizeCode } from '../../../shared/decide/mapLines';
import { canonicalJson, sha256Hex } from '../../../shared/hash';
import type { WharfDB } from '../db';

export const CONFIG_VERSION_KEY = 'decide.config';
export const SETTINGS_KEY = 'decide.settings';

export interface ConfigSnapshot {
  version: number;
  settings: DecisionSettings;
  /** short hash of the settings: which rule set a decision was made under */
  revision: string;
  skus: Map<string, Sku>;
  skuByCode: Map<string, string>;
  mappings: Map<string, SkuMapping>;
  matcher: TextMatcher;
  warehouses: Warehouse[];
  blacklist: BlacklistEntry[];
}

/** The tables a decision reads its config from (a transaction that decides must include them). */
export const configTables = (db: WharfDB) => [db.settings, db.skus, db.skuMaps, db.warehouses, db.blacklist, db.cursors];

export async function readSettings(db: WharfDB): Promise<DecisionSettings> {
  return parseDecisionSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

export const settingsRevision = (s: DecisionSettings) => sha256Hex(canonicalJson(s)).slice(0, 12);

async function load(db: WharfDB, version: number): Promise<ConfigSnapshot> {
  const [settings, skuRows, maps, warehouses, blacklist] = await Promise.all([
    readSettings(db), db.skus.toArray(), db.skuMaps.toArray(), db.warehouses.toArray(), db.blacklist.toArray(),
  ]);
  const skus = new Map(skuRows.map((s) => [s.code, { ...s, components: s.components ?? [], aliases: s.aliases ?? [] }]));
  const skuByCode = new Map<string, string>();
  for (const s of skus.values()) skuByCode.set(normalizeCode(s.code), s.code);
  return {
    version, settings, revision: settingsRevision(settings), skus, skuByCode,
    mappings: new Map(maps.map((m) => [m.key, m])),
    matcher: buildTextMatcher([...skus.values()], settings),
    warehouses: warehouses.map((w) => ({ ...w, carriers: w.carriers ?? [], active: w.active ?? true })),
    blacklist,
  };
}

const cache = new WeakMap<WharfDB, ConfigSnapshot>();

/** Call inside a transaction over configTables(db). */
export async function configFor(db: WharfDB): Promise<ConfigSnapshot> {
  const version = Number((await db.cursors.get(CONFIG_VERSION_KEY))?.value ?? 0);
  const have = cache.get(db);
  if (have && have.version === version) return have;
  const snap = await load(db, version);
  cache.set(db, snap);
  return snap;
}

/** Marks the config changed (call in the same transaction as the change). */
export async function bumpConfig(db: WharfDB): Promise<void> {
  const v = Number((await db.cursors.get(CONFIG_VERSION_KEY))?.value ?? 0);
  await db.cursors.put({ key: CONFIG_VERSION_KEY, value: v + 1 });
}
