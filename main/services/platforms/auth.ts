// Keeping a shop authorized: when the platform says the access token lapsed, renew it once with
// the refresh token, hand the new tokens to the host to keep, and retry. When there is no
// refresh token, or the platform refuses it, the error says "re-authorize" so the sync panel can
// ask a person instead of failing silently on every schedule.
import { PlatformCallError, type ConnectorDeps, type RenewedTokens, type ShopCredentials } from './types';

export interface AuthKeeper {
  /** runs a call; on a lapsed token renews once and runs it again */
  authed<T>(fn: () => Promise<T>): Promise<T>;
}

export function createAuthKeeper(opts: {
  platform: string;
  creds: ShopCredentials;
  deps: ConnectorDeps;
  /** true when this error means the access token lapsed or was revoked */
  isLapsed: (e: PlatformCallError) => boolean;
  /** the platform's refresh call; undefined where the platform has none for this app type */
  renew?: (refreshToken: string) => Promise<RenewedTokens>;
  /** WeChat-style: a new token comes from the app's own id and secret, no refresh token needed */
  renewsWithoutRefreshToken?: boolean;
}): AuthKeeper {
  let renewing: Promise<void> | undefined;

  const reauthorize = (e: PlatformCallError, why: string) => new PlatformCallError(
    e.api, e.code, `${e.platformMessage} — ${why}; open Shops, edit this ${opts.platform} shop and authorize it again`, false, e.subCode, e.httpStatus, true,
  );

  async function renew(e: PlatformCallError): Promise<void> {
    const refresh = opts.creds.refreshToken ?? (opts.renewsWithoutRefreshToken ? '' : undefined);
    if (!opts.renew || refresh === undefined) throw reauthorize(e, 'the access token lapsed and this shop has no refresh token');
    try {
      const t = await opts.renew(refresh);
      opts.creds.session = t.session;
      if (t.refreshToken) opts.creds.refreshToken = t.refreshToken;
      opts.deps.onTokens?.(t);
    } catch (err) {
      if (err instanceof PlatformCallError && !err.retryable) throw reauthorize(err, 'the platform refused to renew the access token');
      throw err;
    }
  }

  /** renewals per call before giving up: a chaos run expires tokens at random, a revoked app always */
  const MAX_RENEWALS = 4;

  return {
    async authed(fn) {
      for (let renewals = 0; ; renewals++) {
        const used = opts.creds.session;
        try {
          return await fn();
        } catch (e) {
          if (!(e instanceof PlatformCallError) || !opts.isLapsed(e)) throw e;
          // a parallel call renewed it while this one was out: just try again with the new token
          if (opts.creds.session !== used) continue;
          if (renewals >= MAX_RENEWALS) throw reauthorize(e, `the token was refused ${renewals + 1} times in a row, even freshly renewed`);
          // concurrent calls that all see the lapse share one renewal
          renewing ??= renew(e).finally(() => { renewing = undefined; });
          await renewing;
        }
      }
    },
  };
}
