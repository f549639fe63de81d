// Who an order goes to, as far as the platforms let anyone tell (platforms.md §11: no plaintext
// phone at sync time). Three kinds of key, weakest last in trust but widest in reach:
//   mk: the platform's own merge key (oaid, open_address_id, hash_code) — scoped to a platform
//   ph: a salted hash of a phone a user decrypted on this PC (only where someone revealed it)
//   rx: masked name's first character + phone tail + province/city/district, normalized — the
//       one key that can meet across platforms, since masks and ciphertexts never do.
import type { NormalizedOrder } from '../domain/types';
import { resolveRegion } from '../address';

export interface ReceiverKeys {
  all: string[];
  /** keys a platform would merge parcels on (mk where the platform has one, else rx) */
  merge: string[];
}

/** What a receiver key stands for, in words (for the reasons of a duplicate). */
export function describeReceiverKey(k: string): string {
  if (k.startsWith('mk:')) {
    const key = k.slice(k.indexOf(':', 3) + 1);
    return `平台合单键 ${key.length > 16 ? `${key.slice(0, 12)}…` : key}`;
  }
  if (k.startsWith('ph:')) return '解密手机号指纹相同';
  const [initial = '', tail = '', region = ''] = k.slice(3).split('|');
  return `手机尾号 ${tail} + 姓${initial} + ${region}`;
}

const regionMemo = new Map<string, string>();

/** "上海" / "上海市" / "市辖区" all give one text, so two platforms' spellings meet. */
export function regionText(province: string, city: string, district: string): string {
  const memo = `${province}|${city}|${district}`;
  let out = regionMemo.get(memo);
  if (out === undefined) {
    const r = resolveRegion(province, city, district);
    out = [r.province?.name ?? province.trim(), r.city?.name ?? city.trim(), r.district?.name ?? district.trim()].join('');
    if (regionMemo.size > 20_000) regionMemo.clear();
    regionMemo.set(memo, out);
  }
  return out;
}

export function receiverKeys(order: Pick<NormalizedOrder, 'platform' | 'receiver'>, phoneHashes: readonly string[] = []): ReceiverKeys {
  const r = order.receiver;
  const all: string[] = [];
  const merge: string[] = [];
  if (r.mergeKey) {
    const k = `mk:${order.platform}:${r.mergeKey}`;
    all.push(k);
    merge.push(k);
  }
  for (const h of phoneHashes) all.push(`ph:${h}`);
  // the masked name's first character (a surname, or the first letter of a Latin name)
  const first = (r.nameMasked ?? '').trimStart().codePointAt(0);
  const initial = first === undefined ? '' : String.fromCodePoint(first);
  if (r.phoneTail && initial && initial !== '*') {
    const region = regionText(r.province, r.city, r.district);
    if (region) {
      const k = `rx:${initial}|${r.phoneTail}|${region}`;
      all.push(k);
      if (!r.mergeKey) merge.push(k);
    }
  }
  return { all, merge };
}
