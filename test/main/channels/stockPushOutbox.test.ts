// Stock push end to end below the UI: orders pulled from a real simulator are decided in the
// store (their lines name the listings), the ledger moves, a push pass queues each listing's
// sellable figure in the outbox, the pump sends it through the host's platform.call and the
// platform's own stock API on the simulator — which must then hold exactly those figures.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../shared/clock';
import { startSimulator, type RunningSimulator } from '../../../main/services/platforms/simulators';
import { DEFAULT_CATALOG } from '../../../main/services/platforms/simkit/catalog';
import type { SimStockView } from '../../../main/services/platforms/simkit/stock';
import type { Host } from '../../../main/services/host';
import type { UserPublic } from '../../../shared/domain/types';
import { ADMIN, TEST_COMPANY, attachRenderer, makeHost, tempDir } from '../../support/hostHarness';
import { pullUntilClean } from './channelHarness';
import { mirrorCompany, mirrorShops } from '../../../renderer/store/hostSync';
import { pumpOutbox } from '../../../renderer/store/outbox';
import { PUSH_CURSOR_KEY, STOCK_PUSH_KIND, schedulePush, type StockPushPayload } from '../../../renderer/store/stock/pushSchedule';
import { startStockPushTimer } from '../../../renderer/store/stock/pushTimer';
import { moveStock } from '../../../renderer/store/stockMutators';
import { saveRules } from '../../../renderer/store/decisionMutators';
import { readSettings } from '../../../renderer/store/decide/config';
import { sellableOfRow } from '../../../shared/stock';
import type { WharfDB } from '../../../renderer/store/db';

const admin = { id: ADMIN.userId, name: '周敏', role: 'admin' } as UserPublic;
const actor = { userId: ADMIN.userId, device: ADMIN.device };
const ON_HAND = 40;

const COMPANY = {
  ...TEST_COMPANY,
  skus: DEFAULT_CATALOG.map((c) => ({ code: c.outerSkuId!, name: c.title, spec: c.skuText })),
  onHand: DEFAULT_CATALOG.map((c) => ({ sku: c.outerSkuId!, warehouse: 'yiwu', qty: ON_HAND })),
};

let open: Array<() => Promise<unknown>> = [];
afterEach(async () => { for (const f of open.reverse()) await f().catch(() => undefined); open = []; });

async function setup() {
  // the simulators' clock is an offset over a manual one: advancing the manual one fires timers
  const manual = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
  const clock = new OffsetClock(manual);
  const sim: RunningSimulator = await startSimulator('taobao', { seed: 11, orders: 40, backlogSpanMs: 20 * 3600_000, arrivalsPerMin: 0, clock });
  open.push(() => sim.close());
  const host: Host = makeHost(tempDir(), { clock });
  open.push(() => host.stop());
  await host.handlers['company.load']({ actor: ADMIN, setup: COMPANY });
  const c = sim.shopCredentials();
  const shop = await host.handlers['shops.save']({ actor: ADMIN, shop: {
    platform: 'taobao', name: '淘宝测试店', gatewayUrl: c.gatewayUrl, appKey: c.appKey, ...(c.secret ? { secret: c.secret } : {}),
    session: c.session, signMethod: c.signMethod, pullIntervalMin: 15,
  } });
  const r = attachRenderer(host);
  open.push(() => r.dispose());
  // the SKU master and the shop first: orders are decided (and name their listings) as they land
  await mirrorCompany(r.db, host.handlers);
  await mirrorShops(r.db, await host.handlers['shops.list']({}));
  await pullUntilClean(host, shop.id);
  await r.settle();
  const ctx = { user: admin, device: ADMIN.device, now: () => clock.now() };
  return { clock, manual, sim, host, db: r.db, shopId: shop.id, ctx };
}

async function simStock(sim: RunningSimulator): Promise<SimStockView[]> {
  const res = await fetch(`${sim.url}/__sim/stock`);
  return ((await res.json()) as { stock: SimStockView[] }).stock;
}

/** What Wharf says each listing may sell: the SKU's sellable in the shop's warehouses. */
async function sellable(db: WharfDB, sku: string): Promise<number> {
  const rows = await db.stock.where('sku').equals(sku).toArray();
  return rows.reduce((n, r) => n + Math.max(0, sellableOfRow(r)), 0);
}

async function skusCalls(sim: RunningSimulator): Promise<{ api: string; params: Record<string, string> }[]> {
  const { calls } = await (await fetch(`${sim.url}/__sim/calls`)).json() as { calls: { api: string; params: Record<string, string> }[] };
  return calls.filter((c) => c.api === 'taobao.skus.quantity.update');
}

const byListing = (views: SimStockView[]) => new Map(views.map((v) => [`${v.itemId}|${v.skuId ?? ''}`, v]));

describe('stock push through the outbox', () => {
  it('sends every learnt listing its sellable figure, then only what moved', async () => {
    const { sim, host, db, shopId, ctx, clock } = await setup();
    const listings = await db.listings.toArray();
    expect(listings.length).toBeGreaterThan(5);
    expect(listings.every((l) => l.shopId === shopId && /^\d+$/.test(l.itemId) && typeof l.itemId === 'string')).toBe(true);
    // decided orders hold locks: some figures are below what is on the shelf
    const reserved = (await db.stock.toArray()).reduce((n, r) => n + r.reserved, 0);
    expect(reserved).toBeGreaterThan(0);

    const first = await schedulePush(db, actor, clock.now());
    expect(first).toEqual({ rows: 1, listings: listings.length });
    expect(await pumpOutbox(db, host.handlers, ctx.now)).toBe(1);
    const views = byListing(await simStock(sim));
    for (const l of await db.listings.toArray()) {
      const want = await sellable(db, l.sku);
      expect(views.get(`${l.itemId}|${l.skuId ?? ''}`)?.quantity, `${l.sku} on the platform`).toBe(want);
      expect([l.pushed, l.queued, l.pushError]).toEqual([want, undefined, undefined]);
    }
    // catalog listings no order named are not Wharf's to set: they keep the platform's figure
    const named = new Set(listings.map((l) => `${l.itemId}|${l.skuId ?? ''}`));
    const untouched = [...byListing(await simStock(sim)).entries()].filter(([k]) => !named.has(k));
    expect(untouched.every(([, v]) => v.quantity === 100)).toBe(true);

    // nothing moved: nothing to send
    expect(await schedulePush(db, actor, clock.now())).toEqual({ rows: 0, listings: 0 });

    // a receipt of one SKU: only its listings get a new figure
    const target = listings[0]!;
    await moveStock(db, ctx, [{ kind: 'receive', sku: target.sku, warehouse: 'yiwu', qty: 25, batch: '', location: '' }]);
    const second = await schedulePush(db, actor, clock.now());
    const sameSku = listings.filter((l) => l.sku === target.sku);
    expect(second).toEqual({ rows: 1, listings: sameSku.length });
    const row = (await db.outbox.where('state').equals('pending').toArray()).find((o) => o.kind === STOCK_PUSH_KIND)!;
    const want = await sellable(db, target.sku);
    expect(want).toBeGreaterThan(ON_HAND);
    expect((row.payload as StockPushPayload).call.items.map((i) => i.quantity)).toEqual(sameSku.map(() => want));
    expect(await pumpOutbox(db, host.handlers, ctx.now)).toBe(1);
    expect(byListing(await simStock(sim)).get(`${target.itemId}|${target.skuId ?? ''}`)?.quantity).toBe(await sellable(db, target.sku));
    // one call per item for the first pass, then one for the received SKU's item only
    const calls = await skusCalls(sim);
    expect(calls.slice(0, -1).map((c) => c.params.num_iid).sort()).toEqual([...new Set(listings.map((l) => l.itemId))].sort());
    expect(calls.at(-1)!.params.num_iid).toBe(target.itemId);
  });

  it('keeps a buffer per shop, and sends nothing while pushing is off (the cursor waits)', async () => {
    const { sim, host, db, shopId, ctx, clock } = await setup();
    const off = await readSettings(db);
    await saveRules(db, ctx, { ...off, stock: { ...off.stock, push: { ...off.stock.push, enabled: false } } }, { redecide: false });
    await moveStock(db, ctx, [{ kind: 'receive', sku: (await db.listings.toArray())[0]!.sku, warehouse: 'yiwu', qty: 5, batch: '', location: '' }]);
    expect(await schedulePush(db, actor, clock.now())).toEqual({ rows: 0, listings: 0 });
    expect(await db.cursors.get(PUSH_CURSOR_KEY)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);

    const s = await readSettings(db);
    await saveRules(db, ctx, { ...s, stock: { ...s.stock, push: { ...s.stock.push, enabled: true, shops: { [shopId]: { off: false, bufferUnits: 2, bufferPercent: 10 } } } } }, { redecide: false });
    const n = await db.listings.count();
    expect(await schedulePush(db, actor, clock.now(), { all: true })).toEqual({ rows: 1, listings: n });
    await pumpOutbox(db, host.handlers, ctx.now);
    const views = byListing(await simStock(sim));
    for (const l of await db.listings.toArray()) {
      const s0 = await sellable(db, l.sku);
      // 10 % off first, rounded down, then 2 units, never below zero
      const want = Math.max(0, Math.floor(s0 * 0.9) - 2);
      expect(views.get(`${l.itemId}|${l.skuId ?? ''}`)?.quantity, l.sku).toBe(want);
    }
  });

  it('waits while the host is away and lands later; a deleted listing is marked and the rest go through', async () => {
    const { sim, host, db, ctx, clock } = await setup();
    const listings = await db.listings.toArray();
    const gone = listings[1]!;
    await fetch(`${sim.url}/__sim/stock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stock: [{ itemId: gone.itemId, skuId: gone.skuId ?? null, deleted: true }] }) });
    await schedulePush(db, actor, clock.now());
    // the host is down: the row stays pending with a backoff, nothing is marked as refused
    const down = { 'platform.call': async () => { throw Object.assign(new Error('host unreachable'), { code: 'unavailable' }); } };
    expect(await pumpOutbox(db, down as never, ctx.now)).toBe(0);
    const waiting = (await db.outbox.toArray()).filter((o) => o.kind === STOCK_PUSH_KIND);
    expect(waiting.map((o) => [o.state, (o.payload as StockPushPayload).attempts])).toEqual([['pending', 1]]);
    expect((await db.listings.toArray()).every((l) => l.pushError === undefined && l.queued !== undefined)).toBe(true);
    // a receipt meanwhile does not merge into a row already tried: it gets its own
    await moveStock(db, ctx, [{ kind: 'receive', sku: listings[0]!.sku, warehouse: 'yiwu', qty: 3, batch: '', location: '' }]);
    await schedulePush(db, actor, clock.now());
    expect((await db.outbox.toArray()).filter((o) => o.kind === STOCK_PUSH_KIND && o.state === 'pending')).toHaveLength(2);

    clock.advance(120_000);
    expect(await pumpOutbox(db, host.handlers, ctx.now)).toBe(2);
    const after = new Map((await db.listings.toArray()).map((l) => [l.key, l]));
    expect(after.get(gone.key)!.pushError).toMatch(/\S/);
    expect(after.get(gone.key)!.pushed).toBeUndefined();
    const views = byListing(await simStock(sim));
    for (const l of listings.filter((x) => x.key !== gone.key)) {
      expect(after.get(l.key)!.pushed).toBe(await sellable(db, l.sku));
      expect(views.get(`${l.itemId}|${l.skuId ?? ''}`)?.quantity).toBe(await sellable(db, l.sku));
    }
  });

  it('runs on the injected clock: changes between two beats go out together', async () => {
    const { sim, host, db, ctx, manual } = await setup();
    let queued = 0;
    let signedIn = false;
    const timer = startStockPushTimer(db, manual, { actor: () => (signedIn ? actor : undefined), queued: () => { queued++; } });
    open.push(async () => timer.stop());
    await timer.poke();
    // nobody signed in: the pass waits and the cursor stays
    expect([queued, await db.outbox.count()]).toEqual([0, 0]);
    signedIn = true;
    await timer.poke();
    expect(queued).toBe(1);
    await pumpOutbox(db, host.handlers, ctx.now);
    const [a, b] = await db.listings.toArray();
    await moveStock(db, ctx, [{ kind: 'receive', sku: a!.sku, warehouse: 'yiwu', qty: 4, batch: '', location: '' }]);
    await moveStock(db, ctx, [{ kind: 'receive', sku: b!.sku, warehouse: 'yiwu', qty: 6, batch: '', location: '' }]);
    // not yet: the beat is batchSeconds (60 s) away
    manual.advance(30_000);
    await new Promise((res) => setTimeout(res, 20));
    expect(queued).toBe(1);
    manual.advance(31_000);
    for (let i = 0; i < 20 && queued < 2; i++) await new Promise((res) => setTimeout(res, 10));
    expect(queued).toBe(2);
    const rows = (await db.outbox.where('state').equals('pending').toArray()).filter((o) => o.kind === STOCK_PUSH_KIND);
    expect(rows).toHaveLength(1);
    expect(new Set((rows[0]!.payload as StockPushPayload).listings)).toEqual(new Set((await db.listings.toArray()).filter((l) => l.sku === a!.sku || l.sku === b!.sku).map((l) => l.key)));
    await pumpOutbox(db, host.handlers, ctx.now);
    expect(byListing(await simStock(sim)).get(`${a!.itemId}|${a!.skuId ?? ''}`)?.quantity).toBe(await sellable(db, a!.sku));
  });
});
