// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { RulesPage } from '../../renderer/features/rules';
import { $$, buttonOf, byTid, click, events, renderApp, seedCompany, signIn, type, unmountAll, waitFor, waitForDb } from './rulesSupport';

let db: WharfDB;
beforeEach(async () => { db = freshDb(); await seedCompany(db); signIn(); });
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const rows = () => $$('[data-testid="blacklist-row"]');
const kind = async (k: string) => click(byTid(`blacklist-kind-${k}`)?.closest('label') ?? byTid(`blacklist-kind-${k}`), `kind ${k}`);

describe('blacklist', () => {
  it('adds an entry in the format its kind needs, shows it, and removes it', async () => {
    await renderApp(<RulesPage db={db} />);
    await waitFor(() => byTid('blacklist-card'), 'the blacklist card');
    expect(byTid('blacklist-rows')!.textContent).toContain('黑名单是空的');
    expect(byTid('blacklist-hint')!.textContent).toContain('姓名|手机尾号4位');

    // a receiver without the phone tail could never match: refused before anything is written
    await type(byTid('blacklist-value'), '张三');
    await click(buttonOf('blacklist-add'), 'add');
    expect(byTid('blacklist-error')!.textContent).toContain('张三|1234');
    expect(await db.blacklist.count()).toBe(0);

    await type(byTid('blacklist-value'), '张三 | 1234');
    await type(byTid('blacklist-note'), '多次拒收');
    await click(buttonOf('blacklist-add'), 'add');
    await waitForDb(async () => (await db.blacklist.count()) === 1, 'the entry stored');
    const [entry] = await db.blacklist.toArray();
    expect(entry).toMatchObject({ kind: 'receiver', value: '张三|1234', note: '多次拒收', by: 'u-ops' });
    expect((await events(db, 'blacklist.added'))[0]!.payload).toMatchObject({ id: entry!.id, entry: { kind: 'receiver', value: '张三|1234' } });
    await waitFor(() => rows().length === 1, 'the row on screen');
    expect(rows()[0]!.textContent).toContain('收货人');
    expect(rows()[0]!.textContent).toContain('林静');
    expect((byTid('blacklist-value') as HTMLInputElement).value).toBe('');

    // a phone: the last four digits or a full mobile number
    await kind('phone');
    await waitFor(() => byTid('blacklist-hint')!.textContent!.includes('尾号 4 位'), 'the phone hint');
    await type(byTid('blacklist-value'), '138 0013 8000');
    await click(buttonOf('blacklist-add'), 'add phone');
    await waitForDb(async () => (await db.blacklist.count()) === 2, 'the phone stored');
    expect((await db.blacklist.where('kind').equals('phone').first())!.value).toBe('13800138000');
    await waitFor(() => rows().length === 2, 'two rows');

    const receiverRow = rows().find((r) => r.dataset.id === entry!.id)!;
    await click(receiverRow.querySelector('[data-testid="blacklist-remove"]'), 'remove');
    await click(await waitFor(() => buttonOf('blacklist-remove-confirm'), 'the confirmation'), 'confirm');
    await waitForDb(async () => (await db.blacklist.count()) === 1, 'the entry removed');
    expect((await events(db, 'blacklist.removed'))[0]!.payload).toEqual({ id: entry!.id });
    await waitFor(() => rows().length === 1 && !rows()[0]!.textContent!.includes('张三'), 'the row gone');
  });
});
