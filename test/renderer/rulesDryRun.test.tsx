// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './support';
import type { WharfDB } from '../../renderer/store/db';
import { readSettings } from '../../renderer/store/decide/config';
import { loadDryRunData } from '../../renderer/features/rules/dryRunData';
import { runDryRun } from '../../renderer/features/rules/dryRun';
import { LAMP, SOFA, ingest, paidOrder, receiverOf, seedCompany } from './rulesSupport';
import { seedStock } from '../store/stockSeed';

let db: WharfDB;
beforeEach(async () => { db = freshDb(); await seedCompany(db); });
afterEach(async () => { db.close(); await db.delete(); });

describe('dry run', () => {
  it('walks in chunks, reporting progress, and leaves the store untouched', async () => {
    await ingest(db, [1, 2, 3, 4, 5].map((n) => paidOrder(`81${n}`, LAMP, 1, n)));
    const before = await db.orders.toArray();
    const stock = await db.stock.toArray();
    const progress: string[] = [];
    const edited = await readSettings(db);
    edited.rules.r1.minFen = 5_000;
    const r = await runDryRun(await loadDryRunData(db, 7, Date.now()), edited, { days: 7, chunk: 2, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(progress).toEqual(['0/5', '2/5', '4/5', '5/5']);
    expect(r).toMatchObject({ orders: 5, changed: 5, passToHold: 5, holdToPass: 0, perRule: { r1: { before: 0, after: 5 } } });
    expect(await db.orders.toArray()).toEqual(before);
    expect(await db.stock.toArray()).toEqual(stock);
  });

  it('sees the earlier order of a duplicate pair even when it is older than the window', async () => {
    const buyer = receiverOf();
    await ingest(db, [
      paidOrder('7001', SOFA, 1, 30, { receiver: { ...buyer, mergeKey: 'tb-1' } }),
      paidOrder('7002', SOFA, 1, 2, { platform: 'douyin', shopId: 'shop-b', receiver: { ...buyer, mergeKey: 'dy-1' } }),
    ]);
    const later = (await db.orders.get('douyin:shop-b:7002'))!;
    expect(later.decision!.hits.map((h) => h.rule)).toContain('r8');
    const r = await runDryRun(await loadDryRunData(db, 1, Date.now()), await readSettings(db), { days: 1 });
    expect(r.orders).toBe(1);
    expect(r.perRule.r8).toEqual({ before: 1, after: 1 });
    expect(r.changed).toBe(0);
    expect(r.sample).toEqual([]);
  });

  it('gives each order its own committed stock back before deciding it again', async () => {
    await seedStock(db, [{ sku: 'SOFA-01', warehouse: 'yiwu', onHand: 2 }], 1_700_000_000_001);
    await ingest(db, [paidOrder('6001', SOFA, 2, 3)]);
    // the order took both sofas: none left sellable, yet deciding it again must not find it short
    expect(await db.stock.get('SOFA-01|yiwu')).toMatchObject({ onHand: 2, reserved: 2 });
    const r = await runDryRun(await loadDryRunData(db, 7, Date.now()), await readSettings(db), { days: 7 });
    expect(r.perRule.r10).toEqual({ before: 0, after: 0 });
    expect(r.changed).toBe(0);
  });
});
