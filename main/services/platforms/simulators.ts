// Every platform's simulator behind one door: `npm run sim`, demo mode and the tests start them
// here. Each returns its first-line info (credentials under the platform's own names) and the
// same credentials translated into what a Wharf shop stores.
import type { OffsetClock } from '../../../shared/clock';
import type { Platform, SignMethod } from '../../../shared/domain/types';
import type { CatalogItem } from './simkit/catalog';
import { startPlatformSimulator, type PlatformSimulator, type SimInfo } from './simkit/server';
import type { SimProtocol } from './simkit/protocol';
import type { FaultTiming } from './simkit/faults';
import { DOUYIN_PROTOCOL } from './douyin/simProtocol';
import { PDD_PROTOCOL } from './pdd/simProtocol';
import { JD_PROTOCOL } from './jd/simProtocol';
import { YOUZAN_PROTOCOL } from './youzan/simProtocol';
import { KUAISHOU_PROTOCOL } from './kuaishou/simProtocol';
import { WECHAT_PROTOCOL, wechatSimAppCredentials } from './wechat/simProtocol';
import { startTaobaoSimulator } from './taobao/simulator';

export interface SimStartOptions {
  port?: number;
  seed?: number;
  orders?: number;
  backlogSpanMs?: number;
  arrivalsPerMin?: number;
  catalog?: readonly CatalogItem[];
  shopId?: string;
  clock?: OffsetClock;
  /** how long timeout/slow faults take (tests shorten them) */
  faultTiming?: Partial<FaultTiming>;
}

/** What a Wharf shop needs to talk to a simulator (ShopCredentials minus shopId/platform). */
export interface SimShopCredentials {
  gatewayUrl: string;
  appKey: string;
  secret: string;
  session: string;
  signMethod: SignMethod;
  refreshToken?: string;
  signSecret?: string;
}

export interface RunningSimulator {
  platform: Platform;
  url: string;
  shopId: string;
  info(): SimInfo | ReturnType<Awaited<ReturnType<typeof startTaobaoSimulator>>['info']>;
  shopCredentials(): SimShopCredentials;
  /** the kit simulator behind it (every platform but Taobao): tests read its truth and clock */
  kit?: PlatformSimulator;
  close(): Promise<void>;
}

const PROTOCOLS: Partial<Record<Platform, SimProtocol>> = { douyin: DOUYIN_PROTOCOL, pdd: PDD_PROTOCOL, jd: JD_PROTOCOL, kuaishou: KUAISHOU_PROTOCOL, youzan: YOUZAN_PROTOCOL, wechat: WECHAT_PROTOCOL };

/** platform credential names → the shop's fields */
const NAMES: Partial<Record<Platform, { appKey?: string; secret?: string; signSecret?: string; signMethod: SignMethod }>> = {
  douyin: { appKey: 'app_key', secret: 'app_secret', signMethod: 'hmac-sha256' },
  pdd: { appKey: 'client_id', secret: 'client_secret', signMethod: 'md5' },
  jd: { appKey: 'app_key', secret: 'app_secret', signMethod: 'md5' },
  kuaishou: { appKey: 'appkey', secret: 'appSecret', signSecret: 'signSecret', signMethod: 'hmac-sha256' },
  // Youzan calls carry only the access token; the simulator renews without client credentials
  youzan: { signMethod: 'md5' },
  // WeChat: appid + secret (not in the first line, which carries only access_token) renew the token
  wechat: { appKey: 'appid', secret: 'secret', signMethod: 'md5' },
};

export const SIMULATED_PLATFORMS = (): Platform[] => ['taobao', ...(Object.keys(PROTOCOLS) as Platform[])];

/** `app`: credentials the first line does not carry (WeChat's appid/secret) */
function wrap(sim: PlatformSimulator, app: Record<string, string> = {}): RunningSimulator {
  const names = NAMES[sim.platform]!;
  return {
    platform: sim.platform, url: sim.url, shopId: sim.shopId, info: () => sim.info(), close: () => sim.close(), kit: sim,
    shopCredentials() {
      const c = { ...app, ...sim.credentials() };
      return {
        gatewayUrl: sim.gatewayUrl, appKey: names.appKey ? c[names.appKey] ?? '' : '', secret: names.secret ? c[names.secret] ?? '' : '',
        session: sim.tokens.access, signMethod: names.signMethod,
        // WeChat has no refresh token: the app's own id and secret fetch a new access token
        ...(sim.platform === 'wechat' ? {} : { refreshToken: sim.tokens.refresh }),
        ...(names.signSecret ? { signSecret: c[names.signSecret] } : {}),
      };
    },
  };
}

export async function startSimulator(platform: Platform, opts: SimStartOptions = {}): Promise<RunningSimulator> {
  if (platform === 'taobao') {
    const sim = await startTaobaoSimulator({ ...opts, host: '127.0.0.1' });
    return {
      platform, url: sim.url, shopId: sim.shopId, info: () => sim.info(), close: () => sim.close(),
      shopCredentials: () => ({ gatewayUrl: sim.routerUrl, appKey: sim.credentials.app_key, secret: sim.credentials.app_secret, session: sim.credentials.session, signMethod: 'md5' }),
    };
  }
  const protocol = PROTOCOLS[platform];
  if (!protocol) throw new Error(`no simulator for platform "${platform}" yet; available: ${SIMULATED_PLATFORMS().join(', ')}`);
  if (platform === 'wechat') {
    const app = wechatSimAppCredentials(opts.seed ?? 42);
    // WeChat access tokens live 7200 s; the sim renews them from appid + secret
    return wrap(await startPlatformSimulator(protocol, { ...opts, tokens: { accessTtlMs: 7200_000 } }), app);
  }
  return wrap(await startPlatformSimulator(protocol, opts));
}
