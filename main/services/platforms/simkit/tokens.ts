// A simulated shop authorization: access token + refresh token with lifetimes on the sim clock.
// Refreshing issues a new access token (and, where the platform rotates it, a new refresh token);
// the old access token stops working, which is what makes a connector's refresh path testable.
import { createRng } from './prng';

export type TokenCheck = 'ok' | 'expired' | 'invalid';

export interface TokenOptions {
  /** access token lifetime, ms; null = never lapses by itself */
  accessTtlMs: number | null;
  refreshTtlMs: number | null;
  /** Kuaishou (and PDD/Douyin in practice) hand out a new refresh token on every refresh */
  rotateRefresh: boolean;
  prefix: string;
}

export class TokenBook {
  access: string;
  refresh: string;
  accessExpiresAt: number | null;
  refreshExpiresAt: number | null;
  private retired = new Set<string>();
  private generation = 0;

  constructor(private seed: number, private opts: TokenOptions, now: number) {
    this.access = this.make('access');
    this.refresh = this.make('refresh');
    this.accessExpiresAt = opts.accessTtlMs === null ? null : now + opts.accessTtlMs;
    this.refreshExpiresAt = opts.refreshTtlMs === null ? null : now + opts.refreshTtlMs;
  }

  private make(kind: string): string {
    const r = createRng(`token:${this.seed}:${kind}:${this.generation}`);
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    return `${this.opts.prefix}${hex}`;
  }

  check(token: string | undefined | null, now: number): TokenCheck {
    if (!token) return 'invalid';
    if (token === this.access) return this.accessExpiresAt !== null && now >= this.accessExpiresAt ? 'expired' : 'ok';
    return this.retired.has(token) ? 'expired' : 'invalid';
  }

  checkRefresh(token: string | undefined | null, now: number): TokenCheck {
    if (!token || token !== this.refresh) return token && this.retired.has(token) ? 'expired' : 'invalid';
    return this.refreshExpiresAt !== null && now >= this.refreshExpiresAt ? 'expired' : 'ok';
  }

  /** A refresh: new access token; the refresh token rotates where the platform does that. */
  renew(now: number): { access: string; refresh: string; accessExpiresAt: number | null; refreshExpiresAt: number | null } {
    this.generation++;
    this.retired.add(this.access);
    this.access = this.make('access');
    this.accessExpiresAt = this.opts.accessTtlMs === null ? null : now + this.opts.accessTtlMs;
    if (this.opts.rotateRefresh) {
      this.retired.add(this.refresh);
      this.refresh = this.make('refresh');
      this.refreshExpiresAt = this.opts.refreshTtlMs === null ? null : now + this.opts.refreshTtlMs;
    }
    return this.view();
  }

  /** Admin: the access token lapses now (the shop must refresh or re-authorize). */
  expireAccess(now: number): void { this.accessExpiresAt = now; }
  /** Admin: the whole authorization lapses (only re-authorizing helps). */
  expireAll(now: number): void { this.accessExpiresAt = now; this.refreshExpiresAt = now; }

  /** in seconds until expiry, for the platforms' expires_in fields */
  expiresInS(now: number): number { return this.accessExpiresAt === null ? 30 * 86_400 : Math.max(0, Math.round((this.accessExpiresAt - now) / 1000)); }

  view() { return { access: this.access, refresh: this.refresh, accessExpiresAt: this.accessExpiresAt, refreshExpiresAt: this.refreshExpiresAt }; }
}
