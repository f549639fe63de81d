// Waiting print jobs are sent again by themselves: a pass every few seconds on the injected clock
// sends only the jobs whose backoff ran out (printQueue.ts), so tests drive it without sleeping.
import type { Clock } from '../../../shared/clock';
import type { Client } from '../../../shared/contract';
import type { WharfDB } from '../db';
import type { OperatorContext } from '../mutators';
import { pumpPrintQueue, type PumpResult } from './printQueue';

/** how often the queue is looked at (ms); each job's own backoff decides whether it goes */
export const PRINT_RETRY_POLL_MS = 3000;

export function startPrintPump(db: WharfDB, host: Pick<Client, 'printers.send'>, ctx: () => OperatorContext, clock: Clock, onPass: (r: PumpResult) => void = () => undefined): () => void {
  let stopped = false;
  let cancel: (() => void) | undefined;
  const pass = () => {
    if (stopped) return;
    pumpPrintQueue(db, host, ctx()).then(onPass, (e: unknown) => console.warn('[wharf] print retry', e)).finally(() => {
      if (!stopped) cancel = clock.after(PRINT_RETRY_POLL_MS, pass);
    });
  };
  cancel = clock.after(PRINT_RETRY_POLL_MS, pass);
  return () => { stopped = true; cancel?.(); };
}
