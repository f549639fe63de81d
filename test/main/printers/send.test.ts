// printers.send against a real TCP printer on loopback: the bytes arrive exactly, the label
// reads back (barcode and all), a lost answer never prints twice, and a printer that is off
// loses nothing: the same job goes through once it is back.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeHost, tempDir, TEST_COMPANY } from '../../support/hostHarness';
import { VirtualPrinter } from '../../../main/services/printers/virtualPrinter';
import { blankBitmap } from '../../../shared/label/bitmap';
import { drawCode128 } from '../../../shared/label/barcode';
import { tsplJob } from '../../../shared/label/tspl';
import { toBase64 } from '../../../shared/label/bytes';
import { readTspl } from '../../../shared/label/read/readTspl';
import { readBitmapBarcode } from '../../helpers/readBarcode';
import type { Host } from '../../../main/services/host';

const PACKER = { userId: 'u-pack', device: 'pack-1' };
let host: Host | undefined;
const printers: VirtualPrinter[] = [];
afterEach(async () => { await host?.stop(); host = undefined; for (const p of printers.splice(0)) await p.stop(); });

async function setup() {
  host = makeHost(tempDir());
  await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
  return host;
}

function job(tracking: string) {
  const b = blankBitmap(800, 1440);
  drawCode128(b, tracking, 80, 300, 160, 3);
  return tsplJob(b, { widthMm: 100, heightMm: 180 });
}

describe('printers.send', () => {
  it('the printer gets exactly the job, and its barcode reads back', async () => {
    const h = await setup();
    const p = new VirtualPrinter();
    printers.push(p);
    const { host: ip, port } = await p.start();
    const bytes = job('ZT7000000000001');
    const r = await h.handlers['printers.send']({ actor: PACKER, jobId: 'job-00000001', target: { kind: 'tcp', host: ip, port }, data: toBase64(bytes) });
    expect(r).toMatchObject({ bytes: bytes.length, replayed: false });
    await p.waitForJobs(1);
    expect(Buffer.compare(p.jobs[0]!.bytes, Buffer.from(bytes))).toBe(0);
    const [page] = readTspl(new Uint8Array(p.jobs[0]!.bytes));
    expect(readBitmapBarcode(page!.bitmap, { x: 0, y: 250, width: 800, height: 260 })).toBe('ZT7000000000001');

    // the station lost the answer and sends the same job again: no second label
    const again = await h.handlers['printers.send']({ actor: PACKER, jobId: 'job-00000001', target: { kind: 'tcp', host: ip, port }, data: toBase64(bytes) });
    expect(again.replayed).toBe(true);
    // a reprint is a new job with its reason
    await h.handlers['printers.send']({ actor: PACKER, jobId: 'job-00000001-r1', target: { kind: 'tcp', host: ip, port }, data: toBase64(bytes), reprint: '标签被刮花' });
    await p.waitForJobs(2);
    expect(p.jobs).toHaveLength(2);
  });

  it('a printer that is off: a clear, retryable error; the same job prints once it is back', async () => {
    const h = await setup();
    const p = new VirtualPrinter();
    printers.push(p);
    const { port } = await p.start();
    await p.stop();
    const data = toBase64(job('ZT7000000000002'));
    const err = await h.handlers['printers.send']({ actor: PACKER, jobId: 'job-00000002', target: { kind: 'tcp', host: '127.0.0.1', port }, data }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unavailable', extra: { retryable: true } });
    expect((err as Error).message).toMatch(/refused the connection; check the printer's IP address/);
    await p.start(port);
    const r = await h.handlers['printers.send']({ actor: PACKER, jobId: 'job-00000002', target: { kind: 'tcp', host: '127.0.0.1', port }, data });
    expect(r.replayed).toBe(false);
    await p.waitForJobs(1);
  });

  it('needs the floor.ship permission', async () => {
    const h = await setup();
    await h.handlers['company.load']({ actor: ADMIN, setup: { ...TEST_COMPANY, users: [...TEST_COMPANY.users, { id: 'u-rev', name: '钱审', role: 'reviewer', pin: '1111' }] } });
    const err = await h.handlers['printers.send']({ actor: { userId: 'u-rev', device: 'd' }, jobId: 'job-00000003', target: { kind: 'tcp', host: '127.0.0.1', port: 9 }, data: 'AAAA' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/\(reviewer\) may not floor\.ship/) });
  });
});
