// A stock movement: the only way a stock number changes. Every figure Wharf shows (on hand,
// reserved, frozen, sellable, in transit) is the fold of these over time, so each one can be
// explained by listing them and re-derived from them (selfCheck.ts).
import { z } from 'zod';

export const MOVEMENT_KINDS = [
  'receive', 'reserve', 'release', 'firm', 'freeze', 'unfreeze', 'pick', 'ship', 'return', 'adjust', 'transfer_out', 'transfer_in', 'count',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The kinds a person must give a reason for (the audit asks "why did the number move?"). */
export const NEEDS_REASON: ReadonlySet<MovementKind> = new Set(['adjust', 'freeze', 'unfreeze', 'count']);
/** The kinds that belong to an order's lock. */
export const LOCK_KINDS: ReadonlySet<MovementKind> = new Set(['reserve', 'release', 'firm', 'pick', 'ship']);

export const Movement = z.object({
  /** the event id that carries it (UUIDv7), or a deterministic id for one caused by outside data */
  id: z.string().min(1),
  kind: z.enum(MOVEMENT_KINDS),
  sku: z.string().min(1),
  warehouse: z.string().min(1),
  /** '' for goods not tracked by batch */
  batch: z.string().default(''),
  /** '' where the warehouse does not track locations */
  location: z.string().default(''),
  /**
   * Units, always ≥ 0, except: `adjust` is signed (≠ 0); `count` is the quantity counted at the
   * batch × location (the reducer sets the shelf to it); `firm` moves no units (0).
   */
  qty: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  /** what caused it: an order key, a receipt, a count sheet, a transfer, an event id */
  source: z.string().default(''),
  reason: z.string().default(''),
  /** reserve / release / firm / pick / ship: the order's lock (its order key) */
  lock: z.string().optional(),
  /** reserve: an unpaid lock lapses at this time unless made firm (payment) first */
  unpaidUntil: z.number().int().optional(),
  /** transfer_out / transfer_in: the transfer both halves belong to */
  transfer: z.string().optional(),
  /** transfer_out: where the goods are going */
  toWarehouse: z.string().optional(),
  /** receive: the batch's dates, kept on its row for first-expiry-first-out */
  producedAt: z.number().int().optional(),
  expiresAt: z.number().int().optional(),
});
export type Movement = z.infer<typeof Movement>;

/** One row of stock: SKU × warehouse × batch. */
export const rowKey = (sku: string, warehouse: string, batch = '') => `${sku}|${warehouse}|${batch}`;

/**
 * What is wrong with a movement before it is applied, in words a warehouse lead can act on
 * (undefined: nothing). The reducer itself never refuses: the ledger is history.
 */
export function movementProblem(m: Movement): string | undefined {
  if (m.kind === 'adjust') {
    if (m.qty === 0) return `adjust ${m.sku}: the quantity is 0; an adjustment must change the stock`;
  } else if (m.kind === 'firm') {
    if (m.qty !== 0) return `firm ${m.lock ?? ''}: moves no units; send qty 0`;
  } else if (m.qty < 0 || (m.kind !== 'count' && m.qty === 0)) {
    return `${m.kind} ${m.sku}: quantity ${m.qty} — give a positive number of units`;
  }
  if (NEEDS_REASON.has(m.kind) && !m.reason.trim()) return `${m.kind} ${m.sku} @ ${m.warehouse}: write a reason, so the next person knows why the stock moved`;
  if (LOCK_KINDS.has(m.kind) && !m.lock) return `${m.kind} ${m.sku}: name the order's lock (its order key)`;
  if ((m.kind === 'transfer_out' || m.kind === 'transfer_in') && !m.transfer) return `${m.kind} ${m.sku}: name the transfer`;
  if (m.kind === 'transfer_out' && (!m.toWarehouse || m.toWarehouse === m.warehouse)) return `transfer ${m.transfer}: pick a destination warehouse other than ${m.warehouse}`;
  if (m.expiresAt !== undefined && m.producedAt !== undefined && m.expiresAt <= m.producedAt) return `receive ${m.sku} batch ${m.batch}: expiry is not after production; check the dates on the carton`;
  return undefined;
}
