// The stock push's heartbeat: every `push.batchSeconds` on the injected clock, one pass from the
// ledger cursor (pushSchedule) and, when it queued figures, a nudge to the outbox pump. Changes
// made between two passes go out together, one call per shop; nothing is kept in memory, so a
// restart or a night offline picks up at the cursor. With nobody signed in the pass waits: the
// host accepts platform calls only on behalf of a company user.
import type { Clock } from '../../../shared/clock';
import type { WharfDB } from '../db';
import { readSettings } from '../decide/config';
import { schedulePush, type PushActor } from './pushSchedule';

/** never faster than this, even with batchSeconds 0 (a pass reads the ledger tail) */
export const PUSH_MIN_INTERVAL_MS = 5_000;

export interface PushTimerDeps {
  actor: () => PushActor | undefined;
  /** figures were queued: send them */
  queued: () => void;
  onError?: (e: unknown) => void;
}

export interface PushTimer { stop(): void; /** a pass now (after "push all", or sign-in) */ poke(): Promise<void> }

export function startStockPushTimer(db: WharfDB, clock: Clock, d: PushTimerDeps): PushTimer {
  let cancel: (() => void) | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    const actor = d.actor();
    if (!actor) return;
    const r = await schedulePush(db, actor, clock.now());
    if (r.rows) d.queued();
  };
  const loop = async () => {
    cancel?.();
    cancel = undefined;
    let wait = PUSH_MIN_INTERVAL_MS;
    try {
      await pass();
      wait = Math.max(PUSH_MIN_INTERVAL_MS, (await readSettings(db)).stock.push.batchSeconds * 1000);
    } catch (e) {
      (d.onError ?? ((x) => console.error('[wharf] stock push', x)))(e);
    }
    if (!stopped) cancel = clock.after(wait, () => { running = loop(); });
  };
  running = loop();
  return {
    stop() { stopped = true; cancel?.(); },
    poke() { running = running.then(() => (stopped ? undefined : loop())); return running; },
  };
}
