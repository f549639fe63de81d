// Helpers for the SKU and warehouse screen tests: antd controls driven the way a person does
// (open a select, type, click the option), an operator at the PC, and the event log to check.
import { act } from 'react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { $, $$, render, settle, tid, typeInto, waitFor, type Rendered } from './support';
import type { WharfDB } from '../../renderer/store/db';
import { useOperatorStore } from '../../renderer/features/operator';
import type { Role, Sku, UserPublic } from '../../shared/domain/types';

export { $, $$, tid, click, type } from './support';

/** A SKU with every field a form leaves at its default, and these. */
export const sku = (over: Partial<Sku> & { code: string; name: string }): Sku => ({
  spec: '', category: '', barcodes: [], weightG: 0, volumeCm3: 0, batchTracked: false, shelfLifeDays: 0, costFen: 0, minPriceFen: 0, priceFen: 0, components: [], aliases: [], ...over,
});
/** antd puts a checkbox's or radio's data-testid on its <input> or on its wrapper, depending on the control. */
export const inputOf = (id: string, root: ParentNode = document) => $<HTMLInputElement>(`input${tid(id)}`, root) ?? $<HTMLInputElement>(`${tid(id)} input`, root);

export function signIn(role: Role = 'ops_lead'): UserPublic {
  const user: UserPublic = { id: `u-${role}`, name: role === 'ops_lead' ? '林静' : '陈思远', role, pinHash: 'x', pinSalt: 'y' };
  useOperatorStore.setState({ user, device: 'dev-test' });
  return user;
}

const mounted: Rendered[] = [];

/** The screen inside antd's App, as the Shell mounts it (messages need its context). */
export async function renderApp(ui: ReactNode): Promise<Rendered> {
  const view = await render(<App>{ui}</App>);
  mounted.push(view);
  return view;
}

/** afterEach: a test that failed half-way leaves nothing on the page for the next one. */
export async function unmountAll(): Promise<void> {
  for (const v of mounted.splice(0)) if (v.container.isConnected) await v.unmount();
  document.body.innerHTML = '';
}

export async function press(el: Element | null | undefined, key: string, init: KeyboardEventInit = {}): Promise<void> {
  if (!el) throw new Error(`nothing to press ${key} on`);
  const target = (el.tagName === 'INPUT' ? el : el.querySelector('input') ?? el) as HTMLElement;
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** Opens an antd Select (typing `search` when it has a search box) and clicks the option whose text includes `option`. */
export async function pick(select: Element | null | undefined, option: string, search?: string): Promise<void> {
  if (!select) throw new Error(`no select to pick ${option} from`);
  const input = select.querySelector<HTMLInputElement>('input');
  await act(async () => {
    (input ?? select).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    input?.focus();
  });
  if (search !== undefined && input) await act(async () => { typeInto(input, search); });
  const hit = await waitFor(() => $$('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').find((o) => o.textContent?.includes(option)), `option ${option}`);
  await act(async () => { hit.click(); });
  await settle(30);
}

/** Hands a file to a (hidden) file input the way the browser does after the file dialog. */
export async function chooseFile(input: HTMLInputElement | null, file: File): Promise<void> {
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
}

export const events = (db: WharfDB, type?: string) => db.events.orderBy('seq').toArray().then((all) => (type ? all.filter((e) => e.type === type) : all));

/** The error text antd shows under a form field (by the control's data-testid). */
export function fieldError(testId: string): string {
  const item = $(tid(testId))?.closest('.ant-form-item');
  // a cleared error animates out (forever, without CSS transitions): the item's class is the truth
  if (!item?.classList.contains('ant-form-item-has-error')) return '';
  return item.querySelector('.ant-form-item-explain')?.textContent ?? '';
}
