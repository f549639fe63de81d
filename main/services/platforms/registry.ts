// Which connector and mapper serve each platform. Later issues add the other platforms.
import type { Platform } from '../../../shared/domain/types';
import { WharfError } from '../../../shared/contract';
import type { Connector, ConnectorDeps, ShopCredentials } from './types';
import type { MapFn } from '../sync/delivery';
import { createTaobaoConnector } from './taobao/client';
import { mapTaobaoTrade } from './taobao/map';

interface PlatformEntry { connector: (c: ShopCredentials, d: ConnectorDeps) => Connector; map: MapFn }

const PLATFORMS: Partial<Record<Platform, PlatformEntry>> = {
  taobao: { connector: createTaobaoConnector, map: mapTaobaoTrade },
};

function entry(p: Platform): PlatformEntry {
  const e = PLATFORMS[p];
  if (!e) throw new WharfError('invalid_input', `platform "${p}" is not supported yet; only Taobao/Tmall shops can be connected in this version`);
  return e;
}

export const connectorFor = (c: ShopCredentials, d: ConnectorDeps): Connector => entry(c.platform).connector(c, d);
export const mapFor = (p: Platform): MapFn => entry(p).map;
