// Helpers for renderer component tests (happy-dom + fake-indexeddb, no testing-library):
// render into a detached root, poll inside act() until a condition holds, type into inputs.
import 'fake-indexeddb/auto';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { WharfDB } from '../../renderer/store/db';
import type { OrderRow } from '../../shared/domain/types';
import type { NormalizedOrder } from '../../shared/domain/types';
import { searchTerms } from '../../shared/events/orderReducer';
import { makeOrder } from '../support/orders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered { container: HTMLElement; root: Root; unmount(): Promise<void> }

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => { root.render(ui); });
  return {
    container,
    root,
    async unmount() {
      await act(async () => { root.unmount(); });
      container.remove();
    },
  };
}

/** Polls (letting React and Dexie run between polls) until `check` returns a truthy value. */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 4000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await act(async () => { await new Promise((r) => setTimeout(r, 15)); });
  }
}

/** Lets pending animations and effects finish inside act (antd motion runs on timers). */
export async function settle(ms = 300): Promise<void> {
  await act(async () => { await new Promise((r) => setTimeout(r, ms)); });
}

/** Sets a (React-controlled) input's value the way typing does, and fires input. */
export function typeInto(el: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<T>(sel)];
export const tid = (id: string) => `[data-testid="${id}"]`;

export async function click(el: Element | null | undefined, what = 'element'): Promise<void> {
  if (!el) throw new Error(`nothing to click: ${what}`);
  await act(async () => { (el as HTMLElement).click(); });
}

/** Types into an input or textarea (or the one inside `el`) as a person would. */
export async function type(el: Element | null | undefined, value: string, what = 'input'): Promise<void> {
  if (!el) throw new Error(`nothing to type into: ${what}`);
  const input = (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')) as HTMLInputElement | null;
  if (!input) throw new Error(`no input inside ${what}`);
  await act(async () => { input.focus(); typeInto(input, value); });
}

/**
 * happy-dom has no layout: every clientHeight is 0, so a virtual list shows nothing. This gives
 * elements matching `selector` a size (what a browser would measure) and leaves the rest alone.
 */
export function fakeLayout(selector: string, size: { width: number; height: number }): () => void {
  const proto = HTMLElement.prototype;
  const saved = ['clientWidth', 'clientHeight'].map((p) => [p, Object.getOwnPropertyDescriptor(proto, p)] as const);
  for (const [prop, desc] of saved) {
    Object.defineProperty(proto, prop, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.matches?.(selector)) return prop === 'clientWidth' ? size.width : size.height;
        return desc?.get?.call(this) ?? 0;
      },
    });
  }
  return () => { for (const [prop, desc] of saved) if (desc) Object.defineProperty(proto, prop, desc); };
}

let dbSeq = 0;
export function freshDb(): WharfDB {
  return new WharfDB(`renderer-test-${process.pid}-${dbSeq++}-${Math.random().toString(36).slice(2)}`);
}

/** An order projection row as the reducer would store it (without going through events). */
export function makeRow(over: Partial<NormalizedOrder> & { orderId: string }, extra: Partial<OrderRow> = {}): OrderRow {
  const o = makeOrder(over);
  return {
    ...o,
    key: `${o.platform}:${o.shopId}:${o.orderId}`,
    fulfilment: 'new',
    holds: [],
    eventIds: [],
    viewHash: `h-${o.orderId}`,
    firstSeenAt: o.modifiedAt,
    updatedAt: o.modifiedAt,
    terms: searchTerms(o),
    ...extra,
  };
}
