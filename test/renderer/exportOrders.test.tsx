// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { freshDb } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { STANDARD_COLUMNS, exportFileName, exportOrders, parseExportHash } from '../../renderer/features/export';
import { DUPLICATE, MAPPED, SPLIT, T0, UNMAPPED, UNPAID, seedExport } from './exportFixtures';

let db: WharfDB;
beforeEach(async () => { db = freshDb(); await seedExport(db); });
afterEach(async () => { db.close(); await db.delete(); });

const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
async function csvRows(b: Blob): Promise<Record<string, string>[]> {
  const raw = await bytes(b);
  expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(raw.slice(3));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...STANDARD_COLUMNS]);
  return parsed.data;
}

describe('standard export', () => {
  it('writes every column of mapped, unmapped, split, unpaid and duplicate orders, one row per line', async () => {
    const file = await exportOrders(db, {}, 'standard', 'csv', { now: T0 });
    expect(file.fileName).toBe('wharf-orders-standard-20261125-2030.csv');
    expect(file.blob.type).toContain('text/csv');
    expect(file).toMatchObject({ orders: 5, rows: 6 });
    const rows = await csvRows(file.blob);
    // the pool's order: newest first, lines in order
    expect(rows.map((r) => `${r.order_id}#${r.line_no}`)).toEqual([
      `${DUPLICATE.orderId}#1`, `${UNPAID.orderId}#1`, `${SPLIT.orderId}#1`, `${SPLIT.orderId}#2`, `${UNMAPPED.orderId}#1`, `${MAPPED.orderId}#1`,
    ]);
    const by = (id: string, line = '1') => rows.find((r) => r.order_id === id && r.line_no === line)!;

    expect(by(MAPPED.orderId)).toEqual({
      platform: 'taobao', shop_id: 'shop-a', order_id: '4012345678901234567', line_no: '1',
      created_at: '2026-11-25T20:30:00+08:00', paid_at: '2026-11-25T20:31:00+08:00', channel_status: 'paid', fulfilment: 'allocated',
      holds: '', hold_reasons: '', duplicate_of: '', warehouse: 'yiwu', sku_code: 'SOFA-01', platform_sku_id: '5001234567890123',
      outer_id: 'SOFA-01', title: '布艺沙发, "三人位"', qty: '2', unit_price_yuan: '39.00', line_amount_yuan: '70.00',
    });
    expect(by(UNMAPPED.orderId)).toEqual({
      platform: 'taobao', shop_id: 'shop-a', order_id: '4012345678901234568', line_no: '1',
      created_at: '2026-11-25T20:31:00+08:00', paid_at: '2026-11-25T20:32:00+08:00', channel_status: 'paid', fulfilment: 'on_hold',
      // open rule holds only, in rule order: not the approved r1, not the channel's refund hold
      holds: 'r4;r9', hold_reasons: '有买家留言「=HYPERLINK("http://x")」; 商品未匹配到 SKU：神秘礼盒', duplicate_of: '',
      warehouse: '', sku_code: '', platform_sku_id: '', outer_id: 'OLD-777', title: '神秘礼盒', qty: '1', unit_price_yuan: '19.90', line_amount_yuan: '19.90',
    });
    expect(by(SPLIT.orderId, '1')).toMatchObject({ warehouse: 'yiwu', sku_code: 'SOFA-01', platform_sku_id: 'p-1', unit_price_yuan: '2000.00', line_amount_yuan: '2000.00', holds: '' });
    expect(by(SPLIT.orderId, '2')).toMatchObject({ warehouse: 'guangzhou', sku_code: 'LAMP-02', platform_sku_id: 'p-2', outer_id: 'LAMP-02', title: '落地灯', unit_price_yuan: '100.00' });
    expect(by(UNPAID.orderId)).toMatchObject({ paid_at: '', channel_status: 'awaiting_payment', fulfilment: 'new', warehouse: '', sku_code: '', holds: '' });
    expect(by(DUPLICATE.orderId)).toMatchObject({
      platform: 'douyin', shop_id: 'shop-b', order_id: '6900000000000000001', fulfilment: 'on_hold', holds: 'r8',
      hold_reasons: `疑似重复：与 ${MAPPED.key} 收货人相同、商品相同，相隔 0.1 小时`, duplicate_of: 'taobao:shop-a:4012345678901234567', warehouse: 'yiwu', sku_code: 'SOFA-01',
    });
  });

  it('quotes by RFC 4180 and keeps the standard preset byte-exact (no formula guard)', async () => {
    const text = new TextDecoder().decode((await bytes((await exportOrders(db, {}, 'standard', 'csv')).blob)).slice(3));
    expect(text.split('\r\n')[0]).toBe(STANDARD_COLUMNS.join(','));
    expect(text).toContain(',"布艺沙发, ""三人位""",');
    expect(text).toContain('"有买家留言「=HYPERLINK(""http://x"")」; 商品未匹配到 SKU：神秘礼盒"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('exports all rows matching the pool filter, not a page', async () => {
    const held = await csvRows((await exportOrders(db, { fulfilments: ['on_hold'] }, 'standard', 'csv')).blob);
    expect(held.map((r) => r.order_id)).toEqual([DUPLICATE.orderId, UNMAPPED.orderId]);
    const { filter } = parseExportHash('#/export?preset=standard&format=csv&shop=shop-a&from=2026-11-25&to=2026-11-25&held=1');
    const rows = await csvRows((await exportOrders(db, filter, 'standard', 'csv')).blob);
    expect(rows.map((r) => r.order_id)).toEqual([UNMAPPED.orderId]);
    const many = Array.from({ length: 120 }, (_, i) => ({ ...MAPPED, orderId: `50${String(i).padStart(17, '0')}`, key: `taobao:shop-a:50${String(i).padStart(17, '0')}`, createdAt: T0 - (i + 1) * 1000 }));
    await db.orders.bulkPut(many);
    const all = await exportOrders(db, {}, 'standard', 'csv');
    expect(all).toMatchObject({ orders: 125, rows: 126 });
  });

  it('writes XLSX with every cell a text cell, ids exact', async () => {
    const file = await exportOrders(db, {}, 'standard', 'xlsx', { now: T0 });
    expect(file.fileName).toBe('wharf-orders-standard-20261125-2030.xlsx');
    const wb = XLSX.read(await bytes(file.blob), { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const range = XLSX.utils.decode_range(ws['!ref']!);
    expect(range.e.r).toBe(6);
    expect(range.e.c).toBe(STANDARD_COLUMNS.length - 1);
    for (let r = 0; r <= range.e.r; r += 1) {
      for (let c = 0; c <= range.e.c; c += 1) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell) expect(cell.t, `cell ${XLSX.utils.encode_cell({ r, c })}`).toBe('s');
      }
    }
    const aoa = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: true, defval: '' });
    expect(aoa[0]).toEqual([...STANDARD_COLUMNS]);
    expect(aoa.map((r) => r[2])).toContain('4012345678901234567');
    const qtyCol = STANDARD_COLUMNS.indexOf('qty');
    expect(typeof aoa[1]![qtyCol]).toBe('string');
  });
});

describe('localized export', () => {
  it('has Chinese headers, names and status words, region and notes, and guards formulas in CSV', async () => {
    const raw = await bytes((await exportOrders(db, {}, 'localized', 'csv')).blob);
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(raw.slice(3)), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields!.slice(0, 4)).toEqual(['平台', '店铺', '订单号', '行号']);
    const un = parsed.data.find((r) => r['订单号'] === UNMAPPED.orderId)!;
    expect(un).toMatchObject({
      平台: '淘宝/天猫', 店铺: '家居旗舰店', 平台状态: '已付款', 处理状态: '挂起', 下单时间: '2026-11-25 20:31:00',
      挂起原因: '未匹配商品、有留言或备注、退款未完结', 收货地区: '浙江省 杭州市 西湖区', 卖家备注: '加急',
      买家留言: '\'=HYPERLINK("http://x")', 判定说明: '挂起审核：r9、r4',
    });
    const split = parsed.data.filter((r) => r['订单号'] === SPLIT.orderId);
    expect(split.map((r) => r['发货仓'])).toEqual(['义乌仓', '广州仓']);
    expect(split.map((r) => r['SKU 名称'])).toEqual(['布艺沙发', '落地灯']);
    // order amounts on the first line only, so a column sum is the real total
    expect(split.map((r) => r['订单实付（元）'])).toEqual(['2100.00', '']);
    expect(parsed.data.find((r) => r['订单号'] === DUPLICATE.orderId)!['平台']).toBe('抖店');
  });
});
