// The print retry pump on the injected clock: a waiting job goes again only once its backoff ran
// out, a printed label records the parcel's waybill, and a stopped pump sends nothing more.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { enqueueLabel } from '../../renderer/store/floor/printQueue';
import { PRINT_RETRY_POLL_MS, startPrintPump } from '../../renderer/store/floor/printPump';
import { decideFixtures } from './decideFixtures';

const { freshDb, setUp, lead, time } = decideFixtures('print-pump');

describe('print retry pump', () => {
  it('retries a waiting job after its backoff, on the injected clock only', async () => {
    const db = freshDb();
    await setUp(db);
    const clock = new ManualClock(time.now);
    const ctx = { ...lead, now: () => clock.now() };
    let up = false;
    const sent: string[] = [];
    const host = {
      'printers.send': async (input: { jobId: string }) => {
        sent.push(input.jobId);
        if (!up) throw Object.assign(new Error('label-1 (127.0.0.1:9100) refused the connection: is it on?'), { code: 'unavailable' });
        return { at: clock.now(), bytes: 10, replayed: false };
      },
    };
    const job = await enqueueLabel(db, ctx, { parcel: 'p1', orderKey: 'k', waybillNo: '731000000001', carrier: 'ZTO', printer: 'label-1', target: { kind: 'tcp', host: '127.0.0.1', port: 9100 }, language: 'tspl', data: 'AAAA' });
    const stop = startPrintPump(db, host as never, () => ctx, clock);
    clock.advance(PRINT_RETRY_POLL_MS);
    await vi.waitFor(async () => expect((await db.printJobs.get(job.id))?.state).toBe('waiting'));
    expect(sent).toHaveLength(1);
    // the next pass comes before the 2 s backoff ran out: nothing is sent
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    clock.advance(PRINT_RETRY_POLL_MS - 1500);
    up = true;
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    expect(sent).toHaveLength(1);
    clock.advance(PRINT_RETRY_POLL_MS);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    // printed; the parcel is not packed in this store, so its label is not recorded and the job says why
    await vi.waitFor(async () => expect((await db.printJobs.get(job.id))?.error).toMatch(/not packed yet/));
    stop();
    clock.advance(60_000);
    expect(clock.pending()).toBe(0);
  });
});
