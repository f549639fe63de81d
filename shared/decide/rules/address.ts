// r2 vague address, r3 incomplete or inconsistent region, r11 remote region for the carrier.
import type { RuleSettings } from '../settings';
import type { Hit, RuleInput } from './input';

const patternMemo = new Map<string, RegExp>();
/** The configured house-number pattern, also accepting a masked number ("***号") as a number. */
function houseNumber(pattern: string): RegExp {
  let re = patternMemo.get(pattern);
  if (!re) {
    const masked = '\\*+\\s*(号|栋|幢|单元|室|弄|楼|座)';
    try { re = new RegExp(`(?:${pattern})|${masked}`); } catch { re = new RegExp(`(\\d+)\\s*(号|栋|幢|单元|室)|${masked}`); }
    patternMemo.set(pattern, re);
  }
  return re;
}

/** The detail as the platform shows it (masked digits count as a number being there). */
function detailOf(input: RuleInput): string {
  return `${input.order.receiver.town ?? ''}${input.order.receiver.addressMasked ?? ''}`.normalize('NFKC');
}

export function vagueAddress(input: RuleInput, s: RuleSettings['r2']): Hit | undefined {
  const detail = detailOf(input);
  if (!detail.trim()) return undefined; // an empty detail is r3's business
  const vague = s.vagueWords.filter((w) => detail.includes(w));
  // masked house numbers ("***号") still show that a number is there
  const hasNumber = houseNumber(s.houseNumberPattern).test(detail);
  const landmarks = hasNumber ? [] : s.landmarkWords.filter((w) => detail.includes(w));
  if (!vague.length && !landmarks.length) return undefined;
  const seen = [...vague, ...landmarks];
  return {
    values: { words: seen, vague, landmarks, hasHouseNumber: hasNumber },
    threshold: { vagueWords: s.vagueWords.length, landmarkWords: s.landmarkWords.length },
    message: vague.length ? `地址含模糊用词：${vague.join('、')}` : `地址只有地标（${landmarks.join('、')}），没有门牌号`,
  };
}

const ISSUE_TEXT: Record<string, string> = {
  province_missing: '缺省份', province_unknown: '省份无法识别', city_missing: '缺城市', city_unknown: '城市无法识别',
  city_not_in_province: '城市不属于该省', district_missing: '缺区县', district_unknown: '区县无法识别', district_not_in_city: '区县不属于该市',
};

export function regionProblem(input: RuleInput, _s: RuleSettings['r3']): Hit | undefined {
  const issues = input.region.issues;
  const r0 = input.order.receiver;
  // a platform that gives the detail only as ciphertext (JD enSearch) has one: it is not missing
  const hasDetail = (r0.addressMasked ?? '').trim() !== '' || Object.keys(r0.cipher ?? {}).some((k) => /addr|detail/i.test(k));
  const all = hasDetail ? issues : [...issues, { code: 'detail_missing' }];
  if (!all.length) return undefined;
  const r = input.order.receiver;
  return {
    values: { issues: all.map((i) => i.code), province: r.province, city: r.city, district: r.district },
    message: `地址不完整或不一致：${all.map((i) => `${ISSUE_TEXT[i.code] ?? (i.code === 'detail_missing' ? '缺详细地址' : i.code)}${'value' in i && i.value ? `（${i.value}）` : ''}`).join('，')}`,
  };
}

export function remoteRegion(input: RuleInput, s: RuleSettings['r11']): Hit | undefined {
  const part = input.allocation?.parts[0];
  const wh = part ? input.warehouses.find((w) => w.code === part.warehouse) : undefined;
  const carrier = wh?.carriers[0];
  const list = carrier?.remote ?? s.defaultRemote;
  const { province, city, district } = input.region;
  const full = `${province}${city}${district}`;
  const match = list.find((x) => x && (x === province || x === city || x === district || full.startsWith(x)));
  if (!match) return undefined;
  return {
    values: { region: full, carrier: carrier?.code ?? '', warehouse: wh?.code ?? '' },
    threshold: { remote: list },
    message: `${carrier ? `${carrier.code} ` : ''}偏远或不派送地区：${match}`,
  };
}
