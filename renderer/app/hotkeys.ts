// Keyboard-first: Alt+1…5 switch screens, F2 opens the operator switch. Ignored when another
// handler already took the key (e.g. the scan service consumed a scanner burst).
import { useEffect } from 'react';
import { useOperatorStore } from '../features/operator';
import { ROUTES, useAppState } from './appState';

export function useGlobalHotkeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'F2') {
        e.preventDefault();
        useOperatorStore.getState().openSwitch();
        return;
      }
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (e.altKey && !e.ctrlKey && !e.metaKey && digit) {
        const route = ROUTES[Number(digit[1]) - 1];
        if (route) { e.preventDefault(); useAppState.getState().go(route); }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
