import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { ADMIN, TEST_COMPANY, makeHost, tempDir } from '../support/hostHarness';

describe('copy diagnostics', () => {
  it('tells support what it needs — shops without their secrets, the log without phones', async () => {
    const host = makeHost(tempDir(), { clock: new ManualClock(Date.UTC(2026, 10, 25, 8, 0, 0)) });
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    await host.handlers['shops.save']({ actor: ADMIN, shop: {
      platform: 'taobao', name: '拾光家居旗舰店', gatewayUrl: 'http://127.0.0.1:9/router/rest', appKey: '21000001',
      secret: 'TOP-SECRET-0123456789', session: '6100sessionABCDEF', signMethod: 'md5', pullIntervalMin: 15,
    } });
    // something a platform message could carry into the log
    await host.handlers['shops.save']({ actor: ADMIN, shop: {
      platform: 'taobao', name: '买家 13812345678 的店', gatewayUrl: 'http://127.0.0.1:9/router/rest', appKey: '2', secret: 's', session: 'x', signMethod: 'md5', pullIntervalMin: 15,
    } });
    const { text } = await host.handlers['app.diagnostics']({});
    expect(text).toContain('Wharf test diagnostics — 2026-11-25 16:00:00 (Asia/Shanghai)');
    expect(text).toContain('"拾光家居旗舰店"');
    expect(text).toContain('secret set; session set');
    expect(text).toContain('company: 测试公司');
    expect(text).toMatch(/inbox: 0 batch\(es\)/);
    expect(text).toMatch(/recent log \(\d+ lines\)/);
    expect(text).not.toContain('TOP-SECRET');
    expect(text).not.toContain('6100sessionABCDEF');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('1**-****-5678');
    await host.stop();
  });

  it('saves update settings for a permitted operator and tells the shell', async () => {
    const dir = tempDir();
    const host = makeHost(dir);
    await host.handlers['company.load']({ actor: ADMIN, setup: TEST_COMPANY });
    const seen: string[] = [];
    host.updates.onChange((s) => seen.push(`${s.url} ${s.channel}`));
    const v = await host.handlers['updates.save']({ actor: ADMIN, settings: { url: ' https://updates.example.cn/wharf/ ', channel: 'beta' } });
    expect(v).toMatchObject({ settings: { url: 'https://updates.example.cn/wharf/', channel: 'beta' }, shell: 'serve', status: { state: 'off' } });
    expect(seen).toEqual(['https://updates.example.cn/wharf/ beta']);
    // kept on disk: a restarted host has them
    const again = makeHost(dir);
    expect((await again.handlers['updates.get']({})).settings).toEqual({ url: 'https://updates.example.cn/wharf/', channel: 'beta' });
    await host.stop();
    await again.stop();
  });
});

describe('update settings from the environment', () => {
  it('WHARF_UPDATE_URL / _CHANNEL win over the saved settings; a bad channel says what is allowed', async () => {
    const { readConfig } = await import('../../main/services/config');
    const cfg = readConfig({ WHARF_DATA_DIR: tempDir(), WHARF_UPDATE_URL: 'https://oss.example.cn/wharf/', WHARF_UPDATE_CHANNEL: 'beta' });
    expect(cfg).toMatchObject({ updateUrl: 'https://oss.example.cn/wharf/', updateChannel: 'beta' });
    expect(() => readConfig({ WHARF_UPDATE_CHANNEL: 'nightly' })).toThrow(/WHARF_UPDATE_CHANNEL=nightly is not valid: use stable or beta/);
    const { UpdatesStore } = await import('../../main/services/store/updatesStore');
    const dir = tempDir();
    new UpdatesStore(dir).save({ url: 'https://saved.example.cn/', channel: 'stable' });
    expect(new UpdatesStore(dir).settings).toEqual({ url: 'https://saved.example.cn/', channel: 'stable' });
    expect(new UpdatesStore(dir, { url: cfg.updateUrl, channel: cfg.updateChannel }).settings).toEqual({ url: 'https://oss.example.cn/wharf/', channel: 'beta' });
  });
});
