// Stock as the SKU screens show it: on-hand, what orders' locks reserve, frozen for after-sales,
// and sellable (on-hand − reserved − frozen, from the movement ledger's roll-up). A kit has no
// stock of its own; how many whole kits its components make is shown as information only.
import type { Sku } from '../../../../shared/domain/types';
import type { StockRow } from '../../../store/db';

export interface StockFigures { onHand: number; reserved: number; frozen: number; sellable: number }

export const stockKey = (sku: string, warehouse: string) => `${sku}|${warehouse}`;

export function figuresOf(row: Pick<StockRow, 'onHand' | 'reserved' | 'frozen'> | undefined): StockFigures {
  const onHand = row?.onHand ?? 0;
  const reserved = row?.reserved ?? 0;
  const frozen = row?.frozen ?? 0;
  return { onHand, reserved, frozen, sellable: onHand - reserved - frozen };
}

/** Per SKU, summed over warehouses. */
export function totalsBySku(rows: readonly StockRow[]): Map<string, StockFigures> {
  const out = new Map<string, StockFigures>();
  for (const r of rows) {
    const t = out.get(r.sku) ?? { onHand: 0, reserved: 0, frozen: 0, sellable: 0 };
    const f = figuresOf(r);
    out.set(r.sku, { onHand: t.onHand + f.onHand, reserved: t.reserved + f.reserved, frozen: t.frozen + f.frozen, sellable: t.sellable + f.sellable });
  }
  return out;
}

/**
 * What one unit of a SKU ships as, kits of kits expanded (as the pipeline does). A cycle
 * (A holds B, B holds A) is cut where it closes instead of recursing forever.
 */
export function expandKit(sku: Sku, skus: ReadonlyMap<string, Sku>, units = 1, path: ReadonlySet<string> = new Set()): { sku: string; qty: number }[] {
  const own = sku.components ?? [];
  if (!own.length || path.has(sku.code)) return [{ sku: sku.code, qty: units }];
  const inside = new Set(path).add(sku.code);
  const out = new Map<string, number>();
  for (const c of own) {
    const inner = skus.get(c.code);
    const parts = inner && (inner.components ?? []).length && !inside.has(inner.code) ? expandKit(inner, skus, c.qty * units, inside) : [{ sku: c.code, qty: c.qty * units }];
    for (const p of parts) out.set(p.sku, (out.get(p.sku) ?? 0) + p.qty);
  }
  return [...out].map(([code, qty]) => ({ sku: code, qty }));
}

/** True when making `code` a component of `kit` would let the kit contain itself. */
export function wouldCycle(kit: string, code: string, skus: ReadonlyMap<string, Sku>): boolean {
  const seen = new Set<string>();
  const walk = (c: string): boolean => {
    if (c === kit) return true;
    if (seen.has(c)) return false;
    seen.add(c);
    return (skus.get(c)?.components ?? []).some((x) => walk(x.code));
  };
  return walk(code);
}

/** Whole kits the components' sellable stock makes in one warehouse (a kit never ships from two). */
export function kitsMakeable(kit: Sku, warehouse: string, stock: ReadonlyMap<string, StockRow>, skus: ReadonlyMap<string, Sku>): number {
  const parts = expandKit(kit, skus);
  if (!parts.length) return 0;
  return Math.max(0, Math.min(...parts.map((p) => Math.floor(figuresOf(stock.get(stockKey(p.sku, warehouse))).sellable / p.qty))));
}

export function kitsMakeableTotal(kit: Sku, warehouses: readonly string[], stock: ReadonlyMap<string, StockRow>, skus: ReadonlyMap<string, Sku>): number {
  return warehouses.reduce((n, w) => n + kitsMakeable(kit, w, stock, skus), 0);
}

export const isKit = (s: Pick<Sku, 'components'>) => (s.components ?? []).length > 0;
