// Status tables edited in Settings: applied to the mappers at once, kept across restarts,
// validated against the platform's fields, reset to the shipped table.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { entryToBatch } from '../../main/services/sync/delivery';
import { WharfDB } from '../../renderer/store/db';
import { ingestBatch } from '../../renderer/store/ingest';
import { remapQuarantine } from '../../renderer/store/quarantine';
import { ADMIN, TEST_COMPANY, makeHost, tempDir } from '../support/hostHarness';
import { mapFor } from '../../main/services/platforms/registry';
import { formatWhen, parseWhen } from '../../renderer/features/settings/statusRowText';
import { MapError } from '../../main/services/platforms/types';
import { samplePayloads } from '../support/payloadFuzz';

describe('editable status tables', () => {
  it('a row added for an unknown status maps orders that were quarantined; it survives a restart; reset brings the shipped table back', async () => {
    const dir = tempDir();
    const host = makeHost(dir);
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    const payload = { ...((await samplePayloads('pdd'))[0] as Record<string, unknown>), order_status: 9 };
    expect(() => mapFor('pdd')(payload, 's')).toThrow(MapError);
    const pdd = (await host.handlers['statusTables.list']({})).find((v) => v.platform === 'pdd')!;
    expect(pdd.edited).toBe(false);
    const rows = [{ when: { order_status: ['9'] }, channelStatus: 'shipped' as const, hold: 'platform_new_state' }, ...pdd.rows];
    const saved = await host.handlers['statusTables.save']({ actor: ADMIN, platform: 'pdd', rows });
    expect(saved.edited).toBe(true);
    expect(mapFor('pdd')(payload, 's')).toMatchObject({ channelStatus: 'shipped', channelHolds: ['platform_new_state'] });
    await host.stop();

    const again = makeHost(dir);
    expect((await again.handlers['statusTables.list']({})).find((v) => v.platform === 'pdd')!.rows[0]!.when).toEqual({ order_status: ['9'] });
    await again.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    await again.handlers['statusTables.save']({ actor: ADMIN, platform: 'pdd', rows: null });
    expect(() => mapFor('pdd')(payload, 's')).toThrow(/Settings → Status tables/);
    await again.stop();
  });

  it('quarantined orders are read again after the table learns their status, and journaled once', async () => {
    const host = makeHost(tempDir());
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    const [good, odd] = (await samplePayloads('pdd')) as Record<string, unknown>[];
    const weird: Record<string, unknown> = { ...odd, order_status: 7 };
    const batch = entryToBatch({ batchId: 'b1', shopId: 'shop-pdd', platform: 'pdd', fetchedAt: 1, raw: [{ orderId: String(good!.order_sn), modifiedAt: 1, payload: good }, { orderId: String(weird.order_sn), modifiedAt: 1, payload: weird }] } as never, mapFor);
    expect(batch.quarantine).toHaveLength(1);
    const db = new WharfDB(`remap-${process.pid}`);
    await ingestBatch(db, batch);
    expect(await remapQuarantine(db, host.handlers)).toEqual({ fixed: 0, still: 1 });
    const pdd = (await host.handlers['statusTables.list']({})).find((v) => v.platform === 'pdd')!;
    await host.handlers['statusTables.save']({ actor: ADMIN, platform: 'pdd', rows: [{ when: { order_status: ['7'] }, channelStatus: 'shipped' }, ...pdd.rows] });
    const before = (await host.handlers['journal.info']({})).total;
    expect(await remapQuarantine(db, host.handlers)).toEqual({ fixed: 1, still: 0 });
    expect(await db.quarantine.count()).toBe(0);
    expect((await db.orders.get(`pdd:shop-pdd:${String(weird.order_sn)}`))!.channelStatus).toBe('shipped');
    expect((await host.handlers['journal.info']({})).total).toBe(before + 1);
    await host.handlers['statusTables.save']({ actor: ADMIN, platform: 'pdd', rows: null });
    db.close();
    await host.stop();
  });

  it('refuses a field the platform does not have, and an operator without settings.manage', async () => {
    const host = makeHost(tempDir());
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    await expect(host.handlers['statusTables.save']({ actor: ADMIN, platform: 'jd', rows: [{ when: { ordrState: ['X'] }, channelStatus: 'paid' }] }))
      .rejects.toMatchObject({ code: 'invalid_input', extra: { issues: [expect.objectContaining({ path: 'rows.0.when.ordrState' })] } });
    await expect(host.handlers['statusTables.save']({ actor: { userId: 'u-pack', device: 'd' }, platform: 'jd', rows: null })).rejects.toMatchObject({ code: 'forbidden' });
    await host.stop();
  });

  it('condition text round-trips and says what is wrong', () => {
    const when = { order_status: ['1'], confirm_status: ['1', '0'] };
    expect(parseWhen(formatWhen(when))).toEqual(when);
    expect(parseWhen('status＝A｜B；refund=1')).toEqual({ status: ['A', 'B'], refund: ['1'] });
    expect(() => parseWhen('order_status')).toThrow(/field=value/);
    expect(() => parseWhen('a=1; a=2')).toThrow(/twice/);
  });
});
