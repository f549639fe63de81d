// Every change is an event. Events are immutable and kept: they are the audit trail.
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { NormalizedOrder } from '../domain/types';
import { sha256Hex } from '../hash';
import { OrderPlatformCall } from '../domain/writeBack';
import { DECISION_EVENT_PAYLOADS } from './decisionEvents';
import { STOCK_EVENT_PAYLOADS } from './stockEvents';
import { FLOOR_EVENT_PAYLOADS } from './floorEvents';

export const OrderPulledPayload = z.object({
  order: NormalizedOrder,
  /** SHA-256 of the canonical platform payload this order was mapped from */
  payloadHash: z.string(),
  source: z.enum(['api', 'excel', 'demo', 'manual']),
});
export type OrderPulledPayload = z.infer<typeof OrderPulledPayload>;

/** Event payloads by type. Later issues add types here; reducers ignore types they don't fold. */
export const EVENT_PAYLOADS = {
  'order.pulled': OrderPulledPayload,
  'operator.switched': z.object({ userId: z.string(), method: z.enum(['pin', 'badge', 'demo']), fromUserId: z.string().optional() }),
  'operator.failed': z.object({ method: z.enum(['pin', 'badge']), userId: z.string().optional(), reason: z.string() }),
  'shop.saved': z.object({ shopId: z.string(), name: z.string(), platform: z.string(), created: z.boolean(), changed: z.array(z.string()) }),
  'shop.removed': z.object({ shopId: z.string(), name: z.string() }),
  'sync.pullRequested': z.object({ shopId: z.string().optional() }),
  'company.loaded': z.object({ name: z.string(), skus: z.number().int(), warehouses: z.number().int(), shops: z.number().int(), users: z.number().int() }),
  'order.quarantined': z.object({ shopId: z.string(), orderId: z.string().optional(), reason: z.string() }),
  'journal.replayed': z.object({ events: z.number().int() }),
  /** who saw a decrypted receiver, for which order and why; the plaintext is never in an event */
  'receiver.revealed': z.object({ shopId: z.string(), orderId: z.string(), scene: z.string() }),
  /** an order first imported from a file was pulled through the platform's API (same order, more data) */
  'order.enriched': z.object({ from: z.literal('excel'), byEventId: z.string() }),
  /** a platform export was imported (the orders themselves are order.pulled events, source excel) */
  'import.completed': z.object({ fileName: z.string(), platform: z.string(), shopId: z.string(), orders: z.number().int(), skippedOrders: z.number().int(), rowErrors: z.number().int() }),
  /** an operator asked to change the platform (outbox row `outboxId`) */
  'writeback.requested': z.object({ outboxId: z.string(), shopId: z.string(), call: OrderPlatformCall }),
  /** the platform confirmed it (`replayed`: an earlier try had already gone through) */
  'writeback.done': z.object({ outboxId: z.string(), replayed: z.boolean() }),
  /** a try failed; `final` = the platform refused for good (it is not retried by itself) */
  'writeback.failed': z.object({ outboxId: z.string(), error: z.string(), final: z.boolean() }),
  ...DECISION_EVENT_PAYLOADS,
  ...STOCK_EVENT_PAYLOADS,
  ...FLOOR_EVENT_PAYLOADS,
} as const;
export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export const WharfEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: z.number().int(),
  actor: z.string(),
  device: z.string(),
  /** the order it concerns, for timelines */
  orderKey: z.string().optional(),
  payload: z.unknown(),
});
export type WharfEvent = z.infer<typeof WharfEvent>;
export interface TypedEvent<T extends EventType> extends WharfEvent { type: T; payload: EventPayload<T> }

/** Actor for changes that came from a platform, not a person. */
export const SYSTEM_ACTOR = 'system';

/**
 * Deterministic id for an event caused by outside data: platform + shop + order id + platform
 * modified time + payload hash. The same data pulled twice (one PC or two) yields the same id;
 * two changes in the same second differ by payload hash, so both are kept.
 */
export function externalEventId(platform: string, shopId: string, orderId: string, modifiedAt: number, payloadHash: string): string {
  const h = sha256Hex(`${platform}\u0000${shopId}\u0000${orderId}\u0000${modifiedAt}\u0000${payloadHash}`);
  // Shaped like a UUID (version nibble 8 = "custom") so every event id has one format.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Events the host writes to its own journal when the renderer acknowledges the inbox batch
 * they came from (platform pulls): the renderer does not stream these back.
 */
export function journaledByHost(ev: Pick<WharfEvent, 'type' | 'payload'>): boolean {
  return ev.type === 'order.pulled' && (ev.payload as { source?: string } | undefined)?.source === 'api';
}

export function newEventId(): string {
  return uuidv7();
}

export function orderPulledEvent(order: NormalizedOrder, payloadHash: string, source: OrderPulledPayload['source']): TypedEvent<'order.pulled'> {
  return {
    id: externalEventId(order.platform, order.shopId, order.orderId, order.modifiedAt, payloadHash),
    type: 'order.pulled',
    // the platform's own modified time: deterministic, so two PCs write identical events
    at: order.modifiedAt,
    actor: SYSTEM_ACTOR,
    device: `shop:${order.shopId}`,
    orderKey: `${order.platform}:${order.shopId}:${order.orderId}`,
    payload: { order, payloadHash, source },
  };
}

/** The one enriched event of an order: its id depends on the order alone, so it is written once. */
export function orderEnrichedEvent(orderKey: string, byEventId: string, at: number): TypedEvent<'order.enriched'> {
  const h = sha256Hex(`enriched\u0000${orderKey}`);
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`,
    type: 'order.enriched', at, actor: SYSTEM_ACTOR, device: 'sync', orderKey, payload: { from: 'excel', byEventId },
  };
}

/** Parses a payload for its type; unknown types pass through (forward compatibility). */
export function parseEventPayload(ev: WharfEvent): WharfEvent {
  const schema = (EVENT_PAYLOADS as Record<string, z.ZodType>)[ev.type];
  return schema ? { ...ev, payload: schema.parse(ev.payload) } : ev;
}
