// A real host (services composed as in serve mode) on a temp data dir, plus a "renderer"
// made of the real Dexie ingest over fake-indexeddb — the whole pull path without a browser.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from '../../shared/clock';
import type { InboxBatch, Actor } from '../../shared/contract';
import { readConfig, type HostConfig } from '../../main/services/config';
import { createHost, type Host } from '../../main/services/host';
import { WharfDB } from '../../renderer/store/db';
import { ingestBatch } from '../../renderer/store/ingest';

export const ADMIN: Actor = { userId: 'u-admin', device: 'test-device' };

export const TEST_COMPANY = {
  format: 'wharf.company/1',
  company: { name: '测试公司' },
  warehouses: [{ code: 'yiwu', name: '义乌仓', province: '浙江省', city: '金华市' }],
  skus: [],
  shops: [],
  users: [
    { id: 'u-admin', name: '周敏', role: 'admin', pin: '0000' },
    { id: 'u-pack', name: '赵强', role: 'packer', pin: '4567' },
  ],
};

export function tempDir(prefix = 'wharf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(dataDir: string, over: Partial<HostConfig> = {}): HostConfig {
  // two days back is plenty for the simulators' backlogs and keeps the first pull short
  return { ...readConfig({}), dataDir, demo: 'off', initialLookbackMs: 2 * 86_400_000, ...over };
}

export function makeHost(dataDir: string, opts: { clock?: Clock; config?: Partial<HostConfig> } = {}): Host {
  return createHost(testConfig(dataDir, opts.config), {
    clock: opts.clock ?? systemClock,
    version: 'test',
    connectorDeps: { sleep: async () => undefined, timeoutMs: 400 },
    log: () => undefined,
  });
}

let dbSeq = 0;
/** A renderer stand-in: ingests every delivered batch, then acks (unless `ack` is false). */
export function attachRenderer(host: Host, opts: { ack?: boolean } = {}) {
  const db = new WharfDB(`harness-${process.pid}-${dbSeq++}`);
  let chain: Promise<unknown> = Promise.resolve();
  const received: InboxBatch[] = [];
  const off = host.subscribe((name, payload) => {
    if (name !== 'inbox.batch') return;
    const b = payload as InboxBatch;
    received.push(b);
    chain = chain.then(async () => {
      await ingestBatch(db, b);
      if (opts.ack !== false) await host.handlers['inbox.ack']({ batchIds: [b.batchId] });
    });
  });
  return {
    db,
    received,
    settle: async () => { for (let i = 0; i < 3; i++) await chain; },
    detach: () => off(),
    // batches already received finish ingesting first: closing under them is a test artefact
    async dispose() { off(); await chain.catch(() => undefined); db.close(); await db.delete(); },
  };
}
