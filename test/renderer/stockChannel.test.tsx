// @vitest-environment happy-dom
// 渠道库存: the learnt listings with the figure the next push gives them (sellable less the shop's
// buffer, kits by their scarcest component, in the listing's units) and why; the platform's
// refusal; "push all now" queues every figure and the outbox hands them to the host; a reviewer
// sees the list but cannot push; pushing off says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, waitFor } from './support';
import type { WharfDB } from '../../renderer/store/db';
import { StockPage } from '../../renderer/features/stock';
import { startTransport } from '../../renderer/transport/client';
import { SETTINGS_KEY, bumpConfig, readSettings } from '../../renderer/store/decide/config';
import { STOCK_PUSH_KIND, type StockPushPayload } from '../../renderer/store/stock/pushSchedule';
import type { ListingRow } from '../../renderer/store/stock/listings';
import type { DecisionSettings } from '../../shared/decide/settings';
import { $, $$, click, renderApp, signIn, sku, tid, unmountAll } from './skusSupport';
import { SHOP, seedLedger, stockWorld } from './stockSupport';

const calls: Array<{ shopId: string; items: unknown[] }> = [];
startTransport({
  kind: 'ipc', state: 'open',
  invoke: async (name, payload) => {
    if (name !== 'platform.call') return {};
    const p = payload as { shopId: string; call: { items: unknown[] } };
    calls.push({ shopId: p.shopId, items: p.call.items });
    return { at: Date.now(), replayed: false, failed: [] };
  },
  on: () => () => undefined,
  onFrame: () => () => undefined,
  onState: () => () => undefined,
});

const listing = (over: Partial<ListingRow> & Pick<ListingRow, 'itemId' | 'sku'>): ListingRow => ({
  key: `${SHOP.id}|${over.itemId}|${over.skuId ?? ''}`, shopId: SHOP.id, platform: 'taobao', title: `商品 ${over.itemId}`, skuText: '默认', units: 1, seenAt: 1, ...over,
});

// ids past 2^53: shown digit for digit
const PLATE = listing({ itemId: '3705115058471208928', skuId: '1847201938475610291', sku: 'TY-001', title: '橡木餐盘', pushed: 5, pushedAt: Date.UTC(2026, 11, 1, 2, 0) });
const PAIR = listing({ itemId: '612345678902', skuId: '5000000000002', sku: 'TY-001', title: '橡木餐盘 两只装', units: 2 });
const SET = listing({ itemId: '612345678903', sku: 'SET-1', title: '早餐套装', pushError: 'isv.item-not-exist 商品已删除' });

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  calls.length = 0;
  await stockWorld(db);
  await db.skus.put(sku({ code: 'SET-1', name: '早餐套装', components: [{ code: 'TY-001', qty: 1 }, { code: 'MILK-1', qty: 2 }] }));
  await seedLedger(db, [
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 20 },
    { kind: 'receive', sku: 'TY-001', warehouse: 'guangzhou', qty: 7 },
    { kind: 'reserve', sku: 'TY-001', warehouse: 'yiwu', qty: 3, lock: 'o-1' },
    { kind: 'receive', sku: 'MILK-1', warehouse: 'yiwu', batch: 'M1', qty: 9, expiresAt: Date.now() + 200 * 86_400_000 },
  ]);
  await db.listings.bulkPut([PLATE, PAIR, SET]);
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

async function setStock(change: (s: DecisionSettings['stock']) => DecisionSettings['stock']) {
  const cur = await readSettings(db);
  await db.settings.put({ key: SETTINGS_KEY, value: { ...cur, stock: change(cur.stock) } });
  await bumpConfig(db);
}

const row = (l: ListingRow) => $(`${tid('stock-channel-row')}[data-key="${l.key}"]`);
const text = (l: ListingRow, id: string) => $(tid(id), row(l)!)?.textContent ?? null;

async function openTab(): Promise<void> {
  await renderApp(<StockPage db={db} />);
  await click(await waitFor(() => $(tid('stock-tab-channel')), 'the channel stock tab'));
  await waitFor(() => $$(tid('stock-channel-row')).length === 3, 'three listings');
}

describe('channel stock', () => {
  it('shows each listing the figure the next push gives it, and why; kits by their scarcest part; a refusal in the platform\'s words', async () => {
    await openTab();
    // 17 sellable at yiwu + 7 at guangzhou
    expect(text(PLATE, 'stock-channel-figure')).toBe('24');
    expect(text(PLATE, 'stock-channel-ids')).toBe('3705115058471208928 / 1847201938475610291');
    expect(text(PLATE, 'stock-channel-pushed')).toContain('5');
    // two per platform unit
    expect(text(PAIR, 'stock-channel-figure')).toBe('12');
    expect(text(PAIR, 'stock-channel-sku')).toBe('TY-001 ×2');
    expect(text(PAIR, 'stock-channel-reasons')).toContain('24 ÷ 2 = 12');
    // 9 yoghurts make 4 sets (2 each); plates would allow 24
    expect(text(SET, 'stock-channel-figure')).toBe('4');
    expect(text(SET, 'stock-channel-reasons')).toContain('受 MILK-1 限制');
    expect(text(SET, 'stock-channel-error')).toBe('isv.item-not-exist 商品已删除');
    expect(text(PLATE, 'stock-channel-error')).toBeNull();
  });

  it('a shop\'s buffer lowers the figure; "push all now" queues every listing and the outbox sends them to the host', async () => {
    await setStock((s) => ({ ...s, push: { ...s.push, shops: { [SHOP.id]: { off: false, bufferUnits: 1, bufferPercent: 10 } } } }));
    await openTab();
    // 24 less 10 % (3, rounded up) less 1
    expect(text(PLATE, 'stock-channel-figure')).toBe('20');
    await click($(tid('stock-channel-push-all')));
    await waitFor(() => $(tid('stock-channel-result'))?.textContent?.includes('3'), 'the queued count');
    await waitFor(() => calls.length === 1, 'the platform call through the host');
    expect(calls[0]!.shopId).toBe(SHOP.id);
    expect(calls[0]!.items).toEqual(expect.arrayContaining([
      { itemId: PLATE.itemId, skuId: PLATE.skuId, quantity: 20 },
      { itemId: PAIR.itemId, skuId: PAIR.skuId, quantity: Math.floor((24 - 3 - 1) / 2) },
      { itemId: SET.itemId, quantity: 2 },
    ]));
    const rows = (await db.outbox.toArray()).filter((o) => o.kind === STOCK_PUSH_KIND);
    expect(rows.map((r) => [r.state, (r.payload as StockPushPayload).listings.length])).toEqual([['done', 3]]);
    // the platform confirmed: the refusal is gone, the confirmed figure shows
    await waitFor(() => text(SET, 'stock-channel-error') === null && text(PLATE, 'stock-channel-pushed')?.includes('20'), 'the confirmed figures');
  });

  it('a reviewer sees the figures but cannot push; with pushing off the tab says so', async () => {
    signIn('reviewer');
    await setStock((s) => ({ ...s, push: { ...s.push, enabled: false } }));
    await openTab();
    expect($(tid('stock-channel-push-all'))).toBeNull();
    expect($(tid('stock-channel-off'))?.textContent).toContain('库存推送已关闭');
    expect(text(PLATE, 'stock-channel-figure')).toBe('24');
  });
});
