// window.wharfDiagnostics: read-only access to the local store for support tools and the
// benchmarks (the schema is a documented public contract). Nothing here mutates data.
import type { WharfDB } from './db';
import { countPool, poolKeys, queryPool, type PoolFilter } from './pool';
import { checkStock, type StockCheckReport } from './stock/selfCheckStore';

export interface WharfDiagnostics {
  db: WharfDB;
  queryPool(f: PoolFilter, limit?: number): ReturnType<typeof queryPool>;
  countPool(f: PoolFilter): Promise<number>;
  poolKeys(f: PoolFilter): Promise<string[]>;
  counts(): Promise<Record<string, number>>;
  /** the stock self-check (re-derives every projection from the ledger; read-only) */
  checkStock(): Promise<StockCheckReport>;
  /**
   * Renders a sample own label as a station would (font, layout, 1-bit, barcodes) and returns its
   * size and black dots — a support check that labels render on this PC. Present once the floor
   * screen has loaded (its code loads on first use).
   */
  renderSampleLabel?(spec: { size: '100x180' | '76x130'; dpi: 203 | 300; language: 'tspl' | 'zpl' }, waybillNo: string, opts?: { countDots?: boolean }): Promise<{ width: number; height: number; black?: number; bytes: number }>;
}

export function installDiagnostics(db: WharfDB): WharfDiagnostics {
  const diag: WharfDiagnostics = {
    db,
    queryPool: (f, limit = 50) => queryPool(db, f, limit),
    countPool: (f) => countPool(db, f),
    poolKeys: (f) => poolKeys(db, f),
    checkStock: () => checkStock(db),
    async counts() {
      const out: Record<string, number> = {};
      for (const t of db.tables) out[t.name] = await t.count();
      return out;
    },
  };
  (globalThis as { wharfDiagnostics?: WharfDiagnostics }).wharfDiagnostics = diag;
  return diag;
}
