// Keyboard-first: Alt+1…9, Alt+0 and Alt+- switch screens (the keys of the number row, in the
// menu's order), F2 opens the operator switch. Ignored when another
// handler already took the key (e.g. the scan service consumed a scanner burst).
import { useEffect } from 'react';
import { useOperatorStore } from '../features/operator';
import { ROUTES, useAppState } from './appState';

/** the number row, left to right: the n-th screen's key */
export const ROUTE_KEYS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0', 'Minus'];
/** what the menu shows for the n-th screen's key */
export const routeKeyLabel = (i: number) => (ROUTE_KEYS[i] ? `Alt+${ROUTE_KEYS[i] === 'Minus' ? '-' : ROUTE_KEYS[i]!.slice(5)}` : '');

export function useGlobalHotkeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'F2') {
        e.preventDefault();
        useOperatorStore.getState().openSwitch();
        return;
      }
      const at = ROUTE_KEYS.indexOf(e.code);
      if (e.altKey && !e.ctrlKey && !e.metaKey && at >= 0) {
        const route = ROUTES[at];
        if (route) { e.preventDefault(); useAppState.getState().go(route); }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
