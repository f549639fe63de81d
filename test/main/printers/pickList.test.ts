// A wave's pick list through node-thermal-printer to a receipt printer on a real socket, read
// back by our ESC/POS interpreter: Chinese names, walking order, batches and the wave barcode.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeHost, tempDir, TEST_COMPANY } from '../../support/hostHarness';
import { VirtualPrinter } from '../../../main/services/printers/virtualPrinter';
import { readEscpos } from '../../../shared/label/read/readEscpos';
import type { Host } from '../../../main/services/host';
import type { PickListDoc } from '../../../shared/domain/printing';

let host: Host | undefined;
const p = new VirtualPrinter();
afterEach(async () => { await host?.stop(); await p.stop(); });

const doc: PickListDoc = {
  wave: 'W20261204-007', warehouse: '义乌仓', carrier: 'ZTO', kind: 'multi', printedAt: Date.UTC(2026, 11, 4, 1, 30), picker: '赵强',
  stops: [
    { location: 'A-02', sku: 'MILK-1L', name: '鲜牛奶 1L', batch: 'B2411', expiresAt: Date.UTC(2026, 11, 20), qty: 3, slots: '1:2 2:1' },
    { location: 'A-10', sku: 'TEA-500', name: '乌龙茶 500g 礼盒装', batch: '', qty: 1, slots: '2:1' },
  ],
};

describe('printers.pickList', () => {
  it('prints the stops in order with their Chinese names and the wave as a barcode', async () => {
    host = makeHost(tempDir());
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    const { host: ip, port } = await p.start();
    const r = await host.handlers['printers.pickList']({ actor: { userId: 'u-pack', device: 'pack-1' }, jobId: 'pick-W20261204-007', target: { kind: 'tcp', host: ip, port }, doc, widthChars: 48 });
    expect(r.replayed).toBe(false);
    await p.waitForJobs(1);
    const read = readEscpos(new Uint8Array(p.jobs[0]!.bytes), (b) => new TextDecoder('gb18030').decode(b));
    const texts = read.lines.map((l) => l.text.trimEnd());
    expect(read.lines[0]).toMatchObject({ text: '拣货单 W20261204-007', align: 'center', bold: true, height: 2 });
    expect(read.barcodes).toEqual([expect.objectContaining({ data: 'W20261204-007' })]);
    const a02 = texts.findIndex((t) => t.startsWith('A-02'));
    const a10 = texts.findIndex((t) => t.startsWith('A-10'));
    expect(a02).toBeGreaterThan(0);
    expect(a10).toBeGreaterThan(a02);
    expect(texts).toContain('  鲜牛奶 1L');
    expect(texts).toContain('  批次 B2411  到期 2026-12-20');
    expect(texts).toContain('  分拣 1:2 2:1');
    expect(texts).toContain('合计 4 件');
    expect(texts).toContain('打印 2026-12-04 09:30  拣货 赵强');
    expect(read.cuts).toBe(1);
    expect(read.unknown).toEqual([]);
  });

  it('refuses a bad document with the field that is wrong', async () => {
    const { requests } = await import('../../../shared/contract');
    const bad = requests['printers.pickList'].input.safeParse({ actor: { userId: 'u', device: 'd' }, jobId: 'pick-000001', target: { kind: 'tcp', host: '127.0.0.1', port: 9100 }, widthChars: 48, doc: { ...doc, wave: '波次 1' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('doc.wave');
  });
});
