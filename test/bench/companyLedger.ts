// A company's stock life as a ledger, for the stock benchmarks: 2,000 SKUs in 3 warehouses,
// batches with expiry, receipts, orders reserved by FEFO (a tenth of them unpaid, some lapsing),
// paid, picked and shipped, cancellations, freezes, transfers and cycle counts — written through
// the same planners the store uses. No Node imports: the browser bench bundles it.
import { seededRandom } from './random';
import {
  applyMovement, emptyStockState, planFirm, planLapses, planRelease, planReservation, type Movement,
} from '../../shared/stock';

const SKUS = 2_000;
const WAREHOUSES = ['yiwu', 'guangzhou', 'langfang'];
const DAY = 86_400_000;

/** A ledger of about TARGET movements, built by playing a company's days through the planners. */
export function companyLedger(target: number, seed = 20_261_202): Movement[] {
  const rng = seededRandom(seed);
  const state = emptyStockState();
  const ledger: Movement[] = [];
  let now = Date.UTC(2026, 0, 1);
  let seq = 0;
  const put = (ms: Movement[]) => { for (const m of ms) { applyMovement(state, m); ledger.push(m); } };
  const base = () => ({ id: `m${++seq}`, location: '', reason: '', at: now, actor: 'bench', source: '' });
  const sku = () => `SKU-${String(rng.int(0, SKUS - 1)).padStart(4, '0')}`;
  const wh = () => WAREHOUSES[rng.int(0, WAREHOUSES.length - 1)]!;
  // orders waiting to move on, oldest first (a queue: head index, not shift())
  const open: string[] = [];
  let head = 0;
  let orders = 0;
  let steps = 0;
  // opening stock: every SKU in every warehouse, two batches each
  for (let i = 0; i < SKUS; i++) for (const w of WAREHOUSES) for (const b of ['A', 'B']) {
    put([{ ...base(), kind: 'receive', sku: `SKU-${String(i).padStart(4, '0')}`, warehouse: w, batch: `${b}${i % 7}`, location: `L${i % 40}`, qty: 400, expiresAt: now + (b === 'A' ? 120 : 240) * DAY }]);
  }
  while (ledger.length < target) {
    now += 20_000;
    steps++;
    // the lapse timer, every few minutes of company time
    if (steps % 20 === 0) put(planLapses(state, now, 'system'));
    const r = rng.next();
    if (r < 0.4) {
      const lock = `o${++orders}`;
      const unpaid = rng.next() < 0.1;
      const lines = Array.from({ length: rng.int(1, 2) }, () => ({ sku: sku(), warehouse: wh(), qty: rng.int(1, 3) }));
      const plan = planReservation(state, { lock, lines, at: now, actor: 'system', source: lock, idPrefix: `r:${lock}`, ...(unpaid ? { unpaidUntil: now + 30 * 60_000 } : {}) });
      if (plan.ok) { put(plan.movements); open.push(lock); }
    } else if (r < 0.86 && head < open.length) {
      // the oldest open order moves on: paid ones are picked and shipped, a few are cancelled
      const lock = open[head++]!;
      if (head > 10_000) { open.splice(0, head); head = 0; }
      const l = state.locks.get(lock);
      if (!l || (l.state !== 'firm' && l.state !== 'unpaid')) continue;
      if (rng.next() < 0.06) { put(planRelease(state, { lock, at: now, actor: 'cs', source: 'refund', idPrefix: `c:${lock}`, reason: '买家退款' })); continue; }
      if (l.state === 'unpaid') {
        if (rng.next() < 0.3) { open.push(lock); continue; }
        put(planFirm(state, { lock, at: now, actor: 'system', source: 'paid', idPrefix: `f:${lock}` }));
      }
      for (const x of l.lines) {
        if (x.qty <= 0) continue;
        put([{ ...base(), kind: 'pick', sku: x.sku, warehouse: x.warehouse, batch: x.batch, location: 'L1', qty: x.qty, lock }]);
        put([{ ...base(), kind: 'ship', sku: x.sku, warehouse: x.warehouse, batch: x.batch, qty: x.qty, lock }]);
      }
    } else if (r < 0.93) {
      put([{ ...base(), kind: 'receive', sku: sku(), warehouse: wh(), batch: `R${Math.floor(now / DAY) % 50}`, location: `L${rng.int(0, 39)}`, qty: rng.int(20, 200), expiresAt: now + rng.int(60, 365) * DAY }]);
    } else if (r < 0.97) {
      const s = sku();
      const w = wh();
      put([{ ...base(), kind: 'freeze', sku: s, warehouse: w, batch: `A${Number(s.slice(4)) % 7}`, qty: 1, reason: '售后待检' }]);
      put([{ ...base(), kind: 'unfreeze', sku: s, warehouse: w, batch: `A${Number(s.slice(4)) % 7}`, qty: 1, reason: '质检通过' }]);
    } else if (r < 0.99) {
      const s = sku();
      const t = `t${seq}`;
      put([{ ...base(), kind: 'transfer_out', sku: s, warehouse: 'yiwu', batch: `B${Number(s.slice(4)) % 7}`, qty: 5, transfer: t, toWarehouse: 'langfang' }]);
      put([{ ...base(), kind: 'transfer_in', sku: s, warehouse: 'langfang', batch: `B${Number(s.slice(4)) % 7}`, qty: 5, transfer: t }]);
    } else {
      put([{ ...base(), kind: 'count', sku: sku(), warehouse: wh(), batch: '', location: `L${rng.int(0, 39)}`, qty: rng.int(0, 50), reason: '循环盘点' }]);
    }
  }
  return ledger;
}
