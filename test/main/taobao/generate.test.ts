import { describe, expect, it } from 'vitest';
import { generateTrades } from '../../../main/services/platforms/taobao/generate';
import { DEFAULT_CATALOG } from '../../../main/services/platforms/simkit/catalog';
import { parseShanghai } from '../../../shared/time';

const NOW = Date.UTC(2026, 10, 25, 4, 0, 0);
const DAY = 86_400_000;

describe('generateTrades', () => {
  const trades = generateTrades({ seed: 42, count: 500, now: NOW, spanMs: 3 * DAY });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateTrades({ seed: 42, count: 500, now: NOW, spanMs: 3 * DAY })).toEqual(trades);
    const other = generateTrades({ seed: 43, count: 500, now: NOW, spanMs: 3 * DAY });
    expect(other.map((t) => t.tid)).not.toEqual(trades.map((t) => t.tid));
  });

  it('gives unique 18–19 digit tids whose 6-digit prefixes are selective', () => {
    const tids = trades.map((t) => t.tid);
    expect(new Set(tids).size).toBe(500);
    for (const t of trades) {
      expect(t.tid).toMatch(/^38\d{16,17}$/);
      expect(t.tid_str).toBe(t.tid);
      for (const o of t.orders) expect(o.oid_str).toMatch(/^\d{18,19}$/);
    }
    expect(new Set(tids.map((t) => t.slice(0, 6))).size).toBeGreaterThan(400);
  });

  it('keeps times consistent: created inside the span, modified between created and now', () => {
    for (const t of trades) {
      const created = parseShanghai(t.created);
      const modified = parseShanghai(t.modified);
      expect(created).toBeGreaterThanOrEqual(NOW - 3 * DAY - 1000);
      expect(created).toBeLessThanOrEqual(NOW);
      expect(modified).toBeGreaterThanOrEqual(created);
      expect(modified).toBeLessThanOrEqual(NOW);
      if (t.status !== 'WAIT_BUYER_PAY' && t.status !== 'TRADE_CLOSED_BY_TAOBAO') expect(parseShanghai(t.pay_time!)).toBeGreaterThanOrEqual(created);
    }
  });

  it('is mostly waiting to ship, with every other state a desk meets', () => {
    const count = (s: string) => trades.filter((t) => t.status === s).length;
    const byStatus = Object.fromEntries([...new Set(trades.map((t) => t.status))].map((s) => [s, count(s)]));
    const top = Object.entries(byStatus).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('WAIT_SELLER_SEND_GOODS');
    for (const s of ['WAIT_BUYER_PAY', 'TRADE_CLOSED_BY_TAOBAO', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_FINISHED', 'PAID_FORBID_CONSIGN']) {
      expect(byStatus[s] ?? 0, s).toBeGreaterThan(0);
    }
    // unpaid trades close after 30 minutes, so the unpaid ones are all recent
    for (const t of trades.filter((x) => x.status === 'WAIT_BUYER_PAY')) expect(NOW - parseShanghai(t.created)).toBeLessThanOrEqual(30 * 60_000);
    expect(trades.some((t) => t.orders.some((o) => ['WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'SELLER_REFUSE_BUYER', 'SUCCESS'].includes(o.refund_status)))).toBe(true);
  });

  it('ships with a carrier and tracking number on every shipped line', () => {
    const shipped = trades.filter((t) => t.status === 'WAIT_BUYER_CONFIRM_GOODS' || t.status === 'TRADE_FINISHED');
    expect(shipped.length).toBeGreaterThan(0);
    for (const t of shipped) {
      expect(t.consign_time).toBeTruthy();
      for (const o of t.orders.filter((x) => x.refund_status !== 'SUCCESS')) {
        expect(o.invoice_no).toMatch(/^[A-Z0-9]{10,16}$/);
        expect(o.logistics_company).toBeTruthy();
      }
    }
  });

  it('has 1–3 lines from the catalog, messages and memos on about one trade in ten', () => {
    const outerSkus = new Set(DEFAULT_CATALOG.map((c) => c.outerSkuId));
    for (const t of trades) {
      expect(t.orders.length).toBeGreaterThanOrEqual(1);
      expect(t.orders.length).toBeLessThanOrEqual(3);
      for (const o of t.orders) expect(outerSkus.has(o.outer_sku_id)).toBe(true);
      expect(t.receiver_plain?.phone).toMatch(/^1\d{10}$/);
      expect(t.receiver_plain?.name).toBeTruthy();
    }
    const share = (n: number) => n / trades.length;
    expect(share(trades.filter((t) => t.buyer_message).length)).toBeGreaterThan(0.05);
    expect(share(trades.filter((t) => t.buyer_message).length)).toBeLessThan(0.15);
    expect(share(trades.filter((t) => t.seller_memo).length)).toBeGreaterThan(0.05);
    expect(trades.some((t) => t.seller_flag > 0)).toBe(true);
    expect(DEFAULT_CATALOG.length).toBe(40);
  });

  it('uses the catalog it is given', () => {
    const one = generateTrades({ seed: 1, count: 20, now: NOW, spanMs: DAY, catalog: [{ outerId: 'X-1', title: '测试商品', skuText: '', priceFen: 1234 }] });
    for (const t of one) {
      expect(t.orders).toHaveLength(1);
      expect(t.orders[0]).toMatchObject({ outer_iid: 'X-1', title: '测试商品', price: '12.34' });
    }
  });
});
