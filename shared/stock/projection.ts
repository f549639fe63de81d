// The stock projections as a fold of movements: rows per SKU × warehouse × batch (on hand with
// its locations, reserved, frozen, picked), the orders' locks, and goods in transit between
// warehouses. One reducer for the live store, the replay and the self-check, so they cannot
// disagree. It mutates the state it is given (a million movements fold in well under a second);
// callers that need the old state clone it first.
import { rowKey, type Movement } from './movement';

export interface StockRow {
  key: string;
  sku: string;
  warehouse: string;
  batch: string;
  /** physically in the warehouse (picked units included until they ship) */
  onHand: number;
  /** promised to orders by their locks */
  reserved: number;
  /** held for after-sales (inspection, damage): on hand but not for sale */
  frozen: number;
  /** off the shelf on a pick cart, still on hand and still reserved */
  picked: number;
  /** on hand per location ('' = not located) */
  locations: Record<string, number>;
  producedAt?: number;
  expiresAt?: number;
  /** time of the last movement */
  at: number;
}

export type LockState = 'unpaid' | 'firm' | 'released' | 'shipped';

export interface LockLine {
  /** the row it holds */
  key: string;
  sku: string;
  warehouse: string;
  batch: string;
  /** reserved and not yet shipped */
  qty: number;
  picked: number;
  shipped: number;
}

export interface Lock {
  /** the order key */
  id: string;
  state: LockState;
  /** an unpaid lock lapses at this time */
  unpaidUntil?: number;
  /** one per row it holds (an order has a few lines: a list beats a keyed object here) */
  lines: LockLine[];
  at: number;
  /** movements recorded on it so far: the next plan's ids start here, so a replay writes the same ids */
  moves: number;
}

export interface TransitRow {
  key: string;
  transfer: string;
  sku: string;
  batch: string;
  from: string;
  to: string;
  /** sent and not yet received */
  qty: number;
  producedAt?: number;
  expiresAt?: number;
}

export interface StockState {
  rows: Map<string, StockRow>;
  locks: Map<string, Lock>;
  transit: Map<string, TransitRow>;
  /** sku → warehouse → batch → row: the reducer's lookup, with no key to build per movement */
  bySku: Map<string, Map<string, Map<string, StockRow>>>;
  /** ids of the locks still unpaid: the lapse timer reads these, not every lock ever made */
  unpaid: Set<string>;
}

export const emptyStockState = (): StockState => ({ rows: new Map(), locks: new Map(), transit: new Map(), bySku: new Map(), unpaid: new Set() });

export const sellableOfRow = (r: Pick<StockRow, 'onHand' | 'reserved' | 'frozen'>) => r.onHand - r.reserved - r.frozen;

function batchesOf(state: StockState, sku: string, warehouse: string): Map<string, StockRow> {
  let bw = state.bySku.get(sku);
  if (!bw) state.bySku.set(sku, (bw = new Map()));
  let bb = bw.get(warehouse);
  if (!bb) bw.set(warehouse, (bb = new Map()));
  return bb;
}

/** Puts a stored row into the state (a store loading the rows a transaction touches). */
export function addRow(state: StockState, r: StockRow): void {
  state.rows.set(r.key, r);
  batchesOf(state, r.sku, r.warehouse).set(r.batch, r);
}

export function rowOf(state: StockState, sku: string, warehouse: string, batch: string, at = 0): StockRow {
  const bb = batchesOf(state, sku, warehouse);
  let r = bb.get(batch);
  if (!r) {
    // every field present from the start: one object shape for every row (and no delete), so the
    // reducer's property accesses stay monomorphic over a million movements
    r = { key: rowKey(sku, warehouse, batch), sku, warehouse, batch, onHand: 0, reserved: 0, frozen: 0, picked: 0, locations: {}, producedAt: undefined, expiresAt: undefined, at };
    state.rows.set(r.key, r);
    bb.set(batch, r);
  }
  return r;
}

/** The batch rows of one SKU in one warehouse. */
export function rowsOf(state: StockState, sku: string, warehouse: string): StockRow[] {
  const bb = state.bySku.get(sku)?.get(warehouse);
  return bb ? [...bb.values()] : [];
}

/** Sellable units of a SKU in a warehouse, all batches (what allocation asks). */
export function sellable(state: StockState, sku: string, warehouse: string): number {
  const bb = state.bySku.get(sku)?.get(warehouse);
  let n = 0;
  if (bb) for (const r of bb.values()) n += sellableOfRow(r);
  return n;
}

const shelf = (r: StockRow, location: string, delta: number) => {
  r.locations[location] = (r.locations[location] ?? 0) + delta;
};

function lockLine(lock: Lock, r: StockRow): LockLine {
  for (const l of lock.lines) if (l.key === r.key) return l;
  const l = { key: r.key, sku: r.sku, warehouse: r.warehouse, batch: r.batch, qty: 0, picked: 0, shipped: 0 };
  lock.lines.push(l);
  return l;
}

function settleLock(state: StockState, lock: Lock): void {
  let open = 0;
  let shipped = 0;
  for (const l of lock.lines) { open += l.qty; shipped += l.shipped; }
  if (open === 0) { lock.state = shipped > 0 ? 'shipped' : 'released'; lock.unpaidUntil = undefined; state.unpaid.delete(lock.id); }
}

/** Folds one movement into the state (mutating it). */
export function applyMovement(state: StockState, m: Movement): void {
  const batch = m.batch ?? '';
  const location = m.location ?? '';
  const q = m.qty;
  switch (m.kind) {
    case 'receive': case 'return': case 'adjust': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.onHand += q;
      shelf(r, location, q);
      if (m.kind === 'receive') {
        if (m.producedAt !== undefined && r.producedAt === undefined) r.producedAt = m.producedAt;
        if (m.expiresAt !== undefined && r.expiresAt === undefined) r.expiresAt = m.expiresAt;
      }
      r.at = m.at;
      return;
    }
    case 'count': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      // the shelf holds what was counted: the difference is the count's variance
      const delta = q - (r.locations[location] ?? 0);
      r.locations[location] = q;
      r.onHand += delta;
      r.at = m.at;
      return;
    }
    case 'freeze': case 'unfreeze': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.frozen += m.kind === 'freeze' ? q : -q;
      r.at = m.at;
      return;
    }
    case 'reserve': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.reserved += q;
      r.at = m.at;
      const id = m.lock!;
      let lock = state.locks.get(id);
      if (!lock) state.locks.set(id, (lock = { id, state: m.unpaidUntil !== undefined ? 'unpaid' : 'firm', unpaidUntil: undefined, lines: [], at: m.at, moves: 0 }));
      else if (lock.state === 'released' || lock.state === 'shipped') lock.state = m.unpaidUntil !== undefined ? 'unpaid' : 'firm';
      if (lock.state === 'unpaid' && m.unpaidUntil !== undefined) { lock.unpaidUntil = m.unpaidUntil; state.unpaid.add(id); }
      lockLine(lock, r).qty += q;
      lock.at = m.at;
      lock.moves++;
      return;
    }
    case 'firm': {
      const lock = state.locks.get(m.lock!);
      if (!lock) return;
      lock.moves++;
      if (lock.state === 'unpaid') { lock.state = 'firm'; lock.unpaidUntil = undefined; lock.at = m.at; state.unpaid.delete(lock.id); }
      return;
    }
    case 'release': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.reserved -= q;
      r.at = m.at;
      const lock = state.locks.get(m.lock!);
      if (!lock) return;
      const l = lockLine(lock, r);
      l.qty -= q;
      // units already on a pick cart go back to the shelf the release names
      const back = Math.min(l.picked, q);
      if (back > 0) { l.picked -= back; r.picked -= back; shelf(r, location, back); }
      lock.at = m.at;
      lock.moves++;
      settleLock(state, lock);
      return;
    }
    case 'pick': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.picked += q;
      shelf(r, location, -q);
      r.at = m.at;
      const lock = state.locks.get(m.lock!);
      if (lock) { lockLine(lock, r).picked += q; lock.at = m.at; lock.moves++; }
      return;
    }
    case 'ship': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.onHand -= q;
      r.reserved -= q;
      const lock = state.locks.get(m.lock!);
      const l = lock ? lockLine(lock, r) : undefined;
      // picked units leave from the cart; the rest straight from the named shelf
      const fromCart = Math.min(l ? l.picked : r.picked, q);
      r.picked -= fromCart;
      if (q - fromCart > 0) shelf(r, location, -(q - fromCart));
      r.at = m.at;
      if (lock && l) {
        l.picked -= fromCart;
        l.qty -= q;
        l.shipped += q;
        lock.at = m.at;
        lock.moves++;
        settleLock(state, lock);
      }
      return;
    }
    case 'transfer_out': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.onHand -= q;
      shelf(r, location, -q);
      r.at = m.at;
      const key = `${m.transfer}|${m.sku}|${batch}`;
      let t = state.transit.get(key);
      if (!t) {
        t = { key, transfer: m.transfer!, sku: m.sku, batch, from: m.warehouse, to: m.toWarehouse ?? '', qty: 0 };
        if (r.producedAt !== undefined) t.producedAt = r.producedAt;
        if (r.expiresAt !== undefined) t.expiresAt = r.expiresAt;
        state.transit.set(key, t);
      }
      t.qty += q;
      return;
    }
    case 'transfer_in': {
      const r = rowOf(state, m.sku, m.warehouse, batch, m.at);
      r.onHand += q;
      shelf(r, location, q);
      r.at = m.at;
      const t = state.transit.get(`${m.transfer}|${m.sku}|${batch}`);
      if (t) {
        t.qty -= q;
        if (t.producedAt !== undefined && r.producedAt === undefined) r.producedAt = t.producedAt;
        if (t.expiresAt !== undefined && r.expiresAt === undefined) r.expiresAt = t.expiresAt;
      }
      return;
    }
  }
}

/** Every projection from the movements alone, in ledger order. */
export function rederive(movements: Iterable<Movement>): StockState {
  const s = emptyStockState();
  for (const m of movements) applyMovement(s, m);
  return s;
}

/** A deep copy (for a dry run or an incremental check against a batch fold). */
export function cloneStockState(s: StockState): StockState {
  const out = emptyStockState();
  for (const r of s.rows.values()) addRow(out, { ...r, locations: { ...r.locations } });
  for (const l of s.locks.values()) out.locks.set(l.id, { ...l, lines: l.lines.map((x) => ({ ...x })) });
  for (const t of s.transit.values()) out.transit.set(t.key, { ...t });
  for (const id of s.unpaid) out.unpaid.add(id);
  return out;
}

/** Stock per SKU × warehouse, all batches summed: what lists and the channels' stock push read. */
export interface StockSummary { key: string; sku: string; warehouse: string; onHand: number; reserved: number; frozen: number; picked: number; sellable: number; at: number }

/** The SKU × warehouse roll-up of batch rows (keyed "sku|warehouse"). */
export function rollUp(rows: Iterable<StockRow>): Map<string, StockSummary> {
  const out = new Map<string, StockSummary>();
  for (const r of rows) {
    const k = `${r.sku}|${r.warehouse}`;
    let t = out.get(k);
    if (!t) out.set(k, (t = { key: k, sku: r.sku, warehouse: r.warehouse, onHand: 0, reserved: 0, frozen: 0, picked: 0, sellable: 0, at: 0 }));
    t.onHand += r.onHand; t.reserved += r.reserved; t.frozen += r.frozen; t.picked += r.picked; t.at = Math.max(t.at, r.at);
    t.sellable = t.onHand - t.reserved - t.frozen;
  }
  return out;
}

/** Reserved units of the open locks, per row: what `reserved` must equal. */
export function openLockTotals(state: StockState): Map<string, number> {
  const out = new Map<string, number>();
  for (const lock of state.locks.values()) for (const l of lock.lines) if (l.qty) out.set(l.key, (out.get(l.key) ?? 0) + l.qty);
  return out;
}
