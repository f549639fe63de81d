// Per-shop sync status from the host: one full read, then pushed updates; read again after a
// reconnect or a shop change (the pushed stream only carries shops that changed).
import { useEffect, useState } from 'react';
import type { ShopSyncStatus } from '../../../shared/contract';
import { getTransport, host, onHostEvent } from '../../transport/client';

export interface SyncStatusState {
  shops: ShopSyncStatus[];
  loaded: boolean;
  error?: unknown;
}

export function useSyncStatus(): SyncStatusState {
  const [state, setState] = useState<SyncStatusState>({ shops: [], loaded: false });

  useEffect(() => {
    let alive = true;
    const readAll = () => {
      host['sync.status']({}).then(
        (shops) => { if (alive) setState({ shops, loaded: true }); },
        (error: unknown) => { if (alive) setState((s) => ({ ...s, error })); },
      );
    };
    readAll();
    const offs = [
      onHostEvent('sync.status', (s) => {
        setState((prev) => {
          const i = prev.shops.findIndex((x) => x.shopId === s.shopId);
          const shops = i < 0 ? [...prev.shops, s] : prev.shops.map((x, j) => (j === i ? s : x));
          return { shops, loaded: true };
        });
      }),
      onHostEvent('shops.changed', readAll),
      getTransport().onState((st) => { if (st === 'open') readAll(); }),
    ];
    return () => { alive = false; offs.forEach((off) => off()); };
  }, []);

  return state;
}
