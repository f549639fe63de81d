// This station's print queue. A job is stored before it is sent, sent to the host (which prints
// a job id once), and kept until the printer took it: a printer that is off, out of paper or
// unplugged makes the job wait and retry — it is never lost and never printed twice — while
// the packer sets the parcel aside and goes on. A label that printed records the parcel's
// waybill and ships it.
import type { Client } from '../../../shared/contract';
import { describeTarget, type PrinterLanguage, type PrinterTarget } from '../../../shared/domain/printing';
import { newEventId } from '../../../shared/events/envelope';
import type { WharfDB } from '../db';
import type { OperatorContext } from '../mutators';
import type { PrintJobRow } from './printJob';
import { recordLabel, shipParcel } from './ship';

const BACKOFF_MS = [2_000, 5_000, 10_000, 30_000];
export const printBackoff = (attempts: number) => BACKOFF_MS[Math.min(BACKOFF_MS.length - 1, Math.max(0, attempts - 1))]!;

export interface LabelJobInput {
  parcel: string;
  orderKey: string;
  waybillNo: string;
  carrier: string;
  printer: string;
  target: PrinterTarget;
  language: PrinterLanguage;
  data: string;
  reprintOf?: string;
  reason?: string;
}

export async function enqueueLabel(db: WharfDB, ctx: OperatorContext, input: LabelJobInput): Promise<PrintJobRow> {
  const at = ctx.now();
  const job: PrintJobRow = { id: newEventId(), at, kind: 'label', ...input, state: 'queued', attempts: 0, nextAt: at, by: ctx.user.id, device: ctx.device };
  await db.printJobs.add(job);
  return job;
}

/** A reprint is a new job (the host would answer the old id from its ledger) with its reason. */
export async function reprintJob(db: WharfDB, ctx: OperatorContext, jobId: string, reason: string): Promise<PrintJobRow> {
  const old = await db.printJobs.get(jobId);
  if (!old) throw new Error(`print job ${jobId} is not in this station's queue`);
  if (!reason.trim()) throw new Error('reprint: say why (label torn, printer jammed…) — the audit keeps it');
  const { id: _id, state: _s, attempts: _a, error: _e, doneAt: _d, ...rest } = old;
  const job: PrintJobRow = { ...rest, id: newEventId(), at: ctx.now(), state: 'queued', attempts: 0, nextAt: ctx.now(), reprintOf: old.id, reason: reason.trim(), by: ctx.user.id, device: ctx.device };
  await db.printJobs.add(job);
  return job;
}

export async function cancelJob(db: WharfDB, jobId: string): Promise<void> {
  await db.printJobs.update(jobId, { state: 'cancelled' });
}

export interface PumpResult { printed: PrintJobRow[]; failed: PrintJobRow[] }

/**
 * Sends every due job once (or just `only`: a job id, or the job itself when its caller has just
 * stored it); a job that printed records its label (and ships a first print's parcel).
 */
export async function pumpPrintQueue(db: WharfDB, host: Pick<Client, 'printers.send'>, ctx: OperatorContext, only?: string | PrintJobRow): Promise<PumpResult> {
  const now = ctx.now();
  const due = typeof only === 'object' ? [only]
    : (await db.printJobs.where('state').anyOf(['queued', 'waiting']).sortBy('at')).filter((j) => (only ? j.id === only : j.nextAt <= now));
  const out: PumpResult = { printed: [], failed: [] };
  for (const job of due) {
    try {
      await host['printers.send']({ actor: { userId: ctx.user.id, device: ctx.device }, jobId: job.id, target: job.target, data: job.data, ...(job.reprintOf ? { reprint: `${(job.reason ?? '').slice(0, 120)} (reprint of ${job.reprintOf})` } : {}) });
      const done: PrintJobRow = { ...job, state: 'done', attempts: job.attempts + 1, doneAt: ctx.now(), error: undefined };
      await db.printJobs.put(done);
      if (job.kind === 'label' && job.parcel && job.waybillNo && job.carrier) {
        await recordLabel(db, ctx, {
          parcelId: job.parcel, waybillNo: job.waybillNo, carrier: job.carrier, source: 'own', jobId: job.id, printer: `${job.printer} (${describeTarget(job.target)})`,
          ...(job.reason ? { reprintReason: job.reason } : {}),
        });
        if (!job.reprintOf) await shipParcel(db, ctx, job.parcel);
      }
      out.printed.push(done);
    } catch (e) {
      const attempts = job.attempts + 1;
      const failed: PrintJobRow = { ...job, state: 'waiting', attempts, nextAt: ctx.now() + printBackoff(attempts), error: (e as Error).message };
      await db.printJobs.put(failed);
      out.failed.push(failed);
    }
  }
  return out;
}
