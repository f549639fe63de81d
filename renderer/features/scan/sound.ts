// Scan tones. Warehouse staff work without looking at the screen, so each outcome has its own
// sound: ok = one short high beep, wrong = two low buzzes, done = a rising three-note chime.
// WebAudio oscillators, so no audio files are shipped and nothing is fetched.
import { create } from 'zustand';
import type { ScanOutcome } from './service';

const SOUND_KEY = 'wharf.sound';

interface SoundState { on: boolean; setOn(on: boolean): void }

/** Sound on/off for this PC (persisted in this profile). A muted PC shows "sound off". */
export const useSound = create<SoundState>((set) => ({
  on: globalThis.localStorage?.getItem(SOUND_KEY) !== 'off',
  setOn(on) {
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
    set({ on });
  },
}));

interface Note { hz: number; ms: number; wave: OscillatorType }
const TONES: Record<ScanOutcome['kind'], Note[]> = {
  ok: [{ hz: 1320, ms: 90, wave: 'sine' }],
  wrong: [{ hz: 220, ms: 170, wave: 'square' }, { hz: 220, ms: 170, wave: 'square' }],
  done: [{ hz: 660, ms: 90, wave: 'sine' }, { hz: 880, ms: 90, wave: 'sine' }, { hz: 1320, ms: 160, wave: 'sine' }],
};
const GAP_MS = 60;

let ctx: AudioContext | undefined;

export function playTone(kind: ScanOutcome['kind']): void {
  if (!useSound.getState().on) return;
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctor) return;
  try {
    ctx ??= new Ctor();
    // a context created before any key press starts suspended (autoplay policy)
    if (ctx.state === 'suspended') void ctx.resume();
    let at = ctx.currentTime + 0.01;
    for (const n of TONES[kind]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = n.wave;
      osc.frequency.value = n.hz;
      // short ramps avoid the click of a hard start/stop
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + n.ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + n.ms / 1000 + 0.02);
      at += (n.ms + GAP_MS) / 1000;
    }
  } catch (err) {
    // sound is a help, never a blocker: the large text still answers the scan
    console.warn('[wharf] scan tone failed', err);
  }
}
