import { describe, expect, it } from 'vitest';
import centroids from '../../../shared/address/data/centroids.json';
import { allProvinces, centroidByCode, centroidOf, childrenOf, haversineKm } from '../../../shared/address';

describe('haversineKm', () => {
  // great-circle distances between the cities' seats (published figures ± the seat choice)
  it.each([
    ['杭州', '广州', { lat: 30.2937, lng: 120.1614 }, { lat: 23.1167, lng: 113.25 }, 1050],
    ['北京', '上海', { lat: 39.9075, lng: 116.3972 }, { lat: 31.2222, lng: 121.4581 }, 1068],
    ['乌鲁木齐', '哈尔滨', { lat: 43.801, lng: 87.6005 }, { lat: 45.75, lng: 126.65 }, 3060],
  ])('%s → %s ≈ %i km', (_a, _b, a, b, km) => {
    expect(Math.abs(haversineKm(a, b) - km)).toBeLessThan(30);
  });

  it('is a metric on a few points: zero, symmetric, triangle', () => {
    const a = { lat: 30, lng: 120 };
    const b = { lat: 23, lng: 113 };
    const c = { lat: 40, lng: 116 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
    expect(haversineKm(a, c)).toBeLessThanOrEqual(haversineKm(a, b) + haversineKm(b, c));
  });

  it('measures 1° of latitude as ~111.2 km', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.2, 1);
  });
});

describe('centroids', () => {
  it('covers every province and every prefecture-level unit of the dataset', () => {
    const missing: string[] = [];
    for (const p of allProvinces()) {
      if (centroidByCode(p.code)?.level !== 'province') missing.push(p.name);
      for (const c of childrenOf(p.code)) if (centroidByCode(c.code)?.level !== 'city') missing.push(`${p.name} ${c.name}`);
    }
    expect(missing).toEqual([]);
    expect(centroids.coverage).toMatchObject({ provinces: '31/31', cities: '369/369' });
  });

  it('carries the GeoNames attribution and the datum', () => {
    expect(centroids.source).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(centroids.datum).toBe('WGS-84');
  });

  it('puts every point inside China’s bounding box and near its province’s capital', () => {
    for (const p of allProvinces()) {
      const capital = centroidByCode(p.code)!;
      for (const c of childrenOf(p.code)) {
        const pt = centroidByCode(c.code)!;
        expect(pt.lat).toBeGreaterThan(3);
        expect(pt.lat).toBeLessThan(54);
        expect(pt.lng).toBeGreaterThan(73);
        expect(pt.lng).toBeLessThan(136);
        // 新疆, 西藏 and 内蒙古 are wide; 三沙 is 500 km out at sea
        expect(haversineKm(capital, pt), `${p.name} ${c.name}`).toBeLessThan(1500);
      }
    }
  });
});

describe('centroidOf', () => {
  it('gives the city point when the city resolves', () => {
    expect(centroidOf('浙江省', '杭州市', '西湖区')).toMatchObject({ level: 'city', code: '3301' });
    expect(centroidOf('浙江', '杭州', '')).toMatchObject({ level: 'city', code: '3301' });
    expect(centroidOf('河南省', '', '济源市')).toMatchObject({ level: 'city', code: '419001' });
    expect(centroidOf('北京', '朝阳区', '三环以内')).toMatchObject({ level: 'city', code: '1101' });
    expect(centroidOf('浙江省', '', '西湖区')).toMatchObject({ level: 'city', code: '3301' });
  });

  it('falls back to the province', () => {
    expect(centroidOf('浙江省', '火星市', '')).toMatchObject({ level: 'province', code: '33' });
    expect(centroidOf('浙江省', '广州市', '天河区')).toMatchObject({ level: 'province', code: '33' });
    // the province's point is its capital's
    const p = centroidOf('广东', '', '')!;
    const gz = centroidOf('广东省', '广州市', '天河区')!;
    expect([p.lat, p.lng]).toEqual([gz.lat, gz.lng]);
  });

  it('is undefined when nothing resolves', () => {
    expect(centroidOf('', '', '')).toBeUndefined();
    expect(centroidOf('火星', '', '')).toBeUndefined();
  });

  it('puts the 杭州 receiver nearer the 义乌 warehouse than the 广州 one', () => {
    const to = centroidOf('浙江省', '杭州市', '西湖区')!;
    const yiwu = centroidOf('浙江省', '金华市', '义乌市')!;
    const guangzhou = centroidOf('广东省', '广州市', '')!;
    expect(haversineKm(to, yiwu)).toBeLessThan(haversineKm(to, guangzhou));
  });
});
