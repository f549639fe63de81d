// Every malformed message gets a typed error, never a crash; valid ones reach the handler.
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../main/serve/binder';
import { ADMIN, TEST_COMPANY, makeHost, tempDir } from '../support/hostHarness';

describe('contract binder', () => {
  const host = makeHost(tempDir());
  const send = async (raw: unknown) => handleMessage(host, typeof raw === 'string' ? raw : JSON.stringify(raw));

  it('answers typed errors for bad envelopes, names and inputs', async () => {
    expect(await send('{nope')).toMatchObject({ ok: false, id: null, error: { code: 'bad_message' } });
    expect(await send({ t: 'req', id: 'x', name: 'app.info' })).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(await send({ t: 'req', id: 3, name: 'nope.nope', input: {} })).toMatchObject({ ok: false, id: 3, error: { code: 'unknown_request' } });
    const bad = await send({ t: 'req', id: 4, name: 'shops.save', input: { shop: {} } });
    expect(bad).toMatchObject({ ok: false, id: 4, error: { code: 'invalid_input' } });
    expect((bad as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain('actor');
    // strict objects: an unexpected key is refused, not ignored
    expect(await send({ t: 'req', id: 5, name: 'app.info', input: { extra: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers valid requests and maps domain errors', async () => {
    const info = await send({ t: 'req', id: 6, name: 'app.info', input: {} });
    expect(info).toMatchObject({ ok: true, id: 6, output: { version: 'test' } });
    expect(await send({ t: 'req', id: 7, name: 'company.snapshot', input: {} })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const loaded = await send({ t: 'req', id: 8, name: 'company.load', input: { actor: ADMIN, setup: { ...TEST_COMPANY, users: [] } } });
    expect(loaded).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((loaded as { error: { message: string } }).error.message).toMatch(/users/);
    expect(await send({ t: 'req', id: 9, name: 'company.load', input: { actor: ADMIN, setup: TEST_COMPANY } })).toMatchObject({ ok: true });
    expect(await send({ t: 'req', id: 10, name: 'shops.remove', input: { actor: ADMIN, shopId: 'ghost' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
