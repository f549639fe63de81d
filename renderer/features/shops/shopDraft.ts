// Between the shop form and the contract's ShopDraft. Secrets are write-only: an empty
// secret or session field on edit means "keep the stored one", and they never come back.
import { ShopDraft, type ShopDraft as ShopDraftT } from '../../../shared/contract';
import type { Platform, ShopPublic, SignMethod } from '../../../shared/domain/types';
import { PLATFORM_FORMS } from './platformForm';

export interface ShopFormValues {
  name: string;
  platform: Platform;
  gatewayUrl: string;
  appKey: string;
  secret?: string;
  session?: string;
  refreshToken?: string;
  signSecret?: string;
  signMethod: SignMethod;
  pullIntervalMin: number;
}

/** TOP's production gateway, as the README documents it (platforms.md §1 lists the others). */
export const TAOBAO_GATEWAY = PLATFORM_FORMS.taobao.gateway;
export const DEFAULT_INTERVAL_MIN = 15;

export function formValuesFrom(shop?: ShopPublic, platform: Platform = shop?.platform ?? 'taobao'): ShopFormValues {
  return {
    name: shop?.name ?? '',
    platform,
    gatewayUrl: shop?.gatewayUrl ?? PLATFORM_FORMS[platform].gateway,
    appKey: shop?.appKey ?? '',
    secret: '',
    session: '',
    refreshToken: '',
    signSecret: '',
    signMethod: shop?.signMethod ?? PLATFORM_FORMS[platform].signMethods[0]!,
    pullIntervalMin: shop?.pullIntervalMin ?? DEFAULT_INTERVAL_MIN,
  };
}

export function toDraft(v: ShopFormValues, existing?: ShopPublic): ShopDraftT {
  const draft: ShopDraftT = {
    platform: v.platform,
    name: v.name.trim(),
    gatewayUrl: v.gatewayUrl.trim(),
    appKey: v.appKey.trim(),
    signMethod: v.signMethod,
    pullIntervalMin: Number(v.pullIntervalMin),
  };
  if (existing) draft.id = existing.id;
  if (v.secret) draft.secret = v.secret;
  if (v.session) draft.session = v.session;
  if (v.refreshToken) draft.refreshToken = v.refreshToken;
  if (v.signSecret) draft.signSecret = v.signSecret;
  return draft;
}

export type DraftCheck = { ok: true; draft: ShopDraftT } | { ok: false; issues: { path: string; message: string }[] };

/** Validates with the contract's own schema, so the form says exactly what the host would. */
export function checkDraft(draft: ShopDraftT): DraftCheck {
  const r = ShopDraft.safeParse(draft);
  if (r.success) return { ok: true, draft: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** Field names changed by this save (for the shop.saved event; never the secret values). */
export function changedFields(prev: ShopPublic | undefined, d: ShopDraftT): string[] {
  const fields = ['name', 'gatewayUrl', 'appKey', 'signMethod', 'pullIntervalMin'] as const;
  const changed: string[] = prev ? fields.filter((f) => prev[f] !== d[f]) : [...fields];
  if (d.secret) changed.push('secret');
  if (d.session) changed.push('session');
  if (d.refreshToken) changed.push('refreshToken');
  if (d.signSecret) changed.push('signSecret');
  return changed;
}

/** A host issue path ("shop.gatewayUrl" or "gatewayUrl") → the form field it belongs to. */
export function fieldOfIssue(path: string): keyof ShopFormValues | undefined {
  const f = path.replace(/^shop\./, '').split('.')[0];
  const known: (keyof ShopFormValues)[] = ['name', 'platform', 'gatewayUrl', 'appKey', 'secret', 'session', 'refreshToken', 'signSecret', 'signMethod', 'pullIntervalMin'];
  return known.find((k) => k === f);
}
