// Worker thread: makes "already fetched" payload chunks and files them in the host's inbox
// (one entry per page, fsync'd, exactly as the sync engine does), so the main thread can keep
// the host responsive while the next chunk is prepared.
import { parentPort, workerData } from 'node:worker_threads';
import { Inbox, type InboxEntry } from '../../main/services/store/inbox';
import { mapTaobaoTrade } from '../../main/services/platforms/taobao/map';
import { fetchedPayloads } from './payloads';
import { entryToBatch } from '../../main/services/sync/delivery';
import { mapFor } from '../../main/services/platforms/registry';
import { orderPulledEvent } from '../../shared/events/envelope';
import { reduceOrderPulled } from '../../shared/events/orderReducer';
import type { OrderRow } from '../../shared/domain/types';

export interface GenJob {
  dataDir: string;
  shopId: string;
  now: number;
  spanMs: number;
  batchSize: number;
  /** one generated shop chunk per entry: its seed and size */
  chunks: { seed: number; count: number }[];
  /** every n-th order is mapped and sent back as a query sample */
  sampleEvery: number;
  /**
   * chunks from this index on are not filed in the inbox: they come back as the order rows the
   * renderer's ingest would store for them (the host's mapping, then the shared reducer), for a
   * bulk write (see pool.ts)
   */
  rowsFrom?: number;
}

export interface GenSample { orderId: string; createdAt: number; channelStatus: string; phoneTail: string }
export type GenMessage =
  | { kind: 'chunk'; index: number; entries: InboxEntry[]; rows: OrderRow[]; samples: GenSample[]; ms: number }
  | { kind: 'error'; message: string };

const job = workerData as GenJob;
const port = parentPort!;

const inbox = new Inbox(job.dataDir);
const taken = new Set<string>();

/** The main thread asks for each chunk by index (it keeps at most one ready ahead). */
port.on('message', (index: number) => {
  try {
    const c = job.chunks[index]!;
    const t = performance.now();
    const { raws } = fetchedPayloads({ seed: c.seed, count: c.count, spanMs: job.spanMs, now: job.now, shopId: job.shopId, taken });
    const samples: GenSample[] = [];
    for (let i = 0; i < raws.length; i += job.sampleEvery) {
      const o = mapTaobaoTrade(raws[i]!.payload, job.shopId);
      samples.push({ orderId: o.orderId, createdAt: o.createdAt, channelStatus: o.channelStatus, phoneTail: o.receiver.phoneTail });
    }
    const entries: InboxEntry[] = [];
    const rows: OrderRow[] = [];
    if (job.rowsFrom !== undefined && index >= job.rowsFrom) {
      // exactly what delivery + ingest make of the same payloads, decisions aside
      const batch = entryToBatch({ batchId: `bulk-${index}`, shopId: job.shopId, platform: 'taobao', fetchedAt: Date.now(), raw: raws }, mapFor);
      if (batch.quarantine.length) throw new Error(`${batch.quarantine.length} generated orders did not map: ${batch.quarantine[0]!.reason}`);
      for (const { order, payloadHash } of batch.orders) rows.push(reduceOrderPulled(undefined, orderPulledEvent(order, payloadHash, 'api')));
    } else {
      for (let i = 0; i < raws.length; i += job.batchSize) {
        entries.push(inbox.append({ shopId: job.shopId, platform: 'taobao', fetchedAt: Date.now(), raw: raws.slice(i, i + job.batchSize) }));
      }
    }
    port.postMessage({ kind: 'chunk', index, entries, rows, samples, ms: performance.now() - t } satisfies GenMessage);
  } catch (e) {
    port.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) } satisfies GenMessage);
  }
});
