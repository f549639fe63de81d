// Seed data and UI helpers for the rules and export screen tests: a company (shops, a warehouse
// with stock, SKUs), operators, orders decided by the real pipeline through the store's ingest,
// and antd controls driven the way a person does (click, type, keys).
import { act, type ReactNode } from 'react';
import { App } from 'antd';
import { hashPin } from '../../shared/domain/company';
import type { NormalizedOrder, ShopPublic, Sku, UserPublic, Warehouse } from '../../shared/domain/types';
import type { WharfDB } from '../../renderer/store/db';
import { ingestBatch } from '../../renderer/store/ingest';
import { useOperatorStore } from '../../renderer/features/operator';
import { makeOrder } from '../support/orders';
import { $, render, tid, waitFor, type Rendered } from './support';
import { seedStock } from '../store/stockSeed';

export const LEAD: UserPublic = { id: 'u-ops', name: '林静', role: 'ops_lead', pinSalt: 's', pinHash: hashPin('1234', 's') };
export const REVIEWER: UserPublic = { id: 'u-rev', name: '陈思远', role: 'reviewer', pinSalt: 's3', pinHash: hashPin('2345', 's3') };

const shop = (id: string, platform: ShopPublic['platform'], name: string): ShopPublic => ({
  id, platform, name, gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false,
});
export const SHOPS = [shop('shop-a', 'taobao', '家居旗舰店'), shop('shop-b', 'douyin', '抖音厨房小店')];

export const YIWU: Warehouse = { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '福田街道', lat: 29.31, lng: 120.08, carriers: [{ code: 'ZTO' }], active: true };
export const GZ: Warehouse = { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '太和镇', lat: 23.3, lng: 113.3, carriers: [{ code: 'YTO' }], active: true };

export const sku = (code: string, name: string, priceFen: number): Sku => ({
  code, name, spec: '', category: '家具', barcodes: [], weightG: 1000, volumeCm3: 1000, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen, components: [], aliases: [],
});
export const SOFA = sku('SOFA-01', '布艺沙发', 200_000);
export const LAMP = sku('LAMP-02', '落地灯', 10_000);

export function signIn(user: UserPublic = LEAD): void {
  useOperatorStore.setState({ user, device: 'dev-rules', switchOpen: false });
}

export async function seedCompany(db: WharfDB): Promise<void> {
  await db.users.bulkPut([LEAD, REVIEWER]);
  await db.shops.bulkPut(SHOPS);
  await db.warehouses.bulkPut([YIWU]);
  await db.skus.bulkPut([SOFA, LAMP]);
  await seedStock(db, [SOFA, LAMP].map((s) => ({ sku: s.code, warehouse: 'yiwu', onHand: 500 })));
}

let receiverSeq = 0;
/** Each order its own receiver (no duplicate or scalping hit between seeded orders). */
export function receiverOf(n = ++receiverSeq): NormalizedOrder['receiver'] {
  const tail = String(2000 + n).slice(-4);
  return { nameMasked: `${['王', '李', '赵', '孙', '周', '吴', '郑'][n % 7]}**`, phoneMasked: `139****${tail}`, phoneTail: tail, province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: `文三路${100 + n}号`, cipher: {}, mergeKey: `oaid-r-${n}` };
}

/** A paid order of `qty` × the SKU at its list price, created `hoursAgo` before now. */
export function paidOrder(orderId: string, s: Sku, qty: number, hoursAgo: number, over: Partial<NormalizedOrder> = {}): NormalizedOrder {
  const created = Date.now() - hoursAgo * 3600_000;
  const fen = s.priceFen * qty;
  return makeOrder({
    orderId, createdAt: created, paidAt: created + 60_000, modifiedAt: created + 120_000, receiver: receiverOf(),
    lines: [{ lineId: `${orderId}-1`, title: s.name, skuText: '', outerSkuId: s.code, qty, priceFen: s.priceFen, paymentFen: fen }],
    totalFen: fen, paymentFen: fen, ...over,
  });
}

/** Stores orders the way a pull does: events, projection, and the pipeline's decision. */
export async function ingest(db: WharfDB, orders: NormalizedOrder[]): Promise<void> {
  await ingestBatch(db, { orders: orders.map((order, i) => ({ order, payloadHash: `seed-${order.orderId}-${i}` })), quarantine: [] }, 'api');
}

const mounted: Rendered[] = [];
export async function renderApp(ui: ReactNode): Promise<Rendered> {
  const view = await render(<App>{ui}</App>);
  mounted.push(view);
  return view;
}
export async function unmountAll(): Promise<void> {
  for (const v of mounted.splice(0)) if (v.container.isConnected) await v.unmount();
  document.body.innerHTML = '';
}

export { $, $$, tid, click, type } from './support';
export const byTid = <T extends Element = HTMLElement>(id: string, root: ParentNode = document) => $<T>(tid(id), root);

export async function key(keyName: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): Promise<void> {
  await act(async () => { target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init })); });
}

/** The button inside an antd element (data-testid may land on the button or a wrapper). */
export const buttonOf = (id: string) => {
  const el = byTid(id);
  return (el?.tagName === 'BUTTON' ? el : el?.querySelector('button')) as HTMLButtonElement | null;
};

export async function waitForDb(check: () => Promise<boolean>, what: string, timeoutMs = 6000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await act(async () => { await new Promise((r) => setTimeout(r, 15)); });
  }
}

export { waitFor };
export const events = (db: WharfDB, t: string) => db.events.filter((e) => e.type === t).toArray();
