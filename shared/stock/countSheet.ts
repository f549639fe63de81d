// A cycle count of one location: what the system says is on the shelf there (per SKU × batch),
// what the counter found, and the variance per line. Lines the system has at the location but
// nobody counted are listed as counted 0 — never zeroed silently: the person confirms them —
// and every variance carries a reason before the count may be recorded. Recording turns each
// line into a `count` movement (the reducer sets the shelf to the counted quantity).
import type { StockRow } from './projection';
import type { StockReason } from './stockReason';

export const COUNT_REASONS = ['gain', 'loss', 'damaged', 'expired', 'other'] as const;
export type CountReason = (typeof COUNT_REASONS)[number];

/** What the system holds at the location, per batch row. */
export interface ShelfLine {
  sku: string;
  batch: string;
  /** units on this shelf */
  qty: number;
  /** the batch's whole on hand and its locked units (reserved + frozen), all locations */
  batchOnHand: number;
  batchHeld: number;
}

export interface CountedLine { sku: string; batch: string; qty: number }

export interface CountLine {
  key: string;
  sku: string;
  batch: string;
  system: number;
  counted: number;
  variance: number;
  /** not counted: recorded as 0 once the person confirms */
  uncounted: boolean;
  /** locked units the batch would no longer hold after this count (orders to re-allocate) */
  shortOfLocks: number;
}

export interface CountReview {
  lines: CountLine[];
  /** lines whose count differs from the system */
  variances: number;
  gain: number;
  loss: number;
  uncounted: number;
}

export interface ReasonPick { code?: CountReason; text: string }

const lineKey = (sku: string, batch: string) => `${sku}|${batch}`;

/** Locations of a warehouse's rows that hold (or held: a negative shelf counts too) stock, sorted. */
export function locationsIn(rows: Iterable<StockRow>, warehouse: string): string[] {
  const out = new Set<string>();
  for (const r of rows) if (r.warehouse === warehouse) for (const [loc, n] of Object.entries(r.locations)) if (n) out.add(loc);
  return [...out].sort();
}

/** The system's lines at one location of one warehouse. */
export function shelfAt(rows: Iterable<StockRow>, warehouse: string, location: string): ShelfLine[] {
  const out: ShelfLine[] = [];
  for (const r of rows) {
    if (r.warehouse !== warehouse) continue;
    const qty = r.locations[location] ?? 0;
    if (!qty) continue;
    out.push({ sku: r.sku, batch: r.batch, qty, batchOnHand: r.onHand, batchHeld: r.reserved + r.frozen });
  }
  return out.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0));
}

/** System against counted, line by line: counted lines in sheet order, then the uncounted ones. */
export function reviewCount(system: readonly ShelfLine[], counted: readonly CountedLine[]): CountReview {
  const sys = new Map(system.map((s) => [lineKey(s.sku, s.batch), s]));
  const sums = new Map<string, CountedLine>();
  // one sheet may hold a SKU × batch twice (scanned, then typed): the shelf holds their sum
  for (const c of counted) {
    const k = lineKey(c.sku, c.batch);
    const have = sums.get(k);
    sums.set(k, { sku: c.sku, batch: c.batch, qty: (have?.qty ?? 0) + c.qty });
  }
  const line = (sku: string, batch: string, countedQty: number, uncounted: boolean): CountLine => {
    const s = sys.get(lineKey(sku, batch));
    const system = s?.qty ?? 0;
    const variance = countedQty - system;
    const after = (s?.batchOnHand ?? 0) + variance;
    return { key: lineKey(sku, batch), sku, batch, system, counted: countedQty, variance, uncounted, shortOfLocks: Math.max(0, (s?.batchHeld ?? 0) - after) };
  };
  const lines = [...sums.values()].map((c) => line(c.sku, c.batch, c.qty, false));
  for (const s of system) if (!sums.has(lineKey(s.sku, s.batch))) lines.push(line(s.sku, s.batch, 0, true));
  let gain = 0;
  let loss = 0;
  for (const l of lines) { if (l.variance > 0) gain += l.variance; else loss -= l.variance; }
  return { lines, variances: lines.filter((l) => l.variance !== 0).length, gain, loss, uncounted: lines.filter((l) => l.uncounted).length };
}

/** Whether the reviewed count may be recorded, and what is missing (one reason per problem). */
export function countReady(review: CountReview, picks: ReadonlyMap<string, ReasonPick>, uncountedConfirmed: boolean): { ok: boolean; problems: StockReason[] } {
  const problems: StockReason[] = [];
  if (!review.lines.length) problems.push({ code: 'empty' });
  if (review.uncounted > 0 && !uncountedConfirmed) problems.push({ code: 'confirmUncounted', values: { n: review.uncounted } });
  for (const l of review.lines) {
    if (l.variance === 0) continue;
    const p = picks.get(l.key);
    const line = l.batch ? `${l.sku} · ${l.batch}` : l.sku;
    if (!p?.code) problems.push({ code: 'reasonMissing', values: { line } });
    else if (p.code === 'other' && !p.text.trim()) problems.push({ code: 'otherNeedsText', values: { line } });
  }
  return { ok: problems.length === 0, problems };
}

export interface CountMovementInput {
  kind: 'count';
  sku: string;
  warehouse: string;
  batch: string;
  location: string;
  qty: number;
  reason: string;
}

/**
 * One `count` movement per line (matched lines too: the ledger then shows the shelf was counted
 * that day). `label` words a reason code; a matched line gets `matched` as its reason.
 */
export function countMovements(
  review: CountReview,
  at: { warehouse: string; location: string },
  picks: ReadonlyMap<string, ReasonPick>,
  words: { label(code: CountReason): string; matched: string },
): CountMovementInput[] {
  return review.lines.map((l) => {
    const p = picks.get(l.key);
    const reason = l.variance === 0 ? words.matched : [p?.code ? words.label(p.code) : '', p?.text.trim() ?? ''].filter(Boolean).join('：');
    return { kind: 'count', sku: l.sku, warehouse: at.warehouse, batch: l.batch, location: at.location, qty: l.counted, reason };
  });
}
