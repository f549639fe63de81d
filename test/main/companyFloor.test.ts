// The company setup file's floor part: own waybill ranges load with the file (the demo's too),
// a wrong range is refused naming its field, and the desk's store takes them with the setup.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COMPANY_FILE } from '../../main/services/demo/demo';
import { parseCompanySetup } from '../../main/services/store/company';
import { parseFloorSettings } from '../../shared/floor/settings';

const demo = () => JSON.parse(fs.readFileSync(DEMO_COMPANY_FILE, 'utf8')) as Record<string, unknown>;

describe('company setup: floor', () => {
  it('the demo company carries own waybill ranges for each of its carriers', () => {
    const setup = parseCompanySetup(demo(), 'demo');
    const carriers = new Set(setup.warehouses.flatMap((w) => w.carriers.map((c) => c.code)));
    expect(new Set(setup.floor!.waybillPools.map((p) => p.carrier))).toEqual(carriers);
    expect(parseFloorSettings(setup.floor)).toEqual(setup.floor);
  });

  it('a range that ends before it starts is refused with where and what', () => {
    const raw = { ...demo(), floor: { waybillPools: [{ carrier: 'ZTO', prefix: '', from: 10, to: 5, digits: 12 }] } };
    expect(() => parseCompanySetup(raw, 'company.json')).toThrow(/floor\.waybillPools\.0\.to.*ends before it starts|ends before it starts/);
  });

  it('a file without floor settings keeps the floor as it is', () => {
    const { floor: _f, ...raw } = demo();
    expect(parseCompanySetup(raw, 'x').floor).toBeUndefined();
  });
});
