// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScanService, type ScanService } from '../../renderer/features/scan';

let clock = 0;
let service: ScanService | undefined;
const fed: { kind: string; code: string }[] = [];

function start(opts: Parameters<typeof createScanService>[0] = {}) {
  service = createScanService({ target: document, now: () => clock, feedback: (o, code) => fed.push({ kind: o.kind, code }), ...opts });
  return service;
}

afterEach(() => {
  service?.stop();
  service = undefined;
  fed.length = 0;
  document.body.innerHTML = '';
});

/** Dispatches a keydown at time `at`; when nothing prevented it, types the char into an input like a browser. */
function key(target: EventTarget, init: KeyboardEventInit, at: number): KeyboardEvent {
  clock = at;
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  const el = target as HTMLInputElement;
  if (!e.defaultPrevented && el.tagName === 'INPUT' && init.key && init.key.length === 1) el.value += init.key;
  return e;
}

function typeText(target: EventTarget, text: string, gapMs: number, startAt = 1000): KeyboardEvent {
  [...text].forEach((ch, i) => key(target, { key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}` }, startAt + i * gapMs));
  return key(target, { key: 'Enter', code: 'Enter' }, startAt + text.length * gapMs);
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** happy-dom's CompositionEvent drops `data`, so the event is built by hand. */
function compositionEnd(data: string): Event {
  return Object.defineProperty(new Event('compositionend', { bubbles: true }), 'data', { value: data });
}

describe('scan service on a document', () => {
  it('hands a scanner burst to subscribers and keeps it out of the focused input', async () => {
    const s = start();
    const got = vi.fn();
    s.subscribe(got);
    const input = document.createElement('input');
    input.value = 'ab';
    document.body.appendChild(input);
    const onInput = vi.fn();
    input.addEventListener('input', onInput);

    const enter = typeText(input, '6901234567892', 6);
    await flush();

    expect(got).toHaveBeenCalledWith('6901234567892', { source: 'wedge' });
    expect(enter.defaultPrevented).toBe(true);
    expect(input.value).toBe('ab');
    // the restore fires input, so a React-controlled field learns the value too
    expect(onInput).toHaveBeenCalled();
    expect(fed).toEqual([{ kind: 'ok', code: '6901234567892' }]);
  });

  it('leaves human typing alone', async () => {
    const s = start();
    const got = vi.fn();
    s.subscribe(got);
    const input = document.createElement('input');
    document.body.appendChild(input);
    const enter = typeText(input, '1234', 140);
    await flush();
    expect(got).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(false);
    expect(input.value).toBe('1234');
  });

  it('works with a Chinese IME on: Process keys read by code, late IME commit scrubbed', async () => {
    const s = start();
    const got = vi.fn();
    s.subscribe(got);
    const input = document.createElement('input');
    input.value = '张';
    document.body.appendChild(input);
    const codes = ['KeyW', 'KeyH', 'Minus', 'KeyU', 'Minus', 'Digit0', 'Digit0', 'Digit0', 'Digit2'];
    codes.forEach((code, i) => key(input, { key: 'Process', code, keyCode: 229, shiftKey: code.startsWith('Key'), isComposing: true }, 2000 + i * 7));
    const enter = key(input, { key: 'Process', code: 'Enter', keyCode: 229, isComposing: true }, 2000 + codes.length * 7);
    await flush();
    expect(got).toHaveBeenCalledWith('WH-U-0002', { source: 'wedge' });
    expect(enter.defaultPrevented).toBe(true);

    // the IME now commits its composition into the field: it must not stay there
    input.value = '张WH-U-0002';
    clock += 20;
    input.dispatchEvent(compositionEnd('WH-U-0002'));
    await flush();
    expect(input.value).toBe('张');
  });

  it('falls back to compositionend data when the IME hides the keys entirely', async () => {
    const s = start();
    const got = vi.fn();
    s.subscribe(got);
    const input = document.createElement('input');
    document.body.appendChild(input);
    for (let i = 0; i < 6; i++) key(input, { key: 'Process', keyCode: 229 }, 3000 + i * 5);
    key(input, { key: 'Enter', code: 'Enter' }, 3030);
    clock = 3040;
    input.dispatchEvent(compositionEnd('AB1234'));
    await flush();
    expect(got).toHaveBeenCalledWith('AB1234', { source: 'wedge' });
  });

  it('uses the configured gap', async () => {
    const s = start({ maxGapMs: 80, terminatorGapMs: 80 });
    const got = vi.fn();
    s.subscribe(got);
    typeText(document.body, '55667788', 60);
    await flush();
    expect(got).toHaveBeenCalledWith('55667788', { source: 'wedge' });
  });

  it('gives scans only to the newest exclusive subscriber while it is there, and reports its outcome', async () => {
    const s = start();
    const page = vi.fn();
    const modal = vi.fn(() => ({ kind: 'done' as const, message: 'signed in' }));
    s.subscribe(page);
    const off = s.subscribe(modal, { exclusive: true });
    await s.inject('WH-U-0001', 'camera');
    expect(modal).toHaveBeenCalledWith('WH-U-0001', { source: 'camera' });
    expect(page).not.toHaveBeenCalled();
    expect(fed.at(-1)).toEqual({ kind: 'done', code: 'WH-U-0001' });
    off();
    await s.inject('SF100', 'serial');
    expect(page).toHaveBeenCalledWith('SF100', { source: 'serial' });
  });

  it('answers "wrong" when a handler throws, and stops listening after stop()', async () => {
    const s = start();
    s.subscribe(() => { throw new Error('no such SKU'); });
    await s.inject('X1');
    expect(fed.at(-1)).toEqual({ kind: 'wrong', code: 'X1' });
    s.stop();
    const got = vi.fn();
    s.subscribe(got);
    typeText(document.body, '12345678', 5, 9000);
    await flush();
    expect(got).not.toHaveBeenCalled();
  });
});
