// Set-up for the stock screen tests: two warehouses, a few SKUs, one shop, and stock made the
// only way stock exists — movements through the ledger — dated days back in China time, so a
// history (sales, stock-out days) can be laid down exactly.
import { act } from 'react';
import type { WharfDB } from '../../renderer/store/db';
import { $$, settle, waitFor } from './support';
import { StockTx, stockTables } from '../../renderer/store/stock/ledgerTx';
import { Movement, shanghaiDay } from '../../shared/stock';
import { SHANGHAI_OFFSET_MS } from '../../shared/time';
import { sku } from './skusSupport';

const DAY = 86_400_000;

export const SHOP = { id: 'tb-main', platform: 'taobao' as const, name: '家居旗舰店', gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5' as const, pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false };

export async function stockWorld(db: WharfDB): Promise<void> {
  await db.warehouses.bulkPut([
    { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '', carriers: [], active: true },
    { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', carriers: [], active: true },
  ]);
  await db.skus.bulkPut([
    sku({ code: 'TY-001', name: '橡木餐盘', barcodes: ['6920000000017'] }),
    sku({ code: 'MILK-1', name: '酸奶', barcodes: ['6920000000099'], batchTracked: true, shelfLifeDays: 21 }),
  ]);
  await db.shops.put(SHOP);
}

/** Noon (China time) `daysAgo` days before now's day: far from any day boundary. */
export const daysAgo = (n: number, now = Date.now()) => (shanghaiDay(now) - n) * DAY - SHANGHAI_OFFSET_MS + 12 * 3600_000;

export type SeedMove = Partial<Movement> & Pick<Movement, 'kind' | 'sku' | 'warehouse' | 'qty'>;

let seq = 0;
/** Records movements through the store's ledger transaction, in the order given. */
export async function seedLedger(db: WharfDB, moves: readonly SeedMove[], at = daysAgo(30)): Promise<void> {
  await db.transaction('rw', stockTables(db), async () => {
    const tx = new StockTx(db);
    await tx.load(moves.map((m) => m.sku), moves.flatMap((m) => (m.lock ? [m.lock] : [])), moves.flatMap((m) => (m.transfer ? [m.transfer] : [])));
    tx.record(moves.map((m) => Movement.parse({ id: `seed:${++seq}`, at, actor: 'test', source: 'seed', ...m })));
    await tx.save();
  });
}

/**
 * Like skusSupport's pick, but from the dropdown opened last: a sheet has one select per row, and
 * without CSS transitions an earlier row's dropdown never finishes closing.
 */
export async function pickLast(select: Element | null | undefined, option: string): Promise<void> {
  if (!select) throw new Error(`no select to pick ${option} from`);
  const input = select.querySelector<HTMLInputElement>('input');
  await act(async () => {
    (input ?? select).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    input?.focus();
  });
  const hit = await waitFor(() => {
    const open = $$('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').at(-1);
    return open && $$('.ant-select-item-option', open).find((o) => o.textContent?.includes(option));
  }, `option ${option}`);
  await act(async () => { hit.click(); });
  await settle(30);
}
