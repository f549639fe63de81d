// Named mutators on the renderer side: each checks the operator's permission, writes its
// event in the local store, and lets the journal pump pick it up.
import { newEventId, type EventType, type EventPayload, type WharfEvent } from '../../shared/events/envelope';
import { requirePermission, type Permission } from '../../shared/domain/permissions';
import type { UserPublic } from '../../shared/domain/types';
import type { WharfDB } from './db';

export interface OperatorContext { user: UserPublic; device: string; now: () => number }

export async function recordEvent<T extends EventType>(db: WharfDB, ctx: { userId: string; device: string; now: () => number }, type: T, payload: EventPayload<T>, orderKey?: string): Promise<WharfEvent> {
  const ev: WharfEvent = { id: newEventId(), type, at: ctx.now(), actor: ctx.userId, device: ctx.device, orderKey, payload };
  await db.events.add(ev);
  return ev;
}

export async function mutate<T extends EventType>(db: WharfDB, ctx: OperatorContext, permission: Permission, type: T, payload: EventPayload<T>, orderKey?: string): Promise<WharfEvent> {
  requirePermission(ctx.user.role, permission);
  return recordEvent(db, { userId: ctx.user.id, device: ctx.device, now: ctx.now }, type, payload, orderKey);
}
