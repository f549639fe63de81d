import { describe, expect, it } from 'vitest';
import divisions from '../../../shared/address/data/divisions.json';
import patch from '../../../shared/address/data/patch.json';
import {
  allProvinces,
  childrenOf,
  divisionByCode,
  hasDistricts,
  isMunicipality,
  lookupName,
  normalizeName,
  shortName,
  shortNames,
} from '../../../shared/address';

describe('division data', () => {
  it('has 31 provinces, 369 prefecture-level units and ~2,950 districts', () => {
    const provinces = allProvinces();
    const cities = provinces.flatMap((p) => childrenOf(p.code));
    const districts = cities.flatMap((c) => childrenOf(c.code));
    expect(provinces).toHaveLength(31);
    expect(cities).toHaveLength(369);
    expect(districts.length).toBeGreaterThan(2900);
    expect(JSON.stringify(divisions).length).toBeLessThan(200 * 1024);
  });

  it('has the 2021 杭州 districts and the patch’s additions', () => {
    expect(divisionByCode('330113')?.name).toBe('临平区');
    expect(divisionByCode('330114')?.name).toBe('钱塘区');
    for (const a of patch.add) expect(divisionByCode(a.code), a.name).toMatchObject({ name: a.name, parent: a.parent });
    expect(childrenOf('6532').map((d) => d.name)).toEqual(expect.arrayContaining(['和安县', '和康县']));
  });

  it('shapes 直辖市 and province-direct cities the way orders write them', () => {
    for (const code of ['11', '12', '31', '50']) {
      expect(isMunicipality(code)).toBe(true);
      const cities = childrenOf(code);
      expect(cities).toHaveLength(1);
      expect(cities[0]!.name).toBe(divisionByCode(code)!.name);
    }
    // 重庆's counties (5002xx) are in its one city
    expect(divisionByCode('500229')).toMatchObject({ name: '城口县', parent: '5001' });
    expect(divisionByCode('419001')).toMatchObject({ name: '济源市', level: 'city', parent: '41' });
    expect(divisionByCode('429004')).toMatchObject({ name: '仙桃市', level: 'city', parent: '42' });
    for (const code of ['4419', '4420', '4604', '6202', '419001']) expect(hasDistricts(divisionByCode(code)!)).toBe(false);
    expect(divisionByCode('4190')).toBeUndefined();
  });

  it('keeps every old name resolvable inside its parent only', () => {
    for (const a of patch.aliases) {
      const scope = a.parent.length === 2 ? ({ level: 'city', within: a.parent } as const) : ({ level: 'district', within: a.parent } as const);
      expect(lookupName(a.name, scope).map((h) => [h.division.code, h.kind]), a.name).toContainEqual([a.to, 'alias']);
    }
    expect(lookupName('双桥区', { level: 'district', within: '1308' })[0]).toMatchObject({ kind: 'full', division: { code: '130802' } });
  });

  it('gives every code one parent of the level above', () => {
    for (const p of allProvinces()) {
      expect(p.code).toMatch(/^\d{2}$/);
      for (const c of childrenOf(p.code)) {
        expect(c).toMatchObject({ level: 'city', parent: p.code });
        expect(c.code.startsWith(p.code)).toBe(true);
        for (const d of childrenOf(c.code)) {
          expect(d).toMatchObject({ level: 'district', parent: c.code });
          expect(d.code).toMatch(new RegExp(`^${p.code}\\d{4}$`));
        }
      }
    }
  });
});

describe('names', () => {
  it.each([
    ['浙江省', '浙江'],
    ['北京市', '北京'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
    ['宁夏回族自治区', '宁夏'],
    ['西藏自治区', '西藏'],
    ['延边朝鲜族自治州', '延边'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['海西蒙古族藏族自治州', '海西'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['克孜勒苏柯尔克孜自治州', '克孜勒苏'],
    ['大理白族自治州', '大理'],
    ['双江拉祜族佤族布朗族傣族自治县', '双江'],
    ['塔什库尔干塔吉克自治县', '塔什库尔干'],
    ['鄂伦春自治旗', '鄂伦春'],
    ['和田地区', '和田'],
    ['兴安盟', '兴安'],
    ['神农架林区', '神农架'],
    ['浦东新区', '浦东'],
    ['六枝特区', '六枝'],
    ['西湖区', '西湖'],
    ['桐庐县', '桐庐'],
    ['余姚市', '余姚'],
    ['城区', undefined],
    ['矿区', undefined],
    ['四子王旗', undefined],
    ['苏州工业园区', undefined],
    ['西沙群岛', undefined],
  ])('shortName(%s) = %s', (name, short) => {
    expect(shortName(name)).toBe(short);
  });

  it('adds the informal 州 / 县 forms of autonomous units', () => {
    expect(shortNames('恩施土家族苗族自治州')).toEqual(['恩施', '恩施州']);
    expect(shortNames('长阳土家族自治县')).toEqual(['长阳', '长阳县']);
    expect(shortNames('杭州市')).toEqual(['杭州']);
  });

  it('normalizes width and whitespace', () => {
    expect(normalizeName(' 浙江　省 ')).toBe('浙江省');
    expect(normalizeName('西湖\u200b区')).toBe('西湖区');
    expect(normalizeName('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('never lets two siblings share a short name silently', () => {
    // 和田市 and 和田县 are both "和田": the lookup returns both, so no caller picks one
    expect(lookupName('和田', { level: 'district', within: '6532' }).map((h) => h.division.name).sort()).toEqual(['和田县', '和田市']);
  });
});
