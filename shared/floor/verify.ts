// Scan-to-verify at the pack station: every unit scanned against its order, line by line.
// Pure: a scan and the session give the verdict, the sound to play and the next session, so
// the station, the tests and the benchmark all judge a scan the same way.
//  right item → short high beep and the count; wrong item, one too many or a wrong batch →
//  loud error, completion blocked until the packer confirms the unit is out of the box;
//  order complete → a distinct sound (and the label prints); a refunded or cancelled order →
//  an alarm on every scan: it must not leave.
import { readGs1 } from './gs1';

export interface PackLine {
  sku: string;
  name: string;
  need: number;
  /** batches the order's lock holds for this SKU (FEFO); empty = any */
  batches: readonly string[];
  /** the unit must be scanned with (or followed by) its batch */
  requireBatch: boolean;
}

export interface PackLineState extends PackLine { scanned: number; seenBatches: string[] }

export type InterceptReason = 'refunding' | 'cancelled' | 'closed' | 'intercepted';

export interface PackSession {
  orderKey: string;
  lines: PackLineState[];
  /** an error stopped the order until the packer confirms (clearBlock) */
  blocked?: { verdict: Verdict; code: string };
  /** a batch-tracked unit was scanned; the next scan is its batch label */
  awaitingBatch?: number;
  intercept?: InterceptReason;
}

export type Verdict = 'ok' | 'complete' | 'wrong_item' | 'too_many' | 'unknown_code' | 'wrong_batch' | 'batch_needed' | 'blocked' | 'intercepted' | 'already_complete';
/** the tone each verdict plays (the station names it in its `scan.verdict` event) */
export type Sound = 'ok' | 'error' | 'done' | 'alarm' | 'prompt';

export const VERDICT_SOUND: Record<Verdict, Sound> = {
  ok: 'ok', complete: 'done', batch_needed: 'prompt', already_complete: 'error',
  wrong_item: 'error', too_many: 'error', unknown_code: 'error', wrong_batch: 'error', blocked: 'error',
  intercepted: 'alarm',
};

export interface ScanVerdict {
  verdict: Verdict;
  sound: Sound;
  session: PackSession;
  /** the line the scan counted on (or was refused for) */
  line?: number;
  /** what was seen, for the words on screen */
  values: Record<string, string | number>;
}

/** barcode or SKU code → SKU code */
export type SkuLookup = (code: string) => string | undefined;

export function startPack(orderKey: string, lines: readonly PackLine[], intercept?: InterceptReason): PackSession {
  // one line per SKU: two order lines of the same SKU are verified as one count
  const merged = new Map<string, PackLineState>();
  for (const l of lines) {
    if (l.need <= 0) continue;
    const m = merged.get(l.sku);
    if (m) { m.need += l.need; m.batches = [...new Set([...m.batches, ...l.batches])]; m.requireBatch ||= l.requireBatch; }
    else merged.set(l.sku, { ...l, batches: [...l.batches], scanned: 0, seenBatches: [] });
  }
  return { orderKey, lines: [...merged.values()], ...(intercept ? { intercept } : {}) };
}

export const packComplete = (s: PackSession) => !s.intercept && !s.blocked && s.awaitingBatch === undefined && s.lines.length > 0 && s.lines.every((l) => l.scanned === l.need);
export const packProgress = (s: PackSession) => ({ scanned: s.lines.reduce((n, l) => n + l.scanned, 0), need: s.lines.reduce((n, l) => n + l.need, 0) });

function verdict(v: Verdict, session: PackSession, values: ScanVerdict['values'], line?: number): ScanVerdict {
  return { verdict: v, sound: VERDICT_SOUND[v], session, values, ...(line !== undefined ? { line } : {}) };
}

function count(s: PackSession, i: number, batch: string | undefined): ScanVerdict {
  const lines = s.lines.map((l, j) => (j === i ? { ...l, scanned: l.scanned + 1, seenBatches: batch ? [...l.seenBatches, batch] : l.seenBatches } : l));
  const next: PackSession = { ...s, lines, awaitingBatch: undefined };
  const l = lines[i]!;
  const { scanned, need } = packProgress(next);
  return verdict(packComplete(next) ? 'complete' : 'ok', next, { sku: l.sku, name: l.name, count: l.scanned, of: l.need, scanned, need, ...(batch ? { batch } : {}) }, i);
}

function blocked(s: PackSession, v: Verdict, code: string, values: ScanVerdict['values'], line?: number): ScanVerdict {
  return verdict(v, { ...s, blocked: { verdict: v, code }, awaitingBatch: undefined }, { code, ...values }, line);
}

export function verifyScan(s: PackSession, raw: string, lookup: SkuLookup): ScanVerdict {
  const code = raw.trim();
  if (s.intercept) return verdict('intercepted', s, { code, reason: s.intercept });
  if (s.blocked) return verdict('blocked', s, { code, first: s.blocked.code, firstVerdict: s.blocked.verdict });

  // the batch label that follows a batch-tracked unit
  if (s.awaitingBatch !== undefined && !lookup(code) && !readGs1(code, (g) => !!lookup(g))) {
    const i = s.awaitingBatch;
    const l = s.lines[i]!;
    if (l.batches.length && !l.batches.includes(code)) return blocked(s, 'wrong_batch', code, { sku: l.sku, name: l.name, batch: code, want: l.batches.join(' / ') }, i);
    return count(s, i, code);
  }
  if (s.awaitingBatch !== undefined) {
    const l = s.lines[s.awaitingBatch]!;
    // another unit before the batch label: ask again, nothing counted
    return verdict('batch_needed', s, { code, sku: l.sku, name: l.name }, s.awaitingBatch);
  }

  const gs1 = readGs1(code, (g) => !!lookup(g));
  const sku = gs1 ? (lookup(gs1.gtin) ?? lookup(gs1.gtin.replace(/^0/, ''))) : lookup(code);
  if (!sku) return verdict('unknown_code', s, { code });
  const i = s.lines.findIndex((l) => l.sku === sku);
  if (i < 0) return blocked(s, 'wrong_item', code, { sku });
  const l = s.lines[i]!;
  if (packComplete(s)) return verdict('already_complete', s, { code, sku, name: l.name });
  if (l.scanned >= l.need) return blocked(s, 'too_many', code, { sku, name: l.name, count: l.scanned + 1, of: l.need }, i);
  if (gs1?.batch) {
    if (l.batches.length && !l.batches.includes(gs1.batch)) return blocked(s, 'wrong_batch', code, { sku, name: l.name, batch: gs1.batch, want: l.batches.join(' / ') }, i);
    return count(s, i, gs1.batch);
  }
  if (l.requireBatch) return verdict('batch_needed', { ...s, awaitingBatch: i }, { sku, name: l.name }, i);
  return count(s, i, undefined);
}

/** The packer took the wrong unit out (or the extra one): scanning goes on. */
export function clearBlock(s: PackSession): PackSession {
  const { blocked: _b, ...rest } = s;
  return rest;
}
