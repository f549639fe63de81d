// What the shop form asks for on each platform: its production gateway, what it calls the app
// key and secret, which signatures it takes, and the extra credentials (platforms.md §1–7).
import type { Platform, SignMethod } from '../../../shared/domain/types';

export interface PlatformForm {
  gateway: string;
  /** the platform's own name for the app key / secret (shown in the labels) */
  appKeyName: string;
  secretName: string;
  signMethods: SignMethod[];
  appKeyRequired: boolean;
  secretRequired: boolean;
  /** the platform issues refresh tokens Wharf can use to renew the access token */
  refreshToken: boolean;
  signSecret: boolean;
}

export const PLATFORM_FORMS: Record<Platform, PlatformForm> = {
  taobao: { gateway: 'https://eco.taobao.com/router/rest', appKeyName: 'app_key', secretName: 'app_secret', signMethods: ['md5', 'hmac', 'hmac-sha256'], appKeyRequired: true, secretRequired: true, refreshToken: false, signSecret: false },
  douyin: { gateway: 'https://openapi-fxg.jinritemai.com', appKeyName: 'app_key', secretName: 'app_secret', signMethods: ['hmac-sha256', 'md5'], appKeyRequired: true, secretRequired: true, refreshToken: true, signSecret: false },
  pdd: { gateway: 'https://gw-api.pinduoduo.com/api/router', appKeyName: 'client_id', secretName: 'client_secret', signMethods: ['md5'], appKeyRequired: true, secretRequired: true, refreshToken: true, signSecret: false },
  jd: { gateway: 'https://api.jd.com/routerjson', appKeyName: 'app_key', secretName: 'app_secret', signMethods: ['md5'], appKeyRequired: true, secretRequired: true, refreshToken: true, signSecret: false },
  kuaishou: { gateway: 'https://openapi.kwaixiaodian.com', appKeyName: 'appkey', secretName: 'appSecret', signMethods: ['md5', 'hmac-sha256'], appKeyRequired: true, secretRequired: true, refreshToken: true, signSecret: true },
  youzan: { gateway: 'https://open.youzanyun.com', appKeyName: 'client_id', secretName: 'client_secret', signMethods: ['md5'], appKeyRequired: false, secretRequired: false, refreshToken: true, signSecret: false },
  wechat: { gateway: 'https://api.weixin.qq.com', appKeyName: 'appid', secretName: 'appsecret', signMethods: ['md5'], appKeyRequired: true, secretRequired: true, refreshToken: false, signSecret: false },
};

export const SIGN_METHOD_LABELS: Record<SignMethod, string> = { md5: 'md5', hmac: 'hmac (HMAC-MD5)', 'hmac-sha256': 'hmac-sha256' };
