// The browser half of the stock benchmarks (bundled by stockBrowser.ts and added to the app's own
// page, so it runs in the app's origin and on-disk profile, on real IndexedDB):
//
//  reserve  — 50,000 orders over 2,000 SKUs locked through the store's own code (StockTx +
//             settleOrderLock: FEFO batch choice, all or nothing), 250 orders per transaction as
//             merged inbox pages land; baseline = raw Dexie writes of exactly the records the product
//             wrote, transaction for transaction, into a fresh database with the same schema.
//  selfcheck — the store's self-check (checkStock) over a ledger seeded beforehand.
import { parseDecisionSettings } from '../../shared/decide/settings';
import { WharfDB } from '../../renderer/store/db';
import { StockTx, stockTables, type LedgerWrite } from '../../renderer/store/stock/ledgerTx';
import { settleOrderLock, SYSTEM_ACTOR } from '../../renderer/store/stock/orderLocks';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { rederive, rollUp, type Movement } from '../../shared/stock';
import { companyLedger } from './companyLedger';

const DAY = 86_400_000;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fresh(name: string): Promise<WharfDB> {
  await WharfDB.delete(name);
  const db = new WharfDB(name);
  await db.open();
  return db;
}

export interface ReserveResult { productMs: number; baselineMs: number; orders: number; locked: number; short: number; movements: number; batches: number }

async function reserve(opts: { orders: number; skus: number; perTx: number; seed: number }): Promise<ReserveResult> {
  const now = Date.UTC(2026, 11, 1, 2);
  const db = await fresh('wharf-bench-reserve');
  const code = (i: number) => `SKU-${String(i).padStart(4, '0')}`;
  const warehouses = ['yiwu', 'guangzhou'];
  // opening stock, three batches per SKU and warehouse with different expiries (FEFO has a choice)
  await db.transaction('rw', stockTables(db), async () => {
    const tx = new StockTx(db);
    await tx.load(Array.from({ length: opts.skus }, (_, i) => code(i)));
    const ms: Movement[] = [];
    for (let i = 0; i < opts.skus; i++) for (const w of warehouses) for (const [b, days] of [['A', 40], ['B', 120], ['C', 300]] as const) {
      ms.push({ id: `open:${i}:${w}:${b}`, kind: 'receive', sku: code(i), warehouse: w, batch: `${b}${i % 9}`, location: `L${i % 50}`, qty: 20, at: now - DAY, actor: 'bench', source: 'open', reason: '', expiresAt: now + days * DAY });
    }
    tx.record(ms);
    await tx.save();
  });
  const r = rng(opts.seed);
  const orders = Array.from({ length: opts.orders }, (_, i) => ({
    key: `taobao:bench:${String(4_000_000_000_000_000_000n + BigInt(i))}`,
    lines: Array.from({ length: r() < 0.7 ? 1 : 2 }, () => ({ sku: code(Math.floor(r() * opts.skus)), warehouse: warehouses[r() < 0.6 ? 0 : 1]!, qty: 1 + Math.floor(r() * 2) })),
  }));
  const settings = { ...parseDecisionSettings({}).stock, minRemainingDays: { bench: 30 } };
  const writes: LedgerWrite[] = [];
  let locked = 0;
  let short = 0;
  const t0 = performance.now();
  for (let i = 0; i < orders.length; i += opts.perTx) {
    const page = orders.slice(i, i + opts.perTx);
    await db.transaction('rw', stockTables(db), async () => {
      const tx = new StockTx(db);
      await tx.load(page.flatMap((o) => o.lines.map((l) => l.sku)), page.map((o) => o.key));
      for (const o of page) {
        const out = settleOrderLock(tx, { row: { key: o.key, shopId: 'bench', createdAt: now, channelStatus: 'paid' }, lines: o.lines, at: now + i, actor: SYSTEM_ACTOR, source: o.key, settings });
        if (out.short) short++; else locked++;
      }
      writes.push(await tx.save());
    });
  }
  const productMs = performance.now() - t0;
  db.close();

  // the same records, the same transactions, written raw
  const raw = await fresh('wharf-bench-reserve-raw');
  const t1 = performance.now();
  for (const w of writes) {
    if (!w.movements.length) continue;
    await raw.transaction('rw', stockTables(raw), async () => {
      await Promise.all([
        raw.movements.bulkAdd(w.movements), raw.stockRows.bulkPut(w.rows), raw.locks.bulkPut(w.locks),
        w.transit.length ? raw.transit.bulkPut(w.transit) : undefined, raw.stock.bulkPut(w.summary),
      ]);
    });
  }
  const baselineMs = performance.now() - t1;
  raw.close();
  await WharfDB.delete('wharf-bench-reserve');
  await WharfDB.delete('wharf-bench-reserve-raw');
  return { productMs, baselineMs, orders: orders.length, locked, short, movements: writes.reduce((n, w) => n + w.movements.length, 0), batches: writes.length };
}

let checkDb: WharfDB | undefined;

/**
 * Builds a company's ledger of about `movements` in the page (the same generator as
 * stock.rederive_ms), folds it with the shared reducer and stores ledger and projections the way
 * the store does, in transactions of 20,000 movements.
 */
async function seedLedger(movements: number): Promise<{ movements: number; rows: number; locks: number; ms: number }> {
  const t0 = performance.now();
  checkDb = await fresh('wharf-bench-selfcheck');
  const db = checkDb;
  const ledger = companyLedger(movements);
  const s = rederive(ledger);
  const summary = rollUp(s.rows.values());
  for (let i = 0; i < ledger.length; i += 20_000) {
    await db.transaction('rw', stockTables(db), () => db.movements.bulkAdd(ledger.slice(i, i + 20_000)));
  }
  await db.transaction('rw', stockTables(db), async () => {
    await Promise.all([db.stockRows.bulkPut([...s.rows.values()]), db.locks.bulkPut([...s.locks.values()]), db.transit.bulkPut([...s.transit.values()]), db.stock.bulkPut([...summary.values()])]);
  });
  return { movements: ledger.length, rows: s.rows.size, locks: s.locks.size, ms: performance.now() - t0 };
}

async function selfCheck(): Promise<{ ms: number; movements: number; drifts: number; firstDrift?: string }> {
  if (!checkDb) throw new Error('seed the ledger first');
  const t0 = performance.now();
  const r = await checkStock(checkDb);
  return { ms: performance.now() - t0, movements: r.movements, drifts: r.drifts.length, ...(r.drifts[0] ? { firstDrift: r.drifts[0].message } : {}) };
}

async function dropSelfCheck(): Promise<void> {
  checkDb?.close();
  checkDb = undefined;
  await WharfDB.delete('wharf-bench-selfcheck');
}

(globalThis as unknown as { wharfStockBench: unknown }).wharfStockBench = { reserve, seedLedger, selfCheck, dropSelfCheck };
