// Every platform's request signature against the official vectors ([C-vec]) and the computed
// ones ([calc]) in ../shared/platforms.md §2.2, §3.2, §4.2, §5.2 — compared exactly, case and all.
import { describe, expect, it } from 'vitest';
import { signPdd } from '../../../main/services/platforms/pdd/sign';
import { signJd } from '../../../main/services/platforms/jd/sign';
import { signDouyin, sortedParamJson } from '../../../main/services/platforms/douyin/sign';
import { kuaishouSignBase, signKuaishou } from '../../../main/services/platforms/kuaishou/sign';
import { signTop } from '../../../main/services/platforms/taobao/sign';

describe('Pinduoduo (§3.2)', () => {
  const params = {
    access_token: 'asd78172s8ds9a921j9qqwda12312w1w21211', client_id: '1', data_type: 'XML', order_status: '1',
    page: '1', page_size: '10', timestamp: '1480411125', type: 'pdd.order.number.list.get',
  };
  it('reproduces the official vector', () => {
    expect(signPdd(params, 'testSecret')).toBe('E4DE3ED21002510DED352819E7AE6775');
  });
  it('leaves sign itself out, and any change changes it', () => {
    expect(signPdd({ ...params, sign: 'X' }, 'testSecret')).toBe('E4DE3ED21002510DED352819E7AE6775');
    expect(signPdd({ ...params, page: '2' }, 'testSecret')).not.toBe('E4DE3ED21002510DED352819E7AE6775');
    expect(signPdd(params, 'testsecret')).not.toBe('E4DE3ED21002510DED352819E7AE6775');
  });
});

describe('JD JOS (§4.2)', () => {
  it('reproduces the official vector, signing 360buy_param_json byte for byte', () => {
    const params = {
      '360buy_param_json': '{"end_date":null,"optional_fields":null,"order_state":"WAIT_SELLER_STOCK_OUT","page":"1","page_size":"200","start_date":null}',
      access_token: 'yourtoken', app_key: 'yourappkey', method: 'jingdong.pop.order.search',
      timestamp: '2021-05-07 09:20:39.683+0800', v: '2.0',
    };
    expect(signJd(params, 'yourappSecret')).toBe('D70825340F4084360B9362B60DFD7930');
    // the same JSON with a space is another request
    expect(signJd({ ...params, '360buy_param_json': params['360buy_param_json'].replace(',"page"', ', "page"') }, 'yourappSecret')).not.toBe('D70825340F4084360B9362B60DFD7930');
  });
});

describe('Douyin 抖店 (§2.2)', () => {
  const input = {
    appKey: '1234567890123456789', appSecret: 'testsecret', method: 'order.searchList', timestamp: '1700000000',
    paramJson: sortedParamJson({ update_time_start: 1699998200, size: 20, update_time_end: 1700000000, page: 0 }),
  };
  it('sorts param_json keys and compacts it as the SDKs do', () => {
    expect(input.paramJson).toBe('{"page":0,"size":20,"update_time_end":1700000000,"update_time_start":1699998200}');
    expect(sortedParamJson({ b: { d: 1, c: [{ z: 1, y: '<&>' }] }, a: '中文' })).toBe('{"a":"中文","b":{"c":[{"y":"<&>","z":1}],"d":1}}');
    expect(sortedParamJson(undefined)).toBe('{}');
    expect(sortedParamJson({})).toBe('{}');
  });
  it('reproduces the computed vectors (hmac-sha256 and legacy md5, lower hex)', () => {
    expect(signDouyin(input)).toBe('170c501a79802ebd437bb2b019637a61359556747e0e3400544552eaa5c04dcb');
    expect(signDouyin(input, 'md5')).toBe('3f9bcbad49a5a574e8f781fa13f66192');
    expect(() => signDouyin(input, 'sha1' as never)).toThrow(/hmac-sha256 or md5/);
  });
});

describe('Kuaishou 快手 (§5.2)', () => {
  const params = { access_token: 'xxx', appkey: 'ks123', method: 'open.order.cursor.list', param: '{"beginTime":1700000000000}', signMethod: 'MD5', timestamp: '1700000000000', version: '1' };
  it('signs only its seven parameters, as k=v&… plus the signSecret', () => {
    expect(kuaishouSignBase({ ...params, sign: 'x', extra: 'ignored' }, 'sec')).toBe('access_token=xxx&appkey=ks123&method=open.order.cursor.list&param={"beginTime":1700000000000}&signMethod=MD5&timestamp=1700000000000&version=1&signSecret=sec');
  });
  it('reproduces the computed vectors: MD5 lower hex, HMAC_SHA256 Base64', () => {
    expect(signKuaishou(params, 'sec')).toBe('481a5389c6f34f711a519a0204523dfe');
    expect(signKuaishou({ ...params, signMethod: 'HMAC_SHA256' }, 'sec')).toBe('/EC0WrI20Hkt+kO6UHpZPu3St4KI7CZq+unx6e5Ukew=');
    expect(() => signKuaishou({ ...params, signMethod: 'SHA1' }, 'sec')).toThrow(/MD5 or HMAC_SHA256/);
  });
});

describe('TOP still reproduces its official vector through the shared helper', () => {
  it('66987CB115214E59E6EC978214934FB8', () => {
    const p = { method: 'taobao.item.seller.get', app_key: '12345678', session: 'test', timestamp: '2016-01-01 12:00:00', format: 'json', v: '2.0', sign_method: 'md5', fields: 'num_iid,title,nick,price,num', num_iid: '11223344' };
    expect(signTop(p, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });
});
