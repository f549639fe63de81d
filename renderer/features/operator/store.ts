// Who is at this PC right now, and which PC this is. UI state only (zustand): the audit trail
// of switches lives in the event log. The device id is a UUID made once per browser profile.
import { create } from 'zustand';
import { v4 as uuidv4 } from 'uuid';
import type { UserPublic } from '../../../shared/domain/types';

const DEVICE_KEY = 'wharf.device';
const OPERATOR_KEY = 'wharf.operator';

function storage(): Storage | undefined {
  return globalThis.localStorage;
}

/** This profile's device id, created on first use and kept in localStorage. */
export function loadDeviceId(): string {
  const saved = storage()?.getItem(DEVICE_KEY);
  if (saved) return saved;
  const id = uuidv4();
  storage()?.setItem(DEVICE_KEY, id);
  return id;
}

/** The operator last signed in on this device, so a restart does not ask again. */
export function savedOperatorId(): string | undefined {
  return storage()?.getItem(OPERATOR_KEY) ?? undefined;
}

interface OperatorState {
  device: string;
  user?: UserPublic;
  switchOpen: boolean;
  setUser(user: UserPublic | undefined): void;
  openSwitch(): void;
  closeSwitch(): void;
}

export const useOperatorStore = create<OperatorState>((set) => ({
  device: loadDeviceId(),
  user: undefined,
  switchOpen: false,
  setUser(user) {
    if (user) storage()?.setItem(OPERATOR_KEY, user.id);
    else storage()?.removeItem(OPERATOR_KEY);
    set({ user });
  },
  openSwitch: () => set({ switchOpen: true }),
  closeSwitch: () => set({ switchOpen: false }),
}));

/** The current operator, device and switch state, for components. */
export function useOperator(): OperatorState {
  return useOperatorStore();
}
