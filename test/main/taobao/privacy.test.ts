import { describe, expect, it } from 'vitest';
import {
  encryptLegacy, isLegacyCipher, maskAddress, maskName, maskPhone, oaidFor, phoneTailOf,
} from '../../../main/services/platforms/privacy';
import { parseJsonKeepingBigInts } from '../../../main/services/platforms/json';

describe('receiver privacy shapes', () => {
  it('writes the legacy ciphertext formats (§1.7) and recognises them', () => {
    const name = encryptLegacy('text', '欧阳娜娜', 'shop-1');
    const phone = encryptLegacy('phone', '13812341234', 'shop-1');
    expect(name).toMatch(/^~[A-Za-z0-9+/=]+~[0-9a-f]{12}~1~~$/);
    expect(phone).toMatch(/^\$[0-9a-f]{8}\$[A-Za-z0-9+/=]+\$1\$\$$/);
    expect(isLegacyCipher(name)).toBe(true);
    expect(isLegacyCipher(phone)).toBe(true);
    for (const plain of ['张**', '138****1234', '文一西路969号', '~not~cipher', '$1$2$']) expect(isLegacyCipher(plain), plain).toBe(false);
  });

  it('is stable within a shop and different across shops', () => {
    expect(encryptLegacy('text', '张三', 'a')).toBe(encryptLegacy('text', '张三', 'a'));
    expect(encryptLegacy('text', '张三', 'a')).not.toBe(encryptLegacy('text', '张三', 'b'));
    expect(oaidFor('shop-a', 'x')).toBe(oaidFor('shop-a', 'x'));
    expect(oaidFor('shop-a', 'x')).not.toBe(oaidFor('shop-b', 'x'));
    expect(oaidFor('shop-a', 'x')).toMatch(/^1[0-9A-Za-z]{39}$/);
  });

  it('masks names, phones (keeping a virtual number\'s extension) and addresses', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('18877771111-123')).toBe('188****1111-123');
    expect(maskPhone('123')).toBe('****');
    expect(maskAddress('文一西路969号3幢201室')).toBe('文一西路***号*幢***室');
    expect(maskAddress('文一西路969号3幢201室')).not.toContain('969');
  });

  it('reads the last four digits only where they are visible', () => {
    expect(phoneTailOf('138****1234')).toBe('1234');
    expect(phoneTailOf('188****1111-123')).toBe('1111');
    expect(phoneTailOf('*******')).toBe('');
    expect(phoneTailOf('')).toBe('');
  });
});

describe('parseJsonKeepingBigInts', () => {
  it('turns only unsafe integer literals into text, never touching strings or other numbers', () => {
    const text = '{"tid":3812345678901234567,"neg":-3812345678901234567,"small":601234567890,"f":12.5,"e":1e21,'
      + '"s":"id 3812345678901234567, \\"q\\": 9999999999999999999","a":[9007199254740993,1]}';
    expect(parseJsonKeepingBigInts(text)).toEqual({
      tid: '3812345678901234567', neg: '-3812345678901234567', small: 601234567890, f: 12.5, e: 1e21,
      s: 'id 3812345678901234567, "q": 9999999999999999999', a: ['9007199254740993', 1],
    });
  });

  it('still rejects broken JSON', () => {
    expect(() => parseJsonKeepingBigInts('{"trades":[{"tid":38123456789012')).toThrow();
  });
});
