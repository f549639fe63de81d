import { describe, expect, it } from 'vitest';
import { classifyBurst, resolveKey, type TimedKey } from '../../renderer/features/scan';

/** keys typed `gap` ms apart, then Enter `enterGap` ms after the last one */
function burst(text: string, gap: number, enterGap = gap, start = 1000): TimedKey[] {
  const keys: TimedKey[] = [...text].map((key, i) => ({ key, t: start + i * gap }));
  keys.push({ key: 'Enter', t: start + (text.length - 1) * gap + enterGap });
  return keys;
}

describe('classifyBurst', () => {
  it('takes a fast burst ending in Enter as a scan', () => {
    expect(classifyBurst(burst('6901234567892', 8))).toEqual({ kind: 'scan', code: '6901234567892' });
    expect(classifyBurst(burst('SF1234567890', 30))).toEqual({ kind: 'scan', code: 'SF1234567890' });
  });

  it('calls human typing typing, even a quick typist', () => {
    expect(classifyBurst(burst('1234', 120))).toEqual({ kind: 'typing', reason: 'too_slow' });
    expect(classifyBurst(burst('WH-U-0002', 60))).toMatchObject({ kind: 'typing' });
  });

  it('only counts the fast run before Enter: slow prefix, fast scanner tail', () => {
    const human = [...'ab'].map((key, i) => ({ key, t: i * 200 }));
    const scanner = burst('12345678', 10, 10, 1000);
    expect(classifyBurst([...human, ...scanner])).toEqual({ kind: 'scan', code: '12345678' });
  });

  it('rejects bursts shorter than minLength, and respects a configured minLength', () => {
    expect(classifyBurst(burst('123', 5))).toEqual({ kind: 'typing', reason: 'too_short' });
    expect(classifyBurst(burst('123', 5), { minLength: 3 })).toEqual({ kind: 'scan', code: '123' });
  });

  it('honours a configured gap', () => {
    expect(classifyBurst(burst('12345', 50))).toMatchObject({ kind: 'typing' });
    expect(classifyBurst(burst('12345', 50), { maxGapMs: 60, terminatorGapMs: 60 })).toEqual({ kind: 'scan', code: '12345' });
  });

  it('needs the terminator: no Enter, no scan', () => {
    const keys = burst('12345678', 5).slice(0, -1);
    expect(classifyBurst(keys)).toEqual({ kind: 'typing', reason: 'no_terminator' });
    expect(classifyBurst([])).toEqual({ kind: 'typing', reason: 'no_terminator' });
  });

  it('reads IME "Process" keys through e.code, with Shift for capitals', () => {
    const code = ['KeyS', 'KeyF', 'Digit1', 'Digit2', 'Minus', 'Digit9'];
    const keys: TimedKey[] = code.map((c, i) => ({ key: 'Process', code: c, shiftKey: i < 2, t: 100 + i * 9 }));
    keys.push({ key: 'Process', code: 'Enter', t: 100 + 6 * 9 });
    expect(classifyBurst(keys)).toEqual({ kind: 'scan', code: 'SF12-9' });
  });

  it('flags a fast burst whose IME keys cannot be read', () => {
    const keys: TimedKey[] = [1, 2, 3, 4, 5].map((i) => ({ key: 'Process', code: 'IntlRo', t: i * 5 }));
    keys.push({ key: 'Enter', t: 30 });
    expect(classifyBurst(keys)).toEqual({ kind: 'typing', reason: 'unresolved' });
  });

  it('rejects auto-repeat from a held key', () => {
    const keys = burst('11111111', 30).map((k, i) => (i > 0 && k.key === '1' ? { ...k, repeat: true } : k));
    expect(classifyBurst(keys)).toEqual({ kind: 'typing', reason: 'repeat' });
  });

  it('ignores Shift between characters but not other keys', () => {
    const keys: TimedKey[] = [{ key: 'Shift', t: 0 }, { key: 'A', t: 2 }, { key: 'B', t: 10 }, { key: 'Shift', t: 12 }, { key: '1', t: 18 }, { key: '2', t: 26 }, { key: 'Enter', t: 34 }];
    expect(classifyBurst(keys)).toEqual({ kind: 'scan', code: 'AB12' });
    expect(classifyBurst([{ key: 'ArrowDown', t: 0 }, { key: 'Enter', t: 5 }])).toEqual({ kind: 'typing', reason: 'other_key' });
  });
});

describe('resolveKey', () => {
  it('maps printable keys, IME codes and terminators', () => {
    expect(resolveKey({ key: 'a' })).toEqual({ kind: 'char', char: 'a' });
    expect(resolveKey({ key: 'Process', code: 'KeyQ' })).toEqual({ kind: 'char', char: 'q' });
    expect(resolveKey({ key: 'Process', code: 'Numpad7' })).toEqual({ kind: 'char', char: '7' });
    expect(resolveKey({ key: 'Process', code: 'NumpadEnter' })).toEqual({ kind: 'terminator', key: 'Enter' });
    expect(resolveKey({ key: 'Shift', code: 'ShiftLeft' })).toEqual({ kind: 'ignore' });
    expect(resolveKey({ key: 'Backspace' })).toEqual({ kind: 'other' });
  });
});
