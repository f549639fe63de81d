// Events of the warehouse's own stock work: receipts, counts, adjustments, freezes for
// after-sales, transfers. Orders' locks (reserve, release, firm, ship) are not events of their
// own: they follow from decisions and platform views, and a replay re-derives them from those.
import { z } from 'zod';

/** The kinds a person records; lock kinds come from orders. */
export const HUMAN_MOVEMENT_KINDS = ['receive', 'return', 'adjust', 'count', 'freeze', 'unfreeze', 'transfer_out', 'transfer_in'] as const;

export const HumanMovement = z.object({
  kind: z.enum(HUMAN_MOVEMENT_KINDS),
  sku: z.string().min(1),
  warehouse: z.string().min(1),
  batch: z.string().default(''),
  location: z.string().default(''),
  qty: z.number().int(),
  reason: z.string().default(''),
  producedAt: z.number().int().optional(),
  expiresAt: z.number().int().optional(),
  transfer: z.string().optional(),
  toWarehouse: z.string().optional(),
});
export type HumanMovement = z.infer<typeof HumanMovement>;

export const STOCK_EVENT_PAYLOADS = {
  /**
   * One sheet of stock work (a receipt, a count, a transfer…): its movements get ids
   * `${event id}:${n}`, and `source` names the sheet (an expected arrival, a count sheet).
   */
  'stock.moved': z.object({ movements: z.array(HumanMovement).min(1), source: z.string().default(''), note: z.string().default('') }),
};
