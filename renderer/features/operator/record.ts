// Events recorded on behalf of the signed-in operator, each followed by a journal nudge.
import type { WharfDB } from '../../store/db';
import { mutate, recordEvent } from '../../store/mutators';
import type { EventPayload, EventType, WharfEvent } from '../../../shared/events/envelope';
import type { Permission } from '../../../shared/domain/permissions';
import { operatorContext } from './session';
import { notifyJournal } from './journalNotify';

/** Records an event as the current operator (no permission check: pure audit entries). */
export async function recordAsOperator<T extends EventType>(db: WharfDB, type: T, payload: EventPayload<T>, orderKey?: string): Promise<WharfEvent> {
  const ctx = operatorContext();
  const ev = await recordEvent(db, { userId: ctx.user.id, device: ctx.device, now: ctx.now }, type, payload, orderKey);
  notifyJournal();
  return ev;
}

/** Records an event the operator's role must be allowed to cause. */
export async function mutateAsOperator<T extends EventType>(db: WharfDB, permission: Permission, type: T, payload: EventPayload<T>, orderKey?: string): Promise<WharfEvent> {
  const ev = await mutate(db, operatorContext(), permission, type, payload, orderKey);
  notifyJournal();
  return ev;
}
