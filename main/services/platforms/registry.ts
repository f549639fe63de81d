// Which connector and mapper serve each platform.
import type { Platform } from '../../../shared/domain/types';
import { WharfError } from '../../../shared/contract';
import type { Connector, ConnectorDeps, ShopCredentials } from './types';
import type { MapFn } from '../sync/delivery';
import { createTaobaoConnector } from './taobao/client';
import { mapTaobaoTrade } from './taobao/map';
import { createDouyinConnector } from './douyin/client';
import { mapDouyinOrder } from './douyin/map';
import { createPddConnector } from './pdd/client';
import { mapPddOrder } from './pdd/map';
import { createJdConnector } from './jd/client';
import { mapJdOrder } from './jd/map';
import { createKuaishouConnector } from './kuaishou/client';
import { mapKuaishouOrder } from './kuaishou/map';
import { createYouzanConnector } from './youzan/client';
import { mapYouzanOrder } from './youzan/map';
import { createWechatConnector } from './wechat/client';
import { mapWechatOrder } from './wechat/map';

interface PlatformEntry { connector: (c: ShopCredentials, d: ConnectorDeps) => Connector; map: MapFn }

const PLATFORMS: Partial<Record<Platform, PlatformEntry>> = {
  taobao: { connector: createTaobaoConnector, map: mapTaobaoTrade },
  douyin: { connector: createDouyinConnector, map: mapDouyinOrder },
  pdd: { connector: createPddConnector, map: mapPddOrder },
  jd: { connector: createJdConnector, map: mapJdOrder },
  kuaishou: { connector: createKuaishouConnector, map: mapKuaishouOrder },
  youzan: { connector: createYouzanConnector, map: mapYouzanOrder },
  wechat: { connector: createWechatConnector, map: mapWechatOrder },
};

function entry(p: Platform): PlatformEntry {
  const e = PLATFORMS[p];
  if (!e) throw new WharfError('invalid_input', `platform "${p}" is not supported yet; this version connects ${Object.keys(PLATFORMS).join(', ')}`);
  return e;
}

export const connectorFor = (c: ShopCredentials, d: ConnectorDeps): Connector => entry(c.platform).connector(c, d);
export const mapFor = (p: Platform): MapFn => entry(p).map;
