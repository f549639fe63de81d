// What every connector's stock push shares. A push sets absolute quantities, so sending the same
// push again is harmless: that is why a push that stops half-way (gateway down, token refused)
// throws and is simply sent again, while a listing the platform refuses on its own (deleted,
// unknown SKU) is reported and does not hold up the others.
import type { StockPushFailure, StockPushItem } from '../../../shared/domain/writeBack';
import { PlatformCallError } from './types';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Insertion-ordered groups, so calls go out in the order the listings came. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * One entry per listing, the last one given winning: the same SKU twice in a batch is refused by
 * some platforms and would be applied twice by an incremental one.
 */
export function lastPerListing(items: readonly StockPushItem[]): StockPushItem[] {
  const byKey = new Map<string, StockPushItem>();
  for (const i of items) {
    const key = `${i.itemId}|${i.skuId ?? ''}|${i.skuId === undefined ? i.outerSkuId ?? '' : ''}`;
    byKey.delete(key);
    byKey.set(key, i);
  }
  return [...byKey.values()];
}

export function failureOf(item: StockPushItem, code: string, message: string): StockPushFailure {
  return { itemId: item.itemId, ...(item.skuId !== undefined ? { skuId: item.skuId } : {}), code, message };
}

/** The platform's most specific code: TOP/Douyin put the business reason in sub_code. */
export const codeOf = (e: PlatformCallError): string => e.subCode ?? e.code;

/** Says whether a platform's error is its refusal of this one listing (and not of the call). */
export type ListingRefusal = (e: PlatformCallError) => boolean;

/**
 * Whether an error stops the whole push: anything retrying could fix (it was retried already),
 * a lapsed authorization, or whatever the platform said about the call rather than the listing.
 */
export function stopsThePush(e: unknown, isRefusal: ListingRefusal): boolean {
  if (!(e instanceof PlatformCallError)) return true;
  return e.retryable || e.reauthorize || !isRefusal(e);
}

/** A refusal test from the platform's codes that are about the call (gateway, signature, token…). */
export const refusalUnless = (wholeCallCodes: ReadonlySet<string>): ListingRefusal => (e) => !wholeCallCodes.has(e.code);

/**
 * One call per listing, in order: a refusal of that listing becomes a failure, anything that
 * stops the push is thrown.
 */
export async function eachListing(
  items: readonly StockPushItem[],
  isRefusal: ListingRefusal,
  send: (item: StockPushItem) => Promise<StockPushFailure | undefined>,
): Promise<StockPushFailure[]> {
  const failed: StockPushFailure[] = [];
  for (const item of items) {
    try {
      const f = await send(item);
      if (f) failed.push(f);
    } catch (e) {
      if (stopsThePush(e, isRefusal)) throw e;
      const pe = e as PlatformCallError;
      failed.push(failureOf(item, codeOf(pe), pe.platformMessage));
    }
  }
  return failed;
}

/**
 * JSON with the named keys' digit-text values written as bare numbers: platforms whose SDKs type
 * ids as int64 want JSON numbers, and an 18–19-digit id survives only if it never becomes a JS
 * number — so ids stay text until this last step.
 */
export function bareNumbers(json: string, keys: readonly string[]): string {
  if (keys.length === 0) return json;
  return json.replace(new RegExp(`"(${keys.join('|')})":"(-?\\d{1,30})"`, 'g'), '"$1":$2');
}
