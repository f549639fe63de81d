// Every platform's shipped status table, by platform: what Settings shows, edits and resets.
import type { Platform } from '../../../shared/domain/types';
import type { StatusRow } from './statusTable';
import { DOUYIN_STATUS_TABLE } from './douyin/statusTable';
import { JD_STATUS_TABLE } from './jd/statusTable';
import { KUAISHOU_STATUS_TABLE } from './kuaishou/statusTable';
import { PDD_STATUS_TABLE } from './pdd/statusTable';
import { TAOBAO_STATUS_TABLE } from './taobao/statusTable';
import { WECHAT_STATUS_TABLE } from './wechat/statusTable';
import { YOUZAN_STATUS_TABLE } from './youzan/statusTable';

export const DEFAULT_STATUS_TABLES: Record<Platform, readonly StatusRow[]> = {
  taobao: TAOBAO_STATUS_TABLE, douyin: DOUYIN_STATUS_TABLE, pdd: PDD_STATUS_TABLE, jd: JD_STATUS_TABLE,
  kuaishou: KUAISHOU_STATUS_TABLE, youzan: YOUZAN_STATUS_TABLE, wechat: WECHAT_STATUS_TABLE,
};

/** the platform fields a row may test: those its shipped table reads */
export function statusFieldsOf(p: Platform): string[] {
  return [...new Set(DEFAULT_STATUS_TABLES[p].flatMap((r) => Object.keys(r.when)))];
}
