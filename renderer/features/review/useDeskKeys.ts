// Keyboard-first desk keys (A approve, H hold, 1–5 pick…) that work wherever the focus is, except
// while typing, inside a dialog or a dropdown, or on a control that uses the key itself.
//
// A keyboard-wedge scanner types too: "A12H…" must never approve or hold anything. The scan
// service only recognises a scan at its Enter, so a letter key waits a moment before it acts, and
// a second key within that moment (no hand types that fast) or a scan cancels it.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { DEFAULT_BURST, useScans, type ScanHandler } from '../scan';

/** Longer than a scanner's gap between keys and before its Enter. */
export const LETTER_DELAY_MS = DEFAULT_BURST.terminatorGapMs + 40;

const OVERLAYS = '.ant-modal-wrap, .ant-modal, .ant-drawer, .ant-select-dropdown, .ant-cascader-dropdown, .ant-picker-dropdown, .ant-popover, .ant-dropdown';

function typing(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable) return true;
  if (tag !== 'INPUT') return !!el.closest?.('[role="combobox"]');
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit'].includes(type);
}

/** A button, checkbox or link answers Space and Enter by itself. */
const ownsActivation = (el: Element | null) => !!el?.closest?.('button, a[href], input, [role="button"], [role="checkbox"], [role="tab"]');

/** "a", "arrowdown", "enter", " ", "ctrl+a" */
export function keyName(e: KeyboardEvent): string {
  const k = e.key.toLowerCase();
  return e.ctrlKey || e.metaKey ? `ctrl+${k}` : k;
}

/**
 * Calls `onKey` for the named keys while `active`. Single printable keys (letters, digits, Space)
 * are delayed by LETTER_DELAY_MS and dropped when they turn out to be part of a burst.
 */
export function useDeskKeys(active: boolean, keys: readonly string[], onKey: (name: string) => void, onScan?: ScanHandler): void {
  const ref = useRef(onKey);
  useLayoutEffect(() => { ref.current = onKey; });
  const keyList = keys.join('\u0000');
  const cancelRef = useRef<() => void>(() => undefined);
  // a scan is the screen's input too (an order id, a product barcode); it never leaves a key pending
  useScans((code, meta) => { cancelRef.current(); return onScan?.(code, meta); }, { active: active && !!onScan });

  useEffect(() => {
    if (!active) return;
    const wanted = new Set(keyList.split('\u0000'));
    let pending: ReturnType<typeof setTimeout> | undefined;
    let lastPrintable = -Infinity;
    const cancel = () => { if (pending !== undefined) clearTimeout(pending); pending = undefined; };
    cancelRef.current = cancel;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (typing(target) || target?.closest?.(OVERLAYS)) { cancel(); return; }
      const name = keyName(e);
      const printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey;
      if (printable) {
        const now = performance.now();
        const burst = now - lastPrintable < LETTER_DELAY_MS;
        lastPrintable = now;
        // two keys this close together: a scanner, not a hand — neither of them acts
        if (burst) { cancel(); return; }
        if (!wanted.has(name) || (name === ' ' && ownsActivation(target))) return;
        e.preventDefault();
        pending = setTimeout(() => { pending = undefined; ref.current(name); }, LETTER_DELAY_MS);
        return;
      }
      cancel();
      if (!wanted.has(name) || (name === 'enter' && ownsActivation(target))) return;
      e.preventDefault();
      ref.current(name);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => { cancel(); cancelRef.current = () => undefined; window.removeEventListener('keydown', onKeyDown); };
  }, [active, keyList]);
}
