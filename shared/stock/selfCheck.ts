// The self-check: re-derive every projection from the movements and compare with what is stored.
// It must find nothing. When it does, each difference names the row and field, both numbers,
// and — where one movement's effect is exactly the difference — that movement, since "this
// receipt never reached the row" is what a person can fix, and "off by 12" is not.
import type { Movement } from './movement';
import { rederive, rollUp, type Lock, type StockRow, type StockSummary, type TransitRow } from './projection';

export type RowField = 'onHand' | 'reserved' | 'frozen' | 'picked';
const ROW_FIELDS: readonly RowField[] = ['onHand', 'reserved', 'frozen', 'picked'];

export interface Drift {
  kind: 'row' | 'location' | 'lock' | 'transit' | 'summary' | 'movement';
  key: string;
  field: string;
  stored: number | string;
  derived: number | string;
  /** the movement whose effect alone explains the difference (missing from, or doubled in, the projection) */
  movement?: { id: string; kind: Movement['kind']; qty: number; at: number; effect: 'missing' | 'doubled' };
  message: string;
}

export interface StoredStock {
  rows: Iterable<StockRow>;
  summary?: Iterable<Omit<StockSummary, 'at'>>;
  locks?: Iterable<Lock>;
  transit?: Iterable<TransitRow>;
}

/** What one movement does to one field of its row, when that is a fixed amount (counts set, not add). */
function effectOn(m: Movement, field: RowField): number {
  const q = m.qty;
  switch (m.kind) {
    case 'receive': case 'return': case 'adjust': case 'transfer_in': return field === 'onHand' ? q : 0;
    case 'transfer_out': return field === 'onHand' ? -q : 0;
    case 'reserve': return field === 'reserved' ? q : 0;
    case 'release': return field === 'reserved' ? -q : 0;
    case 'freeze': return field === 'frozen' ? q : 0;
    case 'unfreeze': return field === 'frozen' ? -q : 0;
    case 'pick': return field === 'picked' ? q : 0;
    case 'ship': return field === 'onHand' || field === 'reserved' ? -q : 0;
    default: return 0;
  }
}

function explain(byRow: ReadonlyMap<string, Movement[]>, key: string, field: RowField, diff: number): Drift['movement'] {
  const list = byRow.get(key) ?? [];
  // the latest movement whose effect is the whole difference: derived − stored = effect means the
  // projection never took it; = −effect means it took it twice
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i]!;
    const e = effectOn(m, field);
    if (e === 0) continue;
    if (e === diff) return { id: m.id, kind: m.kind, qty: m.qty, at: m.at, effect: 'missing' };
    if (e === -diff) return { id: m.id, kind: m.kind, qty: m.qty, at: m.at, effect: 'doubled' };
  }
  return undefined;
}

const FIELD_TEXT: Record<RowField, string> = { onHand: '在库', reserved: '锁定', frozen: '冻结', picked: '已拣' };

export function selfCheck(stored: StoredStock, movements: readonly Movement[]): Drift[] {
  const derived = rederive(movements);
  const byRow = new Map<string, Movement[]>();
  for (const m of movements) {
    const k = `${m.sku}|${m.warehouse}|${m.batch ?? ''}`;
    const list = byRow.get(k);
    if (list) list.push(m); else byRow.set(k, [m]);
  }
  const drifts: Drift[] = [];
  const ids = new Set<string>();
  for (const m of movements) {
    if (!ids.has(m.id)) { ids.add(m.id); continue; }
    drifts.push({ kind: 'movement', key: m.id, field: 'id', stored: 2, derived: 1, message: `流水 ${m.id}（${m.kind} ${m.sku} ${m.qty}）记录了两次` });
  }
  const seen = new Set<string>();
  for (const s of stored.rows) {
    seen.add(s.key);
    const d = derived.rows.get(s.key);
    for (const f of ROW_FIELDS) {
      const want = d ? d[f] : 0;
      if (s[f] === want) continue;
      const movement = explain(byRow, s.key, f, want - s[f]);
      drifts.push({
        kind: 'row', key: s.key, field: f, stored: s[f], derived: want, ...(movement ? { movement } : {}),
        message: movement
          ? `${s.key} ${FIELD_TEXT[f]}：记录 ${s[f]}，按流水应为 ${want} — 流水 ${movement.id}（${movement.kind} ${movement.qty}）${movement.effect === 'missing' ? '没有计入' : '被计入了两次'}`
          : d ? `${s.key} ${FIELD_TEXT[f]}：记录 ${s[f]}，按流水应为 ${want} — 这一行被改过，不是任何一笔流水的结果` : `${s.key}：没有任何流水，却记录了 ${FIELD_TEXT[f]} ${s[f]}`,
      });
    }
    if (d) {
      const locs = new Set([...Object.keys(s.locations), ...Object.keys(d.locations)]);
      for (const loc of locs) {
        const a = s.locations[loc] ?? 0;
        const b = d.locations[loc] ?? 0;
        if (a !== b) drifts.push({ kind: 'location', key: s.key, field: loc || '(未指定库位)', stored: a, derived: b, message: `${s.key} 库位 ${loc || '(未指定)'}：记录 ${a}，按流水应为 ${b}` });
      }
    }
  }
  for (const d of derived.rows.values()) {
    if (seen.has(d.key) || ROW_FIELDS.every((f) => d[f] === 0)) continue;
    drifts.push({ kind: 'row', key: d.key, field: 'row', stored: 'missing', derived: `onHand ${d.onHand}`, message: `${d.key}：流水显示在库 ${d.onHand}、锁定 ${d.reserved}，但没有这一行记录` });
  }
  if (stored.locks) {
    const seenLocks = new Set<string>();
    for (const l of stored.locks) {
      seenLocks.add(l.id);
      const d = derived.locks.get(l.id);
      if (!d) { drifts.push({ kind: 'lock', key: l.id, field: 'lock', stored: l.state, derived: 'missing', message: `锁定 ${l.id}：没有任何锁定流水` }); continue; }
      if (d.state !== l.state) drifts.push({ kind: 'lock', key: l.id, field: 'state', stored: l.state, derived: d.state, message: `锁定 ${l.id} 状态：记录 ${l.state}，按流水应为 ${d.state}` });
      const qtyOf = (lock: Lock, k: string) => lock.lines.reduce((n, x) => (x.key === k ? n + x.qty : n), 0);
      for (const k of new Set([...l.lines.map((x) => x.key), ...d.lines.map((x) => x.key)])) {
        const a = qtyOf(l, k);
        const b = qtyOf(d, k);
        if (a !== b) drifts.push({ kind: 'lock', key: l.id, field: k, stored: a, derived: b, message: `锁定 ${l.id} 的 ${k}：记录 ${a}，按流水应为 ${b}` });
      }
    }
    for (const d of derived.locks.values()) {
      if (!seenLocks.has(d.id) && (d.state === 'unpaid' || d.state === 'firm')) drifts.push({ kind: 'lock', key: d.id, field: 'lock', stored: 'missing', derived: d.state, message: `锁定 ${d.id}：流水显示仍在锁定，但没有记录` });
    }
  }
  if (stored.transit) {
    const seenT = new Set<string>();
    for (const t of stored.transit) {
      seenT.add(t.key);
      const want = derived.transit.get(t.key)?.qty ?? 0;
      if (t.qty !== want) drifts.push({ kind: 'transit', key: t.key, field: 'qty', stored: t.qty, derived: want, message: `在途 ${t.key}：记录 ${t.qty}，按流水应为 ${want}` });
    }
    for (const d of derived.transit.values()) {
      if (!seenT.has(d.key) && d.qty !== 0) drifts.push({ kind: 'transit', key: d.key, field: 'qty', stored: 'missing', derived: d.qty, message: `在途 ${d.key}：流水显示在途 ${d.qty}，但没有记录` });
    }
  }
  if (stored.summary) {
    const want = rollUp(derived.rows.values());
    const seenS = new Set<string>();
    for (const s of stored.summary) {
      seenS.add(s.key);
      const d = want.get(s.key);
      for (const f of ['onHand', 'reserved', 'frozen', 'picked', 'sellable'] as const) {
        const b = d ? d[f] : 0;
        if (s[f] !== b) drifts.push({ kind: 'summary', key: s.key, field: f, stored: s[f], derived: b, message: `${s.key} 汇总 ${f}：记录 ${s[f]}，按流水应为 ${b}` });
      }
    }
    for (const d of want.values()) {
      if (!seenS.has(d.key) && (d.onHand || d.reserved || d.frozen)) drifts.push({ kind: 'summary', key: d.key, field: 'row', stored: 'missing', derived: `onHand ${d.onHand}`, message: `${d.key}：流水显示在库 ${d.onHand}，但汇总表没有这一行` });
    }
  }
  return drifts;
}
