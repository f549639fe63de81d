// Scan tones. Warehouse staff work without looking at the screen, so each outcome has its own
// sound: ok = one short high beep, error = two low buzzes, done = a rising three-note chime,
// prompt = two mid beeps (scan the batch label next), alarm = a loud two-tone siren (a refunded
// or cancelled order: it must not ship). WebAudio oscillators, so no audio files are shipped.
// Browsers start audio suspended until a key press: the first key resumes it, and a PC whose
// audio cannot run says "sound off" on screen (useSound.playable).
import { create } from 'zustand';
import type { ScanOutcome } from './service';

const SOUND_KEY = 'wharf.sound';

interface SoundState {
  on: boolean;
  /** false when this PC cannot play (no audio device, or audio still suspended after a key press) */
  playable: boolean;
  setOn(on: boolean): void;
}

/** Sound on/off for this PC (persisted in this profile). A muted PC shows "sound off". */
export const useSound = create<SoundState>((set) => ({
  on: globalThis.localStorage?.getItem(SOUND_KEY) !== 'off',
  playable: typeof (globalThis as { AudioContext?: unknown }).AudioContext === 'function',
  setOn(on) {
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
    set({ on });
  },
}));

interface Note { hz: number; ms: number; wave: OscillatorType; gain?: number }
export type Tone = 'ok' | 'error' | 'done' | 'prompt' | 'alarm';
const TONES: Record<Tone, Note[]> = {
  ok: [{ hz: 1320, ms: 90, wave: 'sine' }],
  error: [{ hz: 220, ms: 170, wave: 'square' }, { hz: 220, ms: 170, wave: 'square' }],
  done: [{ hz: 660, ms: 90, wave: 'sine' }, { hz: 880, ms: 90, wave: 'sine' }, { hz: 1320, ms: 160, wave: 'sine' }],
  prompt: [{ hz: 990, ms: 80, wave: 'triangle' }, { hz: 990, ms: 80, wave: 'triangle' }],
  alarm: [880, 440, 880, 440, 880, 440].map((hz) => ({ hz, ms: 180, wave: 'sawtooth' as const, gain: 0.5 })),
};
/** the scan service's outcome kinds as tones */
export const toneOf = (kind: ScanOutcome['kind']): Tone => (kind === 'wrong' ? 'error' : kind);
const GAP_MS = 60;

let ctx: AudioContext | undefined;

function audio(): AudioContext | undefined {
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctor) return undefined;
  ctx ??= new Ctor();
  return ctx;
}

let resumeInstalled = false;
/** The first key press (or click) anywhere lets audio start; until then a PC may be silent. */
export function installAudioResume(target: EventTarget = window): void {
  if (resumeInstalled) return;
  resumeInstalled = true;
  const resume = () => {
    try {
      const c = audio();
      if (!c) { useSound.setState({ playable: false }); return; }
      void c.resume().then(() => useSound.setState({ playable: c.state === 'running' }), () => useSound.setState({ playable: false }));
    } catch { useSound.setState({ playable: false }); }
  };
  target.addEventListener('keydown', resume, { capture: true });
  target.addEventListener('pointerdown', resume, { capture: true });
}

/** Plays a tone; returns whether it could (sound on, audio available and running or resumable). */
export function playSound(tone: Tone): boolean {
  if (!useSound.getState().on) return false;
  try {
    const ctx = audio();
    if (!ctx) { useSound.setState({ playable: false }); return false; }
    // a context created before any key press starts suspended (autoplay policy)
    if (ctx.state === 'suspended') void ctx.resume();
    let at = ctx.currentTime + 0.01;
    for (const n of TONES[tone]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = n.wave;
      osc.frequency.value = n.hz;
      // short ramps avoid the click of a hard start/stop
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(n.gain ?? 0.25, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + n.ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + n.ms / 1000 + 0.02);
      at += (n.ms + GAP_MS) / 1000;
    }
    return ctx.state !== 'closed';
  } catch (err) {
    // sound is a help, never a blocker: the large text still answers the scan
    console.warn('[wharf] scan tone failed', err);
    useSound.setState({ playable: false });
    return false;
  }
}

export const playTone = (kind: ScanOutcome['kind']): boolean => playSound(toneOf(kind));
