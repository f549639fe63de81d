// One benchmark's Wharf: a host composed in this process (its own data dir, demo off, the demo
// company as the seed so there are users), the built renderer served on a free port, and
// Chromium on a fresh on-disk profile with the pool screen open. The host's inbox handlers are
// wrapped (not replaced) to time when the renderer asks for batches and acknowledges them.
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserHandle } from '../support/browser';
import { DEMO_COMPANY, inboxFiles, startServeInProcess, type InProcessServe } from '../support/serve';
import { writeInbox } from './payloads';
import type { RawOrder } from '../../main/services/platforms/types';
import type { InboxEntry } from '../../main/services/store/inbox';
import type { EventSink } from '../../main/services/host';
import { log, until, type Cleanup } from './harness';

export interface BenchApp {
  serve: InProcessServe;
  browser: BrowserHandle;
  page: Page;
  /** acknowledged (trimmed) batches so far, and when the last one was, performance.now() */
  acks(): { batches: number; lastAt: number };
  redeliverCalls(): number;
  /** writes page-sized inbox entries (as the sync engine does per fetched page) */
  writeBatches(shopId: string, raws: RawOrder[], batchSize: number): InboxEntry[];
  /** delivers entries to the connected renderer exactly as the sync engine's deliver does */
  deliver(entries: InboxEntry[]): void;
  /** asks the host to deliver every pending batch now, as it does when the renderer connects */
  redeliver(): Promise<number>;
  /** waits until the renderer has streamed its events to the host journal (≥ min, then quiet 1 s) */
  journalQuiet(min: number, timeoutMs: number, signal?: AbortSignal): Promise<number>;
  /** resolves with performance.now() of the last ack once every one of these entries is acked */
  waitAcked(entries: InboxEntry[], timeoutMs: number, signal?: AbortSignal): Promise<number>;
}

export async function openBenchApp(cleanup: Cleanup, signal: AbortSignal, opts: { needPool?: boolean; env?: Record<string, string>; clock?: import('../../shared/clock').Clock; initScript?: () => void } = {}): Promise<BenchApp> {
  const serve = await startServeInProcess({
    clock: opts.clock,
    env: { WHARF_DEMO: '0', WHARF_SEED: DEMO_COMPANY, ...opts.env },
    log: (m) => process.stderr.write(`[host] ${m}\n`),
  });
  cleanup.add(() => serve.stop());

  let acked = 0;
  let lastAckAt = 0;
  const ackedIds = new Set<string>();
  let redeliveries = 0;
  const h = serve.host.handlers;
  const ack = h['inbox.ack'];
  h['inbox.ack'] = async (input) => {
    const out = await ack(input);
    for (const id of out.trimmed) { acked++; lastAckAt = performance.now(); ackedIds.add(id); }
    return out;
  };
  const redeliver = h['inbox.redeliver'];
  h['inbox.redeliver'] = async (input) => {
    redeliveries++;
    return redeliver(input);
  };

  // the sinks the serve binder subscribes for each socket: what the sync engine's deliver reaches
  const sinks = new Set<EventSink>();
  const subscribe = serve.host.subscribe.bind(serve.host);
  serve.host.subscribe = (sink) => {
    sinks.add(sink);
    const off = subscribe(sink);
    return () => { sinks.delete(sink); off(); };
  };

  const browser = await launchBrowser({ logPrefix: '[page]' });
  cleanup.add(() => browser.close());
  const page = await browser.page();
  // the pool screen straight away: the demo company's ops lead was "last signed in" here
  await page.addInitScript(() => {
    try { if (!localStorage.getItem('wharf.operator')) localStorage.setItem('wharf.operator', 'u-ops'); } catch { /* no storage */ }
  });
  if (opts.initScript) await page.addInitScript(opts.initScript);
  await page.goto(serve.url, { waitUntil: 'load' });
  await page.waitForFunction(() => !!(globalThis as { wharfDiagnostics?: unknown }).wharfDiagnostics, undefined, { timeout: 30_000 })
    .catch(() => { throw new Error('window.wharfDiagnostics never appeared (renderer/app must call installDiagnostics)'); });
  // the renderer's first refresh ends with inbox.redeliver: after it the app is connected and idle
  await until(() => redeliveries > 0, { timeoutMs: 30_000, what: 'the renderer to connect and ask for pending batches (inbox.redeliver)', signal });
  const pool = await page.waitForSelector('[data-testid="pool-table"]', { timeout: 15_000 }).then(() => true, () => false);
  if (!pool) {
    if (opts.needPool) throw new Error('the pool screen (data-testid="pool-table") did not show');
    log('warning: the pool screen (data-testid="pool-table") did not show; measuring anyway');
  }
  await page.waitForTimeout(1000);

  return {
    serve,
    browser,
    page,
    acks: () => ({ batches: acked, lastAt: lastAckAt }),
    redeliverCalls: () => redeliveries,
    writeBatches: (shopId, raws, batchSize) => writeInbox(serve.dataDir, shopId, raws, batchSize),
    redeliver: async () => (await h['inbox.redeliver']({})).batches,
    deliver(entries) {
      if (!sinks.size) throw new Error('no renderer is connected to deliver to');
      for (const e of entries) serve.host.deliver(e);
    },
    async journalQuiet(min, timeoutMs, sig) {
      let last = -1;
      let since = Date.now();
      let total = 0;
      await until(async () => {
        total = (await h['journal.info']({})).total;
        if (total !== last) { last = total; since = Date.now(); }
        return total >= min && Date.now() - since >= 1000;
      }, { timeoutMs, what: `the journal to reach ${min} events`, signal: sig, intervalMs: 200 });
      return total;
    },
    async waitAcked(entries, timeoutMs, sig) {
      const want = new Set(entries.map((e) => e.batchId));
      const left = () => { for (const id of ackedIds) want.delete(id); return want.size; };
      await until(() => left() === 0, { timeoutMs, what: `${entries.length} inbox entries acknowledged`, signal: sig, intervalMs: 20 })
        .catch((e: Error) => { throw new Error(`${e.message}; ${want.size} still unacknowledged`); });
      const files = new Set(inboxFiles(serve.dataDir));
      const still = entries.filter((e) => files.has(`${e.batchId}.json`)).length;
      if (still) throw new Error(`${still} inbox entries are still on disk after being acknowledged`);
      return lastAckAt;
    },
  };
}
