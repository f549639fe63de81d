// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, settle } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { RulesPage } from '../../renderer/features/rules';
import { readSettings } from '../../renderer/store/decide/config';
import { defaultDecisionSettings } from '../../shared/decide';
import { $, $$, LAMP, REVIEWER, SOFA, buttonOf, byTid, click, events, ingest, key, paidOrder, renderApp, seedCompany, signIn, sku, type, unmountAll, waitFor, waitForDb } from './rulesSupport';
import { seedStock } from '../store/stockSeed';

const TABLE = sku('TABLE-03', '实木餐桌', 175_000);

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  await seedCompany(db);
  await db.skus.put(TABLE);
  await seedStock(db, [{ sku: 'TABLE-03', warehouse: 'yiwu', onHand: 500 }]);
  signIn();
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

/** ¥6000 (over the default ¥5000), ¥4000, ¥3500, ¥100 within the week; ¥4000 ten days ago. */
async function seedOrders() {
  await ingest(db, [
    paidOrder('9001', SOFA, 3, 30),
    paidOrder('9002', SOFA, 2, 20),
    paidOrder('9003', TABLE, 2, 10),
    paidOrder('9004', LAMP, 1, 5),
    paidOrder('9000', SOFA, 2, 240),
  ]);
}

const r1Input = () => $<HTMLInputElement>('[data-testid="rule-r1-minYuan"] input') ?? $<HTMLInputElement>('input[data-testid="rule-r1-minYuan"]');
const status = () => byTid('rules-status')?.textContent ?? '';

describe('rules editor', () => {
  it('a lowered r1 threshold: dry run counts 2 more hits, then save records rules.saved and re-decides open orders', async () => {
    await seedOrders();
    // the stored decisions the dry run compares with: only the ¥6000 order is held for r1
    const before = await db.orders.toArray();
    expect(before.filter((r) => r.decision?.hits.some((h) => h.rule === 'r1')).map((r) => r.orderId)).toEqual(['9001']);
    expect((await db.orders.get('taobao:shop-a:9002'))!.fulfilment).toBe('allocated');

    await renderApp(<RulesPage db={db} />);
    await waitFor(() => r1Input(), 'the r1 amount field');
    expect(r1Input()!.value).toBe('5000.00');
    expect(buttonOf('dry-run')!.disabled).toBe(true);
    expect(buttonOf('rules-save')!.disabled).toBe(true);
    expect(status()).toContain('规则没有修改');
    expect(byTid('rule-r1-explain')!.textContent).toContain('商品实付合计');

    await type(r1Input(), '3000');
    await waitFor(() => !buttonOf('dry-run')!.disabled, 'the dry run enabled by the edit');
    expect(byTid('rule-r1-edited')).not.toBeNull();
    expect(status()).toContain('保存前先试运行');
    expect(buttonOf('rules-save')!.disabled).toBe(true);

    await click(buttonOf('dry-run'), 'dry run');
    const row = await waitFor(() => byTid<HTMLElement>('dry-run-rule-r1'), 'the r1 row of the dry run');
    // the week's four orders decided again; the ten-day-old one is outside the window
    expect(row.dataset.before).toBe('1');
    expect(row.dataset.after).toBe('3');
    expect(byTid('dry-run-rule-r4')!.dataset.after).toBe('0');
    expect(byTid('dry-run-summary')!.textContent).toContain('4 单重新判定：2 单结果改变（通过→挂起 2，挂起→通过 0）');
    const changes = $$('[data-testid="dry-run-change"]');
    expect(changes.map((c) => c.dataset.key).sort()).toEqual(['taobao:shop-a:9002', 'taobao:shop-a:9003']);
    const c9003 = changes.find((c) => c.dataset.key === 'taobao:shop-a:9003')!;
    expect(byTid('dry-run-before', c9003)!.textContent).toBe('无命中');
    expect(byTid('dry-run-after', c9003)!.textContent).toContain('商品实付 3500.00 元 超过 3000.00 元（不含运费）');
    expect(byTid('dry-run-outcome', c9003)!.textContent).toBe('通过 → 挂起');
    expect(c9003.textContent).toContain('家居旗舰店');
    expect(status()).toContain('试运行完成');
    // nothing was written by the dry run
    expect((await readSettings(db)).rules.r1.minFen).toBe(500_000);
    expect((await db.orders.get('taobao:shop-a:9002'))!.fulfilment).toBe('allocated');

    await waitFor(() => !buttonOf('rules-save')!.disabled, 'save enabled after the dry run');
    await click(buttonOf('rules-save'), 'save');
    await waitForDb(async () => (await events(db, 'rules.saved')).length === 1, 'the rules.saved event');
    const [ev] = await events(db, 'rules.saved');
    expect(ev!.actor).toBe('u-ops');
    expect(ev!.payload).toMatchObject({ redecide: true, dryRun: { days: 7, orders: 4, changed: 2, perRule: { r1: { before: 1, after: 3 }, r9: { before: 0, after: 0 } } } });
    expect((await readSettings(db)).rules.r1.minFen).toBe(300_000);
    // re-decided: the ¥4000 order now waits in review for r1, and its stock is given back
    const o9002 = (await db.orders.get('taobao:shop-a:9002'))!;
    expect(o9002.fulfilment).toBe('on_hold');
    expect(o9002.holds.find((h) => h.code === 'r1')?.values.message).toBe('商品实付 4000.00 元 超过 3000.00 元（不含运费）');

    await waitFor(() => status().includes('规则没有修改'), 'the page back to unchanged');
    expect(r1Input()!.value).toBe('3000.00');
    expect(byTid('rule-r1-edited')).toBeNull();
    expect(buttonOf('rules-save')!.disabled).toBe(true);
    await waitFor(() => byTid('rule-r1-stat-hits')?.textContent?.includes('4'), 'r1 statistics after the re-decision');
  });

  it('save needs a dry run of exactly the edited settings; a bad pattern blocks it; Ctrl+Enter runs it', async () => {
    await seedOrders();
    await renderApp(<RulesPage db={db} />);
    await waitFor(() => r1Input(), 'the page');

    // a pattern that does not compile is named and blocks the dry run
    const pattern = $<HTMLInputElement>('input[data-testid="rule-r2-houseNumberPattern"]')!;
    await type(pattern, '(\\d+号');
    await waitFor(() => status().includes('先改好标红的 1 处'), 'the bad pattern reported');
    expect(byTid('rules-issues')!.textContent).toContain('r2 模糊地址 · 门牌号规则');
    expect(buttonOf('dry-run')!.disabled).toBe(true);
    await type(pattern, '\\d+号');
    await waitFor(() => !buttonOf('dry-run')!.disabled, 'a fixed pattern');

    await key('Enter', { ctrlKey: true });
    await waitFor(() => byTid('dry-run-report'), 'the dry run by Ctrl+Enter');
    expect(buttonOf('rules-save')!.disabled).toBe(false);

    // another edit after the run: its answer no longer describes these settings
    await click(buttonOf('rule-r4-action-flag') ?? byTid('rule-r4-action-flag'), 'r4 flag only');
    await waitFor(() => status().includes('试运行之后规则又改过'), 'the dry run marked stale');
    expect(buttonOf('rules-save')!.disabled).toBe(true);
    expect(byTid('dry-run-report')).toBeNull();
    await key('s', { ctrlKey: true });
    await settle(50);
    expect(await events(db, 'rules.saved')).toHaveLength(0);

    // discard goes back to the saved settings
    await click(buttonOf('rules-discard'), 'discard');
    await waitFor(() => status().includes('规则没有修改'), 'unchanged again');
    expect($<HTMLInputElement>('input[data-testid="rule-r2-houseNumberPattern"]')!.value).toBe(defaultDecisionSettings().rules.r2.houseNumberPattern);
  });

  it('reset to defaults is a change like any other: dry run, then save', async () => {
    const s = defaultDecisionSettings();
    s.rules.r1.minFen = 300_000;
    s.rules.r8.enabled = false;
    s.matching.mapAt = 0.9;
    await db.settings.put({ key: 'decide.settings', value: s });
    await seedOrders();
    await renderApp(<RulesPage db={db} />);
    await waitFor(() => r1Input()?.value === '3000.00', 'the saved r1 threshold');

    await click(buttonOf('rules-reset'), 'reset');
    await click(await waitFor(() => buttonOf('rules-reset-confirm'), 'the reset confirmation'), 'confirm reset');
    await waitFor(() => r1Input()?.value === '5000.00', 'the default threshold back');
    expect(status()).toContain('保存前先试运行');
    await click(buttonOf('dry-run'), 'dry run');
    await waitFor(() => byTid('dry-run-report'), 'the dry run');
    expect(byTid('dry-run-rule-r1')!.dataset.before).toBe('3');
    expect(byTid('dry-run-rule-r1')!.dataset.after).toBe('1');
    await click(byTid('rules-redecide')?.querySelector('input') ?? byTid('rules-redecide'), 'untick re-decide');
    await click(buttonOf('rules-save'), 'save');
    await waitForDb(async () => (await events(db, 'rules.saved')).length === 1, 'the rules.saved event');
    const saved = await readSettings(db);
    expect(saved.rules).toEqual(defaultDecisionSettings().rules);
    expect(saved.matching.mapAt).toBe(0.85);
    expect((await events(db, 'rules.saved'))[0]!.payload).toMatchObject({ redecide: false, dryRun: { perRule: { r1: { before: 3, after: 1 } } } });
    // not re-decided: the ¥4000 order keeps its r1 hold from the old threshold
    expect((await db.orders.get('taobao:shop-a:9002'))!.fulfilment).toBe('on_hold');
  });

  it('a reviewer sees the rules and statistics but cannot change them', async () => {
    signIn(REVIEWER);
    await db.ruleStats.put({ rule: 'r4', hits: 40, held: 30, flagged: 10, approved: 24, cancelled: 2, fixed: 3 });
    await renderApp(<RulesPage db={db} />);
    await waitFor(() => byTid('rules-read-only'), 'the read-only notice');
    expect(r1Input()!.disabled).toBe(true);
    expect(buttonOf('dry-run')!.disabled).toBe(true);
    expect(byTid('blacklist-add')).toBeNull();
    await waitFor(() => byTid('rule-r4-false-rate'), 'r4 statistics');
    expect(byTid('rule-r4-stat-approved')!.textContent).toContain('24');
    expect(byTid('rule-r4-false-rate')!.textContent).toContain('80%');
    expect(byTid('rule-r1-stats')!.textContent).toBe('还没有命中记录');
  });
});
