// Pinduoduo request signing (platforms.md §3.2): every common and business parameter except
// `sign`, ASCII-sorted, concatenated as key+value, wrapped in client_secret, MD5, UPPER hex.
import { wrappedMd5Upper, type Params } from '../signing';

export function signPdd(params: Params, clientSecret: string): string {
  return wrappedMd5Upper(params, clientSecret);
}
