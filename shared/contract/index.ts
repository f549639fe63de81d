// The one typed boundary between the renderer and the host. Every request and event is
// declared once here with zod schemas; both binders (WebSocket now, Electron IPC next) parse
// every message against them, and the renderer's client type is derived from them.
import { z } from 'zod';
import { FloorSettings } from '../floor/settings';
import { BlacklistEntry, ChannelStatus, NormalizedOrder, OnHand, Platform, QuarantineEntry, ShopPublic, SignMethod, Sku, UserPublic, Warehouse } from '../domain/types';
import { SkuMapping } from '../decide/types';
import { WharfEvent } from '../events/envelope';
import { PlatformCall, StockPushFailure } from '../domain/writeBack';
import { MAX_JOB_BASE64, PickListDoc, PrinterTarget } from '../domain/printing';

/** Who asks: the operator signed in on that device. The host checks the role. */
export const Actor = z.strictObject({ userId: z.string().min(1), device: z.string().min(1) });
export type Actor = z.infer<typeof Actor>;

export const PlatformError = z.object({
  /** the platform's own code and message, e.g. TOP 27 "Invalid session" */
  code: z.string(),
  subCode: z.string().optional(),
  message: z.string(),
  at: z.number().int(),
  api: z.string().optional(),
  /** the shop's authorization lapsed and could not be renewed: the sync panel asks to re-authorize */
  reauthorize: z.boolean().optional(),
});
export type PlatformError = z.infer<typeof PlatformError>;

export const ShopSyncStatus = z.object({
  shopId: z.string(),
  platform: Platform,
  name: z.string(),
  running: z.boolean(),
  lastPullAt: z.number().int().optional(),
  lastSuccessAt: z.number().int().optional(),
  nextPullAt: z.number().int().optional(),
  /** how far behind the platform the cursor is (now − cursor end), ms */
  lagMs: z.number().int().optional(),
  /** orders fetched in the last pull / since start */
  lastPulled: z.number().int(),
  totalPulled: z.number().int(),
  pendingBatches: z.number().int(),
  intervalMin: z.number().int(),
  error: PlatformError.optional(),
});
export type ShopSyncStatus = z.infer<typeof ShopSyncStatus>;

export const InboxBatch = z.object({
  batchId: z.string(),
  shopId: z.string(),
  platform: Platform,
  fetchedAt: z.number().int(),
  orders: z.array(z.object({ order: NormalizedOrder, payloadHash: z.string() })),
  quarantine: z.array(QuarantineEntry),
});
export type InboxBatch = z.infer<typeof InboxBatch>;

export const DemoInfo = z.object({
  on: z.boolean(),
  reason: z.string(),
  channels: z.array(z.object({ platform: Platform, url: z.string() })),
  /** the demo's label printer (a loopback socket that takes every job) */
  printer: z.object({ host: z.string(), port: z.number().int() }).optional(),
});

export const CompanySnapshot = z.object({
  name: z.string(),
  revision: z.string(),
  warehouses: z.array(Warehouse),
  skus: z.array(Sku),
  users: z.array(UserPublic),
  onHand: z.array(OnHand).default([]),
  blacklist: z.array(BlacklistEntry).default([]),
  mappings: z.array(SkuMapping).default([]),
  /** decision settings (rules, matching, allocation policy); absent = keep what the desk has */
  decisions: z.unknown().optional(),
  /** floor settings (own waybill ranges, wave sizes); absent = keep what the floor has */
  floor: FloorSettings.optional(),
});
export type CompanySnapshot = z.infer<typeof CompanySnapshot>;

/** One row of a platform's status table (platforms.md §9): conditions over several fields. */
export const StatusRowSchema = z.strictObject({
  when: z.record(z.string().min(1).max(60), z.array(z.string().max(60)).min(1).max(50)),
  channelStatus: ChannelStatus,
  hold: z.string().regex(/^[a-z][a-z0-9_]{2,40}$/, 'a hold code: lower-case letters, digits and _').optional(),
});
export const StatusTableView = z.object({
  platform: Platform,
  /** the platform fields a row may test */
  fields: z.array(z.string()),
  defaults: z.array(StatusRowSchema),
  rows: z.array(StatusRowSchema),
  edited: z.boolean(),
});
export type StatusTableView = z.infer<typeof StatusTableView>;

export const ShopDraft = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  platform: Platform,
  name: z.string().trim().min(1).max(60),
  gatewayUrl: z.url({ protocol: /^https?$/ }),
  /** app key / client_id / appkey / appid, by platform; Youzan shops may leave it empty */
  appKey: z.string().trim().max(64),
  /** omitted on edit = keep the stored one */
  secret: z.string().min(1).max(256).optional(),
  /** the shop's access token (TOP: session) */
  session: z.string().min(1).max(512).optional(),
  /** where the platform issues one; lets Wharf renew a lapsed access token by itself */
  refreshToken: z.string().min(1).max(512).optional(),
  /** Kuaishou only: the signSecret its signatures use */
  signSecret: z.string().min(1).max(256).optional(),
  signMethod: SignMethod,
  pullIntervalMin: z.number().int().min(1).max(1440),
});
export type ShopDraft = z.infer<typeof ShopDraft>;

/** A decrypted receiver: shown to the operator who asked, never written to the store. */
export const PlainReceiver = z.object({
  name: z.string(), mobile: z.string(), phone: z.string(),
  province: z.string(), city: z.string(), district: z.string(), town: z.string(), address: z.string(),
});
export type PlainReceiver = z.infer<typeof PlainReceiver>;

/** Taobao decrypt scenes (platforms.md §1.7); the operator picks why they need the data. */
export const REVEAL_SCENES = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '2001', '2002'] as const;

/** Self-update settings (desktop): a generic HTTPS feed the company hosts, and a channel. */
export const UpdateSettings = z.strictObject({ url: z.string().max(500), channel: z.enum(['stable', 'beta']) });
export type UpdateSettings = z.infer<typeof UpdateSettings>;
export const UpdateStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off'), reason: z.string() }),
  z.object({ state: z.literal('idle'), lastCheckAt: z.number().int().optional(), nextCheckAt: z.number().int() }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('downloading'), version: z.string() }),
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string(), nextCheckAt: z.number().int() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;
const UpdatesView = z.object({ settings: UpdateSettings, status: UpdateStatus, shell: z.enum(['serve', 'desktop']) });

const none = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });

export const requests = {
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(), startedAt: z.number().int(), demo: DemoInfo, dataDir: z.string(), now: z.number().int(),
      shell: z.enum(['serve', 'desktop']),
      /** where the shop secrets' key lives; `warning` when the desktop had to fall back to the key file */
      secretStore: z.object({ kind: z.enum(['os', 'keyfile']), warning: z.string().optional() }),
    }),
  },
  /** a support text for this PC (versions, shops without secrets, sync, recent log lines), redacted */
  'app.diagnostics': { input: none, output: z.object({ text: z.string() }) },
  'updates.get': { input: none, output: UpdatesView },
  'updates.save': { input: z.strictObject({ actor: Actor, settings: UpdateSettings }), output: UpdatesView },
  'company.snapshot': { input: none, output: CompanySnapshot },
  'company.load': { input: z.strictObject({ actor: Actor, setup: z.unknown() }), output: z.object({ name: z.string(), skus: z.number(), warehouses: z.number(), shops: z.number(), users: z.number() }) },
  'shops.list': { input: none, output: z.array(ShopPublic) },
  'shops.save': { input: z.strictObject({ actor: Actor, shop: ShopDraft }), output: ShopPublic },
  'shops.remove': { input: z.strictObject({ actor: Actor, shopId: z.string() }), output: ok },
  'shops.test': {
    input: z.strictObject({ shopId: z.string().optional(), draft: ShopDraft.optional() }),
    output: z.object({ ok: z.boolean(), latencyMs: z.number(), error: PlatformError.optional() }),
  },
  'orders.revealReceiver': {
    input: z.strictObject({ actor: Actor, shopId: z.string(), orderId: z.string(), mergeKey: z.string(), scene: z.enum(REVEAL_SCENES) }),
    output: PlainReceiver,
  },
  /** a change to a platform (tracking upload, memo/flag), exactly once per idempotency key */
  'platform.call': {
    input: z.strictObject({ actor: Actor, idempotencyKey: z.string().min(8).max(80), shopId: z.string(), call: PlatformCall }),
    /** failed: listings a stock push could not set (the rest were set) */
    output: z.object({ at: z.number().int(), replayed: z.boolean(), failed: z.array(StockPushFailure).optional() }),
  },
  /**
   * Bytes to a printer, once per job id: a station re-sending a job whose answer it lost gets
   * `replayed` instead of a second label. A reprint is a new job id with its reason.
   */
  'printers.send': {
    input: z.strictObject({
      actor: Actor,
      jobId: z.string().min(8).max(80),
      target: PrinterTarget,
      data: z.string().min(4).max(MAX_JOB_BASE64).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the job as base64'),
      reprint: z.string().trim().min(2).max(200).optional(),
    }),
    output: z.object({ at: z.number().int(), bytes: z.number().int(), replayed: z.boolean() }),
  },
  /** a wave's pick list to an ESC/POS receipt printer (the host builds the bytes); once per job id like printers.send */
  'printers.pickList': {
    input: z.strictObject({ actor: Actor, jobId: z.string().min(8).max(80), target: PrinterTarget, doc: PickListDoc, widthChars: z.union([z.literal(32), z.literal(48)]), reprint: z.string().trim().min(2).max(200).optional() }),
    output: z.object({ at: z.number().int(), bytes: z.number().int(), replayed: z.boolean() }),
  },
  /** quarantined payloads read again (after a status table edit, or a fix): the ones that map now */
  'quarantine.remap': {
    input: z.strictObject({ entries: z.array(QuarantineEntry).min(1).max(500) }),
    output: z.object({
      orders: z.array(z.object({ id: z.string(), order: NormalizedOrder, payloadHash: z.string() })),
      still: z.array(z.object({ id: z.string(), reason: z.string(), where: z.string() })),
    }),
  },
  'statusTables.list': { input: none, output: z.array(StatusTableView) },
  /** rows: null resets the platform to its shipped table */
  'statusTables.save': { input: z.strictObject({ actor: Actor, platform: Platform, rows: z.array(StatusRowSchema).min(1).max(200).nullable() }), output: StatusTableView },
  'sync.status': { input: none, output: z.array(ShopSyncStatus) },
  'sync.pullNow': { input: z.strictObject({ actor: Actor, shopId: z.string().optional() }), output: z.object({ started: z.array(z.string()) }) },
  /** several batches stored in one transaction are acknowledged together (one fsync) */
  'inbox.ack': { input: z.strictObject({ batchIds: z.array(z.string()).min(1).max(1000) }), output: z.object({ trimmed: z.array(z.string()) }) },
  'inbox.redeliver': { input: none, output: z.object({ batches: z.number().int() }) },
  'journal.append': { input: z.strictObject({ events: z.array(WharfEvent).max(5000) }), output: z.object({ appended: z.number().int(), total: z.number().int() }) },
  'journal.info': { input: none, output: z.object({ total: z.number().int() }) },
  'journal.read': {
    input: z.strictObject({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }),
    output: z.object({ events: z.array(WharfEvent), next: z.number().int().nullable() }),
  },
} as const;

export const events = {
  'sync.status': ShopSyncStatus,
  'inbox.batch': InboxBatch,
  'shops.changed': z.object({ shops: z.array(ShopPublic) }),
  'company.changed': z.object({ revision: z.string() }),
  'updates.changed': UpdatesView,
} as const;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<(typeof requests)[N]['output']>;
export type EventPayloadOf<N extends EventName> = z.output<(typeof events)[N]>;

/** The renderer's client, derived from the declarations: no generated or hand-written copy. */
export type Client = { [N in RequestName]: (input: RequestInput<N>) => Promise<RequestOutput<N>> };

export const REQUEST_NAMES = Object.keys(requests) as RequestName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Typed errors crossing the boundary. */
export const ERROR_CODES = ['bad_message', 'unknown_request', 'invalid_input', 'invalid_output', 'forbidden', 'not_found', 'platform_error', 'unavailable', 'internal'] as const;
export const ContractError = z.object({
  code: z.enum(ERROR_CODES),
  /** what went wrong, where, and how to fix it, in one sentence */
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  platform: PlatformError.optional(),
  /** a platform_error that may pass on a later try (rate limit, timeout, 5xx) */
  retryable: z.boolean().optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export class WharfError extends Error {
  constructor(readonly code: ContractError['code'], message: string, readonly extra: Omit<ContractError, 'code' | 'message'> = {}) {
    super(message);
  }
  toJSON(): ContractError { return { code: this.code, message: this.message, ...this.extra }; }
}

/** Wire messages (WebSocket). The same names are the IPC channels in the desktop shell. */
export const ClientMessage = z.strictObject({ t: z.literal('req'), id: z.number().int().nonnegative(), name: z.string(), input: z.unknown() });
export type ClientMessage = z.infer<typeof ClientMessage>;
// a plain union: two variants share t:'res' (told apart by ok), which discriminatedUnion refuses
export const ServerMessage = z.union([
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int().nullable(), ok: z.literal(false), error: ContractError }),
  z.object({ t: z.literal('evt'), name: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export function isRequestName(n: string): n is RequestName { return Object.hasOwn(requests, n); }
export function isEventName(n: string): n is EventName { return Object.hasOwn(events, n); }

/**
 * Event frames are written with a fixed key order (t, name, payload), so a receiver can tell a
 * bulk event by its first bytes and hand the text, unparsed, to a worker (inbox batches: parsing
 * and validating thousands of orders must not run on the UI thread).
 */
export function encodeEvent(name: EventName, payload: unknown): string {
  return `{"t":"evt","name":${JSON.stringify(name)},"payload":${JSON.stringify(payload)}}`;
}
export function isEventFrame(text: string, name: EventName): boolean {
  return text.startsWith(`{"t":"evt","name":"${name}","payload":`);
}
/** Parses and validates one event frame of the given name (the worker's side of isEventFrame). */
export function decodeEventFrame<N extends EventName>(text: string, name: N): EventPayloadOf<N> {
  const msg = ServerMessage.parse(JSON.parse(text));
  if (msg.t !== 'evt' || msg.name !== name) throw new WharfError('invalid_output', `expected a ${name} event frame`);
  return events[name].parse(msg.payload) as EventPayloadOf<N>;
}
