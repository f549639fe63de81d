// The one scan input service. A capture-phase keydown listener on the window watches every
// keystroke, whatever has focus; a burst that classifyBurst calls a scan is taken out of the
// page (the Enter never reaches buttons, the characters are removed from the focused field)
// and handed to the subscribers. Camera and serial scanners enter through inject().
import { classifyBurst, DEFAULT_BURST, type BurstOptions, type TimedKey } from './classify';
import { resolveKey } from './keys';

export type ScanSource = 'wedge' | 'camera' | 'serial' | 'manual';
export interface ScanMeta { source: ScanSource }
/** What a screen made of a scan; drives the tone and the large text. */
export interface ScanOutcome {
  kind: 'ok' | 'wrong' | 'done';
  message?: string;
  /** a tone other than the kind's own (the pack station's prompt and alarm) */
  tone?: 'ok' | 'error' | 'done' | 'prompt' | 'alarm';
  /** the screen shows and speaks the answer itself: skip the corner popup */
  shown?: boolean;
  /** the screen played its own tone already */
  silent?: boolean;
}
export type ScanHandler = (code: string, meta: ScanMeta) => ScanOutcome | void | Promise<ScanOutcome | void>;
export interface SubscribeOptions {
  /** while subscribed, only this handler (the newest exclusive one) gets scans — e.g. a modal */
  exclusive?: boolean;
}

export interface ScanServiceOptions extends Partial<BurstOptions> {
  target?: EventTarget;
  /** event time source; injectable so tests control keystroke timing */
  now?: (e: Event) => number;
  feedback?: (outcome: ScanOutcome, code: string, meta: ScanMeta) => void;
}

export interface ScanService {
  subscribe(handler: ScanHandler, opts?: SubscribeOptions): () => void;
  inject(code: string, source?: ScanSource): Promise<void>;
  stop(): void;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;
interface Snapshot { el: TextField; value: string; start: number | null; end: number | null }

/** After a scan, IME commits can still arrive for this long (ms); they are scrubbed too. */
const SCRUB_MS = 150;
const MAX_BUFFER = 256;
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'password', 'tel', 'url', 'email', 'number', '']);

function textField(target: EventTarget | null): TextField | undefined {
  const el = target as Partial<TextField> | null;
  if (!el || typeof el.value !== 'string') return undefined;
  const tag = (el as Element).tagName;
  if (tag === 'TEXTAREA') return el as HTMLTextAreaElement;
  if (tag === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type ?? '').toLowerCase())) return el as HTMLInputElement;
  return undefined;
}

function snapshot(target: EventTarget | null): Snapshot | undefined {
  const el = textField(target);
  if (!el) return undefined;
  let start: number | null = null;
  let end: number | null = null;
  try { start = el.selectionStart; end = el.selectionEnd; } catch { /* type=number has no selection */ }
  return { el, value: el.value, start, end };
}

/**
 * Puts a field back as it was before the burst. The prototype's setter bypasses React's value
 * tracker, so the input event that follows makes a controlled input's onChange see the change.
 */
function restore(s: Snapshot): void {
  if (s.el.value === s.value) return;
  let proto: object | null = Object.getPrototypeOf(s.el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (setter) setter.call(s.el, s.value);
  else s.el.value = s.value;
  try { if (s.start !== null) s.el.setSelectionRange(s.start, s.end ?? s.start); } catch { /* not selectable */ }
  s.el.dispatchEvent(new Event('input', { bubbles: true }));
}

const defaultNow = (e: Event) => (e.timeStamp > 0 ? e.timeStamp : performance.now());

export function createScanService(opts: ScanServiceOptions = {}): ScanService {
  const burst: BurstOptions = {
    maxGapMs: opts.maxGapMs ?? DEFAULT_BURST.maxGapMs,
    minLength: opts.minLength ?? DEFAULT_BURST.minLength,
    terminatorGapMs: opts.terminatorGapMs ?? DEFAULT_BURST.terminatorGapMs,
    terminators: opts.terminators ?? DEFAULT_BURST.terminators,
  };
  const target = opts.target ?? window;
  const now = opts.now ?? defaultNow;
  const handlers: { handler: ScanHandler; exclusive: boolean }[] = [];
  let buf: TimedKey[] = [];
  let before: Snapshot | undefined;
  /** field to keep clean, and until when, after a scan was taken out of it */
  let scrub: (Snapshot & { until: number }) | undefined;
  /** an IME swallowed the burst's keys: its compositionend data is the code */
  let imeWait: { until: number } | undefined;

  const deliver = async (code: string, meta: ScanMeta) => {
    const exclusive = handlers.filter((h) => h.exclusive);
    const list = exclusive.length ? [exclusive[exclusive.length - 1]!] : [...handlers];
    let outcome: ScanOutcome | undefined;
    for (const { handler } of list) {
      try {
        const r = await handler(code, meta);
        outcome ??= r || undefined;
      } catch (err) {
        outcome ??= { kind: 'wrong', message: err instanceof Error ? err.message : String(err) };
      }
    }
    opts.feedback?.(outcome ?? { kind: 'ok' }, code, meta);
  };

  const onKeyDown = (ev: Event) => {
    const e = ev as KeyboardEvent;
    const t = now(e);
    if (e.ctrlKey || e.metaKey || e.altKey) { buf = []; return; }
    const r = resolveKey(e);
    if (r.kind === 'ignore') return;
    if (r.kind === 'other') { buf = []; return; }
    if (r.kind === 'terminator') {
      const verdict = classifyBurst([...buf, { key: e.key, code: e.code, shiftKey: e.shiftKey, t }], burst);
      const snap = before && before.el === textField(e.target) ? before : undefined;
      buf = [];
      before = undefined;
      if (verdict.kind === 'typing' && verdict.reason !== 'unresolved') return;
      // a scanner burst: its Enter must not submit a form or press the focused button
      e.preventDefault();
      e.stopImmediatePropagation();
      if (snap) { restore(snap); scrub = { ...snap, until: t + SCRUB_MS }; }
      if (verdict.kind === 'scan') void deliver(verdict.code, { source: 'wedge' });
      else imeWait = { until: t + SCRUB_MS };
      return;
    }
    const prev = buf[buf.length - 1];
    if (!prev || t - prev.t > burst.maxGapMs) {
      buf = [];
      before = snapshot(e.target);
    }
    buf.push({ key: e.key, code: e.code, shiftKey: e.shiftKey, t, repeat: e.repeat });
    if (buf.length > MAX_BUFFER) buf.shift();
  };

  // An IME may commit the scanned letters after the Enter; keep the field clean meanwhile.
  const onInput = (e: Event) => {
    if (scrub && e.target === scrub.el && now(e) <= scrub.until) restore(scrub);
  };
  const onCompositionEnd = (ev: Event) => {
    const e = ev as CompositionEvent;
    const t = now(e);
    if (imeWait && t <= imeWait.until && /^[\x20-\x7E]+$/.test(e.data ?? '') && e.data.length >= burst.minLength) {
      imeWait = undefined;
      void deliver(e.data, { source: 'wedge' });
    }
    if (scrub && e.target === scrub.el && t <= scrub.until) {
      const s = scrub;
      restore(s);
      setTimeout(() => restore(s), 0);
    }
  };

  target.addEventListener('keydown', onKeyDown, true);
  target.addEventListener('input', onInput, true);
  target.addEventListener('compositionend', onCompositionEnd, true);

  return {
    subscribe(handler, o = {}) {
      const entry = { handler, exclusive: !!o.exclusive };
      handlers.push(entry);
      return () => {
        const i = handlers.indexOf(entry);
        if (i >= 0) handlers.splice(i, 1);
      };
    },
    inject: (code, source = 'manual') => deliver(code, { source }),
    stop() {
      target.removeEventListener('keydown', onKeyDown, true);
      target.removeEventListener('input', onInput, true);
      target.removeEventListener('compositionend', onCompositionEnd, true);
    },
  };
}
