// Turns one keydown into the character a barcode scanner meant. Scanners send plain ASCII key
// events even while a Chinese IME is on; the IME then reports e.key === 'Process' (keyCode
// 229), so the physical e.code (KeyA, Digit1…) is the only honest source of the character.

export interface KeyLike {
  key: string;
  code?: string;
  shiftKey?: boolean;
}

/** The key that ends a scan (scanners are configured with an Enter suffix; Tab on some). */
export type Terminator = 'Enter' | 'Tab';

const CODE_CHARS: Record<string, [string, string]> = {
  Minus: ['-', '_'], Equal: ['=', '+'], BracketLeft: ['[', '{'], BracketRight: [']', '}'],
  Backslash: ['\\', '|'], Semicolon: [';', ':'], Quote: ["'", '"'], Comma: [',', '<'],
  Period: ['.', '>'], Slash: ['/', '?'], Backquote: ['`', '~'], Space: [' ', ' '],
  NumpadAdd: ['+', '+'], NumpadSubtract: ['-', '-'], NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'], NumpadDecimal: ['.', '.'],
};
const SHIFTED_DIGITS = ')!@#$%^&*(';

/** Character from the physical key, for IME 'Process' events. Null when unknown. */
export function charFromCode(code: string, shift: boolean): string | null {
  let m = /^Key([A-Z])$/.exec(code);
  if (m) return shift ? m[1]! : m[1]!.toLowerCase();
  m = /^Digit(\d)$/.exec(code);
  if (m) return shift ? SHIFTED_DIGITS[Number(m[1])]! : m[1]!;
  m = /^Numpad(\d)$/.exec(code);
  if (m) return m[1]!;
  const pair = CODE_CHARS[code];
  return pair ? (shift ? pair[1] : pair[0]) : null;
}

export type ResolvedKey =
  | { kind: 'char'; char: string }
  | { kind: 'terminator'; key: Terminator }
  /** a key the IME swallowed whose character we cannot tell */
  | { kind: 'unknown' }
  /** Shift, CapsLock…: neither part of a code nor a break in the burst */
  | { kind: 'ignore' }
  /** anything else (arrows, Backspace, Escape): a human is at the keyboard */
  | { kind: 'other' };

const IGNORED = new Set(['Shift', 'CapsLock', 'NumLock', 'Unidentified', 'Dead']);

export function resolveKey(k: KeyLike): ResolvedKey {
  const imeSwallowed = k.key === 'Process' || k.key === '' || k.key === 'Unidentified';
  if (imeSwallowed && k.code) {
    if (k.code === 'Enter' || k.code === 'NumpadEnter') return { kind: 'terminator', key: 'Enter' };
    if (k.code === 'Tab') return { kind: 'terminator', key: 'Tab' };
    const c = charFromCode(k.code, !!k.shiftKey);
    return c === null ? { kind: 'unknown' } : { kind: 'char', char: c };
  }
  if (k.key === 'Process') return { kind: 'unknown' };
  if (k.key === 'Enter' || k.key === 'Tab') return { kind: 'terminator', key: k.key };
  if (IGNORED.has(k.key)) return { kind: 'ignore' };
  if ([...k.key].length === 1) return { kind: 'char', char: k.key };
  return { kind: 'other' };
}
