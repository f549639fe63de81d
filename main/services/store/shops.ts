// Shop configuration: public settings in shops.json, secrets (app secret, session) sealed in
// the SecretBox. Demo shops live in memory only: they point at this run's simulator.
import crypto from 'node:crypto';
import path from 'node:path';
import type { ShopDraft } from '../../../shared/contract';
import type { ShopPublic, SignMethod, Platform } from '../../../shared/domain/types';
import { WharfError } from '../../../shared/contract';
import type { ShopCredentials } from '../platforms/types';
import { readJsonFile, writeFileDurable } from './durableFile';
import type { SecretBox } from './secrets';

interface ShopConfig {
  id: string;
  platform: Platform;
  name: string;
  gatewayUrl: string;
  appKey: string;
  signMethod: SignMethod;
  pullIntervalMin: number;
  demo: boolean;
}

interface DemoSecrets { secret: string; session: string; refreshToken?: string; signSecret?: string }

/** Which credentials each platform needs besides the access token (platforms.md §1–7). */
const NEEDS: Record<Platform, { appKey: boolean; secret: boolean; signSecret: boolean }> = {
  taobao: { appKey: true, secret: true, signSecret: false },
  douyin: { appKey: true, secret: true, signSecret: false },
  pdd: { appKey: true, secret: true, signSecret: false },
  jd: { appKey: true, secret: true, signSecret: false },
  kuaishou: { appKey: true, secret: true, signSecret: true },
  // Youzan calls carry the access token only; client_id/secret are needed only to refresh it
  youzan: { appKey: false, secret: false, signSecret: false },
  // WeChat: appid + appsecret fetch a new access token when it lapses
  wechat: { appKey: true, secret: true, signSecret: false },
};

export class ShopStore {
  private readonly file: string;
  private persisted: ShopConfig[];
  private demo: ShopConfig[] = [];
  private demoSecrets = new Map<string, DemoSecrets>();

  constructor(dataDir: string, private readonly secrets: SecretBox) {
    this.file = path.join(dataDir, 'shops.json');
    this.persisted = readJsonFile<ShopConfig[]>(this.file) ?? [];
  }

  private persist(): void { writeFileDurable(this.file, JSON.stringify(this.persisted, null, 1)); }

  /** Real (non-demo) shops configured: demo mode's "auto" turns off once there is one. */
  realShopCount(): number { return this.persisted.length; }

  all(): ShopConfig[] { return [...this.demo, ...this.persisted]; }
  /** a demo shop: its gateway is the built-in simulator on loopback */
  isDemo(id: string): boolean { return this.demo.some((s) => s.id === id); }

  get(id: string): ShopConfig | undefined { return this.all().find((s) => s.id === id); }

  toPublic(s: ShopConfig): ShopPublic {
    const demo = this.demoSecrets.get(s.id);
    return {
      ...s,
      hasSecret: demo ? true : this.secrets.has(`shop:${s.id}:secret`),
      hasSession: demo ? true : this.secrets.has(`shop:${s.id}:session`),
      hasRefreshToken: demo ? !!demo.refreshToken : this.secrets.has(`shop:${s.id}:refresh`),
    };
  }

  list(): ShopPublic[] { return this.all().map((s) => this.toPublic(s)); }

  addDemo(cfg: Omit<ShopConfig, 'demo'>, secrets: DemoSecrets): void {
    this.demo = this.demo.filter((s) => s.id !== cfg.id);
    this.demo.push({ ...cfg, demo: true });
    this.demoSecrets.set(cfg.id, { ...secrets });
  }

  /** A connector renewed the shop's authorization: keep the new tokens (sealed) for next time. */
  saveTokens(id: string, t: { session: string; refreshToken?: string }): void {
    const demo = this.demoSecrets.get(id);
    if (demo) {
      demo.session = t.session;
      if (t.refreshToken) demo.refreshToken = t.refreshToken;
      return;
    }
    if (!this.get(id)) return; // removed meanwhile
    this.secrets.set(`shop:${id}:session`, t.session);
    if (t.refreshToken) this.secrets.set(`shop:${id}:refresh`, t.refreshToken);
  }

  credentials(id: string): ShopCredentials {
    const s = this.get(id);
    if (!s) throw new WharfError('not_found', `shop "${id}" does not exist; reload the Shops page`);
    const demo = this.demoSecrets.get(id);
    const secret = demo?.secret ?? this.secrets.get(`shop:${id}:secret`) ?? '';
    const session = demo?.session ?? this.secrets.get(`shop:${id}:session`);
    if ((NEEDS[s.platform].secret && !secret) || !session) throw new WharfError('invalid_input', `shop "${s.name}" has no app secret or access token yet; enter them in Shops → edit`);
    const refreshToken = demo ? demo.refreshToken : this.secrets.get(`shop:${id}:refresh`);
    const signSecret = demo ? demo.signSecret : this.secrets.get(`shop:${id}:signSecret`);
    return { shopId: s.id, platform: s.platform, gatewayUrl: s.gatewayUrl, appKey: s.appKey, secret, session, signMethod: s.signMethod, ...(refreshToken ? { refreshToken } : {}), ...(signSecret ? { signSecret } : {}) };
  }

  /** Credentials for a draft (test connection before saving); falls back to stored secrets. */
  draftCredentials(d: ShopDraft): ShopCredentials {
    const stored = d.id ? this.get(d.id) : undefined;
    const demo = d.id ? this.demoSecrets.get(d.id) : undefined;
    const kept = (name: string) => (stored ? this.secrets.get(`shop:${stored.id}:${name}`) : undefined);
    const secret = d.secret ?? demo?.secret ?? kept('secret') ?? '';
    const session = d.session ?? demo?.session ?? kept('session');
    if ((NEEDS[d.platform].secret && !secret) || !session) throw new WharfError('invalid_input', 'enter the app secret and access token to test this connection');
    const refreshToken = d.refreshToken ?? demo?.refreshToken ?? kept('refresh');
    const signSecret = d.signSecret ?? demo?.signSecret ?? kept('signSecret');
    return { shopId: d.id ?? 'draft', platform: d.platform, gatewayUrl: d.gatewayUrl, appKey: d.appKey, secret, session, signMethod: d.signMethod, ...(refreshToken ? { refreshToken } : {}), ...(signSecret ? { signSecret } : {}) };
  }

  /** Creates or updates; returns the changed field names (secrets by name only). */
  save(d: ShopDraft): { shop: ShopPublic; created: boolean; changed: string[] } {
    const existing = d.id ? this.persisted.find((s) => s.id === d.id) : undefined;
    if (d.id && !existing) {
      if (this.demo.some((s) => s.id === d.id)) throw new WharfError('invalid_input', 'the demo shop is connected to the built-in simulator and cannot be edited; add a real shop instead');
      throw new WharfError('not_found', `shop "${d.id}" does not exist; it may have been removed on another screen`);
    }
    const need = NEEDS[d.platform];
    const issues = [
      ...(need.appKey && !d.appKey ? [{ path: 'shop.appKey', message: 'required for this platform' }] : []),
      ...(!existing && need.secret && !d.secret ? [{ path: 'shop.secret', message: 'required for a new shop' }] : []),
      ...(!existing && !d.session ? [{ path: 'shop.session', message: 'required for a new shop' }] : []),
      ...(!existing && need.signSecret && !d.signSecret ? [{ path: 'shop.signSecret', message: 'Kuaishou signs with its signSecret; required for a new shop' }] : []),
    ];
    if (issues.length > 0) throw new WharfError('invalid_input', `this ${d.platform} shop needs ${issues.map((i) => i.path.slice(5)).join(', ')} (from the platform's open-platform console and the shop's authorisation)`, { issues });
    const id = existing?.id ?? `${d.platform}-${crypto.randomBytes(4).toString('hex')}`;
    const next: ShopConfig = { id, platform: d.platform, name: d.name, gatewayUrl: d.gatewayUrl, appKey: d.appKey, signMethod: d.signMethod, pullIntervalMin: d.pullIntervalMin, demo: false };
    const changed = existing ? (Object.keys(next) as (keyof ShopConfig)[]).filter((k) => next[k] !== existing[k]) as string[] : Object.keys(next);
    if (d.secret) { this.secrets.set(`shop:${id}:secret`, d.secret); changed.push('secret'); }
    if (d.session) { this.secrets.set(`shop:${id}:session`, d.session); changed.push('session'); }
    if (d.refreshToken) { this.secrets.set(`shop:${id}:refresh`, d.refreshToken); changed.push('refreshToken'); }
    if (d.signSecret) { this.secrets.set(`shop:${id}:signSecret`, d.signSecret); changed.push('signSecret'); }
    this.persisted = existing ? this.persisted.map((s) => (s.id === id ? next : s)) : [...this.persisted, next];
    this.persist();
    return { shop: this.toPublic(next), created: !existing, changed };
  }

  /** Company-setup shops without credentials yet: listed, not pulled until secrets arrive. */
  ensureFromSetup(shops: Omit<ShopConfig, 'demo'>[]): void {
    let dirty = false;
    for (const s of shops) {
      if (this.persisted.some((p) => p.id === s.id)) continue;
      this.persisted.push({ ...s, demo: false });
      dirty = true;
    }
    if (dirty) this.persist();
  }

  remove(id: string): ShopConfig {
    const s = this.persisted.find((x) => x.id === id);
    if (!s) {
      if (this.demo.some((x) => x.id === id)) throw new WharfError('invalid_input', 'the demo shop cannot be removed while demo mode is on; start with WHARF_DEMO=0 to hide it');
      throw new WharfError('not_found', `shop "${id}" does not exist`);
    }
    this.persisted = this.persisted.filter((x) => x.id !== id);
    this.secrets.delete(`shop:${id}:secret`);
    this.secrets.delete(`shop:${id}:session`);
    this.secrets.delete(`shop:${id}:refresh`);
    this.secrets.delete(`shop:${id}:signSecret`);
    this.persist();
    return s;
  }
}
