import { describe, expect, it } from 'vitest';
import { redact } from '../../main/services/redact';
import { restoreBounds } from '../../main/electron/windowState';

describe('log redaction', () => {
  it('masks phones (keeping the last 4), ID numbers, address details and receiver fields', () => {
    expect(redact('call 13812345678 or +86 139-1234-5678')).toBe('call 1**-****-5678 or 1**-****-5678');
    expect(redact('id 110105199003071234 ok')).toBe('id 110***********1234 ok');
    expect(redact('送到 浙江省杭州市西湖区文三路478号华星科技大厦3幢1205室')).toBe('送到 浙江省杭州市西湖区文三路***');
    expect(redact('{"receiver_name":"张三","receiver_mobile":"13812345678","tid":"3839192008992116685"}'))
      .toBe('{"receiver_name":"***","receiver_mobile":"***","tid":"3839192008992116685"}');
  });
  it('leaves order ids, amounts, times and masked values alone', () => {
    const line = 'order 3839192008992116685 paid ¥327.70 at 2026-11-25 20:30:00, receiver 高** 189****0397';
    expect(redact(line)).toBe(line);
  });
});

describe('window bounds', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  it('restores what was saved when it is on a display', () => {
    expect(restoreBounds({ bounds: { x: 100, y: 50, width: 1400, height: 850 }, maximized: true }, [primary]))
      .toEqual({ bounds: { x: 100, y: 50, width: 1400, height: 850 }, maximized: true });
  });
  it('centres on the primary display when the saved place is gone (monitor unplugged)', () => {
    const r = restoreBounds({ bounds: { x: 2500, y: 100, width: 1400, height: 850 }, maximized: false }, [primary]);
    expect(r.bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
  });
  it('fits a small screen and ignores nonsense', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    expect(restoreBounds(undefined, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(restoreBounds({ bounds: { x: Number.NaN, y: 0, width: 10, height: 10 } }, [primary]).bounds.width).toBe(1440);
  });
});
