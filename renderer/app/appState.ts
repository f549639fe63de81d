// App-wide UI state the shell shows: connection, storage persistence, host info, and which
// screen is open (in-app routing: no URL changes, no reloads).
import { create } from 'zustand';
import type { RequestOutput } from '../../shared/contract';
import type { ConnectionState } from '../transport/types';

export type Route = 'pool' | 'sync' | 'shops' | 'settings' | 'import' | 'review' | 'skus' | 'rules' | 'warehouses' | 'stock' | 'floor';
// Alt+1… in this order; new screens go last so the keys people learned keep working
export const ROUTES: readonly Route[] = ['pool', 'sync', 'shops', 'settings', 'import', 'review', 'skus', 'rules', 'warehouses', 'stock', 'floor'];

export type StorageState = 'unknown' | 'persisted' | 'refused' | 'unavailable';
export type AppInfo = RequestOutput<'app.info'>;

interface AppState {
  route: Route;
  connection: ConnectionState;
  /** once the host answered at least once, a drop reads "reconnecting", not "connecting" */
  everOpen: boolean;
  storage: StorageState;
  storageDismissed: boolean;
  info?: AppInfo;
  go(route: Route): void;
  setConnection(s: ConnectionState): void;
  setStorage(s: StorageState): void;
  dismissStorage(): void;
  setInfo(info: AppInfo): void;
}

export const useAppState = create<AppState>((set) => ({
  route: 'pool',
  connection: 'connecting',
  everOpen: false,
  storage: 'unknown',
  storageDismissed: false,
  info: undefined,
  go: (route) => set({ route }),
  setConnection: (connection) => set((s) => ({ connection, everOpen: s.everOpen || connection === 'open' })),
  setStorage: (storage) => set({ storage }),
  dismissStorage: () => set({ storageDismissed: true }),
  setInfo: (info) => set({ info }),
}));
