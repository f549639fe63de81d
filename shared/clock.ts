// Everything that waits goes through a Clock, so tests and benchmarks drive time instead of
// sleeping. SystemClock is the real one; ManualClock runs due timers when advanced.

export interface Clock {
  now(): number;
  /** Calls fn once after ms (on this clock's time). Returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const h = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(h);
  },
};

interface Timer { at: number; seq: number; fn: () => void; cancelled: boolean }

export class ManualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];
  constructor(start = Date.UTC(2026, 10, 25, 4, 0, 0)) { this.t = start; }
  now(): number { return this.t; }
  after(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return () => { timer.cancelled = true; };
  }
  set(ms: number): void { this.advance(ms - this.t); }
  /** Moves time forward, firing every timer that falls due, in time order (timers may add timers). */
  advance(ms: number): void {
    const target = this.t + Math.max(0, ms);
    for (;;) {
      const due = this.timers.filter((x) => !x.cancelled && x.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.t = Math.max(this.t, due.at);
      due.cancelled = true;
      this.timers = this.timers.filter((x) => x !== due);
      due.fn();
    }
    this.t = target;
  }
  pending(): number { return this.timers.filter((x) => !x.cancelled).length; }
}

/**
 * A clock that starts at wall time and runs in real time, but can be set or advanced —
 * what the simulators use (`/__sim/clock`): seed fixes data, never time.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  constructor(private base: Clock = systemClock) {}
  now(): number { return this.base.now() + this.offset; }
  after(ms: number, fn: () => void): () => void { return this.base.after(ms, fn); }
  set(ms: number): void { this.offset = ms - this.base.now(); }
  advance(ms: number): void { this.offset += ms; }
}
