// Reads a receiver pasted as free text — by a customer in chat or by CS staff from a platform
// page — into name, phone, region, detail and postcode. Only manual and pasted orders need it:
// platform APIs send the receiver in fields. The steps, in order, each removing what it took:
//   1. phones, ID numbers and postcodes (they contain separators, so before any splitting);
//   2. labels (收货人：, 手机号码：, 所在地区：…), keeping a labelled name aside;
//   3. the region: the token where the best 省/市/区 match starts (most levels, longest);
//   4. the detail: what follows the region up to a name, a phone or the end;
//   5. the name: the labelled one, else a name-like token before the region, else after it.
import { divisionByCode, hasDistricts, lookupName, type Division } from './divisions';
import { shortNames } from './names';
import { findPhones } from './phone';
import { matchRegionAt, type RegionTextMatch } from './regionText';
import { resolveRegion } from './region';

export interface ParsedAddress {
  /** '' when none was found */
  name: string;
  /** normalized as in phone.ts; the first mobile number if there are several */
  phone: string;
  /** full official names; a 直辖市 gives province 北京市 and city 北京市 */
  province: string;
  city: string;
  district: string;
  /** the street, house number and the rest, without the region names */
  detail: string;
  postcode: string;
  /** 0..1: how much of a complete receiver was found, and how unambiguously */
  confidence: number;
  /** what is missing or uncertain, e.g. 'phone_missing', 'region_ambiguous: 朝阳区 (北京市/长春市)' */
  issues: string[];
}

const BOUNDARY = '\u0000'; // where a phone, postcode or non-address label was: ends a detail
const DETAIL_MARK = '\u0001'; // where an address label was: a detail may follow

const NAME_LABELS = ['收货人姓名', '收件人姓名', '联系人姓名', '客户姓名', '收货人', '收件人', '联系人', '收货姓名', '姓名', '名字', 'name'];
const PHONE_LABELS = ['手机号码', '联系电话', '电话号码', '联系手机', '联系方式', '收货电话', '收件电话', '手机号', '手机', '电话', '座机', '固话', 'tel', 'mobile', 'phone'];
const POST_LABELS = ['邮政编码', '邮编', 'zip'];
const REGION_LABELS = ['所在地区', '所在区域', '所在城市', '省市区县', '省市区', '省市县', '所在地', '地区', '区域'];
const DETAIL_LABELS = ['详细地址', '收货地址', '收件地址', '街道地址', '具体地址', '地址', 'address'];
const LABEL_WORDS = new Set([...NAME_LABELS, ...PHONE_LABELS, ...POST_LABELS, ...REGION_LABELS, ...DETAIL_LABELS]);
const NOT_NAMES = new Set(['先生', '女士', '小姐', '您好', '你好', '谢谢', '麻烦', '快递', '顺丰', '包邮', '备注', '尽快', '发货', '收货', '信息', '中国']);
const NOT_NAME_PARTS = /信息|地址|电话|手机|快递|订单|收货|发货|谢谢|麻烦|帮忙|备注|尽快|包邮|亲/;

const alt = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const SEP = String.raw`\s,;|、/${BOUNDARY}${DETAIL_MARK}`;
// the value: Latin words with single spaces between (John Smith), or anything up to a separator
const NAME_LABEL_RE = new RegExp(`(^|[${SEP}])(${alt(NAME_LABELS)})\\s*:?\\s*([A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*)*(?![^${SEP}:])|[^${SEP}:]*)`, 'gi');
const LABEL_RE = (words: string[]): RegExp => new RegExp(`(^|[${SEP}])(${alt(words)})\\s*(?::|(?=[${SEP}]|$))`, 'gi');
const OTHER_LABEL_RE = LABEL_RE([...PHONE_LABELS, ...POST_LABELS]);
const ADDRESS_LABEL_RE = LABEL_RE([...REGION_LABELS, ...DETAIL_LABELS]);
const LABELLED_POSTCODE = /(?:邮政编码|邮编|zip)\s*:?\s*(\d{6})(?!\d)/gi;
const POSTCODE = new RegExp(`(^|[${SEP}])(\\d{6})(?=$|[${SEP}])`, 'g');
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const BRACKETS = /[【】〖〗「」『』[\]<>《》]/g;
const EDGE_PUNCT = /^[:.。!！?？~～\-—_'"“”‘’]+|[:.。!！?？~～\-—_'"“”‘’]+$/g;

const CJK_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const DOT_NAME = /^[\u4e00-\u9fff]{1,8}[·•・.][\u4e00-\u9fff]{1,10}$/;
const LATIN_NAME = /^[A-Za-z][A-Za-z.' -]{0,38}[A-Za-z.]$/;
const LATIN_WORD = /^[A-Za-z][A-Za-z.'-]*$/;
const ADDRESS_TAIL = /[路街道巷弄号栋幢楼室村镇乡区县市省组屯]$/;
const ADDRESS_WORD = /单元|小区|大厦|花园|公寓|社区|广场|中心|大道|工业园|科技园|园区|门面|商铺/;

function isNameLike(token: string): boolean {
  if (LABEL_WORDS.has(token.toLowerCase()) || NOT_NAMES.has(token) || NOT_NAME_PARTS.test(token)) return false;
  return CJK_NAME.test(token) || DOT_NAME.test(token) || LATIN_NAME.test(token);
}

function hasAddressSignal(token: string): boolean {
  return /\d/.test(token) || ADDRESS_TAIL.test(token) || ADDRESS_WORD.test(token);
}

/** A division's full name alone (杭州市), or a province however written (上海, 广西), is never a name. */
function isRegionName(token: string): boolean {
  return (
    lookupName(token, { level: 'province' }).length > 0 ||
    lookupName(token, { level: 'city' }).some((h) => h.kind === 'full') ||
    lookupName(token, { level: 'district' }).some((h) => h.kind === 'full')
  );
}

interface Token {
  text: string;
  start: number;
}

/** Read a pasted receiver; see ParsedAddress. Never throws. */
export function parseAddress(text: string): ParsedAddress {
  const issues: string[] = [];
  let t = text.normalize('NFKC').replace(/\r\n?/g, '\n').replace(BRACKETS, ' ');

  const phones = findPhones(t);
  t = cut(t, phones);
  const mobiles = phones.filter((p) => p.kind === 'mobile');
  const phone = (mobiles[0] ?? phones[0])?.phone ?? '';
  if (new Set(phones.map((p) => p.phone)).size > 1) issues.push('multiple_phones');

  t = t.replace(ID_NUMBER, () => {
    if (!issues.includes('id_number_removed')) issues.push('id_number_removed');
    return ` ${BOUNDARY} `;
  });
  let postcode = '';
  t = t.replace(LABELLED_POSTCODE, (_all, code: string) => {
    postcode ||= code;
    return ` ${BOUNDARY} `;
  });

  let labelledName = '';
  t = t.replace(NAME_LABEL_RE, (_all, pre: string, _label: string, value: string) => {
    const v = value.replace(EDGE_PUNCT, '');
    if (!labelledName && isNameLike(v) && !isRegionName(v)) {
      labelledName = v;
      return `${pre} ${BOUNDARY} `;
    }
    return `${pre} ${BOUNDARY} ${value}`;
  });
  t = t.replace(OTHER_LABEL_RE, (_all, pre: string) => `${pre} ${BOUNDARY} `);
  t = t.replace(ADDRESS_LABEL_RE, (_all, pre: string) => `${pre} ${DETAIL_MARK} `);
  t = t.replace(POSTCODE, (_all, pre: string, code: string) => {
    postcode ||= code;
    return `${pre} ${BOUNDARY} `;
  });

  const tokens = tokenize(t);
  const joined = tokens.map((x) => x.text).join(' ');
  const found = findRegion(tokens, joined);
  const region = found?.match;
  const used = new Set<number>();
  if (found) for (let i = found.first; i <= found.last; i++) used.add(i);

  let detail = '';
  if (region) {
    const d = collectDetail(tokens, joined, region, found.last, labelledName || found.gluedName, used);
    detail = stripRegionPrefix(d, region);
  }
  if (!detail) {
    const marked = detailAfterMark(tokens, used, labelledName);
    if (marked) detail = region ? stripRegionPrefix(marked, region) : marked;
  }

  const name = labelledName || found?.gluedName || pickName(tokens, used, found?.first ?? tokens.length);

  // an ambiguous district keeps the levels written before it (辽宁省铁西区: 沈阳 or 鞍山)
  const province = region?.province?.name ?? '';
  const city = region?.city?.name ?? '';
  const district = region?.district?.name ?? (region?.ambiguous && region.ambiguous.candidates[0]?.level === 'district' ? region.ambiguous.candidates[0].name : '');

  let confidence = 1;
  if (!name) {
    issues.push('name_missing');
    confidence -= 0.2;
  }
  if (!phone) {
    issues.push('phone_missing');
    confidence -= 0.25;
  }
  if (!region) {
    issues.push('region_missing');
    confidence -= 0.4;
  } else if (region.ambiguous) {
    const where = region.ambiguous.candidates.map((c) => divisionByCode(c.parent ?? '')?.name ?? c.name).join('/');
    issues.push(`region_ambiguous: ${region.ambiguous.name} (${where})`);
    confidence -= 0.3;
  } else {
    for (const level of region.inferred) {
      issues.push(`${level}_inferred: ${level === 'province' ? province : city}`);
      confidence -= 0.05;
    }
    for (const i of resolveRegion(province, city, district).issues) {
      issues.push(i.code);
      confidence -= 0.1;
    }
  }
  if (!detail) {
    issues.push('detail_missing');
    confidence -= 0.15;
  }
  return { name, phone, province, city, district, detail, postcode, confidence: Math.max(0, Math.round(confidence * 100) / 100), issues };
}

function cut(t: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${t.slice(at, r.start)} ${BOUNDARY} `;
    at = r.end;
  }
  return out + t.slice(at);
}

function tokenize(t: string): Token[] {
  const raw = t
    .split(new RegExp(`[\\s,;|、/]+|(?=[${BOUNDARY}${DETAIL_MARK}])|(?<=[${BOUNDARY}${DETAIL_MARK}])`))
    .map((s) => (s === BOUNDARY || s === DETAIL_MARK ? s : s.replace(EDGE_PUNCT, '')))
    .filter((s) => s !== '');
  // "John Smith": Latin words in a row are one name
  const merged: string[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && LATIN_WORD.test(s) && /^[A-Za-z][A-Za-z.' -]*$/.test(prev)) merged[merged.length - 1] = `${prev} ${s}`;
    else merged.push(s);
  }
  const tokens: Token[] = [];
  let pos = 0;
  for (const s of merged) {
    tokens.push({ text: s, start: pos });
    pos += s.length + 1;
  }
  return tokens;
}

interface FoundRegion {
  match: RegionTextMatch;
  /** indexes of the first and last token the region touches */
  first: number;
  last: number;
  /** a name written straight before the region in the same token (张三浙江省…) */
  gluedName: string;
}

// Levels found count most (a lone 黄山 in a name loses to 浙江省杭州市西湖区), written ones more
// than inferred ones; a city with no districts (东莞市, 临高县) is as complete as a district.
/** "John" "Smith新疆…": the Latin words before a glued Latin name belong to it. */
function latinBefore(tokens: Token[], tok: Token, prefix: string): string {
  if (!LATIN_WORD.test(prefix)) return prefix;
  const i = tokens.indexOf(tok);
  const prev = tokens[i - 1]?.text;
  return prev && /^[A-Za-z][A-Za-z.' -]*$/.test(prev) ? `${prev} ${prefix}` : prefix;
}

function score(m: RegionTextMatch): number {
  const complete = m.district || (m.city && !hasDistricts(m.city));
  const levels =
    (complete ? 3 : 0) +
    (m.city ? (m.inferred.includes('city') ? 1 : 2) : 0) +
    (m.province ? (m.inferred.includes('province') ? 1 : 2) : 0) +
    (m.ambiguous ? 1.5 : 0);
  return levels + (m.end - m.start) / 100 - (m.shortNames ? 0.25 : 0);
}

function findRegion(tokens: Token[], joined: string): FoundRegion | undefined {
  let best: { m: RegionTextMatch; glued: string; s: number } | undefined;
  const covering: { m: RegionTextMatch; glued: string }[] = [];
  const consider = (m: RegionTextMatch | undefined, glued: string): void => {
    if (!m) return;
    covering.push({ m, glued });
    const s = score(m) - (glued ? 0.1 : 0);
    if (!best || s > best.s) best = { m, glued, s };
  };
  for (const tok of tokens) {
    if (tok.text === BOUNDARY || tok.text === DETAIL_MARK) continue;
    consider(matchRegionAt(joined, tok.start), '');
    // a name written straight before the region: 张三浙江省…, John Smith新疆…, 买买提·艾力湖南…
    for (let k = 1; k < tok.text.length && k <= 20; k++) {
      const prefix = tok.text.slice(0, k);
      if (!isNameLike(prefix) || isRegionName(prefix)) continue;
      const m = matchRegionAt(joined, tok.start + k);
      // only a solid region makes the prefix a name: a written province or city
      if (m && !m.ambiguous && !(m.inferred.includes('province') && m.inferred.includes('city'))) consider(m, latinBefore(tokens, tok, prefix));
    }
  }
  if (!best) return undefined;
  // 上海 上海市 黄浦区: a match from an earlier token that covers the best one is the same region
  // written more fully, and its first token is not a name.
  const top = best as { m: RegionTextMatch; glued: string };
  const found = covering.find((c) => c.m.start < top.m.start && c.m.end >= top.m.end && sameRegion(c.m, top.m)) ?? top;
  const first = tokens.findIndex((x) => x.start + x.text.length > found.m.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < found.m.end) last++;
  return { match: found.m, first, last, gluedName: found.glued };
}

function sameRegion(a: RegionTextMatch, b: RegionTextMatch): boolean {
  return a.province === b.province && a.city === b.city && a.district === b.district && !a.ambiguous && !b.ambiguous;
}

function collectDetail(tokens: Token[], joined: string, m: RegionTextMatch, lastRegionToken: number, knownName: string, used: Set<number>): string {
  const parts: string[] = [];
  const lastTok = tokens[lastRegionToken]!;
  const rest = joined.slice(m.end, lastTok.start + lastTok.text.length).trim();
  if (rest) parts.push(rest);
  for (let i = lastRegionToken + 1; i < tokens.length; i++) {
    const tok = tokens[i]!.text;
    if (tok === DETAIL_MARK) {
      used.add(i);
      continue;
    }
    if (tok === BOUNDARY) {
      // a label or phone between region and detail: go on only if nothing was collected yet
      // and what follows is marked as the address
      if (parts.length === 0 && tokens[i + 1]?.text === DETAIL_MARK) continue;
      break;
    }
    if (isNameLike(tok) && !hasAddressSignal(tok) && (!knownName || tok === knownName)) break;
    parts.push(tok);
    used.add(i);
  }
  return parts.join(' ').replace(EDGE_PUNCT, '');
}

/** "详细地址：…" far from the region (another label or the phone in between). */
function detailAfterMark(tokens: Token[], used: Set<number>, knownName: string): string {
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== DETAIL_MARK) continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const tok = tokens[j]!.text;
      if (tok === BOUNDARY || tok === DETAIL_MARK || used.has(j)) break;
      if (isNameLike(tok) && !hasAddressSignal(tok) && (!knownName || tok === knownName)) break;
      parts.push(tok);
      used.add(j);
    }
    if (parts.length) break;
  }
  return parts.join(' ');
}

/**
 * The detail often repeats the region (所在地区 and 详细地址 both pasted): drop the repeat. Full
 * names only, or a short name right before the next level's name (广州天河区…): 中山市中山路 keeps
 * its street.
 */
function stripRegionPrefix(detail: string, m: RegionTextMatch): string {
  const levels = [m.province, m.city, m.district].filter((d): d is Division => d !== undefined);
  const fillers = ['省直辖县级行政区划', '自治区直辖县级行政区划', '市辖区'];
  let out = detail.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, d] of levels.entries()) {
      const lower = levels.slice(i + 1).map((x) => x.name);
      const strip = (n: string, needNext: boolean): boolean => {
        if (!out.startsWith(n) || out.length <= n.length) return false;
        const rest = out.slice(n.length).trim();
        if (needNext && !lower.some((l) => rest.startsWith(l))) return false;
        out = rest;
        return true;
      };
      if (strip(d.name, false) || (d.level !== 'district' && shortNames(d.name).some((n) => strip(n, true)))) changed = true;
    }
    for (const f of fillers) if (out.startsWith(f) && out.length > f.length) {
      out = out.slice(f.length).trim();
      changed = true;
    }
  }
  return out.replace(EDGE_PUNCT, '');
}

function pickName(tokens: Token[], used: Set<number>, regionFirst: number): string {
  const free = (i: number): boolean => {
    const tok = tokens[i]!.text;
    return !used.has(i) && tok !== BOUNDARY && tok !== DETAIL_MARK && isNameLike(tok) && !isRegionName(tok);
  };
  for (let i = 0; i < Math.min(regionFirst, tokens.length); i++) if (free(i)) return tokens[i]!.text;
  for (let i = regionFirst; i < tokens.length; i++) if (free(i)) return tokens[i]!.text;
  return '';
}
