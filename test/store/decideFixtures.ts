// A small company for store tests: four SKUs, two warehouses (义乌 near the buyers, 广州 far),
// a few units on hand, and Taobao orders to 杭州 made one minute apart. Each test file gets its
// own databases (deleted after each test) and its own clock.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { WharfDB } from '../../renderer/store/db';
import { ingestBatch } from '../../renderer/store/ingest';
import { commitEvents } from '../../renderer/store/apply';
import type { OperatorContext } from '../../renderer/store/mutators';
import { SYSTEM_ACTOR, type WharfEvent } from '../../shared/events/envelope';
import type { NormalizedOrder, OrderRow } from '../../shared/domain/types';
import { makeOrder } from '../support/orders';

export const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

export const SETUP = {
  revision: 'rev-1',
  skus: [
    { code: 'TY-001', name: '橡木餐盘', spec: '直径24cm', category: '餐具', priceFen: 3900, minPriceFen: 2730 },
    { code: 'TY-002', name: '橡木餐盘', spec: '直径20cm', category: '餐具', priceFen: 2900, minPriceFen: 2030 },
    { code: 'TY-004', name: '竹制砧板', spec: '40×28cm', category: '厨具', priceFen: 5900 },
    { code: 'TY-012', name: '铸铁煎锅', spec: '26cm', category: '锅具', priceFen: 15900 },
  ].map((s) => ({ barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, components: [], aliases: [], ...s })),
  warehouses: [
    { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '', lat: 29.306, lng: 120.075, carriers: [{ code: 'ZTO' }], active: true },
    { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', lat: 23.157, lng: 113.273, carriers: [{ code: 'ZTO' }], active: true },
  ],
  onHand: [
    { sku: 'TY-001', warehouse: 'yiwu', qty: 2 }, { sku: 'TY-001', warehouse: 'guangzhou', qty: 1 },
    { sku: 'TY-004', warehouse: 'yiwu', qty: 10 }, { sku: 'TY-012', warehouse: 'guangzhou', qty: 0 },
  ],
  blacklist: [],
  mappings: [],
};

export function decideFixtures(name: string) {
  let n = 0;
  const dbs: WharfDB[] = [];
  afterEach(async () => { for (const d of dbs.splice(0)) { d.close(); await d.delete(); } });
  const freshDb = () => {
    const db = new WharfDB(`${name}-${process.pid}-${n++}`);
    dbs.push(db);
    return db;
  };
  const time = { now: T0 + 3600_000 };
  const lead: OperatorContext = { user: { id: 'u-lead', name: '林静', role: 'ops_lead', pinHash: '', pinSalt: '' }, device: 'pc-1', now: () => time.now };
  const setUp = async (db: WharfDB, over: Partial<typeof SETUP> & { decisions?: unknown } = {}) => {
    const ev: WharfEvent = { id: 'setup-rev-1', type: 'setup.applied', at: T0, actor: SYSTEM_ACTOR, device: 'host', payload: { ...SETUP, ...over } };
    await commitEvents(db, [ev]);
  };
  let seq = 0;
  const order = (over: Partial<NormalizedOrder> = {}): NormalizedOrder => {
    seq++;
    const id = `40${String(seq).padStart(17, '0')}`;
    return makeOrder({
      orderId: id, createdAt: T0 + seq * 60_000, paidAt: T0 + seq * 60_000 + 1000, modifiedAt: T0 + seq * 60_000 + 2000,
      receiver: { nameMasked: `${'王李张刘陈杨'[seq % 6]}**`, phoneMasked: `138****${String(1000 + seq)}`, phoneTail: String(1000 + seq), province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: '文一西路***号*幢***室', cipher: {}, mergeKey: '' },
      lines: [{ lineId: `${id}-1`, title: '橡木餐盘', skuText: '直径24cm', qty: 1, priceFen: 3900, paymentFen: 3900, outerSkuId: 'TY-001' }],
      ...over,
    });
  };
  const ingest = (db: WharfDB, orders: NormalizedOrder[], hashSuffix = '') => ingestBatch(db, { orders: orders.map((o) => ({ order: o, payloadHash: `h-${o.orderId}${hashSuffix}` })), quarantine: [] }, 'api', () => time.now);
  const row = async (db: WharfDB, o: NormalizedOrder) => (await db.orders.get(`taobao:${o.shopId}:${o.orderId}`))!;
  const stockOf = async (db: WharfDB, sku: string, wh: string) => { const r = await db.stock.get(`${sku}|${wh}`); return r ? { onHand: r.onHand, reserved: r.reserved } : undefined; };
  const openRuleHolds = (r: OrderRow) => r.holds.filter((h) => h.source === 'rule' && !h.clearedBy).map((h) => h.code).sort();
  return { freshDb, time, lead, setUp, order, ingest, row, stockOf, openRuleHolds, T0 };
}
