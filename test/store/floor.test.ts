// The floor in the real store (Dexie over fake-indexeddb): allocated orders form waves with pick
// lists in walking order and FEFO batches; picks move stock onto the cart; the pack station
// opens an order by its pick slot and closes it once every unit is verified; the label's waybill
// goes on the parcel; shipping moves the stock out and queues the platform's tracking upload in
// the same transaction; the handover names the missing parcel; the self-check finds no drift,
// and a journal replay into an empty store rebuilds the same floor.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitEvents } from '../../renderer/store/apply';
import { replayEvents } from '../../renderer/store/journal';
import { moveStock } from '../../renderer/store/stockMutators';
import { checkStock } from '../../renderer/store/stock/selfCheckStore';
import { confirmPick, proposeWaves, releaseWaves } from '../../renderer/store/floor/waves';
import { openPack, packParcel } from '../../renderer/store/floor/pack';
import { closeHandover, nextOwnWaybillNo, readFloorSettings, recordLabel, saveFloorSettings, setAside, shipParcel } from '../../renderer/store/floor/ship';
import { startPack, verifyScan } from '../../shared/floor';
import type { NormalizedOrder } from '../../shared/domain/types';
import type { OutboxPayload } from '../../renderer/store/outbox';
import { decideFixtures, SETUP } from './decideFixtures';

const { freshDb, setUp, order, ingest, row, lead, time } = decideFixtures('floor');
const DAY = 86_400_000;
const keyOf = (o: NormalizedOrder) => `taobao:${o.shopId}:${o.orderId}`;
const packer = { ...lead, user: { ...lead.user, id: 'u-pack', role: 'packer' as const } };

const BARCODES: Record<string, string> = { 'TY-001': '6901234500011', 'TY-004': '6901234500042' };

async function company(db: ReturnType<typeof freshDb>) {
  await setUp(db, {
    skus: SETUP.skus.map((s) => ({ ...s, barcodes: (BARCODES[s.code] ? [BARCODES[s.code]!] : []) as never[], ...(s.code === 'TY-004' ? { batchTracked: true, shelfLifeDays: 365 } : {}) })),
    onHand: [],
  });
  // goods on the shelves of 义乌: TY-001 on two locations, TY-004 in two batches (the earlier expiry first)
  await moveStock(db, lead, [
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 3, location: 'A-02-01' },
    { kind: 'receive', sku: 'TY-001', warehouse: 'yiwu', qty: 2, location: 'A-10-03' },
    { kind: 'receive', sku: 'TY-004', warehouse: 'yiwu', batch: 'B2', qty: 5, location: 'B-01-01', expiresAt: time.now + 300 * DAY },
    { kind: 'receive', sku: 'TY-004', warehouse: 'yiwu', batch: 'B1', qty: 2, location: 'A-09-01', expiresAt: time.now + 100 * DAY },
  ]);
}

const line = (o: string, sku: string, qty: number, n = 1) => ({ lineId: `${o}-${n}`, title: sku, skuText: '', qty, priceFen: 3900, paymentFen: 3900 * qty, outerSkuId: sku });

describe('the floor in the store', () => {
  it('wave → pick → pack by slot → label → ship (stock out, tracking queued) → handover with one parcel missing; no drift; replay rebuilds it', async () => {
    const db = freshDb();
    await company(db);
    const single1 = order();
    const single2 = order();
    const multi = order();
    multi.lines = [line(multi.orderId, 'TY-001', 1), line(multi.orderId, 'TY-004', 3, 2)];
    await ingest(db, [single1, single2, multi]);
    for (const o of [single1, single2, multi]) expect((await row(db, o)).fulfilment).toBe('allocated');

    const plan = await proposeWaves(db);
    expect(plan.skipped).toEqual([]);
    expect(plan.waves.map((w) => [w.warehouse, w.carrier, w.kind, w.orders.length])).toEqual([['yiwu', 'ZTO', 'multi', 1], ['yiwu', 'ZTO', 'single', 2]]);
    const multiWave = plan.waves[0]!;
    // walking order A-02 < A-09 < B-01; FEFO: B1 (2, expiring first) then B2 (1)
    expect(multiWave.stops.map((s) => `${s.location} ${s.sku}${s.batch ? `/${s.batch}` : ''} ×${s.qty}`)).toEqual(['A-02-01 TY-001 ×1', 'A-09-01 TY-004/B1 ×2', 'B-01-01 TY-004/B2 ×1']);

    const released = await releaseWaves(db, lead, plan.waves);
    expect(released.map((w) => w.no)).toEqual([expect.stringMatching(/^W\d{4}-001$/), expect.stringMatching(/^W\d{4}-002$/)]);
    expect((await row(db, multi)).floor).toMatchObject({ waveNo: released[0]!.no, slot: 1, carrier: 'ZTO' });
    // released twice: the orders are in a wave now, so nothing more
    await expect(releaseWaves(db, lead, plan.waves)).rejects.toThrow(/changed since the plan/);

    const w1 = released[0]!.waveId;
    for (let i = 0; i < multiWave.stops.length; i++) await confirmPick(db, packer, w1, i, multiWave.stops[i]!.qty, 'scan');
    await expect(confirmPick(db, packer, w1, 0, 1, 'scan')).rejects.toThrow(/already picked/);
    expect((await db.waves.get(w1))?.state).toBe('picked');
    expect((await row(db, multi)).fulfilment).toBe('picked');
    const b1 = await db.stockRows.get('TY-004|yiwu|B1');
    expect(b1).toMatchObject({ onHand: 2, picked: 2, locations: { 'A-09-01': 0 } });

    // pack: the slot label opens the order; a wrong unit blocks, then the right ones complete it
    const pack = await openPack(db, `${released[0]!.no}-1`);
    expect(pack.orderKeys).toEqual([keyOf(multi)]);
    expect(pack.lines.find((l) => l.sku === 'TY-004')).toMatchObject({ need: 3, batches: ['B1', 'B2'], requireBatch: true });
    const lookup = (c: string) => Object.entries(BARCODES).find(([, b]) => b === c)?.[0] ?? (c.startsWith('TY-') ? c : undefined);
    let s = startPack(pack.orderKeys[0]!, pack.lines);
    const scans: string[] = [];
    const scan = (code: string) => { const v = verifyScan(s, code, lookup); s = v.session; scans.push(v.verdict); return v; };
    scan(BARCODES['TY-001']!);
    for (let i = 0; i < 3; i++) { scan(BARCODES['TY-004']!); scan(i < 2 ? 'B1' : 'B2'); }
    expect(scans).toEqual(['ok', 'batch_needed', 'ok', 'batch_needed', 'ok', 'batch_needed', 'complete']);
    const parcelId = await packParcel(db, packer, pack, s, { startedAt: time.now, wrongScans: 0, carrier: 'ZTO' });
    expect((await db.parcels.get(parcelId))).toMatchObject({ state: 'open', units: 4, orderKeys: [keyOf(multi)] });
    expect((await row(db, multi)).fulfilment).toBe('packed');

    await recordLabel(db, packer, { parcelId, waybillNo: '73100000000001', carrier: 'ZTO', source: 'platform', jobId: 'job-1', printer: 'label-1' });
    expect((await row(db, multi)).terms).toContain('t:73100000000001');
    const { writeBacks } = await shipParcel(db, packer, parcelId);
    expect(writeBacks).toHaveLength(1);
    const out = (await db.outbox.get(writeBacks[0]!))!.payload as OutboxPayload;
    expect(out.call).toEqual({ op: 'ship', orderId: multi.orderId, carrierCode: 'ZTO', trackingNo: '73100000000001' });
    // shipped twice: nothing more leaves and nothing more is queued
    expect((await shipParcel(db, packer, parcelId)).writeBacks).toEqual([]);
    expect(await db.stockRows.get('TY-004|yiwu|B1')).toMatchObject({ onHand: 0, picked: 0, reserved: 0 });
    expect(await db.stockRows.get('TY-004|yiwu|B2')).toMatchObject({ onHand: 4, reserved: 0, locations: { 'B-01-01': 4 } });
    expect(await db.stock.get('TY-001|yiwu')).toMatchObject({ onHand: 4, reserved: 2 });
    expect((await row(db, multi)).fulfilment).toBe('shipped');

    // the single-item wave: one parcel labelled and shipped, the other never packed
    const w2 = released[1]!.waveId;
    const wave2 = (await db.waves.get(w2))!;
    for (let i = 0; i < wave2.stops.length; i++) await confirmPick(db, packer, w2, i, wave2.stops[i]!.qty, 'scan');
    const p1 = await openPack(db, single1.orderId);
    let s1 = startPack(p1.orderKeys[0]!, p1.lines);
    s1 = verifyScan(s1, BARCODES['TY-001']!, lookup).session;
    const parcel1 = await packParcel(db, packer, p1, s1, { startedAt: time.now, wrongScans: 1, carrier: 'ZTO' });
    await recordLabel(db, packer, { parcelId: parcel1, waybillNo: '73100000000002', carrier: 'ZTO', source: 'platform', jobId: 'job-2', printer: 'label-1' });
    await shipParcel(db, packer, parcel1);
    // a parcel labelled but the order refunded after: it must not leave
    const p2 = await openPack(db, single2.orderId);
    let s2 = startPack(p2.orderKeys[0]!, p2.lines);
    s2 = verifyScan(s2, BARCODES['TY-001']!, lookup).session;
    const parcel2 = await packParcel(db, packer, p2, s2, { startedAt: time.now, wrongScans: 0, carrier: 'ZTO' });
    await recordLabel(db, packer, { parcelId: parcel2, waybillNo: '73100000000003', carrier: 'ZTO', source: 'platform', jobId: 'job-3', printer: 'label-1' });
    await ingest(db, [{ ...single2, refunding: true, modifiedAt: single2.modifiedAt + 3600_000 }], '-refund');
    expect((await row(db, single2)).fulfilment).toBe('intercepted');
    await expect(shipParcel(db, packer, parcel2)).rejects.toThrow(/must not leave/);
    expect((await openPack(db, single2.orderId)).intercept).toBe('intercepted');

    // pickup: the multi parcel scanned, the single one forgotten, the intercepted one scanned by mistake
    const h = await closeHandover(db, packer, 'ZTO', 'yiwu', ['73100000000001', '73100000000003', 'NOPE123456']);
    expect(h.accepted.map((p) => p.waybillNo)).toEqual(['73100000000001']);
    expect(h.missed.map((p) => p.waybillNo)).toEqual(['73100000000002']);
    expect(h.extra.map((x) => `${x.code}:${x.verdict}`)).toEqual(['73100000000003:intercept', 'NOPE123456:unknown']);
    expect((await row(db, multi)).fulfilment).toBe('handed_over');
    expect((await row(db, single1)).fulfilment).toBe('shipped');
    expect((await db.parcels.get(parcelId))?.handoverId).toBe(h.handoverId);

    expect((await checkStock(db)).drifts).toEqual([]);

    // the journal replayed into an empty store rebuilds the floor and the stock exactly
    const events = await db.events.orderBy('seq').toArray();
    const copy = freshDb();
    await replayEvents(copy, events.map(({ seq: _seq, ...e }) => e), () => time.now);
    const strip = (x: object[]) => JSON.stringify(x);
    expect(strip(await copy.parcels.toArray())).toEqual(strip(await db.parcels.toArray()));
    expect(strip(await copy.waves.toArray())).toEqual(strip(await db.waves.toArray()));
    expect(strip(await copy.stockRows.toArray())).toEqual(strip(await db.stockRows.toArray()));
    expect((await copy.orders.get(keyOf(multi)))?.fulfilment).toBe('handed_over');
    expect((await checkStock(copy)).drifts).toEqual([]);
  });

  it('a short pick sets the order aside with the units missing; the others are picked', async () => {
    const db = freshDb();
    await company(db);
    const a = order();
    a.lines = [line(a.orderId, 'TY-001', 2)];
    const b = order();
    b.lines = [line(b.orderId, 'TY-001', 2)];
    await ingest(db, [a, b]);
    const plan = await proposeWaves(db);
    const [w] = await releaseWaves(db, lead, plan.waves);
    const wave = (await db.waves.get(w!.waveId))!;
    // one stop: A-02-01 holds 3 of the 4 units, A-10-03 the last; the picker finds only 2 at A-02
    expect(wave.stops.map((s) => `${s.location}×${s.qty}`)).toEqual(['A-02-01×3', 'A-10-03×1']);
    await confirmPick(db, packer, w!.waveId, 0, 2, 'scan');
    await confirmPick(db, packer, w!.waveId, 1, 1, 'scan');
    expect((await row(db, a)).floor?.setAside).toBeUndefined();
    expect((await row(db, b)).floor?.setAside).toMatchObject({ code: 'pick_short', note: '拣货短缺 1 件' });
    expect((await db.stock.get('TY-001|yiwu'))).toMatchObject({ onHand: 5, reserved: 4, picked: 3 });
    expect((await checkStock(db)).drifts).toEqual([]);
  });

  it('own-label waybill numbers come from the carrier range in order, skip numbers already used, and say when the range runs out', async () => {
    const db = freshDb();
    await company(db);
    expect(await nextOwnWaybillNo(db, 'ZTO')).toEqual({ ok: false, reason: 'no_pool' });
    await expect(saveFloorSettings(db, lead, { waybillPools: [{ carrier: 'ZTO', prefix: '', from: 10, to: 5, digits: 12 }] })).rejects.toThrow(/ends before it starts/);
    await saveFloorSettings(db, lead, { waybillPools: [{ carrier: 'ZTO', prefix: '', from: 7, to: 8, digits: 12 }] });
    expect(await nextOwnWaybillNo(db, 'ZTO')).toEqual({ ok: true, waybillNo: '000000000007', left: 1 });
    const o = order();
    await ingest(db, [o]);
    const p = await openPack(db, o.orderId);
    const s = verifyScan(startPack(p.orderKeys[0]!, p.lines), BARCODES['TY-001']!, (c) => (c === BARCODES['TY-001'] ? 'TY-001' : undefined)).session;
    const parcel = await packParcel(db, packer, p, s, { startedAt: time.now, wrongScans: 0, carrier: 'ZTO' });
    await recordLabel(db, packer, { parcelId: parcel, waybillNo: '000000000007', carrier: 'ZTO', source: 'own', jobId: 'j7', printer: 'label-1' });
    expect(await nextOwnWaybillNo(db, 'ZTO')).toEqual({ ok: true, waybillNo: '000000000008', left: 0 });
    expect(await nextOwnWaybillNo(db, 'ZTO', new Set(['000000000008']))).toEqual({ ok: false, reason: 'exhausted' });
    await setAside(db, packer, keyOf(o), 'printer_failed', 'label-1 离线');
    expect((await row(db, o)).floor?.setAside).toMatchObject({ code: 'printer_failed', by: 'u-pack' });
  });

  it('a company setup with floor settings gives the store its waybill ranges; one without keeps them', async () => {
    const db = freshDb();
    await setUp(db, { floor: { waybillPools: [{ carrier: 'ZTO', prefix: '', from: 5, to: 9, digits: 12 }] } } as never);
    expect(await nextOwnWaybillNo(db, 'ZTO')).toMatchObject({ ok: true, waybillNo: '000000000005' });
    expect((await readFloorSettings(db)).maxMulti).toBe(24);
  });

  it('a packer cannot release waves without floor.pick, and a reviewer cannot pack', async () => {
    const db = freshDb();
    await company(db);
    const reviewer = { ...lead, user: { ...lead.user, role: 'reviewer' as const } };
    await expect(releaseWaves(db, reviewer, [])).rejects.toThrow(/may not floor.pick/);
    await expect(commitEvents(db, [])).resolves.toEqual([]);
  });
});
