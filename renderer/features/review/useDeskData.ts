// Everything the review desk reads, as live queries: a mutator or the ingest worker changes an
// order and the rows move between tabs by themselves. Each query reads one index range, so a
// write elsewhere in the pool does not wake it.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OrderRow, ShopPublic, Sku, UserPublic, Warehouse } from '../../../shared/domain/types';
import { PRE_FLOOR } from '../../../shared/domain/fulfilment';
import type { WharfDB } from '../../store/db';
import { waitingItems, type WaitingItem } from './mapItems';
import { mergeGroups, type MergeGroup } from './mergeGroups';
import { isOpen } from './reasons';

const range = (db: WharfDB, state: string) => db.orders.where('[fulfilment+createdAt]').between([state, -Infinity], [state, Infinity]);

export interface DeskData {
  /** on hold, newest first */
  held?: OrderRow[];
  duplicates?: OrderRow[];
  waiting?: WaitingItem[];
  merges?: MergeGroup[];
  shops: Map<string, ShopPublic>;
  users: Map<string, UserPublic>;
  skus: Map<string, Sku>;
  warehouses: Warehouse[];
}

async function mergeCandidates(db: WharfDB): Promise<MergeGroup[]> {
  const lists = await Promise.all([...PRE_FLOOR].map((s) => range(db, s).filter((r) => !r.cancelled && (!!r.mergedInto || (r.decision?.mergeWith.length ?? 0) > 0)).toArray()));
  const rows = lists.flat();
  const lookup = new Map(rows.map((r) => [r.key, r]));
  const missing = [...new Set(rows.flatMap((r) => r.decision?.mergeWith ?? []))].filter((k) => !lookup.has(k));
  for (const r of await db.orders.bulkGet(missing)) if (r) lookup.set(r.key, r);
  return mergeGroups(rows, lookup);
}

export function useDeskData(db: WharfDB): DeskData {
  const held = useLiveQuery(() => range(db, 'on_hold').reverse().toArray(), [db]);
  const waitingRows = useLiveQuery(() => db.orders.where('um').notEqual('').distinct().toArray(), [db]);
  const merges = useLiveQuery(() => mergeCandidates(db), [db]);
  const shopList = useLiveQuery(() => db.shops.toArray(), [db]);
  const userList = useLiveQuery(() => db.users.toArray(), [db]);
  const skuList = useLiveQuery(() => db.skus.toArray(), [db]);
  const warehouses = useLiveQuery(() => db.warehouses.toArray(), [db]);

  const duplicates = useMemo(() => held?.filter((r) => r.holds.some((h) => h.code === 'r8' && h.source === 'rule' && isOpen(h))), [held]);
  const waiting = useMemo(() => (waitingRows ? waitingItems(waitingRows) : undefined), [waitingRows]);
  const shops = useMemo(() => new Map((shopList ?? []).map((s) => [s.id, s])), [shopList]);
  const users = useMemo(() => new Map((userList ?? []).map((u) => [u.id, u])), [userList]);
  const skus = useMemo(() => new Map((skuList ?? []).map((s) => [s.code, s])), [skuList]);
  return { held, duplicates, waiting, merges, shops, users, skus, warehouses: warehouses ?? [] };
}
