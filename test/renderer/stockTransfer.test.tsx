// @vitest-environment happy-dom
// 调拨: a transfer sheet by scanner leaves as transfer_out movements under one transfer id; the
// in-transit list shows it; the receiving warehouse confirms part of it, the rest stays in
// transit; the ledger's refusals (more than is free, more than is in transit) keep the sheet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { StockPage } from '../../renderer/features/stock';
import { injectScan } from '../../renderer/features/scan';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { $, $$, click, events, inputOf, renderApp, signIn, tid, type, unmountAll } from './skusSupport';
import { daysAgo, pickLast, seedLedger, stockWorld } from './stockSupport';

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('packer');
  await stockWorld(db);
  await seedLedger(db, [
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 10, location: 'A-01' },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'L2', qty: 6, location: 'C-01', expiresAt: daysAgo(-40) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'L1', qty: 4, location: 'C-02', expiresAt: daysAgo(-20) },
  ]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const transitLines = () => $$(tid('stock-transit-line'));

describe('transfers', () => {
  it('sends by scanner, lists the transfer in transit, takes a partial arrival and keeps the rest in transit', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-transfer')), 'the transfer tab'));
    await waitFor(() => $(tid('stock-transfer-create')), 'the transfer sheet');
    await waitFor(() => $(tid('stock-transit'))?.textContent?.includes('没有在途'), 'nothing in transit yet');
    await pickLast($(tid('stock-transfer-from')), '义乌仓');
    await pickLast($(tid('stock-transfer-to')), '广州仓');
    for (let i = 0; i < 3; i++) await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => inputOf('stock-transfer-qty')?.value === '3', 'three units on one line');
    // MILK-1 typed: the batch allocation would take first (L1, earliest expiry) and its shelf
    await type($(tid('stock-transfer-code')), 'MILK-1');
    await click($(tid('stock-transfer-add')));
    await waitFor(() => $$(tid('stock-transfer-line')).length === 2, 'the MILK-1 line');
    const milk = $$(tid('stock-transfer-line'))[1]!;
    expect($(tid('stock-transfer-batch'), milk)!.textContent).toContain('L1');
    expect($(tid('stock-transfer-location'), milk)!.textContent).toContain('C-02');

    // more than is free: the ledger says so, naming the row; nothing is lost
    await type($$(tid('stock-transfer-qty'))[1], '9');
    await click($(tid('stock-transfer-submit')));
    const err = await waitFor(() => $(tid('stock-transfer-error')), 'the refusal');
    expect(err.textContent).toContain('stock row 2');
    expect(err.textContent).toContain('only 4 sellable');
    expect($$(tid('stock-transfer-line'))).toHaveLength(2);

    await type($$(tid('stock-transfer-qty'))[1], '4');
    await click($(tid('stock-transfer-submit')));
    await waitFor(() => $(tid('stock-transfer-sent')), 'sent');
    const [ev] = await events(db, 'stock.moved');
    const p = ev!.payload as { source: string; movements: Array<{ kind: string; sku: string; warehouse: string; toWarehouse: string; batch: string; location: string; qty: number; transfer: string }> };
    expect(p.source).toMatch(/^TR-\d{14}-\w{3}$/);
    expect(p.movements.map((m) => [m.kind, m.sku, m.warehouse, m.toWarehouse, m.batch, m.location, m.qty, m.transfer])).toEqual([
      ['transfer_out', 'TY-001', 'yiwu', 'guangzhou', '', 'A-01', 3, p.source],
      ['transfer_out', 'MILK-1', 'yiwu', 'guangzhou', 'L1', 'C-02', 4, p.source],
    ]);
    expect($(tid('stock-transfer-sent'))!.textContent).toContain(p.source);

    // the in-transit list, seen from the receiving warehouse
    await pickLast($(tid('stock-transit-to')), '到 广州仓');
    await waitFor(() => transitLines().length === 2, 'two lines in transit');
    const ty = () => transitLines().find((l) => l.getAttribute('data-key') === `${p.source}|TY-001|`)!;
    expect(ty().textContent).toContain('义乌仓 → 广州仓');
    expect($(tid('stock-transit-qty'), ty())!.textContent).toBe('3');
    expect(ty().textContent).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);

    // two of the three arrive
    await type($(tid('stock-transit-arrive-qty'), ty()), '2');
    await type($(tid('stock-transit-location'), ty()), 'G-01');
    await click($(tid('stock-transit-confirm'), ty()));
    await waitFor(() => $(tid('stock-transit-qty'), ty())?.textContent === '1', 'one still in transit');
    expect(await db.transit.get(`${p.source}|TY-001|`)).toMatchObject({ qty: 1, from: 'yiwu', to: 'guangzhou' });
    expect(await db.stockRows.get('TY-001|guangzhou|')).toMatchObject({ onHand: 2, locations: { 'G-01': 2 } });
    expect(await db.stockRows.get('TY-001|yiwu|')).toMatchObject({ onHand: 7, locations: { 'A-01': 7 } });

    // more than is on its way is refused, and the line stays
    await type($(tid('stock-transit-arrive-qty'), ty()), '5');
    await click($(tid('stock-transit-confirm'), ty()));
    const err2 = await waitFor(() => $(tid('stock-transit-error')), 'the over-arrival refusal');
    expect(err2.textContent).toContain('has 1 of TY-001 in transit, not 5');

    // MILK-1 arrives in full: its batch keeps its expiry in the new warehouse
    const m = () => transitLines().find((l) => l.getAttribute('data-key') === `${p.source}|MILK-1|L1`);
    await click($(tid('stock-transit-confirm'), m()!));
    await waitFor(() => !m(), 'the MILK-1 line arrived');
    expect(await db.stockRows.get('MILK-1|guangzhou|L1')).toMatchObject({ onHand: 4, expiresAt: daysAgo(-20) });
    expect(transitLines()).toHaveLength(1);
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('asks for both warehouses, and two different ones', async () => {
    await renderApp(<StockPage db={db} />);
    await click(await waitFor(() => $(tid('stock-tab-transfer')), 'the transfer tab'));
    await waitFor(() => $(tid('stock-transfer-create')), 'the transfer sheet');
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => $(tid('stock-transfer-error'))?.textContent?.includes('调出仓库'), 'pick where from');
    await pickLast($(tid('stock-transfer-from')), '义乌仓');
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => $$(tid('stock-transfer-line')).length === 1, 'a line');
    await click($(tid('stock-transfer-submit')));
    await waitFor(() => $(tid('stock-transfer-error'))?.textContent?.includes('调入仓库'), 'pick where to');
    expect(await events(db, 'stock.moved')).toHaveLength(0);
  });
});
