import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { allProvinces, childrenOf, hasDistricts, isMunicipality, parseAddress, shortName, type Division, type ParsedAddress } from '../../../shared/address';

type Expect = Partial<Omit<ParsedAddress, 'issues' | 'confidence'>> & { issues?: string[]; minConfidence?: number; maxConfidence?: number };

// [paste, expected]: fields left out of `expected` must come out '' (issues: [])
const PASTES: [string, Expect][] = [
  // the brief's examples
  ['张三 13812345678 浙江省杭州市西湖区文三路100号', { name: '张三', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' }],
  ['收货人：李四\n手机号码：138-1234-5678\n所在地区：广东省 深圳市 南山区\n详细地址：粤海街道科技园路1号', { name: '李四', phone: '13812345678', province: '广东省', city: '深圳市', district: '南山区', detail: '粤海街道科技园路1号' }],
  ['上海市浦东新区张江镇博云路2号 王五 021-12345678', { name: '王五', phone: '021-12345678', province: '上海市', city: '上海市', district: '浦东新区', detail: '张江镇博云路2号' }],
  ['杭州临平区南苑街道xx路 赵六 15912345678', { name: '赵六', phone: '15912345678', province: '浙江省', city: '杭州市', district: '临平区', detail: '南苑街道xx路', issues: ['province_inferred: 浙江省'] }],
  ['北京朝阳区望京街道 陈七 +86 139 1234 5678', { name: '陈七', phone: '13912345678', province: '北京市', city: '北京市', district: '朝阳区', detail: '望京街道' }],
  // labels must not leak into the name
  ['李四 手机 13812345678 浙江省杭州市西湖区文三路100号', { name: '李四', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' }],
  ['收件人：周杰 电话：0571-88886666 地址：浙江省杭州市滨江区长河街道江南大道100号 邮编：310052', { name: '周杰', phone: '0571-88886666', province: '浙江省', city: '杭州市', district: '滨江区', detail: '长河街道江南大道100号', postcode: '310052' }],
  ['姓名：吴敏\n电话：13612341234\n地址：四川省成都市武侯区人民南路四段12号', { name: '吴敏', phone: '13612341234', province: '四川省', city: '成都市', district: '武侯区', detail: '人民南路四段12号' }],
  ['联系人：马云 手机：13800138000 收货地址：浙江省杭州市余杭区文一西路969号', { name: '马云', phone: '13800138000', province: '浙江省', city: '杭州市', district: '余杭区', detail: '文一西路969号' }],
  ['收货人:王二小 联系电话:010-62345678转123 地址:北京市海淀区海淀大街1号', { name: '王二小', phone: '010-62345678-123', province: '北京市', city: '北京市', district: '海淀区', detail: '海淀大街1号' }],
  ['收货人：郑爽，手机号：177 1234 5678，所在地区：福建省 厦门市 思明区，详细地址：鹭江道8号', { name: '郑爽', phone: '17712345678', province: '福建省', city: '厦门市', district: '思明区', detail: '鹭江道8号' }],
  ['【收货人】刘德华【手机】13800001234-5678【地址】广东省广州市天河区体育西路1号', { name: '刘德华', phone: '13800001234-5678', province: '广东省', city: '广州市', district: '天河区', detail: '体育西路1号' }],
  ['所在地区：广东省 深圳市 南山区\n手机号码：13812345678\n详细地址：粤海街道科技园路1号\n收货人：李四', { name: '李四', phone: '13812345678', province: '广东省', city: '深圳市', district: '南山区', detail: '粤海街道科技园路1号' }],
  ['收货人：欧阳娜娜\n手机号码：13512345678\n所在地区：广东省广州市天河区\n详细地址：广东省广州市天河区体育西路191号', { name: '欧阳娜娜', phone: '13512345678', province: '广东省', city: '广州市', district: '天河区', detail: '体育西路191号' }],
  // separators and orders
  ['王芳，13900001111，江苏省南京市鼓楼区中山北路30号2单元501室', { name: '王芳', phone: '13900001111', province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山北路30号2单元501室' }],
  ['13587654321 黄晓明 浙江省宁波市鄞州区首南街道天童南路588号', { name: '黄晓明', phone: '13587654321', province: '浙江省', city: '宁波市', district: '鄞州区', detail: '首南街道天童南路588号' }],
  ['韩梅梅\n+86-138-0013-8000\n北京市东城区东长安街1号', { name: '韩梅梅', phone: '13800138000', province: '北京市', city: '北京市', district: '东城区', detail: '东长安街1号' }],
  ['蒋大为 138 0000 1234 湖南省长沙市岳麓区麓山南路2号', { name: '蒋大为', phone: '13800001234', province: '湖南省', city: '长沙市', district: '岳麓区', detail: '麓山南路2号' }],
  ['张三浙江省杭州市西湖区文三路100号13812345678', { name: '张三', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' }],
  ['广东省深圳市福田区华强北路1002号赛格广场12楼 林小姐 18688886666', { name: '林小姐', phone: '18688886666', province: '广东省', city: '深圳市', district: '福田区', detail: '华强北路1002号赛格广场12楼' }],
  ['上海 上海市 黄浦区 南京东路1号 孙丽 13611112222', { name: '孙丽', phone: '13611112222', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路1号' }],
  // names: dotted, Latin, a name that is also a place
  ['收货人: 买买提·艾力，电话: 0991-1234567-801，地址: 新疆维吾尔自治区乌鲁木齐市天山区解放南路1号 邮编830000', { name: '买买提·艾力', phone: '0991-1234567-801', province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区', detail: '解放南路1号', postcode: '830000' }],
  ['John Smith 13812345678 上海市静安区南京西路1号', { name: 'John Smith', phone: '13812345678', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1号' }],
  ['黄山 13812345678 浙江省杭州市西湖区文三路100号', { name: '黄山', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号' }],
  // 自治区 / 自治州 / 盟 short forms
  ['内蒙古呼和浩特市赛罕区大学西街235号，格日勒，15849112233', { name: '格日勒', phone: '15849112233', province: '内蒙古自治区', city: '呼和浩特市', district: '赛罕区', detail: '大学西街235号' }],
  ['新疆乌鲁木齐市沙依巴克区友好北路689号 阿依古丽 18999112233', { name: '阿依古丽', phone: '18999112233', province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '沙依巴克区', detail: '友好北路689号' }],
  ['延边州延吉市光明街100号 金哲 13843312345', { name: '金哲', phone: '13843312345', province: '吉林省', city: '延边朝鲜族自治州', district: '延吉市', detail: '光明街100号', issues: ['province_inferred: 吉林省'] }],
  ['云南省西双版纳傣族自治州景洪市勐泐大道1号 岩温 13988112345', { name: '岩温', phone: '13988112345', province: '云南省', city: '西双版纳傣族自治州', district: '景洪市', detail: '勐泐大道1号' }],
  ['张伟 13812345678 广西南宁市青秀区民族大道100号 530022', { name: '张伟', phone: '13812345678', province: '广西壮族自治区', city: '南宁市', district: '青秀区', detail: '民族大道100号', postcode: '530022' }],
  // 直辖市 counties, 省直辖县级市, cities without districts, recent and old districts
  ['重庆市城口县葛城街道北大街1号 冉静 13996412345', { name: '冉静', phone: '13996412345', province: '重庆市', city: '重庆市', district: '城口县', detail: '葛城街道北大街1号' }],
  ['河南省济源市沁园街道xx路1号 王小明 13712345678', { name: '王小明', phone: '13712345678', province: '河南省', city: '济源市', detail: '沁园街道xx路1号' }],
  ['湖北省仙桃市沙嘴街道仙桃大道1号 刘强 13972812345', { name: '刘强', phone: '13972812345', province: '湖北省', city: '仙桃市', detail: '沙嘴街道仙桃大道1号' }],
  ['广东省东莞市长安镇长青路1号 陈先生 13922912345', { name: '陈先生', phone: '13922912345', province: '广东省', city: '东莞市', detail: '长安镇长青路1号' }],
  ['广东省中山市中山路1号 张三 13812345678', { name: '张三', phone: '13812345678', province: '广东省', city: '中山市', detail: '中山路1号' }],
  ['天津市滨海新区塘沽街道上海道1号 赵磊 13820012345', { name: '赵磊', phone: '13820012345', province: '天津市', city: '天津市', district: '滨海新区', detail: '塘沽街道上海道1号' }],
  ['新疆维吾尔自治区和田地区和安县团结路1号 艾力 13999012345', { name: '艾力', phone: '13999012345', province: '新疆维吾尔自治区', city: '和田地区', district: '和安县', detail: '团结路1号' }],
  ['浙江省杭州市江干区凯旋路1号 钱多多 13512345678', { name: '钱多多', phone: '13512345678', province: '浙江省', city: '杭州市', district: '上城区', detail: '凯旋路1号' }],
  ['吉林省吉林市船营区吉林大街1号 张三 13812345678', { name: '张三', phone: '13812345678', province: '吉林省', city: '吉林市', district: '船营区', detail: '吉林大街1号' }],
  ['辽宁省朝阳市双塔区朝阳大街1号 白雪 13904212345', { name: '白雪', phone: '13904212345', province: '辽宁省', city: '朝阳市', district: '双塔区', detail: '朝阳大街1号' }],
  ['李雷 400-820-8820 北京市海淀区中关村大街1号', { name: '李雷', phone: '400-820-8820', province: '北京市', city: '北京市', district: '海淀区', detail: '中关村大街1号' }],
  // what is missing or uncertain is said, and costs confidence
  ['朝阳区望京街道 陈七 13912345678', { name: '陈七', phone: '13912345678', district: '朝阳区', detail: '望京街道', issues: ['region_ambiguous: 朝阳区 (北京市/长春市)'], maxConfidence: 0.8 }],
  ['辽宁省铁西区兴华街1号 张三 13812345678', { name: '张三', phone: '13812345678', province: '辽宁省', district: '铁西区', detail: '兴华街1号', issues: ['region_ambiguous: 铁西区 (沈阳市/鞍山市)'], maxConfidence: 0.8 }],
  ['浙江省杭州市西湖区文三路100号', { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号', issues: ['name_missing', 'phone_missing'], maxConfidence: 0.6 }],
  ['张三 13812345678 浙江省杭州市', { name: '张三', phone: '13812345678', province: '浙江省', city: '杭州市', issues: ['district_missing', 'detail_missing'], maxConfidence: 0.8 }],
  ['张三 13812345678', { name: '张三', phone: '13812345678', issues: ['region_missing', 'detail_missing'], maxConfidence: 0.5 }],
  ['张三 13812345678 13900001111 浙江省杭州市西湖区文三路100号', { name: '张三', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号', issues: ['multiple_phones'] }],
  ['张三 330106199001011234 13812345678 浙江省杭州市西湖区文三路100号', { name: '张三', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号', issues: ['id_number_removed'] }],
  ['张* 138****5678 浙江省杭州市西湖区文三路100号', { phone: '138****5678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号', issues: ['name_missing'] }],
];

describe('parseAddress: realistic pastes', () => {
  it('has at least 30 of them', () => expect(PASTES.length).toBeGreaterThanOrEqual(30));

  it.each(PASTES)('%s', (paste, e) => {
    const r = parseAddress(paste);
    const { issues = [], minConfidence, maxConfidence, ...fields } = e;
    expect({ name: r.name, phone: r.phone, province: r.province, city: r.city, district: r.district, detail: r.detail, postcode: r.postcode }).toEqual({
      name: '', phone: '', province: '', city: '', district: '', detail: '', postcode: '', ...fields,
    });
    expect(r.issues).toEqual(issues);
    expect(r.confidence).toBeGreaterThanOrEqual(minConfidence ?? (issues.length ? 0 : 1));
    expect(r.confidence).toBeLessThanOrEqual(maxConfidence ?? 1);
  });

  it('never throws, whatever it is given', () => {
    for (const s of ['', ' ', '\n\n', '：：：', '【】', '1', '张', '浙江', 'x'.repeat(5000), '13812345678'.repeat(50)]) expect(() => parseAddress(s)).not.toThrow();
    expect(parseAddress('').confidence).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: a receiver made from the dataset, pasted in one of several layouts, reads back.

interface Receiver {
  name: string;
  phone: { written: string; normalized: string };
  province: Division;
  city: Division;
  district?: Division;
  detail: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳', '司马'];
// no character that ends a street or a division (路, 区, 市…), so a name never reads as an address
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏飞晨曦雨欣怡浩然子轩梓涵一诺思远嘉琪'];
const STREETS = ['文三', '人民', '解放', '建设', '和平', '胜利', '幸福', '光明', '青年', '新华', '朝晖', '学院', '环城', '滨河', '公园'];

const leaf = (() => {
  let cached: { province: Division; city: Division; district?: Division }[] | undefined;
  return () =>
    (cached ??= allProvinces().flatMap((p) =>
      childrenOf(p.code).flatMap((c) =>
        // every district, statistical units (蚌埠市经济开发区) included: platforms offer them
        hasDistricts(c) ? childrenOf(c.code).map((d) => ({ province: p, city: c, district: d })) : [{ province: p, city: c }],
      ),
    ));
})();

const nameArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join('')).filter((n) => n.length <= 4) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('买买提', '阿依古丽', '帕提古丽', '尼古拉'), fc.constantFrom('艾力', '吐尔逊', '阿不都')).map(([a, b]) => `${a}·${b}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('John', 'Anna', 'Peter', 'Maria'), fc.constantFrom('Smith', 'Lee', 'Brown')).map(([a, b]) => `${a} ${b}`) },
);

const mobileArb = fc
  .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^\d{8}$/), fc.constantFrom('plain', 'dash', 'space', '+86', '+86 space'))
  .map(([a, b, rest, style]) => {
    const n = `${a}${b}${rest}`;
    const g = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    const written = { plain: n, dash: g.replace(/ /g, '-'), space: g, '+86': `+86${n}`, '+86 space': `+86 ${g}` }[style];
    return { written, normalized: n };
  });
const landlineArb = fc
  .tuple(fc.constantFrom('010', '021', '0571', '0755', '0991'), fc.stringMatching(/^[2-8]\d{6,7}$/), fc.boolean())
  .map(([area, num, dash]) => ({ written: dash ? `${area}-${num}` : `(${area})${num}`, normalized: `${area}-${num}` }));
const phoneArb = fc.oneof({ weight: 4, arbitrary: mobileArb }, { weight: 1, arbitrary: landlineArb });

const detailArb = fc
  .tuple(fc.constantFrom(...STREETS), fc.constantFrom('路', '街', '大道'), fc.integer({ min: 1, max: 999 }), fc.option(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 101, max: 2505 })), { nil: undefined }))
  .map(([s, kind, no, unit]) => `${s}${kind}${no}号${unit ? `${unit[0]}幢${unit[1]}室` : ''}`);

const receiverArb: fc.Arbitrary<Receiver> = fc
  .tuple(nameArb, phoneArb, fc.nat(), detailArb)
  .map(([name, phone, i, detail]) => {
    const all = leaf();
    return { name, phone, ...all[i % all.length]!, detail };
  });

/**
 * How the region is written: full names, short province and city names, spaces between, 直辖市
 * quirks. Districts keep their full name: a short district name can be ambiguous by nature
 * (和田 is 和田市 and 和田县), and the parser rightly leaves it unresolved.
 */
const regionText = (r: Receiver, style: number): string => {
  const short = (d: Division) => shortName(d.name) ?? d.name;
  const p = style % 3 === 1 ? short(r.province) : r.province.name;
  const muni = isMunicipality(r.province);
  const c = muni ? [r.province.name, '', '市辖区'][style % 3]! : style % 4 === 2 ? short(r.city) : r.city.name;
  const d = r.district?.name ?? '';
  const sep = style % 5 === 0 ? ' ' : '';
  return [p, c, d].filter(Boolean).join(sep);
};

const SEPS = [' ', '，', ',', '\n', '  ', '；', ' , '];
const layouts: ((r: Receiver, region: string, sep: string) => string)[] = [
  (r, region, s) => `${r.name}${s}${r.phone.written}${s}${region}${r.detail}`,
  (r, region, s) => `${region}${r.detail}${s}${r.name}${s}${r.phone.written}`,
  (r, region, s) => `${r.phone.written}${s}${r.name}${s}${region}${r.detail}`,
  (r, region) => `收货人：${r.name}\n手机号码：${r.phone.written}\n所在地区：${region.replace(/\s+/g, ' ')}\n详细地址：${r.detail}`,
  (r, region, s) => `收件人:${r.name}${s}电话:${r.phone.written}${s}地址:${region}${r.detail}`,
  (r, region) => `【收货人】${r.name}【手机】${r.phone.written}【地址】${region}${r.detail}`,
  (r, region, s) => `${r.name} 手机 ${r.phone.written}${s}${region}${r.detail}`,
  (r, region) => `所在地区：${region}\n详细地址：${r.detail}\n收货人：${r.name}\n联系电话：${r.phone.written}`,
  // no separator between name and region, or between name and phone
  (r, region) => `${r.name}${region}${r.detail} ${r.phone.written}`,
  (r, region) => `${region}${r.detail}，${r.name}${r.phone.written}`,
];

describe('parseAddress: generated receivers read back', () => {
  test.prop([receiverArb, fc.nat({ max: layouts.length - 1 }), fc.nat({ max: 59 }), fc.constantFrom(...SEPS)], { numRuns: 300, seed: 20_261_125 })(
    'name, phone, region and detail come back in every layout',
    (r, layout, style, sep) => {
      const text = layouts[layout]!(r, regionText(r, style), sep);
      const got = parseAddress(text);
      const muni = isMunicipality(r.province);
      expect({ name: got.name, phone: got.phone, province: got.province, city: got.city, district: got.district, detail: got.detail }, text).toEqual({
        name: r.name,
        phone: r.phone.normalized,
        province: r.province.name,
        city: muni ? r.province.name : r.city.name,
        district: r.district?.name ?? '',
        detail: r.detail,
      });
    },
  );

  test.prop([receiverArb], { numRuns: 200, seed: 7 })('a complete paste is read with full confidence, and the region checks clean', (r) => {
    const got = parseAddress(`${r.name} ${r.phone.written} ${r.province.name}${r.city.name}${r.district?.name ?? ''}${r.detail}`);
    expect(got.issues, got.name).toEqual([]);
    expect(got.confidence).toBe(1);
  });
});
