import { describe, expect, it } from 'vitest';
import { formatTopTimestamp, signTop, topSignBase } from '../../../main/services/platforms/taobao/sign';

// the official worked example (platforms.md §1.2, TOP doc 101617)
const EXAMPLE = {
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test',
  timestamp: '2016-01-01 12:00:00',
  format: 'json',
  v: '2.0',
  sign_method: 'md5',
  fields: 'num_iid,title,nick,price,num',
  num_iid: '11223344',
};

describe('signTop', () => {
  it('builds the documented sign string', () => {
    expect(`helloworld${topSignBase(EXAMPLE)}helloworld`).toBe(
      'helloworldapp_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0helloworld',
    );
  });

  it('reproduces the official md5 vector', () => {
    expect(signTop(EXAMPLE, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });

  it('reproduces the hmac (HMAC-MD5) vector', () => {
    expect(signTop({ ...EXAMPLE, sign_method: 'hmac' }, 'helloworld', 'hmac')).toBe('D56D7858309C31B6251083A874D48273');
  });

  it('reproduces the hmac-sha256 vector', () => {
    expect(signTop({ ...EXAMPLE, sign_method: 'hmac-sha256' }, 'helloworld', 'hmac-sha256')).toBe(
      '04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8',
    );
  });

  it('leaves out sign, empty values and undefined values, whatever their order', () => {
    const noisy = { sign: 'ABC', empty: '', missing: undefined, ...EXAMPLE, '': 'no key' };
    expect(signTop(noisy, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });

  it('sorts keys by ASCII code, so upper case comes before lower case', () => {
    expect(topSignBase({ b: '1', a: '2', B: '3', a_b: '4', aa: '5' })).toBe('B3a2a_b4aa5b1');
  });

  it('changes when any signed value changes', () => {
    expect(signTop({ ...EXAMPLE, num_iid: '11223345' }, 'helloworld', 'md5')).not.toBe('66987CB115214E59E6EC978214934FB8');
  });
});

describe('formatTopTimestamp', () => {
  it('writes GMT+8 wall time', () => {
    expect(formatTopTimestamp(Date.UTC(2016, 0, 1, 4, 0, 0))).toBe('2016-01-01 12:00:00');
    expect(formatTopTimestamp(Date.UTC(2026, 11, 31, 16, 30, 5))).toBe('2027-01-01 00:30:05');
  });
});
