// How addresses spell a division. Orders write 浙江 for 浙江省, 延边 for 延边朝鲜族自治州,
// 广西 for 广西壮族自治区; inputs arrive with stray spaces and full-width characters.

/** The form every lookup compares: NFKC (full-width → half-width), no whitespace of any kind. */
export function normalizeName(s: string): string {
  // almost every input is plain CJK already; NFKC is the slow part
  if (PLAIN.test(s)) return s;
  return s.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}
const PLAIN = /^[\u4e00-\u9fff]*$/;

// Ethnic groups named in autonomous units. Single-character ones only count with 族 (白族, 回族),
// so a place name ending in 白 or 水 is never cut.
const ETHNIC_LONG = [
  '维吾尔', '蒙古', '土家', '布依', '景颇', '哈尼', '傈僳', '朝鲜', '哈萨克', '柯尔克孜', '撒拉', '东乡', '保安',
  '裕固', '锡伯', '达斡尔', '鄂温克', '鄂伦春', '仡佬', '毛南', '仫佬', '纳西', '拉祜', '布朗', '普米', '独龙',
  '阿昌', '德昂', '基诺', '塔吉克', '俄罗斯', '门巴', '珞巴',
];
const ETHNIC_SHORT = ['壮', '回', '藏', '羌', '彝', '苗', '侗', '白', '傣', '黎', '瑶', '满', '畲', '土', '水', '佤', '怒', '京', '各'];
const ETHNIC_TAIL = new RegExp(`(?:${ETHNIC_LONG.join('|')})族?$|(?:${ETHNIC_SHORT.join('|')})族$`);

function stripEthnic(s: string): string {
  let out = s;
  for (;;) {
    const next = out.replace(ETHNIC_TAIL, '');
    if (next === out || next.length < 2) return out;
    out = next;
  }
}

// Statistical units (开发区, 园区 …) and two-character names such as 城区 have no short form.
const NO_SHORT = /(开发区|园区|管理区|示范区|实验区|试验区|合作区|管委会|委员会|新城|群岛|海域)$/;
const SUFFIXES: { re: RegExp; ethnic?: true }[] = [
  { re: /自治区$/, ethnic: true },
  { re: /自治州$/, ethnic: true },
  { re: /自治县$/, ethnic: true },
  { re: /自治旗$/, ethnic: true },
  { re: /特别行政区$/ },
  { re: /(新区|林区|特区|矿区)$/ },
  { re: /(省|市|区|县|地区|盟)$/ },
];

/**
 * The informal spellings of a name: its short form, and for autonomous units the short form
 * with a one-character suffix as people write it (延边州, 恩施州, 长阳县).
 */
export function shortNames(name: string): string[] {
  const short = shortName(name);
  if (!short) return [];
  const informal = /自治州$/.test(name) ? `${short}州` : /自治县$/.test(name) ? `${short}县` : /自治旗$/.test(name) ? `${short}旗` : undefined;
  return informal && informal !== name ? [short, informal] : [short];
}

/**
 * The name without its administrative suffix, as addresses write it (杭州市 → 杭州,
 * 延边朝鲜族自治州 → 延边, 浦东新区 → 浦东), or undefined when there is none that keeps at least
 * two characters. Banner names (旗) keep their suffix: 四子王旗 is never written 四子王.
 */
export function shortName(name: string): string | undefined {
  if (NO_SHORT.test(name)) return undefined;
  for (const { re, ethnic } of SUFFIXES) {
    if (!re.test(name)) continue;
    let s = name.replace(re, '');
    if (ethnic) s = stripEthnic(s);
    return s.length >= 2 && s !== name ? s : undefined;
  }
  return undefined;
}
