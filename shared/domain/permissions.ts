// What each role may do. Mutators check this; the UI hides what a role cannot use.
import type { Role } from './types';

export const PERMISSIONS = [
  'orders.view', 'orders.pull', 'orders.review', 'receiver.reveal', 'shops.manage', 'users.manage',
  'company.load', 'floor.pick', 'floor.ship', 'cs.tickets', 'journal.replay', 'settings.manage', 'skus.manage', 'orders.create',
  // receive, count, adjust, freeze, transfer stock (warehouse staff and leads)
  'stock.move',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = new Set<Permission>(PERMISSIONS);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: ALL,
  ops_lead: new Set<Permission>(['orders.view', 'orders.pull', 'orders.review', 'receiver.reveal', 'shops.manage', 'company.load', 'floor.pick', 'floor.ship', 'cs.tickets', 'journal.replay', 'settings.manage', 'skus.manage', 'orders.create', 'stock.move']),
  reviewer: new Set<Permission>(['orders.view', 'orders.pull', 'orders.review']),
  cs: new Set<Permission>(['orders.view', 'receiver.reveal', 'cs.tickets', 'orders.create']),
  packer: new Set<Permission>(['orders.view', 'floor.pick', 'floor.ship', 'stock.move']),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export class PermissionError extends Error {
  readonly code = 'forbidden';
  constructor(readonly role: Role, readonly permission: Permission) {
    super(`role "${role}" may not ${permission}; switch to an operator who may (e.g. ops_lead or admin)`);
  }
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new PermissionError(role, permission);
}
