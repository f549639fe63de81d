// "Why is this number what it is?": the movements behind one stock row, each with the running
// figures after it, so the drill-down ends at the row's current value; and the near-expiry list
// that tells the desk what to sell first.
import { rowKey, type Movement } from './movement';
import { applyMovement, emptyStockState, rowOf, sellableOfRow, type StockRow, type StockState } from './projection';

export interface ExplainedStep {
  movement: Movement;
  /** the row's figures right after this movement */
  onHand: number;
  reserved: number;
  frozen: number;
  sellable: number;
  /** what this movement changed, e.g. "在库 +20" */
  change: string;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * Every movement of one SKU × warehouse (× batch, or all batches when `batch` is undefined), in
 * ledger order, with the figures it left. The last step's figures are the row's (or the batches'
 * sum) — the self-check guarantees the stored row says the same.
 */
export function explainStock(movements: Iterable<Movement>, sku: string, warehouse: string, batch?: string): ExplainedStep[] {
  const state = emptyStockState();
  const steps: ExplainedStep[] = [];
  const total = (s: StockState) => {
    const rows = batch === undefined ? [...(s.bySku.get(sku)?.get(warehouse)?.values() ?? [])] : [rowOf(s, sku, warehouse, batch)];
    return rows.reduce((a, r) => ({ onHand: a.onHand + r.onHand, reserved: a.reserved + r.reserved, frozen: a.frozen + r.frozen }), { onHand: 0, reserved: 0, frozen: 0 });
  };
  let before = { onHand: 0, reserved: 0, frozen: 0 };
  for (const m of movements) {
    // locks span SKUs, so every movement is folded; only this row's are listed
    applyMovement(state, m);
    if (m.sku !== sku || m.warehouse !== warehouse || (batch !== undefined && (m.batch ?? '') !== batch)) continue;
    const after = total(state);
    const parts = [
      after.onHand !== before.onHand ? `在库 ${signed(after.onHand - before.onHand)}` : '',
      after.reserved !== before.reserved ? `锁定 ${signed(after.reserved - before.reserved)}` : '',
      after.frozen !== before.frozen ? `冻结 ${signed(after.frozen - before.frozen)}` : '',
    ].filter(Boolean);
    steps.push({ movement: m, ...after, sellable: after.onHand - after.reserved - after.frozen, change: parts.join('，') || '数量不变' });
    before = after;
  }
  return steps;
}

export interface NearExpiry {
  key: string;
  sku: string;
  warehouse: string;
  batch: string;
  expiresAt: number;
  daysLeft: number;
  /** units still free to sell from this batch */
  sellable: number;
  expired: boolean;
  reason: string;
}

/** Batches that expire within `withinDays` (or already have) and still hold stock, soonest first. */
export function nearExpiry(rows: Iterable<StockRow>, now: number, withinDays = 30): NearExpiry[] {
  const out: NearExpiry[] = [];
  for (const r of rows) {
    if (r.expiresAt === undefined || r.onHand <= 0) continue;
    const daysLeft = Math.floor((r.expiresAt - now) / 86_400_000);
    if (daysLeft > withinDays) continue;
    const free = Math.max(0, sellableOfRow(r));
    const expired = r.expiresAt <= now;
    out.push({
      key: r.key ?? rowKey(r.sku, r.warehouse, r.batch), sku: r.sku, warehouse: r.warehouse, batch: r.batch, expiresAt: r.expiresAt, daysLeft, sellable: free, expired,
      reason: expired ? `已过期 ${-daysLeft} 天：下架处理，不再出库` : `还剩 ${daysLeft} 天到期，可售 ${free}：优先销售（可做促销）`,
    });
  }
  return out.sort((a, b) => a.expiresAt - b.expiresAt || (a.key < b.key ? -1 : 1));
}
