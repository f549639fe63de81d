// The stock ledger inside one Dexie transaction: the batch rows and locks the transaction
// touches, read once into a partial StockState, changed only by recording movements through
// the shared reducer, and written back once — movements appended, rows, locks, transit and the
// SKU × warehouse roll-up replaced. Allocation reads sellable stock through it (StockView).
import type { StockView } from '../../../shared/decide/context';
import {
  addRow, applyMovement, emptyStockState, rollUp, rowKey, sellableOfRow, type Lock, type Movement, type StockRow as BatchRow, type StockState, type TransitRow,
} from '../../../shared/stock';
import type { StockRow, WharfDB } from '../db';

export const stockKey = (sku: string, warehouse: string) => `${sku}|${warehouse}`;

const DAY = 86_400_000;

/** Which batches count as sellable for the order being decided (expiry, the shop's shelf-life minimum). */
export interface Eligibility { now: number; minRemainingDays: number }

export interface LedgerWrite { movements: Movement[]; rows: BatchRow[]; locks: Lock[]; transit: TransitRow[]; summary: StockRow[] }

export class StockTx implements StockView {
  readonly state: StockState = emptyStockState();
  private readonly loadedSkus = new Set<string>();
  private readonly loadedLocks = new Set<string>();
  private readonly loadedTransfers = new Set<string>();
  private readonly fresh: Movement[] = [];
  private readonly dirtyRows = new Set<string>();
  private readonly dirtyLocks = new Set<string>();
  private readonly dirtyTransit = new Set<string>();
  private readonly dirtySummary = new Set<string>();
  /** set by the caller around each decision; undefined: every batch with free units counts */
  eligibility: Eligibility | undefined;
  /** the deciding order's own lock (sku|warehouse → units): its stock is its own to re-take */
  credit: ReadonlyMap<string, number> = new Map();

  constructor(private readonly db: WharfDB) {}

  /** Reads every batch row of these SKUs (all warehouses) and these locks, once each. */
  async load(skus: Iterable<string>, locks: Iterable<string> = [], transfers: Iterable<string> = []): Promise<void> {
    const s = [...new Set(skus)].filter((x) => !this.loadedSkus.has(x));
    const l = [...new Set(locks)].filter((x) => !this.loadedLocks.has(x));
    const t = [...new Set(transfers)].filter((x) => !this.loadedTransfers.has(x));
    // one equality query per SKU, all in flight (anyOf walks a cursor with a round trip per key)
    const [rows, lockRows, transit] = await Promise.all([
      Promise.all(s.map((sku) => this.db.stockRows.where('sku').equals(sku).toArray())),
      l.length ? this.db.locks.bulkGet(l) : Promise.resolve([]),
      Promise.all(t.map((id) => this.db.transit.where('transfer').equals(id).toArray())),
    ]);
    for (const x of s) this.loadedSkus.add(x);
    for (const x of l) this.loadedLocks.add(x);
    for (const x of t) this.loadedTransfers.add(x);
    for (const r of rows.flat()) if (!this.state.rows.has(r.key)) addRow(this.state, r);
    for (const lock of lockRows) {
      if (!lock || this.state.locks.has(lock.id)) continue;
      this.state.locks.set(lock.id, lock);
      if (lock.state === 'unpaid') this.state.unpaid.add(lock.id);
    }
    for (const tr of transit.flat()) if (!this.state.transit.has(tr.key)) this.state.transit.set(tr.key, tr);
  }

  /** Reads these locks and every row of the SKUs they hold (to release or ship them). */
  async loadLocks(ids: Iterable<string>): Promise<void> {
    const list = [...ids];
    await this.load([], list);
    await this.load(list.flatMap((id) => this.lock(id)?.lines.map((l) => l.sku) ?? []));
  }

  sellable(sku: string, warehouse: string): number {
    const bb = this.state.bySku.get(sku)?.get(warehouse);
    let n = this.credit.get(stockKey(sku, warehouse)) ?? 0;
    if (!bb) return n;
    const e = this.eligibility;
    const minMs = e ? e.minRemainingDays * DAY : 0;
    for (const r of bb.values()) {
      if (e && r.expiresAt !== undefined && (r.expiresAt <= e.now || (minMs > 0 && r.expiresAt - e.now < minMs))) {
        // an ineligible batch still holds this order's own units only if it reserved them there
        continue;
      }
      const free = sellableOfRow(r);
      if (free > 0) n += free;
    }
    return n;
  }

  lock(id: string): Lock | undefined { return this.state.locks.get(id); }

  /** Applies movements in order and remembers them for save(). */
  record(movements: readonly Movement[]): void {
    for (const m of movements) {
      if (!this.loadedSkus.has(m.sku)) throw new Error(`stock ledger: ${m.kind} ${m.sku} before its rows were loaded (a store bug: load the SKU first)`);
      applyMovement(this.state, m);
      this.fresh.push(m);
      this.dirtyRows.add(rowKey(m.sku, m.warehouse, m.batch));
      this.dirtySummary.add(stockKey(m.sku, m.warehouse));
      if (m.lock) this.dirtyLocks.add(m.lock);
      if (m.transfer) this.dirtyTransit.add(`${m.transfer}|${m.sku}|${m.batch}`);
    }
  }

  /** What was recorded in this transaction, in order. */
  get recorded(): readonly Movement[] { return this.fresh; }

  /** The roll-up row of one SKU × warehouse from its batch rows. */
  summary(sku: string, warehouse: string): StockRow {
    return rollUp(this.state.bySku.get(sku)?.get(warehouse)?.values() ?? []).get(stockKey(sku, warehouse))
      ?? { key: stockKey(sku, warehouse), sku, warehouse, onHand: 0, reserved: 0, frozen: 0, picked: 0, sellable: 0, at: 0 };
  }

  /** Writes what this transaction recorded; returns the records written (for callers that report them). */
  async save(): Promise<LedgerWrite> {
    if (!this.fresh.length) return { movements: [], rows: [], locks: [], transit: [], summary: [] };
    const rows = [...this.dirtyRows].map((k) => this.state.rows.get(k)!).filter(Boolean);
    const locks = [...this.dirtyLocks].map((k) => this.state.locks.get(k)).filter((l): l is Lock => !!l);
    const transit = [...this.dirtyTransit].map((k) => this.state.transit.get(k)).filter((t): t is TransitRow => !!t);
    const summary = [...this.dirtySummary].map((k) => { const [sku, wh] = k.split('|') as [string, string]; return this.summary(sku, wh); });
    const movements = this.fresh.map((m) => ({ ...m }));
    await Promise.all([
      this.db.movements.bulkAdd(movements),
      this.db.stockRows.bulkPut(rows),
      locks.length ? this.db.locks.bulkPut(locks) : undefined,
      transit.length ? this.db.transit.bulkPut(transit) : undefined,
      this.db.stock.bulkPut(summary),
    ]);
    this.fresh.length = 0;
    this.dirtyRows.clear(); this.dirtyLocks.clear(); this.dirtyTransit.clear(); this.dirtySummary.clear();
    return { movements, rows, locks, transit, summary };
  }
}

/** Every table a transaction that records stock movements must include. */
export const stockTables = (db: WharfDB) => [db.stock, db.movements, db.stockRows, db.locks, db.transit];
