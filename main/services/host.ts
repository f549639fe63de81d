// The host's services, composed once. Both binders (serve's WebSocket now, Electron IPC next)
// mount exactly these handlers; nothing here knows which transport carries a request.
import './nativeHash';
import fs from 'node:fs';
import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { requests, WharfError, type Actor, type UpdateStatus, type EventName, type EventPayloadOf, type RequestInput, type RequestName, type RequestOutput } from '../../shared/contract';
import { can, type Permission } from '../../shared/domain/permissions';
import type { HostConfig } from './config';
import { Inbox } from './store/inbox';
import { Journal } from './store/journal';
import { CursorStore } from './store/cursors';
import { openSecretBox } from './store/secrets';
import { ShopStore } from './store/shops';
import { CompanyStore, parseCompanySetup, readCompanyFile } from './store/company';
import { SyncEngine, toPlatformError } from './sync/syncEngine';
import { PlatformCallLedger, type CallRecord } from './store/platformCalls';
import type { StockPushFailure } from '../../shared/domain/writeBack';
import { StatusTablesStore } from './store/statusTablesStore';
import { parseJsonKeepingBigInts } from './platforms/json';
import { MapError } from './platforms/types';
import { sha256Hex } from '../../shared/hash';
import { orderPulledEvent } from '../../shared/events/envelope';
import type { NormalizedOrder, Platform } from '../../shared/domain/types';
import { PlatformCallError } from './platforms/types';
import { Deliveries } from './sync/deliveries';
import { LogRing } from './logRing';
import { BudgetBook } from './platforms/budget';
import { diagnosticsText } from './diagnostics';
import { UpdatesStore } from './store/updatesStore';
import { checkUpdateUrl } from './updateUrl';
import type { InboxEntry } from './store/inbox';
import { connectorFor, mapFor } from './platforms/registry';
import type { ConnectorDeps } from './platforms/types';
import { startDemo, demoCompanySetup, type DemoHandle } from './demo/demo';
import { PrintLedger } from './printers/printLedger';
import { PrinterSendError, sendTcp } from './printers/tcpSend';
import { describeTarget, type PrinterTarget } from '../../shared/domain/printing';
import { pickListEscpos } from './printers/pickListEscpos';

export type Handlers = { [N in RequestName]: (input: z.output<(typeof requests)[N]['input']>) => Promise<RequestOutput<N>> };
export type EventSink = <N extends EventName>(name: N, payload: EventPayloadOf<N>) => void;

export interface Host {
  readonly config: HostConfig;
  readonly handlers: Handlers;
  /** subscribe to host → renderer events; returns unsubscribe */
  subscribe(sink: EventSink): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  demoInfo(): { on: boolean; reason: string; channels: { platform: Platform; url: string }[]; printer?: { host: string; port: number } };
  readonly sync: SyncEngine;
  /** sends a filed inbox entry to connected renderers, as the sync engine does after each page */
  deliver(entry: InboxEntry): void;
  /** update settings and status: the desktop shell runs the updater and reports here */
  readonly updates: Pick<UpdatesStore, 'settings' | 'onChange'> & { setStatus(s: UpdateStatus): void };
}

export interface HostOptions {
  clock: Clock;
  version: string;
  connectorDeps?: Partial<ConnectorDeps>;
  log?: (msg: string) => void;
  /** the secrets' data key when the shell keeps it (desktop: safeStorage); else the key file */
  secretKey?: Buffer;
  /** the desktop's safeStorage could not be used: why (shown as a banner) */
  secretStoreWarning?: string;
  /** which shell mounts the host (diagnostics, updates); serve unless the desktop says so */
  shell?: 'serve' | 'desktop';
  /** runtime versions for diagnostics (the desktop adds electron and chrome) */
  runtime?: { electron?: string; chrome?: string };
}

export function createHost(config: HostConfig, opts: HostOptions): Host {
  const out = opts.log ?? ((m: string) => process.stderr.write(`[wharf] ${m}\n`));
  const ring = new LogRing();
  const log = (m: string) => { ring.add(opts.clock.now(), m); out(m); };
  const shell = opts.shell ?? 'serve';
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secrets = openSecretBox(config.dataDir, opts.secretKey);
  const shops = new ShopStore(config.dataDir, secrets);
  const inbox = new Inbox(config.dataDir);
  const journal = new Journal(config.dataDir);
  const cursors = new CursorStore(config.dataDir);
  const company = new CompanyStore(config.dataDir);
  const deliveries = new Deliveries(inbox, journal, mapFor);
  const updates = new UpdatesStore(config.dataDir, { url: config.updateUrl, channel: config.updateChannel });
  const updatesView = () => ({ settings: updates.settings, status: updates.latest, shell });
  const sinks = new Set<EventSink>();
  const emit: EventSink = (name, payload) => { for (const s of sinks) s(name, payload); };
  const startedAt = opts.clock.now();
  let demo: DemoHandle | undefined;
  let demoReason = '';

  const deps: ConnectorDeps = { clock: opts.clock, ...opts.connectorDeps };
  const budgets = new BudgetBook(opts.clock, deps.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))), config.rateOverrides);
  const sync = new SyncEngine({
    clock: opts.clock, shops, inbox, cursors,
    // one request budget per platform app, shared by its shops (a catch-up paces itself); a
    // demo shop talks to the built-in simulator on loopback, which has no quota to protect
    connectorFor: (c) => connectorFor(c, {
      ...deps,
      budget: shops.isDemo(c.shopId) ? undefined : budgets.for(c.platform, c.appKey),
      // a renewed access token (and rotated refresh token) is sealed before the next call needs it
      onTokens: (t) => shops.saveTokens(c.shopId, t),
    }),
    deliver: (entry) => emit('inbox.batch', deliveries.batch(entry)),
    onStatus: (s) => emit('sync.status', s),
    initialLookbackMs: config.initialLookbackMs,
    overlapMs: config.overlapMs,
    log,
  });

  /** The operator must exist in the company setup and hold the permission. */
  const authorize = (actor: Actor, permission: Permission) => {
    const users = company.current?.snapshot.users ?? [];
    const u = users.find((x) => x.id === actor.userId);
    if (!u) throw new WharfError('forbidden', `operator "${actor.userId}" is not a user of this company; switch operator and try again`);
    if (!can(u.role, permission)) throw new WharfError('forbidden', `${u.name} (${u.role}) may not ${permission}; switch to an ops lead or admin`);
    return u;
  };

  const callLedger = new PlatformCallLedger(config.dataDir);
  const printLedger = new PrintLedger(config.dataDir);
  const printsInFlight = new Map<string, Promise<unknown>>();
  /** One printer job, once per job id (a lost answer re-sent is answered, not printed again). */
  const printJob = async (actor: Actor, jobId: string, target: PrinterTarget, build: () => Uint8Array, reprint?: string) => {
    const user = authorize(actor, 'floor.ship');
    const done = printLedger.get(jobId);
    if (done) return { at: done.at, bytes: done.bytes, replayed: true };
    const running = printsInFlight.get(jobId);
    if (running) { await running.catch(() => undefined); const d = printLedger.get(jobId); if (d) return { at: d.at, bytes: d.bytes, replayed: true }; }
    const bytes = build();
    const run = sendTcp(target, bytes);
    printsInFlight.set(jobId, run);
    try {
      await run;
    } catch (e) {
      const retryable = e instanceof PrinterSendError ? e.retryable : true;
      log(`print job ${jobId} to ${describeTarget(target)} failed: ${e instanceof Error ? e.message : String(e)}`);
      throw new WharfError('unavailable', e instanceof Error ? e.message : String(e), { retryable });
    } finally { printsInFlight.delete(jobId); }
    const at = opts.clock.now();
    printLedger.record({ jobId, printer: describeTarget(target), bytes: bytes.length, at, actor: actor.userId, ...(reprint ? { reprint } : {}) });
    log(`print job ${jobId} (${bytes.length} bytes) taken by ${describeTarget(target)}${reprint ? ` — reprint: ${reprint}` : ''} (by ${user.name})`);
    return { at, bytes: bytes.length, replayed: false };
  };
  const statusTables = new StatusTablesStore(config.dataDir);
  const callsInFlight = new Map<string, Promise<void>>();

  const shopsChanged = () => emit('shops.changed', { shops: shops.list() });

  const handlers: Handlers = {
    'app.info': async () => ({
      version: opts.version, startedAt, demo: hostDemoInfo(), dataDir: config.dataDir, now: opts.clock.now(), shell,
      secretStore: opts.secretKey ? { kind: 'os' as const } : { kind: 'keyfile' as const, warning: opts.secretStoreWarning },
    }),
    'app.diagnostics': async () => ({
      text: diagnosticsText({
        now: opts.clock.now(), version: opts.version, shell,
        runtime: { node: process.versions.node, platform: process.platform, arch: process.arch, ...opts.runtime },
        dataDir: config.dataDir, startedAt, demo: hostDemoInfo(), company: company.current?.setup.company.name,
        shops: shops.list(), sync: sync.status(), inboxPending: inbox.pendingCount(), journalTotal: journal.total,
        updates: { settings: updates.settings, status: updates.latest }, log: ring.recent(),
      }),
    }),
    'updates.get': async () => updatesView(),
    'updates.save': async ({ actor, settings }) => {
      const u = authorize(actor, 'settings.manage');
      const bad = settings.url.trim() ? checkUpdateUrl(settings.url.trim()) : undefined;
      if (bad) throw new WharfError('invalid_input', `updates.save: ${bad}`);
      updates.save(settings);
      log(`update settings changed by ${u.name}: ${settings.url.trim() || '(off)'} channel ${settings.channel}`);
      const view = updatesView();
      emit('updates.changed', view);
      return view;
    },
    'company.snapshot': async () => {
      if (!company.current) throw new WharfError('unavailable', 'no company is set up yet; load a company-setup file in Settings or start with WHARF_SEED=path');
      return company.current.snapshot;
    },
    'company.load': async ({ actor, setup }) => {
      if (company.current) authorize(actor, 'company.load');
      const parsed = parseCompanySetup(setup, 'from Settings');
      const loaded = company.load(parsed, true);
      shops.ensureFromSetup(parsed.shops.filter((s) => !s.demo));
      shopsChanged();
      emit('company.changed', { revision: loaded.snapshot.revision });
      return { name: parsed.company.name, skus: parsed.skus.length, warehouses: parsed.warehouses.length, shops: parsed.shops.length, users: parsed.users.length };
    },
    'shops.list': async () => shops.list(),
    'shops.save': async ({ actor, shop }) => {
      authorize(actor, 'shops.manage');
      const saved = shops.save(shop);
      log(`shop ${saved.shop.id} ${saved.created ? 'added' : 'updated'} by ${actor.userId}: ${saved.changed.join(', ')}`);
      shopsChanged();
      if (saved.changed.some((c) => c !== 'name' && c !== 'pullIntervalMin')) sync.refreshShops();
      if (!saved.created) void sync.pull(saved.shop.id);
      return saved.shop;
    },
    'shops.remove': async ({ actor, shopId }) => {
      authorize(actor, 'shops.manage');
      shops.remove(shopId);
      sync.forget(shopId);
      shopsChanged();
      return { ok: true as const };
    },
    'shops.test': async ({ shopId, draft }) => {
      const creds = draft ? shops.draftCredentials(draft) : shopId ? shops.credentials(shopId) : undefined;
      if (!creds) throw new WharfError('invalid_input', 'give a shopId or a draft to test');
      const t0 = opts.clock.now();
      const began = performance.now();
      try {
        await connectorFor(creds, { ...deps, sleep: async () => undefined }).test();
        return { ok: true, latencyMs: Math.round(performance.now() - began) };
      } catch (e) {
        return { ok: false, latencyMs: Math.round(performance.now() - began), error: toPlatformError(e, t0) };
      }
    },
    'orders.revealReceiver': async ({ actor, shopId, orderId, mergeKey, scene }) => {
      const user = authorize(actor, 'receiver.reveal');
      // logged without the plaintext; the renderer also records a receiver.revealed event
      log(`receiver of ${shopId}/${orderId} revealed to ${user.name} (${user.role}) on ${actor.device}, scene ${scene}`);
      try {
        return await connectorFor(shops.credentials(shopId), { ...deps, onTokens: (t) => shops.saveTokens(shopId, t) }).revealReceiver({ orderId, mergeKey, scene });
      } catch (e) {
        const pe = toPlatformError(e, opts.clock.now());
        throw new WharfError('platform_error', `the platform refused to decrypt this receiver: ${pe.code} ${pe.message}`, { platform: pe });
      }
    },
    'printers.send': async ({ actor, jobId, target, data, reprint }) => printJob(actor, jobId, target, () => Buffer.from(data, 'base64'), reprint),
    'printers.pickList': async ({ actor, jobId, target, doc, widthChars, reprint }) => printJob(actor, jobId, target, () => pickListEscpos(doc, widthChars), reprint),
    'platform.call': async ({ actor, idempotencyKey, shopId, call }) => {
      // A stock push is not an operator's decision about an order: the renderer derives it from
      // the stock ledger (sellable = on hand − reserved) whenever stock moves, under whoever's
      // session is open — a packer's as much as an admin's — so any company user may send it.
      const user = authorize(actor, call.op === 'ship' ? 'floor.ship' : call.op === 'memo' ? 'orders.review' : 'orders.view');
      const answer = (r: CallRecord, replayed: boolean) => ({ at: r.at, replayed, ...(r.failed ? { failed: r.failed } : {}) });
      const done = callLedger.get(idempotencyKey);
      if (done) return answer(done, true);
      // the same key twice at once (a retry racing a slow first try) shares one platform call
      const running = callsInFlight.get(idempotencyKey);
      if (running) { await running; return answer(callLedger.get(idempotencyKey)!, true); }
      const what = call.op === 'ship' ? `the tracking upload for ${call.orderId}` : call.op === 'memo' ? `the memo update for ${call.orderId}` : `the stock push of ${call.items.length} listing(s)`;
      const run = (async () => {
        const connector = connectorFor(shops.credentials(shopId), { ...deps, budget: shops.isDemo(shopId) ? undefined : budgets.for(shops.get(shopId)!.platform, shops.get(shopId)!.appKey), onTokens: (t) => shops.saveTokens(shopId, t) });
        let failed: StockPushFailure[] | undefined;
        try {
          if (call.op === 'ship') await connector.ship({ orderId: call.orderId, lineIds: call.lineIds, carrierCode: call.carrierCode, trackingNo: call.trackingNo });
          else if (call.op === 'memo') await connector.setMemo({ orderId: call.orderId, memo: call.memo, flag: call.flag });
          else failed = (await connector.pushStock({ items: call.items })).failed;
        } catch (e) {
          const pe = toPlatformError(e, opts.clock.now());
          const retryable = e instanceof PlatformCallError ? e.retryable : false;
          throw new WharfError('platform_error', `${what} failed: ${pe.code} ${pe.message}`, { platform: pe, retryable });
        }
        callLedger.record({ key: idempotencyKey, shopId, call, at: opts.clock.now(), actor: actor.userId, ...(failed ? { failed } : {}) });
        if (call.op === 'stock') {
          const refused = failed!.length ? `; refused: ${failed!.map((f) => `${f.itemId}/${f.skuId ?? '-'} ${f.code}`).join(', ')}` : '';
          log(`stock push of ${shopId} confirmed for ${call.items.length - failed!.length} of ${call.items.length} listing(s)${refused} (by ${user.name}, key ${idempotencyKey})`);
        } else {
          log(`${call.op} of ${shopId}/${call.orderId} confirmed by the platform (by ${user.name}, key ${idempotencyKey})`);
        }
      })();
      callsInFlight.set(idempotencyKey, run);
      try { await run; } finally { callsInFlight.delete(idempotencyKey); }
      // ship and memo changed an order: pull soon so the pool shows the platform's view too
      // (a stock push changes no order)
      if (call.op !== 'stock') void sync.pull(shopId);
      return answer(callLedger.get(idempotencyKey)!, false);
    },
    'quarantine.remap': async ({ entries }) => {
      const orders: { id: string; order: NormalizedOrder; payloadHash: string }[] = [];
      const still: { id: string; reason: string; where: string }[] = [];
      for (const q of entries) {
        try {
          // the kept text is the canonical payload the hash was taken of (cut at 20,000 characters)
          const payload = parseJsonKeepingBigInts(q.raw);
          orders.push({ id: q.id, order: mapFor(q.platform)(payload, q.shopId), payloadHash: sha256Hex(q.raw) });
        } catch (e) {
          still.push({ id: q.id, reason: e instanceof Error ? e.message : String(e), where: e instanceof MapError ? e.where : 'raw' });
        }
      }
      // journaled here, as an acknowledged pull would be: the app does not stream api-sourced events
      if (orders.length) journal.append(orders.map((o) => orderPulledEvent(o.order, o.payloadHash, 'api')));
      return { orders, still };
    },
    'statusTables.list': async () => statusTables.list(),
    'statusTables.save': async ({ actor, platform, rows }) => {
      const user = authorize(actor, 'settings.manage');
      const view = statusTables.save(platform, rows);
      log(`${platform} status table ${rows ? `saved (${rows.length} rows)` : 'reset to the shipped one'} by ${user.name}`);
      return view;
    },
    'sync.status': async () => sync.status(),
    'sync.pullNow': async ({ actor, shopId }) => {
      authorize(actor, 'orders.pull');
      return { started: sync.pullNow(shopId) };
    },
    'inbox.ack': async ({ batchIds }) => ({ trimmed: deliveries.ack(batchIds) }),
    'inbox.redeliver': async () => {
      const pending = inbox.pending();
      for (const e of pending) emit('inbox.batch', deliveries.batch(e));
      return { batches: pending.length };
    },
    'journal.append': async ({ events }) => ({ appended: journal.append(events), total: journal.total }),
    'journal.info': async () => ({ total: journal.total }),
    'journal.read': async ({ offset, limit }) => journal.read(offset, limit),
  };

  function hostDemoInfo() {
    return { on: !!demo, reason: demoReason, channels: demo ? demo.channels : [], ...(demo ? { printer: demo.printer } : {}) };
  }

  return {
    config,
    handlers,
    sync,
    deliver: (entry) => emit('inbox.batch', deliveries.batch(entry)),
    updates: {
      get settings() { return updates.settings; },
      onChange: (fn) => updates.onChange(fn),
      setStatus(st) { updates.setStatus(st); emit('updates.changed', updatesView()); },
    },
    subscribe(sink) { sinks.add(sink); return () => sinks.delete(sink); },
    demoInfo: hostDemoInfo,
    async start() {
      if (config.seedPath) {
        const setup = readCompanyFile(config.seedPath);
        company.load(setup, true);
        shops.ensureFromSetup(setup.shops.filter((s) => !s.demo));
        log(`company "${setup.company.name}" loaded from WHARF_SEED=${config.seedPath}`);
      }
      const wantDemo = config.demo === 'on' || (config.demo === 'auto' && shops.realShopCount() === 0);
      demoReason = config.demo === 'on' ? 'WHARF_DEMO=1' : config.demo === 'off' ? 'WHARF_DEMO=0' : wantDemo ? 'no real shop is configured' : 'a real shop is configured';
      if (wantDemo) {
        if (!company.current) company.load(demoCompanySetup(), false);
        // the simulator is listening and holds its backlog before start() resolves (and so before /healthz answers)
        demo = await startDemo(config, company.current!.setup, shops, opts.clock);
        log(`demo mode (${demoReason}): simulators ${demo.channels.map((c) => `${c.platform} ${c.url}`).join(', ')}`);
      }
      sync.start();
    },
    async stop() {
      await sync.stop();
      await demo?.close();
      demo = undefined;
    },
  };
}
