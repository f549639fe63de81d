// The decision desk through the real store (Dexie over fake-indexeddb): orders are decided as
// they are ingested, in the same transaction; a reviewer's approval, a confirmed mapping, new
// stock and a rule change decide them again; stock given to passed orders is counted and given
// back when they ship or close; and a store rebuilt from the journal decides the same way.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WharfDB } from '../../renderer/store/db';
import { seedStock } from './stockSeed';
import { decideFixtures } from './decideFixtures';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { acceptMerge, approveOrders, cancelOrders, confirmMapping, createManualOrder, editAddress, holdOrders, saveRules, setStock } from '../../renderer/store/decisionMutators';
import { replayEvents } from '../../renderer/store/journal';
import { readSettings } from '../../renderer/store/decide/config';
import { backfillDecisions } from '../../renderer/store/decide/backfill';
import type { WharfEvent } from '../../shared/events/envelope';
import type { NormalizedOrder } from '../../shared/domain/types';
import { mergeGroups } from '../../renderer/features/review/mergeGroups';

const { freshDb, setUp, order, ingest, row, stockOf, openRuleHolds, lead, T0, time } = decideFixtures('decisions');

describe('decisions in the store', () => {
  it('decides on arrival in the ingest transaction: maps, allocates the nearest warehouse and counts its stock', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    await ingest(db, [a]);
    const r = await row(db, a);
    expect(r.decision?.outcome).toBe('pass');
    expect(r.fulfilment).toBe('allocated');
    expect(r.decision?.lines[0]).toMatchObject({ sku: 'TY-001', method: 'outer_id', reason: 'outer id TY-001' });
    expect(r.decision?.allocation?.parts.map((p) => p.warehouse)).toEqual(['yiwu']);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 1 });
    // a re-delivery of the same view decides nothing again and takes no more stock
    await ingest(db, [a]);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 1 });
    expect((await row(db, a)).decision?.at).toBe(r.decision?.at);
  });

  it('sellable never goes below zero: the fourth plate waits as insufficient stock (r10) until stock arrives', async () => {
    const db = freshDb();
    await setUp(db);
    const orders = [order(), order(), order(), order()];
    await ingest(db, orders);
    const rows = await Promise.all(orders.map((o) => row(db, o)));
    expect(rows.map((r) => r.fulfilment)).toEqual(['allocated', 'allocated', 'allocated', 'on_hold']);
    // two from yiwu (nearest), then the third from guangzhou, then none left
    expect(rows.slice(0, 3).map((r) => r.decision?.allocation?.parts[0]?.warehouse)).toEqual(['yiwu', 'yiwu', 'guangzhou']);
    expect(openRuleHolds(rows[3]!)).toEqual(['r10']);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 2 });
    expect(await stockOf(db, 'TY-001', 'guangzhou')).toEqual({ onHand: 1, reserved: 1 });

    time.now += 60_000;
    await setStock(db, lead, [{ sku: 'TY-001', warehouse: 'yiwu', qty: 5 }], '到货');
    const after = await row(db, orders[3]!);
    expect(after.fulfilment).toBe('allocated');
    expect(after.decision?.trigger).toBe('stock');
    expect(after.decision?.allocation?.parts[0]?.warehouse).toBe('yiwu');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 5, reserved: 3 });
  });

  it('a shipped order takes its stock off hand; a closed one gives it back', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    const b = order();
    await ingest(db, [a, b]);
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 2 });
    await ingest(db, [{ ...a, channelStatus: 'shipped', platformStatus: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: a.modifiedAt + 60_000 }], '-shipped');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 1, reserved: 1 });
    await ingest(db, [{ ...b, channelStatus: 'closed', platformStatus: 'TRADE_CLOSED', modifiedAt: b.modifiedAt + 60_000 }], '-closed');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 1, reserved: 0 });
    expect((await row(db, b)).fulfilment).toBe('cancelled');
  });

  it('a held order is approved by a reviewer: the hold is cleared (false hold counted) and the order allocated', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order({ buyerMessage: '请周末送货' });
    await ingest(db, [a]);
    const held = await row(db, a);
    expect(openRuleHolds(held)).toEqual(['r4']);
    expect(held.fulfilment).toBe('on_hold');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 0 });
    await approveOrders(db, lead, [held.key], '已看留言');
    const ok = await row(db, a);
    expect(ok.fulfilment).toBe('allocated');
    expect(ok.holds.find((h) => h.code === 'r4')).toMatchObject({ clearedBy: 'u-lead' });
    expect(ok.decision?.trigger).toBe('approve');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 1 });
    expect(await db.ruleStats.get('r4')).toMatchObject({ hits: 1, held: 1, approved: 1 });
    expect((await db.events.toArray()).filter((e) => e.type === 'review.approved')).toHaveLength(1);
  });

  it('hold and cancel by hand: a reason is required, stock goes back, a later platform view does not reopen it', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    await ingest(db, [a]);
    const key = (await row(db, a)).key;
    await expect(holdOrders(db, lead, [key], '  ')).rejects.toThrow(/reason/);
    await holdOrders(db, lead, [key], '客户来电要求改期');
    expect((await row(db, a)).fulfilment).toBe('on_hold');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 0 });
    await cancelOrders(db, lead, [key], '客户取消');
    expect((await row(db, a)).fulfilment).toBe('cancelled');
    await ingest(db, [{ ...a, modifiedAt: a.modifiedAt + 5000, sellerMemo: '新备注' }], '-later');
    expect((await row(db, a)).fulfilment).toBe('cancelled');
  });

  it('one confirmed mapping maps every waiting order with that item and is remembered for the next one', async () => {
    const db = freshDb();
    await setUp(db);
    const line = { title: '北欧风 家用 木质西餐盘 大号', skuText: '', qty: 1, priceFen: 3900, paymentFen: 3900, platformSkuId: '5009998887771' };
    const waiting = [order({ lines: [{ ...line, lineId: 'x1' }] }), order({ lines: [{ ...line, lineId: 'x2' }] })];
    await ingest(db, waiting);
    const before = await Promise.all(waiting.map((o) => row(db, o)));
    expect(before.map(openRuleHolds)).toEqual([['r9'], ['r9']]);
    const itemKey = before[0]!.um![0]!;
    expect(itemKey).toBe('platform_sku|taobao:5009998887771');
    expect(await db.orders.where('um').equals(itemKey).count()).toBe(2);

    await confirmMapping(db, lead, { itemKey, sku: 'TY-001', textKey: before[0]!.decision!.lines[0]!.itemKey });
    const after = await Promise.all(waiting.map((o) => row(db, o)));
    expect(after.map((r) => r.decision?.lines[0]?.sku)).toEqual(['TY-001', 'TY-001']);
    expect(after.map((r) => r.um)).toEqual([[], []]);
    expect(after.map((r) => r.fulfilment)).toEqual(['allocated', 'allocated']);
    // the next order of that listing maps at arrival, by the remembered platform SKU id
    const next = order({ lines: [{ ...line, lineId: 'x3' }] });
    await ingest(db, [next]);
    expect((await row(db, next)).decision?.lines[0]).toMatchObject({ sku: 'TY-001', method: 'platform_sku' });
  });

  it('a corrected address decides the order again; a fixed address rule is counted', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order({ receiver: { ...order().receiver, province: '浙江省', city: '广州市', district: '天河区' } });
    await ingest(db, [a]);
    expect(openRuleHolds(await row(db, a))).toEqual(['r3']);
    await editAddress(db, lead, (await row(db, a)).key, { province: '广东省', city: '广州市', district: '天河区', detail: '石牌街道华师路18号' });
    const r = await row(db, a);
    expect(openRuleHolds(r)).toEqual([]);
    expect(r.fulfilment).toBe('allocated');
    expect(r.decision?.allocation?.parts[0]?.warehouse).toBe('guangzhou');
    expect(await db.ruleStats.get('r3')).toMatchObject({ fixed: 1 });
  });

  it('a rule change saved with "decide again" moves open orders; without it nothing moves', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order({ buyerMessage: '谢谢' });
    await ingest(db, [a]);
    expect((await row(db, a)).fulfilment).toBe('on_hold');
    const s = await readSettings(db);
    await saveRules(db, lead, { ...s, rules: { ...s.rules, r4: { ...s.rules.r4, action: 'flag' } } }, { redecide: false });
    expect((await row(db, a)).fulfilment).toBe('on_hold');
    await saveRules(db, lead, { ...s, rules: { ...s.rules, r4: { ...s.rules.r4, action: 'flag' } } }, { redecide: true });
    const r = await row(db, a);
    expect(r.fulfilment).toBe('allocated');
    expect(r.decision?.hits.map((h) => `${h.rule}:${h.action}`)).toEqual(['r4:flag']);
    expect(r.decision?.trigger).toBe('rules');
  });

  it('a cross-shop duplicate is held with duplicate_of; the earlier order ships', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    const b = { ...order(), shopId: 'shop-b', receiver: a.receiver, paidAt: a.paidAt! + 3600_000 };
    await ingest(db, [a, b]);
    const rb = await row(db, b);
    expect(openRuleHolds(rb)).toEqual(['r8']);
    expect(rb.duplicateOf).toBe((await row(db, a)).key);
    expect((await row(db, a)).fulfilment).toBe('allocated');
  });

  it('the later order of a pair arriving first is held once the earlier one arrives', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    const b = { ...order(), shopId: 'shop-b', receiver: a.receiver, paidAt: a.paidAt! + 3600_000 };
    await ingest(db, [b]);
    expect((await row(db, b)).fulfilment).toBe('allocated');
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 1 });
    await ingest(db, [a]);
    const rb = await row(db, b);
    expect(rb.decision?.trigger).toBe('duplicate');
    expect(openRuleHolds(rb)).toEqual(['r8']);
    expect(rb.duplicateOf).toBe((await row(db, a)).key);
    // b gave its plate back, a took one
    expect(await stockOf(db, 'TY-001', 'yiwu')).toEqual({ onHand: 2, reserved: 1 });
  });

  it('a manual order runs the same pipeline and names its creator', async () => {
    const db = freshDb();
    await setUp(db);
    const m = { ...order(), platform: 'own' as const, shopId: 'own', orderId: 'M20261120-0001' };
    const key = await createManualOrder(db, lead, m);
    const r = (await db.orders.get(key))!;
    expect(r.decision?.outcome).toBe('pass');
    const ev = (await db.events.where('orderKey').equals(key).toArray())[0]!;
    expect(ev).toMatchObject({ type: 'order.pulled', actor: 'u-lead' });
  });

  it('a store rebuilt from the journal holds the same decisions, stock and holds', async () => {
    const db = freshDb();
    await setUp(db);
    const orders = [order({ buyerMessage: '快点发' }), order(), order(), order()];
    await ingest(db, orders);
    await approveOrders(db, lead, [(await row(db, orders[0]!)).key]);
    await setStock(db, lead, [{ sku: 'TY-001', warehouse: 'guangzhou', qty: 4 }], '盘点');
    const journal = (await db.events.orderBy('seq').toArray()).map(({ seq: _s, ...e }) => e as WharfEvent);
    const copy = freshDb();
    await replayEvents(copy, journal, () => time.now);
    const view = async (d: WharfDB) => (await d.orders.toArray()).map((r) => ({ key: r.key, f: r.fulfilment, holds: openRuleHolds(r), wh: r.decision?.allocation?.parts.map((p) => p.warehouse) })).sort((x, y) => (x.key < y.key ? -1 : 1));
    expect(await view(copy)).toEqual(await view(db));
    expect(await copy.stock.toArray()).toEqual(await db.stock.toArray());
    // the ledger itself replays to the same movements, ids and all, and neither store drifts
    const ledger = async (d: WharfDB) => (await d.movements.toArray()).map(({ seq: _s, ...m }) => m);
    expect(await ledger(copy)).toEqual(await ledger(db));
    expect(await copy.locks.toArray()).toEqual(await db.locks.toArray());
    expect((await checkStock(db)).drifts).toEqual([]);
    expect((await checkStock(copy)).drifts).toEqual([]);
  });

  it('orders stored before decisions existed are decided once, at the first start after the upgrade', async () => {
    const db = freshDb();
    await setUp(db);
    const a = order();
    await ingest(db, [a]);
    // as a v1 store left it: no decision, fulfilment new, no receiver keys
    const r = await row(db, a);
    const { decision: _d, rk: _rk, um: _um, ...v1 } = r;
    await db.orders.put({ ...v1, fulfilment: 'new', holds: [] });
    // and no stock ledger: the on-hand figure alone
    await Promise.all([db.locks.clear(), db.movements.clear(), db.stockRows.clear(), db.stock.clear()]);
    await seedStock(db, [{ sku: 'TY-001', warehouse: 'yiwu', onHand: 2 }]);
    expect(await backfillDecisions(db, () => time.now)).toBe(1);
    expect((await row(db, a)).fulfilment).toBe('allocated');
    expect(await backfillDecisions(db, () => time.now)).toBe(0);
  });
  it('one receiver\'s orders of one shop merge into a parcel, and a third order that comes later joins it', async () => {
    const db = freshDb();
    await setUp(db);
    const receiver = { nameMasked: '周**', phoneMasked: '139****2468', phoneTail: '2468', province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: '文三路***号', cipher: {}, mergeKey: '' };
    const board = (o: NormalizedOrder) => ({ ...o, lines: o.lines.map((l) => ({ ...l, title: '竹制砧板', skuText: '', outerSkuId: 'TY-004', priceFen: 5900, paymentFen: 5900 })) });
    const [a, b, c] = [board(order({ receiver })), board(order({ receiver })), board(order({ receiver }))];
    const groupsOf = async () => { const rows = await db.orders.toArray(); return mergeGroups(rows, new Map(rows.map((r) => [r.key, r]))); };
    await ingest(db, [a!, b!]);
    const first = await groupsOf();
    expect(first.map((g) => g.rows.map((r) => r.orderId))).toEqual([[a!.orderId, b!.orderId]]);
    const ev = await acceptMerge(db, lead, first[0]!.rows.map((r) => r.key), 'yiwu');
    const parcelId = (ev.payload as { parcelId: string }).parcelId;
    expect((await db.parcels.get(parcelId))?.orderKeys).toHaveLength(2);

    await ingest(db, [c!]);
    const later = await groupsOf();
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ parcelId, adding: [(await row(db, c!)).key] });
    await acceptMerge(db, lead, later[0]!.rows.map((r) => r.key), 'guangzhou', parcelId);
    const parcel = (await db.parcels.get(parcelId))!;
    // the parcel keeps its warehouse and now carries all three orders' lines, each once
    expect(parcel.warehouse).toBe('yiwu');
    expect(parcel.orderKeys.sort()).toEqual([a!, b!, c!].map((o) => `taobao:${o.shopId}:${o.orderId}`).sort());
    expect(parcel.lines).toHaveLength(3);
    expect((await row(db, c!)).mergedInto).toBe(parcelId);
    expect((await groupsOf()).map((g) => g.adding)).toEqual([undefined]);

    // a parcel on its way takes no more orders
    await db.parcels.put({ ...parcel, state: 'labelled' });
    await expect(acceptMerge(db, lead, parcel.orderKeys, 'yiwu', parcelId)).rejects.toThrow(/already labelled/);
  });
});
