import { describe, expect, it } from 'vitest';
import { chooseCarrier } from '../../../shared/floor';

describe('chooseCarrier', () => {
  const wh = { code: 'sh', carriers: [{ code: 'ZTO', remote: ['新疆', '西藏'] }, { code: 'SF' }] };
  it('takes the first carrier, skipping one that lists the region as remote, and says why', () => {
    expect(chooseCarrier(wh, { province: '浙江省' })).toMatchObject({ carrier: 'ZTO', reasons: [{ code: 'carrier.default' }] });
    const r = chooseCarrier(wh, { province: '新疆维吾尔自治区', city: '喀什地区' });
    expect(r.carrier).toBe('SF');
    expect(r.reasons.map((x) => x.code)).toEqual(['carrier.remote_skipped', 'carrier.default']);
    expect(chooseCarrier({ code: 'x', carriers: [] }, { province: '浙江省' })).toMatchObject({ carrier: '', reasons: [{ code: 'carrier.none' }] });
  });
});
