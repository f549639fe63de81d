// Stage 5: which warehouse ships the order. The nearest (haversine between the receiver's region
// centroid and the warehouse) among those that can fill the whole order; when none can, the
// policy: split by line (never a line across warehouses), wait, or the nearest with most lines.
// Shop and SKU overrides narrow the candidates first. The choice and the runner-up keep their
// distances and reasons, so the detail can say why not the other one.
import type { Warehouse } from '../domain/types';
import type { StockView } from './context';
import type { AllocationPolicy } from './settings';
import type { Allocation, LineDecision, WarehouseChoice } from './types';

export interface AllocateInput {
  lines: readonly LineDecision[];
  /** receiver centroid, when the region is known */
  to?: { lat: number; lng: number };
  warehouses: readonly Warehouse[];
  stock: StockView;
  policy: AllocationPolicy;
  /** the shop's allowed warehouses in order of preference (empty: all) */
  shopWarehouses: readonly string[];
  /** SKU → the only warehouse that ships it */
  skuWarehouse: Readonly<Record<string, string>>;
  distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number;
}

interface Candidate { w: Warehouse; km?: number; rank: number }

const round1 = (n: number) => Math.round(n * 10) / 10;

function canFill(line: LineDecision, code: string, stock: StockView): boolean {
  return line.components.every((c) => stock.sellable(c.sku, code) >= c.qty);
}

function need(lines: readonly LineDecision[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) for (const c of l.components) m.set(c.sku, (m.get(c.sku) ?? 0) + c.qty);
  return m;
}

function fillsAll(needs: ReadonlyMap<string, number>, code: string, stock: StockView): boolean {
  for (const [sku, qty] of needs) if (stock.sellable(sku, code) < qty) return false;
  return true;
}

function where(c: Candidate): string {
  return c.km === undefined ? c.w.name || c.w.code : `${c.w.name || c.w.code} ${Math.round(c.km)} km`;
}

function choice(c: Candidate, lineIds: string[], reasons: string[]): WarehouseChoice {
  return { warehouse: c.w.code, ...(c.km !== undefined ? { distanceKm: round1(c.km) } : {}), lineIds, reasons };
}

// Regions repeat (a few hundred centroids) and so do warehouse lists: the distance ranking of one
// pool from one centroid is computed once per warehouse master.
const rankCache = new WeakMap<readonly Warehouse[], WeakMap<object, Map<string, Candidate[]>>>();

function rankWarehouses(pool: readonly Warehouse[], input: AllocateInput, byShopOrder: boolean): Candidate[] {
  const to = input.to;
  const key = `${byShopOrder ? input.shopWarehouses.join(',') : ''}|${pool.map((w) => w.code).join(',')}`;
  let perTo = to ? rankCache.get(input.warehouses) : undefined;
  if (to && !perTo) rankCache.set(input.warehouses, (perTo = new WeakMap()));
  const hit = to ? perTo!.get(to)?.get(key) : undefined;
  if (hit) return hit;
  const ranked = pool.map((w, i) => ({
    w,
    km: to && w.lat !== undefined && w.lng !== undefined ? input.distanceKm(to, { lat: w.lat, lng: w.lng }) : undefined,
    rank: byShopOrder ? input.shopWarehouses.indexOf(w.code) : i,
  })).sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.rank - b.rank);
  if (to) {
    let m = perTo!.get(to);
    if (!m) perTo!.set(to, (m = new Map()));
    m.set(key, ranked);
  }
  return ranked;
}

export function allocate(input: AllocateInput): Allocation {
  const lines = input.lines.filter((l) => l.units > 0 && l.components.length > 0);
  const reasons: string[] = [];
  const allowed = input.shopWarehouses.length ? new Set(input.shopWarehouses) : undefined;
  let pool = input.warehouses.filter((w) => w.active !== false && (!allowed || allowed.has(w.code)));
  if (allowed) reasons.push(`店铺限定发货仓：${input.shopWarehouses.join('、')}`);
  // a SKU pinned to one warehouse pins the order (if two pins disagree, the order must split)
  const pins = [...new Set(lines.flatMap((l) => l.components.map((c) => input.skuWarehouse[c.sku]).filter((x): x is string => !!x)))];
  if (pins.length === 1) { pool = pool.filter((w) => w.code === pins[0]); reasons.push(`商品指定发货仓：${pins[0]}`); }

  const ranked = rankWarehouses(pool, input, allowed !== undefined);
  if (!input.to) reasons.push('收货地区无法定位：按仓库配置顺序选择');

  if (lines.length === 0) return { parts: [], short: [], policy: input.policy, reasons: [...reasons, '没有需要发货的商品'], committed: false };
  if (ranked.length === 0) {
    return { parts: [], short: lines.map((l) => ({ lineId: l.lineId, sku: l.sku ?? '', need: l.units })), policy: input.policy, reasons: [...reasons, '没有可用的发货仓'], committed: false };
  }

  const needs = need(lines);
  const full = ranked.filter((c) => fillsAll(needs, c.w.code, input.stock));
  const allIds = lines.map((l) => l.lineId);
  if (full.length) {
    const [best, next] = full;
    const why = [`能整单发货的最近仓：${where(best!)}`];
    const closer = ranked.filter((c) => c !== best && (c.km ?? Infinity) < (best!.km ?? Infinity));
    if (closer.length) why.push(`更近但库存不足：${closer.map(where).join('、')}`);
    const runnerUp = next ? choice(next, allIds, [`也能整单发货：${where(next)}`]) : ranked.find((c) => c !== best) ? choice(ranked.find((c) => c !== best)!, [], [`不能整单发货：${where(ranked.find((c) => c !== best)!)}`]) : undefined;
    return { parts: [choice(best!, allIds, why)], ...(runnerUp ? { runnerUp } : {}), short: [], policy: input.policy, reasons, committed: false };
  }

  // nobody fills it all: which lines can anyone fill at all?
  const fillers = new Map(lines.map((l) => [l.lineId, ranked.filter((c) => canFill(l, c.w.code, input.stock))]));
  const shortOf = (l: LineDecision) => {
    let best: { warehouse: string; sellable: number } | undefined;
    for (const c of ranked) {
      // how many of the line's units this warehouse could ship (a kit: its scarcest component)
      const s = Math.min(...l.components.map((x) => Math.floor((input.stock.sellable(x.sku, c.w.code) * l.units) / x.qty)));
      if (!best || s > best.sellable) best = { warehouse: c.w.code, sellable: Math.max(0, s) };
    }
    return { lineId: l.lineId, sku: l.sku ?? '', need: l.units, ...(best ? { best } : {}) };
  };
  const short = lines.filter((l) => fillers.get(l.lineId)!.length === 0).map(shortOf);

  if (input.policy === 'wait') {
    return { parts: [], short: lines.map(shortOf), policy: 'wait', reasons: [...reasons, '没有仓库能整单发货；策略：等待补货'], committed: false };
  }
  if (input.policy === 'nearest_most_lines') {
    // lines this warehouse can ship together: two lines of one SKU share its stock
    const fillable = (code: string) => {
      const taken = new Map<string, number>();
      const ids: string[] = [];
      for (const l of lines) {
        if (!l.components.every((x) => input.stock.sellable(x.sku, code) - (taken.get(x.sku) ?? 0) >= x.qty)) continue;
        for (const x of l.components) taken.set(x.sku, (taken.get(x.sku) ?? 0) + x.qty);
        ids.push(l.lineId);
      }
      return ids;
    };
    const scored = ranked.map((c) => ({ c, ids: fillable(c.w.code) }))
      .sort((a, b) => b.ids.length - a.ids.length || (a.c.km ?? Infinity) - (b.c.km ?? Infinity) || a.c.rank - b.c.rank);
    const top = scored[0]!;
    const missing = lines.filter((l) => !top.ids.includes(l.lineId)).map(shortOf);
    const runner = scored[1];
    return {
      parts: top.ids.length ? [choice(top.c, top.ids, [`有货行数最多的最近仓（${top.ids.length}/${lines.length} 行）：${where(top.c)}`])] : [],
      ...(runner ? { runnerUp: choice(runner.c, runner.ids, [`${runner.ids.length}/${lines.length} 行有货：${where(runner.c)}`]) } : {}),
      short: missing, policy: 'nearest_most_lines', reasons, committed: false,
    };
  }
  // split: each fillable line to the nearest warehouse that can fill it, grouped by warehouse;
  // stock is checked per line against what earlier lines of this order already take
  const taken = new Map<string, number>();
  const view: StockView = { sellable: (sku, wh) => input.stock.sellable(sku, wh) - (taken.get(`${sku}|${wh}`) ?? 0) };
  const parts = new Map<string, { c: Candidate; ids: string[] }>();
  const splitShort = [...short];
  for (const l of lines) {
    if (!fillers.get(l.lineId)!.length) continue;
    const c = ranked.find((x) => canFill(l, x.w.code, view));
    if (!c) { splitShort.push(shortOf(l)); continue; }
    for (const x of l.components) taken.set(`${x.sku}|${c.w.code}`, (taken.get(`${x.sku}|${c.w.code}`) ?? 0) + x.qty);
    const p = parts.get(c.w.code) ?? { c, ids: [] };
    p.ids.push(l.lineId);
    parts.set(c.w.code, p);
  }
  return {
    parts: [...parts.values()].map((p) => choice(p.c, p.ids, [`按行拆单：${p.ids.length} 行由最近有货仓发出，${where(p.c)}`])),
    short: splitShort, policy: 'split', reasons: [...reasons, '没有仓库能整单发货'], committed: false,
  };
}
