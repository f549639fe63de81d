// Subscribes a component to scans for as long as it is mounted (and `active`).
import { useEffect, useLayoutEffect, useRef } from 'react';
import { subscribeScans } from './defaultService';
import type { ScanHandler, SubscribeOptions } from './service';

export function useScans(handler: ScanHandler, opts: SubscribeOptions & { active?: boolean } = {}): void {
  // the latest handler is called without resubscribing on every render
  const ref = useRef(handler);
  useLayoutEffect(() => { ref.current = handler; });
  const { active = true, exclusive = false } = opts;
  useEffect(() => {
    if (!active) return;
    return subscribeScans((code, meta) => ref.current(code, meta), { exclusive });
  }, [active, exclusive]);
}
