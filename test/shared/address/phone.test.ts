import { describe, expect, it } from 'vitest';
import { findPhones, normalizePhone } from '../../../shared/address';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['+86-13912345678', '13912345678'],
    ['(+86)13912345678', '13912345678'],
    ['0086 13912345678', '13912345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['138****5678', '138****5678'],
    ['13800001234-5678', '13800001234-5678'],
    ['13800001234转5678', '13800001234-5678'],
    ['021-12345678', '021-12345678'],
    ['02112345678', '021-12345678'],
    ['010 6234 5678', '010-62345678'],
    ['(0571)88886666', '0571-88886666'],
    ['0571-88886666-801', '0571-88886666-801'],
    ['0991-1234567', '0991-1234567'],
    ['400-820-8820', '400-820-8820'],
    ['4008208820', '400-820-8820'],
    ['800 123 4567', '800-123-4567'],
  ])('%s → %s', (input, phone) => {
    expect(normalizePhone(input)).toBe(phone);
  });

  it.each(['1381234567', '138123456789', '12812345678', '12345', '310000', 'abc'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});

describe('findPhones', () => {
  it('finds each number once, in order, with its kind and place', () => {
    const text = '王五 021-12345678 或 13812345678 转 1234，客服 400-820-8820';
    const found = findPhones(text);
    expect(found.map((f) => [f.phone, f.kind])).toEqual([
      ['021-12345678', 'landline'],
      ['13812345678-1234', 'mobile'],
      ['400-820-8820', 'service'],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('021-12345678');
  });

  it('does not read house numbers, postcodes or ID numbers as phones', () => {
    expect(findPhones('文三路100号3幢201室 邮编310000')).toEqual([]);
    expect(findPhones('身份证 330106199001011234')).toEqual([]);
  });
});
