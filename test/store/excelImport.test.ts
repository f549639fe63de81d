import 'fake-indexeddb/auto';
// Excel/CSV import below the UI: the real export shapes (GBK CSV, UTF-8 with BOM, xlsx with ids
// as text and as lossy numbers) → mapping → orders and row errors → the store, all or nothing.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { readTable } from '../../renderer/features/import/readTable';
import { guessMapping } from '../../shared/import/fields';
import { rowsToOrders } from '../../shared/import/rowsToOrders';
import { importOrders, recalledMapping, rememberMapping } from '../../renderer/store/excelImport';
import { ingestBatch } from '../../renderer/store/ingest';
import { WharfDB } from '../../renderer/store/db';
import type { UserPublic } from '../../shared/domain/types';
import { makeOrder } from '../support/orders';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const admin = { id: 'u-admin', name: '管理员', role: 'admin' } as UserPublic;
const ctx = { user: admin, device: 'pc-1', now: () => Date.UTC(2026, 10, 25, 2) };
let seq = 0;
const freshDb = () => new WharfDB(`import-${process.pid}-${seq++}`);

describe('reading export files', () => {
  it('reads a GBK CSV and the same file in UTF-8 with BOM to the same table, ids exact', () => {
    const gbk = readTable('淘宝订单.csv', fixture('taobao-gbk.csv'));
    const utf8 = readTable('orders.csv', fixture('taobao-utf8-bom.csv'));
    expect(gbk.encoding).toBe('gb18030');
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.headers).toEqual(utf8.headers);
    expect(gbk.rows).toEqual(utf8.rows);
    expect(gbk.headers[0]).toBe('订单编号');
    expect(gbk.rows[0]![0]).toBe('="4012345678901234567"');
  });

  it('reads xlsx with ids stored as text exactly, and flags one Excel stored as a number', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['订单编号', '订单状态', '订单创建时间', '买家实际支付金额', '宝贝标题'],
      ['4012345678901234567', '交易成功', '2026-11-20 10:00:00', 12.5, '毛巾'],
      [4012345678901234567, '交易成功', '2026-11-20 10:00:00', '12.50', '毛巾'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '订单');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const table = readTable('orders.xlsx', bytes);
    const r = rowsToOrders(table, guessMapping(table.headers), { platform: 'taobao', shopId: 's1' });
    expect(r.orders.map((o) => o.order.orderId)).toEqual(['4012345678901234567']);
    expect(r.orders[0]!.order.paymentFen).toBe(1250);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, column: '订单编号', message: expect.stringMatching(/scientific notation/), fix: expect.stringMatching(/text/) })]);
  });

  it('reads a legacy .xls (BIFF8) with Chinese headers', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['订单号', '订单状态'], ['250101-123456789012345', '待发货']]), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const table = readTable('拼多多.xls', bytes);
    expect(table.headers).toEqual(['订单号', '订单状态']);
    expect(table.rows).toEqual([['250101-123456789012345', '待发货']]);
  });

  it('refuses a file type it cannot read with a sentence saying what to do', () => {
    expect(() => readTable('orders.pdf', new Uint8Array([1, 2]))).toThrow(/\.xlsx, \.xls and \.csv/);
  });
});

describe('rows to orders', () => {
  const table = readTable('t.csv', fixture('taobao-gbk.csv'));
  const mapping = guessMapping(table.headers);
  const result = rowsToOrders(table, mapping, { platform: 'taobao', shopId: 'shop-1' });

  it('guesses the Taobao export columns', () => {
    expect(Object.keys(mapping).sort()).toEqual(['address', 'buyerNick', 'createdAt', 'orderId', 'outerSkuId', 'paidAt', 'paymentFen', 'priceFen', 'qty', 'receiverName', 'receiverPhone', 'sellerMemo', 'skuText', 'status', 'title', 'trackingNo'].sort());
  });

  it('groups line rows into one order, keeps 19-digit ids exact and masks the receiver', () => {
    const a = result.orders.find((o) => o.order.orderId === '4012345678901234567')!.order;
    expect(a.lines.map((l) => [l.title, l.priceFen, l.paymentFen])).toEqual([['全棉磨毛四件套', 23900, 23900], ['竹纤维毛巾', 2900, 2900]]);
    expect([a.paymentFen, a.channelStatus, a.createdAt]).toEqual([26800, 'paid', Date.UTC(2026, 10, 20, 2, 0, 0)]);
    expect(a.receiver).toMatchObject({ nameMasked: '张**', phoneMasked: '138****5678', phoneTail: '5678' });
    expect(JSON.stringify(a)).not.toMatch(/13812345678|文一西路123号/);
    const b = result.orders.find((o) => o.order.orderId === '3987654321098765432')!.order;
    expect([b.channelStatus, b.lines[0]!.trackingNo, b.sellerMemo]).toEqual(['shipped', 'YT1234567890123', '周五前发']);
  });

  it('reports a bad cell with its row, column, problem and fix, and skips only that order', () => {
    expect(result.errors).toEqual([{ row: 5, column: '买家实际支付金额', message: '"abc" is not an amount in yuan', fix: 'use digits with at most 2 decimals, e.g. 129.00' }]);
    expect(result.invalidOrders).toBe(1);
    expect(result.orders).toHaveLength(2);
  });

  it('asks for the required columns before reading anything', () => {
    const { orderId: _drop, ...rest } = mapping;
    expect(rowsToOrders(table, rest, { platform: 'taobao', shopId: 'shop-1' }).unmapped).toEqual(['orderId']);
  });
});

describe('importing into the store', () => {
  const table = readTable('t.csv', fixture('taobao-gbk.csv'));
  const mapping = guessMapping(table.headers);
  const result = rowsToOrders(table, mapping, { platform: 'taobao', shopId: 'shop-1' });

  it('imports nothing from a file with errors unless "valid rows only" is chosen; a second import changes nothing', async () => {
    const db = freshDb();
    await expect(importOrders(db, ctx, { fileName: 't.csv', platform: 'taobao', shopId: 'shop-1', result, validOnly: false })).rejects.toThrow(/nothing was imported/);
    expect(await db.orders.count()).toBe(0);
    expect(await importOrders(db, ctx, { fileName: 't.csv', platform: 'taobao', shopId: 'shop-1', result, validOnly: true })).toEqual({ imported: 2, skipped: 1 });
    const events = await db.events.count();
    await importOrders(db, ctx, { fileName: 't.csv', platform: 'taobao', shopId: 'shop-1', result, validOnly: true });
    expect(await db.orders.count()).toBe(2);
    // only the second import.completed audit event is new; no order event doubled
    expect(await db.events.count()).toBe(events + 1);
    expect((await db.orders.get('taobao:shop-1:4012345678901234567'))!.origin).toBe('excel');
    await expect(importOrders(db, { ...ctx, user: { ...admin, role: 'packer' } }, { fileName: 't.csv', platform: 'taobao', shopId: 'shop-1', result, validOnly: true })).rejects.toThrow(/may not orders.pull/);
    db.close();
  });

  it('a later API pull of an imported order enriches it: one order, one enriched event, ever', async () => {
    const db = freshDb();
    await importOrders(db, ctx, { fileName: 't.csv', platform: 'taobao', shopId: 'shop-1', result, validOnly: true });
    const imported = (await db.orders.get('taobao:shop-1:4012345678901234567'))!;
    const api = makeOrder({ platform: 'taobao', shopId: 'shop-1', orderId: '4012345678901234567', modifiedAt: imported.modifiedAt + 3600_000, sellerMemo: '平台备注' });
    await ingestBatch(db, { orders: [{ order: api, payloadHash: 'api-1' }], quarantine: [] });
    await ingestBatch(db, { orders: [{ order: { ...api, modifiedAt: api.modifiedAt + 60_000 }, payloadHash: 'api-2' }], quarantine: [] });
    expect(await db.orders.where('[shopId+createdAt]').between(['shop-1', -Infinity], ['shop-1', Infinity]).count()).toBe(2);
    const row = (await db.orders.get(imported.key))!;
    expect([row.origin, row.sellerMemo, row.enrichedAt !== undefined]).toEqual(['excel', '平台备注', true]);
    expect((await db.events.toArray()).filter((e) => e.type === 'order.enriched')).toHaveLength(1);
    db.close();
  });

  it('remembers the mapping per platform by header text, whatever the column order next time', async () => {
    const db = freshDb();
    await rememberMapping(db, 'pdd', ['订单号', '商品', '状态'], { orderId: 0, title: 1, status: 2 });
    expect(await recalledMapping(db, 'pdd', ['状态', '订单号', '其它', '商品'])).toEqual({ orderId: 1, title: 3, status: 0 });
    expect(await recalledMapping(db, 'jd', ['订单号'])).toEqual({});
    db.close();
  });
});
