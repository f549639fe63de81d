// @vitest-environment happy-dom
// 盘点: a blind count of one location by scanner — system quantities hidden until review, the
// review shows the variance per SKU × batch and lists the uncounted line as 0, every variance
// needs a reason, and recording lands count movements in the ledger with no drift.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { StockPage } from '../../renderer/features/stock';
import { CountTab } from '../../renderer/features/stock/CountTab';
import { injectScan } from '../../renderer/features/scan';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { $, $$, click, events, inputOf, pick, renderApp, signIn, tid, type, unmountAll } from './skusSupport';
import { daysAgo, pickLast, seedLedger, stockWorld } from './stockSupport';

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await stockWorld(db);
  await seedLedger(db, [
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 10, location: 'A-01' },
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 5, location: 'B-02' },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'L1', qty: 5, location: 'A-01', expiresAt: daysAgo(-20) },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'L2', qty: 3, location: 'A-01', expiresAt: daysAgo(-40) },
  ]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const reviewLine = (key: string) => $(`${tid('stock-count-review-line')}[data-key="${key}"]`);

async function startCount(): Promise<void> {
  await click(await waitFor(() => $(tid('stock-tab-count')), 'the count tab'));
  await waitFor(() => $(tid('stock-count')), 'the count sheet');
  await pick($(tid('stock-count-warehouse')), '义乌仓');
  await type($(tid('stock-count-location')), 'A-01');
}

describe('cycle count', () => {
  it('blind: scans and typed quantities, a review with variances and the uncounted line, reasons, then the ledger', async () => {
    await renderApp(<StockPage db={db} />);
    await startCount();
    expect($(tid('stock-count-blind'))!.getAttribute('aria-checked')).toBe('true');
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => $$(tid('stock-count-line')).length === 1 && inputOf('stock-count-qty')?.value === '2', 'two units of TY-001 on one line');
    // blind: no system quantity anywhere on the sheet
    expect($$(tid('stock-count-system'))).toHaveLength(0);
    expect($('.ant-table-thead', $(tid('stock-count'))!)!.textContent).not.toContain('系统数量');
    await type($$(tid('stock-count-qty'))[0], '9');
    // MILK-1 by typed code: the shelf holds two batches, the earliest-expiring one is proposed
    await type($(tid('stock-count-code')), 'milk-1');
    await click($(tid('stock-count-add')));
    await waitFor(() => $$(tid('stock-count-line')).length === 2, 'the MILK-1 line');
    expect(inputOf('stock-count-batch', $$(tid('stock-count-line'))[1])!.value).toBe('L1');
    await type($$(tid('stock-count-qty'))[1], '5');

    await click($(tid('stock-count-review')));
    await waitFor(() => reviewLine('TY-001|'), 'the review');
    const cells = (key: string) => [tid('stock-count-review-system'), tid('stock-count-review-counted'), tid('stock-count-variance')].map((s) => $(s, reviewLine(key)!)!.textContent);
    expect(cells('TY-001|')).toEqual(['10', '9', '-1']);
    expect(cells('MILK-1|L1')).toEqual(['5', '5', '0']);
    // the L2 batch on this shelf was not counted: listed, as 0, and it must be confirmed
    expect(cells('MILK-1|L2')).toEqual(['3', '0', '-3']);
    expect($(tid('stock-count-uncounted'), reviewLine('MILK-1|L2')!)).not.toBeNull();
    expect($(tid('stock-count-review-summary'))!.textContent).toContain('差异 2 行');

    // nothing picked yet: the count is refused, every problem named, the sheet kept
    await click($(tid('stock-count-submit')));
    const err = await waitFor(() => $(tid('stock-count-error')), 'the problems');
    expect(err.textContent).toContain('TY-001 有差异');
    expect(err.textContent).toContain('MILK-1 · L2 有差异');
    expect(err.textContent).toContain('按 0 记录');
    expect(await events(db, 'stock.moved')).toHaveLength(0);
    expect(reviewLine('TY-001|')).not.toBeNull();

    await pickLast($(tid('stock-count-reason'), reviewLine('TY-001|')!), '破损');
    await type($(tid('stock-count-reason-text'), reviewLine('TY-001|')!), '压坏一件');
    await pickLast($(tid('stock-count-reason'), reviewLine('MILK-1|L2')!), '盘亏');
    await click(inputOf('stock-count-confirm-uncounted'));
    await click($(tid('stock-count-submit')));
    await waitFor(() => $(tid('stock-count-done')), `the variance summary ${$(tid('stock-count-error'))?.textContent}`);
    expect($(tid('stock-count-done-summary'))!.textContent).toContain('差异 2 行（盘盈 +0，盘亏 -4）');
    expect($$(tid('stock-count-done-line')).map((l) => l.getAttribute('data-key'))).toEqual(['TY-001|', 'MILK-1|L2']);

    const moved = await events(db, 'stock.moved');
    expect(moved).toHaveLength(1);
    const ev = moved[0]!.payload as { source: string; note: string; movements: Array<{ kind: string; sku: string; batch: string; location: string; qty: number; reason: string }> };
    expect(ev.source).toMatch(/^CC-\d{14}-\w{3}$/);
    expect(ev.note).toBe('盲盘 yiwu A-01');
    expect(ev.movements.map((m) => [m.kind, m.sku, m.batch, m.location, m.qty, m.reason])).toEqual([
      ['count', 'TY-001', '', 'A-01', 9, '破损：压坏一件'],
      ['count', 'MILK-1', 'L1', 'A-01', 5, '盘点无差异'],
      ['count', 'MILK-1', 'L2', 'A-01', 0, '盘亏'],
    ]);
    // the shelf holds what was counted; the other shelf is untouched
    expect(await db.stockRows.get('TY-001|yiwu|')).toMatchObject({ onHand: 14, locations: { 'A-01': 9, 'B-02': 5 } });
    expect(await db.stockRows.get('MILK-1|yiwu|L2')).toMatchObject({ onHand: 0 });
    expect(await db.stock.get('MILK-1|yiwu')).toMatchObject({ onHand: 5, sellable: 5 });
    const check = await checkStock(db);
    expect(check.drifts).toEqual([]);
    expect(check.movements).toBe(7);
  });

  it('not blind: the system quantity shows while counting; an error from the ledger keeps the reviewed sheet', async () => {
    await renderApp(<CountTab db={db} />);
    await waitFor(() => $(tid('stock-count')), 'the count sheet');
    await pick($(tid('stock-count-warehouse')), '义乌仓');
    await type($(tid('stock-count-location')), 'B-02');
    await click($(tid('stock-count-blind')));
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => $(tid('stock-count-system'))?.textContent === '5', 'the system quantity of B-02');
    await type($(tid('stock-count-qty')), '5');
    await click($(tid('stock-count-review')));
    await waitFor(() => reviewLine('TY-001|'), 'the review');
    expect($(tid('stock-count-variance'))!.textContent).toBe('0');
    // the operator changes to one who may not move stock: the ledger refuses, the sheet stays
    signIn('reviewer');
    await click($(tid('stock-count-submit')));
    await waitFor(() => $(tid('stock-count-error')), 'the refusal');
    expect(reviewLine('TY-001|')).not.toBeNull();
    expect(await events(db, 'stock.moved')).toHaveLength(0);
    signIn('packer');
    await click($(tid('stock-count-submit')));
    await waitFor(() => $(tid('stock-count-done')), 'recorded by the packer');
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('an unknown code says what to do; no warehouse yet says pick one', async () => {
    await renderApp(<CountTab db={db} />);
    await waitFor(() => $(tid('stock-count')), 'the count sheet');
    await act(async () => { await injectScan('6920000000017', 'wedge'); });
    await waitFor(() => $(tid('stock-count-error'))?.textContent?.includes('盘点仓库'), 'pick a warehouse first');
    await pick($(tid('stock-count-warehouse')), '义乌仓');
    await act(async () => { await injectScan('0000000000000', 'wedge'); });
    await waitFor(() => $(tid('stock-count-error'))?.textContent?.includes('0000000000000'), 'the unknown code');
    expect($$(tid('stock-count-line'))).toHaveLength(0);
  });
});
