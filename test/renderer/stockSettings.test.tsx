// @vitest-environment happy-dom
// 库存设置 in Settings: every decisions.stock field edited, a bad value shown next to its field
// and never saved, the good ones saved through the rules mutator (settings.manage) without
// touching the rest of the settings; only a manager may change them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, settle, waitFor } from './support';
import '../../renderer/i18n';
import type { WharfDB } from '../../renderer/store/db';
import { StockSettingsCard } from '../../renderer/features/settings/StockSettingsCard';
import { readSettings, SETTINGS_KEY } from '../../renderer/store/decide/config';
import { defaultDecisionSettings } from '../../shared/decide/settings';
import { $, $$, click, events, fieldError, inputOf, renderApp, signIn, tid, type, unmountAll } from './skusSupport';
import { SHOP } from './stockSupport';

let db: WharfDB;
beforeEach(async () => {
  db = freshDb();
  signIn('ops_lead');
  await db.shops.put(SHOP);
  const s = defaultDecisionSettings();
  await db.settings.put({ key: SETTINGS_KEY, value: { ...s, rules: { ...s.rules, r1: { ...s.rules.r1, minFen: 123_400 } } } });
});
afterEach(async () => { await unmountAll(); db.close(); await db.delete(); });

const shopRow = (id: string) => $(`${tid('stock-settings-shop')}[data-shop="${id}"]`)!;

describe('stock settings card', () => {
  it('validates next to the field, then saves every stock setting through the settings path', async () => {
    await renderApp(<StockSettingsCard db={db} />);
    await waitFor(() => inputOf('stock-settings-nearExpiryDays'), 'the card');
    expect(inputOf('stock-settings-nearExpiryDays')!.value).toBe('30');
    expect((await waitFor(() => $$(tid('stock-settings-shop')), 'shop rows')).map((r) => r.getAttribute('data-shop'))).toEqual(['tb-main', 'own']);

    await type($(tid('stock-settings-nearExpiryDays')), '0');
    await type($(tid('stock-settings-batchSeconds')), '4000');
    await waitFor(() => fieldError('stock-settings-nearExpiryDays'), 'the near-expiry error');
    expect(fieldError('stock-settings-nearExpiryDays')).toBe('不能小于 1');
    expect(fieldError('stock-settings-batchSeconds')).toBe('不能大于 3600');
    await type($(tid('stock-settings-bufferPercent'), shopRow('tb-main')), '120');
    await waitFor(() => $('.ant-form-item-has-error', shopRow('tb-main')), 'the per-shop error');
    expect(shopRow('tb-main').textContent).toContain('不能大于 100');
    await click($(tid('stock-settings-save')));
    await settle(50);
    expect(await events(db, 'rules.saved')).toHaveLength(0);

    await type($(tid('stock-settings-nearExpiryDays')), '45');
    await type($(tid('stock-settings-batchSeconds')), '120');
    await type($(tid('stock-settings-bufferPercent'), shopRow('tb-main')), '10');
    await type($(tid('stock-settings-bufferUnits'), shopRow('tb-main')), '2');
    await type($(tid('stock-settings-minDays'), shopRow('tb-main')), '15');
    await click($(tid('stock-settings-pushOff'), shopRow('own')));
    await type($(tid('stock-settings-alertDays')), '5');
    await type($(tid('stock-settings-targetDays')), '40');
    await type($(tid('stock-settings-unpaidLockMinutes')), '45');
    await click($(tid('stock-settings-reserveUnpaid')));
    await click($(tid('stock-settings-pushEnabled')));
    await waitFor(() => !fieldError('stock-settings-nearExpiryDays') && !fieldError('stock-settings-batchSeconds'), 'the errors gone');
    await click($(tid('stock-settings-save')));
    await waitFor(() => !$(tid('stock-settings-dirty')), 'saved');
    const saved = await readSettings(db);
    expect(saved.stock).toEqual({
      reserveUnpaid: true, unpaidLockMinutes: 45, minRemainingDays: { 'tb-main': 15 }, nearExpiryDays: 45, alertDays: 5, skuAlertDays: {}, targetDays: 40,
      push: { enabled: false, batchSeconds: 120, shops: { 'tb-main': { off: false, bufferUnits: 2, bufferPercent: 10 }, own: { off: true, bufferUnits: 0, bufferPercent: 0 } } },
    });
    // the rest of the settings as they were
    expect(saved.rules.r1.minFen).toBe(123_400);
    const [ev, ...more] = await events(db, 'rules.saved');
    expect(more).toEqual([]);
    expect(ev!.actor).toBe('u-ops_lead');
    expect((ev!.payload as { redecide: boolean }).redecide).toBe(false);

    // an emptied minimum means "any shelf life": the shop is left out
    await type($(tid('stock-settings-minDays'), shopRow('tb-main')), '');
    await click(await waitFor(() => !$(tid('stock-settings-save'))!.hasAttribute('disabled') && $(tid('stock-settings-save')), 'save enabled'));
    await waitFor(() => !$(tid('stock-settings-dirty')), 'saved again');
    expect((await readSettings(db)).stock.minRemainingDays).toEqual({});
  });

  it('a reviewer sees the settings but cannot change them', async () => {
    signIn('reviewer');
    await renderApp(<StockSettingsCard db={db} />);
    await waitFor(() => inputOf('stock-settings-nearExpiryDays'), 'the card');
    expect($(tid('stock-settings-read-only'))).not.toBeNull();
    expect($(tid('stock-settings-save'))).toBeNull();
    expect(inputOf('stock-settings-nearExpiryDays')!.disabled).toBe(true);
  });
});
