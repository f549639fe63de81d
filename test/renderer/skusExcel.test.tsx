// @vitest-environment happy-dom
// Excel in and out: a small xlsx built here imports with long codes and barcodes exact, a bad
// row shows its error and blocks the import until "only valid rows" is ticked; an export
// (xlsx and csv) re-imports into an empty store as the same master and stock, and into the
// same store as "nothing to import".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshDb, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { SkusPage } from '../../renderer/features/skus';
import type { Sku, Warehouse } from '../../shared/domain/types';
import { $, $$, chooseFile, click, inputOf, events, renderApp, signIn, tid, unmountAll, sku } from './skusSupport';
import { seedStock } from '../store/stockSeed';

const WAREHOUSES: Warehouse[] = [
  { code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市', district: '义乌市', address: '', carriers: [], active: true },
  { code: 'guangzhou', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '', carriers: [], active: true },
];


function xlsxFile(rows: unknown[][], name = 'skus.xlsx'): File {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '商品');
  return new File([new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)], name);
}

const dbs: WharfDB[] = [];
async function store(): Promise<WharfDB> {
  const db = freshDb();
  dbs.push(db);
  await db.warehouses.bulkPut(WAREHOUSES);
  return db;
}
beforeEach(() => { signIn('ops_lead'); });
afterEach(async () => {
  vi.restoreAllMocks();
  await unmountAll();
  for (const db of dbs.splice(0)) { db.close(); await db.delete(); }
});

async function openImport(db: WharfDB) {
  const view = await renderApp(<SkusPage db={db} />);
  await click(await waitFor(() => $(tid('skus-tab-excel')), 'the Excel tab'));
  await waitFor(() => $(tid('sku-import-input')), 'the import card');
  return view;
}

const errors = () => $$(tid('sku-import-error'));

describe('SKU master import', () => {
  it('keeps long codes and barcodes exact, shows row errors, and imports only valid rows when asked', async () => {
    const db = await store();
    await db.skus.put(sku({ code: 'TY-102', name: '小餐盘' }));
    const file = xlsxFile([
      ['商品编码', '商品名称', '规格', '类目', '条码', '重量(克)', '成本', '最低售价', '售价', '组合明细', '批次管理', '保质期(天)', '库存-yiwu', '库存-广州仓'],
      ['TY-101', '橡木餐盘', '直径24cm', '餐具', 6920000000017, 300, 17.55, 27.3, 39, '', '否', 0, 10, 4],
      ['1234567890123456789', '长编码商品', '', '餐具', '69200000000171234;6901234567892', '120', '1.5', '2', '3.00', '', '是', 365, '7', ''],
      ['KIT-101', '餐盘组合', '', '', '', '', '', '', '88', 'TY-101*2;TY-102*1', '', '', '', ''],
      ['TY-103', '坏价格', '', '', '', '', '', '', 'abc', '', '', '', '', ''],
      ['TY-104', '被四舍五入', '', '', 12345678901234567890, '', '', '', '', '', '', '', '', ''],
    ]);
    await openImport(db);
    await chooseFile($<HTMLInputElement>(tid('sku-import-input')), file);
    await waitFor(() => $(tid('sku-import-preview')), 'the preview');
    // the headers were guessed, including the warehouse by name
    expect($$(tid('sku-import-stock-warehouse')).map((s) => s.textContent)).toEqual(['义乌仓 (yiwu)', '广州仓 (guangzhou)']);
    expect($(tid('sku-import-created'))!.textContent).toContain('3');
    expect($(tid('sku-import-invalid'))!.textContent).toContain('2');
    const [bad, rounded] = errors();
    expect(bad!.dataset).toMatchObject({ row: '5', code: 'not_yuan' });
    expect(bad!.textContent).toContain('售价');
    expect(bad!.textContent).toContain('「abc」不是金额');
    expect(bad!.textContent).toContain('最多两位小数');
    expect(rounded!.dataset).toMatchObject({ row: '6', code: 'rounded' });
    expect(rounded!.textContent).toContain('文本');
    // all or nothing until the box is ticked
    expect($<HTMLButtonElement>(tid('sku-import-run'))!.disabled).toBe(true);
    expect($(tid('sku-import-blocked'))).not.toBeNull();
    await click(inputOf('sku-import-valid-only'));
    await waitFor(() => !$<HTMLButtonElement>(tid('sku-import-run'))!.disabled, 'the import button');
    await click($(tid('sku-import-run')));
    await waitFor(() => !$(tid('sku-import-preview')), 'the import to finish');

    const all = await db.skus.orderBy('code').toArray();
    expect(all.map((s) => s.code)).toEqual(['1234567890123456789', 'KIT-101', 'TY-101', 'TY-102']);
    expect(await db.skus.get('TY-101')).toMatchObject({ barcodes: ['6920000000017'], weightG: 300, costFen: 1755, minPriceFen: 2730, priceFen: 3900, category: '餐具', spec: '直径24cm' });
    expect(await db.skus.get('1234567890123456789')).toMatchObject({ barcodes: ['69200000000171234', '6901234567892'], costFen: 150, priceFen: 300, batchTracked: true, shelfLifeDays: 365 });
    expect((await db.skus.get('KIT-101'))!.components).toEqual([{ code: 'TY-101', qty: 2 }, { code: 'TY-102', qty: 1 }]);
    expect(await db.skus.get('TY-103')).toBeUndefined();
    expect((await db.stock.toArray()).map((r) => [r.key, r.onHand]).sort()).toEqual([['1234567890123456789|yiwu', 7], ['TY-101|guangzhou', 4], ['TY-101|yiwu', 10]]);
    const [imported] = await events(db, 'skus.imported');
    expect(imported!.payload).toMatchObject({ fileName: 'skus.xlsx' });
    expect((imported!.payload as { skus: Sku[] }).skus).toHaveLength(3);
    expect(await events(db, 'stock.set')).toHaveLength(1);
  });

  it('a kit whose component is in a bad row is refused with it', async () => {
    const db = await store();
    await openImport(db);
    await chooseFile($<HTMLInputElement>(tid('sku-import-input')), xlsxFile([
      ['编码', '名称', '组合明细', '库存-yiwu'],
      ['A-1', '', '', '3'],
      ['K-1', '套装', 'A-1*2', ''],
      ['B-1', '好的', '', 'x'],
    ]));
    await waitFor(() => errors().length === 3, 'three row errors');
    expect(errors().map((e) => [e.dataset.row, e.dataset.code])).toEqual([['2', 'name_missing'], ['3', 'component_bad_row'], ['4', 'stock_not_integer']]);
    expect($(tid('sku-import-created'))!.textContent).toContain('0');
  });
});

describe('SKU master export', () => {
  const MASTER: Sku[] = [
    sku({ code: 'TY-001', name: '橡木餐盘', spec: '直径24cm', category: '餐具', barcodes: ['6920000000017', '69200000000171234567'], weightG: 300, volumeCm3: 1200, costFen: 1755, minPriceFen: 2730, priceFen: 3999 }),
    sku({ code: '0012345678901234567', name: '前导零编码', barcodes: ['0069200000001'], batchTracked: true, shelfLifeDays: 180, costFen: 1, priceFen: 10 }),
    sku({ code: 'KIT-1', name: '套装, "双人"', spec: '含 2 件', components: [{ code: 'TY-001', qty: 2 }, { code: '0012345678901234567', qty: 1 }], priceFen: 9900 }),
  ];

  async function exported(kind: 'xlsx' | 'csv'): Promise<File> {
    const db = await store();
    await db.skus.bulkPut(MASTER);
    await seedStock(db, [
      { sku: 'TY-001', warehouse: 'yiwu', onHand: 12, reserved: 5 },
      { sku: '0012345678901234567', warehouse: 'guangzhou', onHand: 3 },
    ]);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blob = b as Blob; return 'blob:wharf-test'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = await openImport(db);
    await click($(tid(`sku-export-${kind}`)));
    await view.unmount();
    expect(blob).toBeDefined();
    return new File([await blob!.arrayBuffer()], `export.${kind}`);
  }

  it.each(['xlsx', 'csv'] as const)('re-imports its %s unchanged into an empty store and as nothing into the same one', async (kind) => {
    const file = await exported(kind);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (kind === 'csv') expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const fresh = await store();
    await openImport(fresh);
    await chooseFile($<HTMLInputElement>(tid('sku-import-input')), file);
    await waitFor(() => $(tid('sku-import-preview')), 'the preview');
    expect(errors()).toEqual([]);
    expect($(tid('sku-import-created'))!.textContent).toContain('3');
    await click($(tid('sku-import-run')));
    await waitFor(() => !$(tid('sku-import-preview')), 'the import to finish');
    const back = await fresh.skus.orderBy('code').toArray();
    expect(back).toEqual([...MASTER].sort((a, b) => a.code.localeCompare(b.code)));
    // on-hand comes back; what is reserved belongs to orders' locks, not to the file
    expect((await fresh.stock.toArray()).map((r) => [r.key, r.onHand, r.reserved]).sort()).toEqual([['0012345678901234567|guangzhou', 3, 0], ['TY-001|yiwu', 12, 0]]);
    await unmountAll();

    // the same file into the store it came from: nothing to do
    const origin = dbs[0]!;
    await openImport(origin);
    await chooseFile($<HTMLInputElement>(tid('sku-import-input')), file);
    await waitFor(() => $(tid('sku-import-nothing')), 'nothing to import');
    expect($(tid('sku-import-unchanged'))!.textContent).toContain('3');
    expect($<HTMLButtonElement>(tid('sku-import-run'))!.disabled).toBe(true);
  });
});
