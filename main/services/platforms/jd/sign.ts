// JD JOS request signing (platforms.md §4.2): as TOP's md5 — every parameter including
// `360buy_param_json` (signed byte for byte as sent) and access_token, ASCII-sorted, wrapped in
// the app secret, MD5, UPPER hex.
import { wrappedMd5Upper, type Params } from '../signing';

export function signJd(params: Params, appSecret: string): string {
  return wrappedMd5Upper(params, appSecret);
}
