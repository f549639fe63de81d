// Shop form ↔ contract: secrets are write-only, validation uses the contract's schema, and
// the shop.saved event names changed fields, never secret values.
import { describe, expect, it } from 'vitest';
import { changedFields, checkDraft, fieldOfIssue, formValuesFrom, toDraft } from '../../renderer/features/shops/shopDraft';
import type { ShopPublic } from '../../shared/domain/types';

const saved: ShopPublic = { id: 'tb-1', platform: 'taobao', name: '家居旗舰店', gatewayUrl: 'https://eco.taobao.com/router/rest', appKey: '12345678', signMethod: 'md5', pullIntervalMin: 15, demo: false, hasSecret: true, hasSession: true, hasRefreshToken: false };

describe('shop draft', () => {
  it('keeps stored secrets when the fields are left empty on edit', () => {
    const draft = toDraft({ ...formValuesFrom(saved), pullIntervalMin: 5 }, saved);
    expect(draft).toEqual({ id: 'tb-1', platform: 'taobao', name: '家居旗舰店', gatewayUrl: saved.gatewayUrl, appKey: '12345678', signMethod: 'md5', pullIntervalMin: 5 });
    expect(changedFields(saved, draft)).toEqual(['pullIntervalMin']);
    expect(changedFields(saved, { ...draft, secret: 's3cret' })).toEqual(['pullIntervalMin', 'secret']);
  });

  it('reports the contract schema problems by field', () => {
    const r = checkDraft(toDraft({ ...formValuesFrom(), name: ' ', gatewayUrl: 'ftp://x', appKey: 'k', pullIntervalMin: 0 }));
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.issues.map((i) => fieldOfIssue(i.path));
    expect(fields).toEqual(expect.arrayContaining(['name', 'gatewayUrl', 'pullIntervalMin']));
    expect(fieldOfIssue('shop.appKey')).toBe('appKey');
    expect(fieldOfIssue('actor.userId')).toBeUndefined();
  });

  it('a new shop lists every field as changed and defaults to 15 minutes', () => {
    const v = formValuesFrom();
    expect(v.pullIntervalMin).toBe(15);
    const r = checkDraft(toDraft({ ...v, name: '新店', appKey: 'k1', secret: 's', session: 'x' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(changedFields(undefined, r.draft)).toEqual(['name', 'gatewayUrl', 'appKey', 'signMethod', 'pullIntervalMin', 'secret', 'session']);
  });
});
