// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { freshDb, settle } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { ExportButton, useExportRoute } from '../../renderer/features/export';
import { usePoolFilter } from '../../renderer/features/pool';
import { $$, byTid, click, renderApp, unmountAll, waitFor } from './rulesSupport';
import { DUPLICATE, UNMAPPED, seedExport } from './exportFixtures';

let db: WharfDB;
let downloads: Array<{ name: string; href: string; blob: Blob }>;
const blobs = new Map<string, Blob>();
beforeEach(async () => {
  db = freshDb();
  await seedExport(db);
  downloads = [];
  let n = 0;
  // happy-dom downloads nothing: catch the Blob URL and the anchor's click instead
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { const url = `blob:test/${++n}`; blobs.set(url, b as Blob); return url; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.getAttribute('href')!)! });
  });
  usePoolFilter.setState({ filter: {}, searchText: '', openKey: undefined });
});
afterEach(async () => { await unmountAll(); vi.restoreAllMocks(); history.replaceState(null, '', '/'); db.close(); await db.delete(); });

function Route({ db: d }: { db: WharfDB }) {
  const s = useExportRoute(d);
  return <div data-testid="route-state" data-running={String(s.running)} data-file={s.last?.fileName ?? ''} data-error={s.error ?? ''} />;
}

const ids = async (b: Blob) => Papa.parse<Record<string, string>>(new TextDecoder().decode(new Uint8Array(await b.arrayBuffer()).slice(3)), { header: true, skipEmptyLines: true }).data.map((r) => r.order_id);

describe('#/export link', () => {
  it('downloads on open and on hashchange, with the filter parameters, then clears the hash', async () => {
    history.replaceState(null, '', '/#/export?preset=standard&format=csv&fulfilment=on_hold');
    await renderApp(<Route db={db} />);
    await waitFor(() => downloads.length === 1, 'the first download');
    expect(downloads[0]!.name).toMatch(/^wharf-orders-standard-\d{8}-\d{4}\.csv$/);
    expect(downloads[0]!.href).toBe('blob:test/1');
    expect(await ids(downloads[0]!.blob)).toEqual([DUPLICATE.orderId, UNMAPPED.orderId]);
    expect(location.hash).toBe('');
    await waitFor(() => byTid('route-state')!.dataset.file === downloads[0]!.name, 'the state after the download');
    await waitFor(() => document.body.textContent!.includes('已导出 2 单、2 行'), 'the confirmation');

    await act(async () => { location.hash = '#/export?preset=localized&format=xlsx'; window.dispatchEvent(new HashChangeEvent('hashchange')); });
    await waitFor(() => downloads.length === 2, 'the download after hashchange');
    expect(downloads[1]!.name).toMatch(/^wharf-orders-localized-\d{8}-\d{4}\.xlsx$/);
    const wb = XLSX.read(new Uint8Array(await downloads[1]!.blob.arrayBuffer()), { type: 'array' });
    const aoa = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' });
    expect(aoa[0]!.slice(0, 3)).toEqual(['平台', '店铺', '订单号']);
    expect(aoa.length).toBe(7);
    expect(location.hash).toBe('');
  });

  it('a wrong link says what is wrong and downloads nothing', async () => {
    history.replaceState(null, '', '/#/export?preset=standard&format=pdf');
    await renderApp(<Route db={db} />);
    await waitFor(() => byTid('route-state')!.dataset.error, 'the error');
    expect(byTid('route-state')!.dataset.error).toContain('format=pdf');
    await waitFor(() => document.body.textContent!.includes('导出链接有误'), 'the error message');
    expect(downloads).toEqual([]);
    expect(location.hash).toBe('');
  });

  it('ignores other hashes', async () => {
    history.replaceState(null, '', '/#/pool');
    await renderApp(<Route db={db} />);
    await settle(100);
    expect(downloads).toEqual([]);
    expect(location.hash).toBe('#/pool');
  });
});

describe('export button', () => {
  it('exports every order of the pool filter with the chosen preset and format', async () => {
    usePoolFilter.setState({ filter: { fulfilments: ['on_hold'] } });
    await renderApp(<ExportButton db={db} filter={{ fulfilments: ['on_hold'] }} />);
    await click(byTid('export-open'), 'export');
    await waitFor(() => byTid('export-scope')?.textContent?.includes('全部 2 单'), 'the count of the filter');
    // standard → CSV by default
    expect(byTid('export-format-csv')?.closest('label')?.className ?? byTid('export-format-csv')?.className).toContain('checked');
    const run = () => $$('button').find((b) => b.dataset.testid === 'export-run' || b.closest('[data-testid="export-run"]'));
    await click(run(), 'run');
    await waitFor(() => downloads.length === 1, 'the download');
    expect(downloads[0]!.name).toMatch(/\.csv$/);
    expect(await ids(downloads[0]!.blob)).toEqual([DUPLICATE.orderId, UNMAPPED.orderId]);

    await click(byTid('export-open'), 'export again');
    await click(await waitFor(() => byTid('export-preset-localized')?.closest('label') ?? byTid('export-preset-localized'), 'the localized preset'), 'localized');
    await waitFor(() => (byTid('export-format-xlsx')?.closest('label')?.className ?? '').includes('checked'), 'XLSX chosen for people');
    await click(run(), 'run');
    await waitFor(() => downloads.length === 2, 'the second download');
    expect(downloads[1]!.name).toMatch(/^wharf-orders-localized-.*\.xlsx$/);
  });
});
