// The warehouse's stock work as named mutators: receive (against an expected arrival or ad
// hoc), count a location, adjust with a reason, freeze for after-sales, transfer between
// warehouses. Each sheet is checked against the ledger first — a clear error names the row,
// what is wrong and how to fix it — and then recorded as one `stock.moved` event.
import { WharfError } from '../../shared/contract';
import { HumanMovement } from '../../shared/events/stockEvents';
import { movementProblem, rowKey, sellableOfRow, type Movement } from '../../shared/stock';
import type { WharfDB } from './db';
import type { OperatorContext } from './mutators';
import { commit, parse } from './decisionMutators';
import { StockTx } from './stock/ledgerTx';

export async function moveStock(db: WharfDB, ctx: OperatorContext, raw: unknown[], opts: { source?: string; note?: string } = {}) {
  const movements = raw.map((m, i) => parse(HumanMovement, m, `stock row ${i + 1}`));
  if (!movements.length) throw new WharfError('invalid_input', 'stock: the sheet is empty — scan or type at least one row');
  const [skus, warehouses] = await Promise.all([db.skus.bulkGet([...new Set(movements.map((m) => m.sku))]), db.warehouses.toArray()]);
  const knownSku = new Set(skus.filter((s) => !!s).map((s) => s!.code));
  const knownWh = new Set(warehouses.map((w) => w.code));
  const tx = new StockTx(db);
  await tx.load(movements.map((m) => m.sku), [], movements.flatMap((m) => (m.transfer ? [m.transfer] : [])));
  const now = ctx.now();
  // what the sheet itself takes from a row, so two rows of one sheet cannot take one unit twice
  const taking = new Map<string, number>();
  movements.forEach((m, i) => {
    const at = `stock row ${i + 1} (${m.kind} ${m.sku} @ ${m.warehouse})`;
    if (!knownSku.has(m.sku)) throw new WharfError('invalid_input', `${at}: SKU ${m.sku} is not in the SKU master — add it there first, or scan its barcode`);
    if (!knownWh.has(m.warehouse)) throw new WharfError('invalid_input', `${at}: warehouse ${m.warehouse} does not exist — pick one from the list`);
    if (m.toWarehouse && !knownWh.has(m.toWarehouse)) throw new WharfError('invalid_input', `${at}: destination warehouse ${m.toWarehouse} does not exist`);
    const full: Movement = { ...m, id: `check:${i}`, at: now, actor: ctx.user.id, source: opts.source ?? '' };
    const problem = movementProblem(full);
    if (problem) throw new WharfError('invalid_input', `${at}: ${problem}`);
    if (m.kind === 'receive' && m.expiresAt !== undefined && m.expiresAt <= now) throw new WharfError('invalid_input', `${at}: batch ${m.batch || '(none)'} is already expired — check the date, or record it as a count of damaged goods`);
    const row = tx.state.rows.get(rowKey(m.sku, m.warehouse, m.batch));
    const k = rowKey(m.sku, m.warehouse, m.batch);
    if (m.kind === 'transfer_out' || m.kind === 'freeze' || (m.kind === 'adjust' && m.qty < 0)) {
      const need = (taking.get(k) ?? 0) + Math.abs(m.qty);
      const free = row ? sellableOfRow(row) : 0;
      if (need > free) throw new WharfError('invalid_input', `${at}: only ${Math.max(0, free)} sellable in batch ${m.batch || '(none)'} (the rest is reserved by orders or frozen) — release or pick another batch`);
      taking.set(k, need);
    }
    if (m.kind === 'unfreeze' && (row?.frozen ?? 0) < m.qty) throw new WharfError('invalid_input', `${at}: only ${row?.frozen ?? 0} frozen in batch ${m.batch || '(none)'}`);
    if (m.kind === 'transfer_in') {
      const t = tx.state.transit.get(`${m.transfer}|${m.sku}|${m.batch}`);
      if (!t || t.to !== m.warehouse) throw new WharfError('invalid_input', `${at}: transfer ${m.transfer} sends no ${m.sku} batch ${m.batch || '(none)'} to ${m.warehouse}`);
      if (t.qty < m.qty) throw new WharfError('invalid_input', `${at}: transfer ${m.transfer} has ${t.qty} of ${m.sku} in transit, not ${m.qty} — count what arrived`);
    }
  });
  return commit(db, ctx, 'stock.move', 'stock.moved', { movements, source: opts.source ?? '', note: opts.note ?? '' });
}
