// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { freshDb, render, settle, typeInto, waitFor } from './support';
import '../../renderer/i18n';
import { hashPin } from '../../shared/domain/company';
import type { UserPublic } from '../../shared/domain/types';
import type { WharfDB } from '../../renderer/store/db';
import { getActor, NoOperatorError, OperatorModal, signInWithBadge, signInWithPin, useOperatorRestore, useOperatorStore } from '../../renderer/features/operator';

const user = (id: string, name: string, role: UserPublic['role'], pin: string, badge?: string): UserPublic => ({
  id, name, role, pinSalt: `salt-${id}`, pinHash: hashPin(pin, `salt-${id}`), badge,
});
const LEAD = user('u-ops', '林静', 'ops_lead', '1234', 'WH-U-0002');
const PACKER = user('u-pack', '赵强', 'packer', '4567', 'WH-U-0005');

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  await db.users.bulkPut([LEAD, PACKER]);
  useOperatorStore.setState({ user: undefined, switchOpen: false });
  localStorage.clear();
});
afterEach(async () => { db.close(); await db.delete(); });

const events = () => db.events.orderBy('seq').toArray();

describe('operator PIN and badge', () => {
  it('a right PIN signs in and records operator.switched', async () => {
    expect(() => getActor()).toThrow(NoOperatorError);
    expect(await signInWithPin(db, LEAD, '1234', () => 1_000)).toBe(true);
    const device = useOperatorStore.getState().device;
    expect(getActor()).toEqual({ userId: 'u-ops', device });
    expect(localStorage.getItem('wharf.operator')).toBe('u-ops');
    const [ev, ...rest] = await events();
    expect(rest).toHaveLength(0);
    expect(ev).toMatchObject({ type: 'operator.switched', actor: 'u-ops', device, at: 1_000, payload: { userId: 'u-ops', method: 'pin' } });
    expect((ev!.payload as { fromUserId?: string }).fromUserId).toBeUndefined();
  });

  it('a wrong PIN keeps the current operator and records operator.failed', async () => {
    await signInWithPin(db, LEAD, '1234');
    expect(await signInWithPin(db, PACKER, '0000')).toBe(false);
    expect(useOperatorStore.getState().user?.id).toBe('u-ops');
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({ type: 'operator.failed', actor: 'u-ops', payload: { method: 'pin', userId: 'u-pack', reason: 'wrong_pin' } });
  });

  it('switching records who handed over', async () => {
    await signInWithPin(db, LEAD, '1234');
    expect(await signInWithPin(db, PACKER, '4567')).toBe(true);
    expect((await events()).at(-1)).toMatchObject({ type: 'operator.switched', actor: 'u-pack', payload: { userId: 'u-pack', method: 'pin', fromUserId: 'u-ops' } });
  });

  it('a badge signs in; an unknown badge is recorded as a failure without the code', async () => {
    expect((await signInWithBadge(db, 'WH-U-0005'))?.id).toBe('u-pack');
    expect(await signInWithBadge(db, 'NOT-A-BADGE')).toBeUndefined();
    const [ok, bad] = await events();
    expect(ok).toMatchObject({ type: 'operator.switched', payload: { userId: 'u-pack', method: 'badge' } });
    expect(bad).toMatchObject({ type: 'operator.failed', actor: 'u-pack', payload: { method: 'badge', reason: 'unknown_badge' } });
    expect(JSON.stringify(bad!.payload)).not.toContain('NOT-A-BADGE');
  });
});

describe('operator modal', () => {
  it('shows an error for a wrong PIN and closes on the right one', async () => {
    const view = await render(<OperatorModal db={db} />);
    await act(async () => { useOperatorStore.getState().openSwitch(); });
    const modal = await waitFor(() => document.querySelector('[data-testid="operator-modal"]'), 'the operator modal');
    const lead = await waitFor(() => modal.querySelector<HTMLButtonElement>('[data-user-id="u-ops"]'), 'the user list');
    await act(async () => { lead.click(); });
    const pin = document.querySelector<HTMLInputElement>('[data-testid="operator-pin"]')!;
    // the PIN check and its event write finish inside act, so React sees every update
    const submit = () => act(async () => {
      document.querySelector<HTMLButtonElement>('[data-testid="operator-submit"]')!.click();
      await new Promise((r) => setTimeout(r, 150));
    });

    await act(async () => { typeInto(pin, '9999'); });
    await submit();
    await waitFor(() => document.querySelector('[data-testid="operator-error"]'), 'the wrong-PIN error');
    expect(useOperatorStore.getState().user).toBeUndefined();

    await act(async () => { typeInto(pin, '1234'); });
    await submit();
    await waitFor(() => useOperatorStore.getState().user?.id === 'u-ops', 'the sign-in');
    expect(useOperatorStore.getState().switchOpen).toBe(false);
    await settle();
    expect((await events()).map((e) => e.type)).toEqual(['operator.failed', 'operator.switched']);
    await view.unmount();
  });
});

describe('who is at the PC when the app starts', () => {
  function Restore({ demo }: { demo: boolean | undefined }) {
    useOperatorRestore(db, demo);
    return null;
  }

  it('demo: signs in as the first ops lead with nothing in front', async () => {
    await db.users.put(user('u-ops0', '张主管', 'ops_lead', '1111'));
    const view = await render(<Restore demo />);
    await waitFor(() => useOperatorStore.getState().user, 'the demo operator');
    expect(useOperatorStore.getState().user?.id).toBe('u-ops');
    expect(useOperatorStore.getState().switchOpen).toBe(false);
    await view.unmount();
  });

  it('not demo: opens the operator switch; a saved operator of this device is kept', async () => {
    const view = await render(<Restore demo={false} />);
    await waitFor(() => useOperatorStore.getState().switchOpen, 'the switch to open');
    expect(useOperatorStore.getState().user).toBeUndefined();
    await view.unmount();

    useOperatorStore.setState({ user: undefined, switchOpen: false });
    localStorage.setItem('wharf.operator', 'u-pack');
    const again = await render(<Restore demo={false} />);
    await waitFor(() => useOperatorStore.getState().user, 'the saved operator');
    expect(useOperatorStore.getState().user?.id).toBe('u-pack');
    expect(useOperatorStore.getState().switchOpen).toBe(false);
    await again.unmount();
  });

  it('waits for app.info before deciding', async () => {
    const view = await render(<Restore demo={undefined} />);
    await settle(100);
    expect(useOperatorStore.getState().user).toBeUndefined();
    expect(useOperatorStore.getState().switchOpen).toBe(false);
    await view.unmount();
  });
});
