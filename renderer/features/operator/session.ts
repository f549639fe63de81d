// Signing in and out. PINs are checked offline against the salted hash mirrored from the
// host; every success and failure is an event, so "who was at the packing PC" is answerable.
import type { Actor } from '../../../shared/contract';
import { checkPin } from '../../../shared/domain/company';
import { can, type Permission } from '../../../shared/domain/permissions';
import type { UserPublic } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import type { OperatorContext } from '../../store/mutators';
import { recordEvent } from '../../store/mutators';
import { useOperatorStore } from './store';
import { notifyJournal } from './journalNotify';

/** Actor of failed attempts made while nobody is signed in. */
export const ANONYMOUS = 'anonymous';

export class NoOperatorError extends Error {
  readonly code = 'no_operator';
  constructor() { super('nobody is signed in on this PC: open the operator switch (top right, or F2) and sign in first'); }
}

/** The operator for host calls (the host checks the role again). */
export function getActor(): Actor {
  const { user, device } = useOperatorStore.getState();
  if (!user) throw new NoOperatorError();
  return { userId: user.id, device };
}

/** The operator for local mutators (they check the role's permission). */
export function operatorContext(now: () => number = Date.now): OperatorContext {
  const { user, device } = useOperatorStore.getState();
  if (!user) throw new NoOperatorError();
  return { user, device, now };
}

/** True when the signed-in operator's role has the permission. */
export function useCan(permission: Permission): boolean {
  return useOperatorStore((s) => !!s.user && can(s.user.role, permission));
}

function becomeOperator(user: UserPublic): void {
  const s = useOperatorStore.getState();
  s.setUser(user);
  s.closeSwitch();
}

/** Checks the PIN; records operator.switched or operator.failed. */
export async function signInWithPin(db: WharfDB, user: UserPublic, pin: string, now: () => number = Date.now): Promise<boolean> {
  const { device, user: from } = useOperatorStore.getState();
  if (!checkPin(pin, user)) {
    await recordEvent(db, { userId: from?.id ?? ANONYMOUS, device, now }, 'operator.failed', { method: 'pin', userId: user.id, reason: 'wrong_pin' });
    notifyJournal();
    return false;
  }
  await recordEvent(db, { userId: user.id, device, now }, 'operator.switched', { userId: user.id, method: 'pin', fromUserId: from?.id });
  notifyJournal();
  becomeOperator(user);
  return true;
}

/** Finds the badge's user; records operator.switched or operator.failed. */
export async function signInWithBadge(db: WharfDB, badge: string, now: () => number = Date.now): Promise<UserPublic | undefined> {
  const { device, user: from } = useOperatorStore.getState();
  const user = badge ? await db.users.where('badge').equals(badge).first() : undefined;
  if (!user) {
    // the badge text itself is not logged: a mistyped or foreign code is not an identity
    await recordEvent(db, { userId: from?.id ?? ANONYMOUS, device, now }, 'operator.failed', { method: 'badge', reason: 'unknown_badge' });
    notifyJournal();
    return undefined;
  }
  await recordEvent(db, { userId: user.id, device, now }, 'operator.switched', { userId: user.id, method: 'badge', fromUserId: from?.id });
  notifyJournal();
  becomeOperator(user);
  return user;
}
