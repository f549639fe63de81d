// Seed data for the review desk tests: a company with two shops, one warehouse with stock, a
// SKU master, and held orders carrying the decisions the pipeline writes (rule hits with their
// sentences, mapped lines, duplicate findings, merge links).
import { act } from 'react';
import { App } from 'antd';
import { hashPin } from '../../shared/domain/company';
import type { Hold, OrderRow, ShopPublic, Sku, UserPublic, Warehouse } from '../../shared/domain/types';
import type { Decision, LineDecision, RuleHit } from '../../shared/decide/types';
import type { WharfDB } from '../../renderer/store/db';
import { useOperatorStore } from '../../renderer/features/operator';
import { usePoolFilter } from '../../renderer/features/pool';
import { useReviewStore } from '../../renderer/features/review';
import { useAppState } from '../../renderer/app/appState';
import { makeRow, settle } from './support';
import { seedStock } from '../store/stockSeed';

export const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);

export const LEAD: UserPublic = { id: 'u-ops', name: '林静', role: 'ops_lead', pinSalt: 's', pinHash: hashPin('1234', 's') };
export const PACKER: UserPublic = { id: 'u-pack', name: '赵强', role: 'packer', pinSalt: 's2', pinHash: hashPin('4567', 's2') };

const shop = (id: string, platform: ShopPublic['platform'], name: string): ShopPublic => ({
  id, platform, name, gatewayUrl: 'http://127.0.0.1/router/rest', appKey: 'k', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false,
});
export const SHOPS = [shop('shop-a', 'taobao', '家居旗舰店'), shop('shop-b', 'douyin', '抖音厨房小店')];

export const WAREHOUSE: Warehouse = {
  code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '福田街道', lat: 29.31, lng: 120.08, carriers: [{ code: 'ZTO' }], active: true,
};

const sku = (code: string, name: string, spec: string, priceFen: number, barcodes: string[] = []): Sku => ({
  code, name, spec, category: '餐具', barcodes, weightG: 300, volumeCm3: 900, batchTracked: false, shelfLifeDays: 0, costFen: Math.round(priceFen / 3), minPriceFen: 0, priceFen, components: [], aliases: [],
});
export const PLATE = sku('PLATE-24', '橡木餐盘', '直径24cm', 3900, ['6901234567892']);
export const MUG = sku('MUG-350', '陶瓷马克杯', '350ml 白色', 2900, ['6909876543210']);
export const BOWL = sku('BOWL-15', '日式饭碗', '15cm', 1900);

/** Signs the ops lead in on this "PC" (what the operator switch does after a right PIN). */
export function signIn(user: UserPublic = LEAD): void {
  useOperatorStore.setState({ user, device: 'dev-review', switchOpen: false });
}

export async function seedCompany(db: WharfDB): Promise<void> {
  await db.users.bulkPut([LEAD, PACKER]);
  await db.shops.bulkPut(SHOPS);
  await db.warehouses.put(WAREHOUSE);
  await db.skus.bulkPut([PLATE, MUG, BOWL]);
  await seedStock(db, [PLATE, MUG, BOWL].map((s) => ({ sku: s.code, warehouse: 'yiwu', onHand: 200 })));
}

export function resetUi(): void {
  useReviewStore.setState({ tab: 'queue', filter: { reasons: [], search: '' } });
  usePoolFilter.setState({ filter: {}, searchText: '', openKey: undefined });
  useAppState.setState({ route: 'review' });
}

export const ruleHold = (hit: RuleHit, at = T0): Hold => ({ code: hit.rule, source: 'rule', values: { ...hit.values, ...(hit.threshold !== undefined ? { threshold: hit.threshold } : {}), message: hit.message }, at });

export const HIT = {
  r1: (fen: number): RuleHit => ({ rule: 'r1', action: 'hold', priority: 10, values: { goodsFen: fen }, threshold: { minFen: 500_000 }, message: `商品实付 ¥${(fen / 100).toFixed(2)} 超过 ¥5000.00（不含运费）` }),
  r4: (words: string): RuleHit => ({ rule: 'r4', action: 'hold', priority: 60, values: { buyerMessage: words }, message: `买家留言：${words}` }),
  r8: (of: string, hours: number): RuleHit => ({
    rule: 'r8', action: 'hold', priority: 8, values: { duplicateOf: of, matchedBy: ['收件人张 + 尾号 1234 + 浙江省杭州市西湖区'], hoursApart: hours, products: ['PLATE-24'] }, threshold: { windowHours: 72 },
    message: `疑似重复：与 ${of} 收货人相同（收件人张 + 尾号 1234 + 浙江省杭州市西湖区）、商品相同，相隔 ${hours} 小时`,
  }),
  r9: (title: string): RuleHit => ({ rule: 'r9', action: 'hold', priority: 15, values: {}, message: `商品未匹配到 SKU：${title}` }),
};

export const mappedLine = (lineId: string, code: string, qty: number): LineDecision => ({
  lineId, sku: code, units: qty, components: [{ sku: code, qty }], method: 'outer_id', confidence: 1, reason: `outer id ${code}`, itemKey: `outer_id|${code}`, suggestions: [],
});

export function decision(row: Pick<OrderRow, 'lines'>, hits: RuleHit[], over: Partial<Decision> = {}): Decision {
  return {
    at: T0, trigger: 'arrival', revision: 'test-rev',
    lines: row.lines.map((l) => mappedLine(l.lineId, l.outerSkuId ?? 'PLATE-24', l.qty)),
    mergeWith: [], hits,
    allocation: { parts: [{ warehouse: 'yiwu', distanceKm: 118, lineIds: row.lines.map((l) => l.lineId), reasons: ['nearest with stock'] }], short: [], policy: 'split', reasons: [], committed: false },
    outcome: hits.some((h) => h.action === 'hold') ? 'hold' : 'pass',
    reasons: hits.length ? [`held by ${hits.map((h) => h.rule).join(', ')}`] : ['passed every rule'],
    ...over,
  };
}

let receiverSeq = 0;
/** A receiver of its own, so seeded orders never look like one buyer (no r8/r12 on re-decision). */
export function receiver(tail?: string) {
  const n = ++receiverSeq;
  const t = tail ?? String(1000 + (n % 9000)).padStart(4, '0');
  return { nameMasked: `${['王', '李', '赵', '孙', '周'][n % 5]}**`, phoneMasked: `139****${t}`, phoneTail: t, province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: `文三路${100 + n}号`, cipher: {}, mergeKey: `oaid-${n}` };
}

/** A held order, as the pipeline leaves it: rule holds from its hits, the decision beside them. */
export function heldOrder(orderId: string, opts: { hits: RuleHit[]; extraHolds?: Hold[]; shopId?: string; platform?: OrderRow['platform']; createdAt?: number; paymentFen?: number; qty?: number; code?: string }): OrderRow {
  const fen = opts.paymentFen ?? 3900;
  const qty = opts.qty ?? 1;
  const row = makeRow({
    orderId, shopId: opts.shopId ?? 'shop-a', platform: opts.platform ?? 'taobao', createdAt: opts.createdAt ?? T0, receiver: receiver(),
    lines: [{ lineId: `${orderId}-1`, title: opts.code === 'MUG-350' ? '北欧陶瓷马克杯 350ml' : '橡木餐盘 实木西餐盘', skuText: opts.code === 'MUG-350' ? '白色' : '直径24cm', outerSkuId: opts.code ?? 'PLATE-24', qty, priceFen: Math.round(fen / qty), paymentFen: fen }],
    totalFen: fen, paymentFen: fen,
  }, { fulfilment: 'on_hold' });
  return { ...row, holds: [...opts.hits.map((h) => ruleHold(h)), ...(opts.extraHolds ?? [])], decision: decision(row, opts.hits) };
}

/** The review page as the shell mounts it (inside antd's App, for its messages). */
export function Desk({ children }: { children: React.ReactNode }) {
  return <App>{children}</App>;
}

/** A key as a person presses it: letters wait out the scanner guard, so presses are spaced. */
export async function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): Promise<void> {
  await act(async () => { target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })); });
  await settle(170);
}

export const events = (db: WharfDB, type: string) => db.events.filter((e) => e.type === type).toArray();

/** Polls an async check (a db read) until it holds, letting React and Dexie run between polls. */
export async function waitForDb(check: () => Promise<boolean>, what: string, timeoutMs = 4000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await act(async () => { await new Promise((r) => setTimeout(r, 15)); });
  }
}

/** An order waiting in the map-SKU queue: its line unmapped under `itemKey`, held by r9. */
export function makeWaiting(orderId: string, text: { title: string; skuText: string }, itemKey: string, suggestions: LineDecision['suggestions'], opts: { createdAt?: number; shopId?: string; platform?: OrderRow['platform'] } = {}): OrderRow {
  const row = makeRow({
    orderId, shopId: opts.shopId ?? 'shop-a', platform: opts.platform ?? 'taobao', createdAt: opts.createdAt ?? T0, receiver: receiver(),
    lines: [{ lineId: `${orderId}-1`, title: text.title, skuText: text.skuText, qty: 1, priceFen: 2900, paymentFen: 2900 }],
    totalFen: 2900, paymentFen: 2900,
  }, { fulfilment: 'on_hold' });
  const hit = HIT.r9(text.title);
  const line: LineDecision = { lineId: `${orderId}-1`, units: 1, components: [], method: 'none', confidence: suggestions[0]?.score ?? 0, reason: 'unsure: no SKU scores high enough', itemKey, suggestions };
  return {
    ...row, um: [itemKey], holds: [ruleHold(hit)],
    decision: { ...decision(row, [hit]), lines: [line], allocation: { parts: [], short: [], policy: 'split', reasons: ['an unmapped line: nothing to allocate yet'], committed: false } },
  };
}
